using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Which routes may attach to a listener: from which namespaces, and of which kinds. Absent on a listener
/// means <c>{namespaces: {from: Same}}</c>.
/// </summary>
public sealed class AllowedRoutes : SchemaObject
{
    /// <summary>The namespaces routes may come from. Absent means only the Gateway's own namespace (<c>Same</c>).</summary>
    [JsonPropertyName("namespaces")]
    public RouteNamespaces? Namespaces { get; set; }

    /// <summary>
    /// The route kinds that may attach, at most 8. Absent or empty means the kinds that fit the listener's
    /// protocol. A kind the implementation does not support makes the listener <c>ResolvedRefs=False</c>
    /// with reason <c>InvalidRouteKinds</c>.
    /// </summary>
    [JsonPropertyName("kinds")]
    public IList<RouteGroupKind>? Kinds { get; set; }
}

/// <summary>The namespaces from which routes may attach to a listener.</summary>
public sealed class RouteNamespaces : SchemaObject
{
    /// <summary>
    /// <c>All</c>, <c>Selector</c> or <c>Same</c>. Absent means <c>Same</c>: only routes in the Gateway's
    /// own namespace.
    /// </summary>
    [JsonPropertyName("from")]
    public FromNamespaces? From { get; set; }

    /// <summary>
    /// The label selector namespaces must match when <see cref="From"/> is <c>Selector</c> (and required
    /// then); ignored otherwise.
    /// </summary>
    [JsonPropertyName("selector")]
    public k8s.Models.V1LabelSelector? Selector { get; set; }
}
