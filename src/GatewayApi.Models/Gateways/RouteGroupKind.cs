using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// A route kind by API group and kind name: in a listener's <c>allowedRoutes.kinds</c> (the kinds it
/// accepts) and in its status's <c>supportedKinds</c> (the kinds it actually supports).
/// </summary>
public sealed class RouteGroupKind : SchemaObject
{
    /// <summary>The route's API group. Absent means <c>gateway.networking.k8s.io</c>.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The route's kind, for example <c>HTTPRoute</c>. Required.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }
}
