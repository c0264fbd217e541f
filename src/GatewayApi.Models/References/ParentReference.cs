using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Identifies a parent a route wants to attach to: usually a Gateway (optionally one of its listeners by
/// <see cref="SectionName"/> or <see cref="Port"/>), a ListenerSet, or, for mesh (GAMMA) routes, a Service.
/// Also used in route and policy status to say which parent an entry is about.
/// </summary>
public sealed class ParentReference : SchemaObject
{
    /// <summary>
    /// The parent's API group. Absent means <c>gateway.networking.k8s.io</c>; a Service parent must say
    /// the core group explicitly as <c>""</c>.
    /// </summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The parent's kind. Absent means <c>Gateway</c>; <c>Service</c> for mesh routes.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>The parent's namespace. Absent means the route's own namespace.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>The parent's name. Required.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// Narrows attachment to one section of the parent: a listener name on a Gateway or ListenerSet, a
    /// port name on a Service. Absent means every section the route can attach to.
    /// </summary>
    [JsonPropertyName("sectionName")]
    public string? SectionName { get; set; }

    /// <summary>
    /// Narrows attachment to the listeners (or Service port) on this port number (Extended support,
    /// feature <c>HTTPRouteParentRefPort</c>). When both this and <see cref="SectionName"/> are set, both
    /// must match.
    /// </summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }
}
