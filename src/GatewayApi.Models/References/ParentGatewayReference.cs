using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Identifies the Gateway a ListenerSet adds its listeners to. Unlike <see cref="ParentReference"/> it
/// names a whole object: there is no section name or port.
/// </summary>
public sealed class ParentGatewayReference : SchemaObject
{
    /// <summary>The parent's API group. Absent means <c>gateway.networking.k8s.io</c>.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The parent's kind. Absent means <c>Gateway</c>.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>The parent's name. Required, 1 to 253 characters.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The parent's namespace. Absent means the ListenerSet's own namespace.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }
}
