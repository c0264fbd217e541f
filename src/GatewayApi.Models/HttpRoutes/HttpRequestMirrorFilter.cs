using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The settings of a <c>RequestMirror</c> filter of HTTPRoute and GRPCRoute (Extended support): a copy of
/// (a share of) the requests goes to another backend, whose answers are ignored. Set at most one of
/// <see cref="Percent"/> and <see cref="Fraction"/>; with neither, every request is mirrored.
/// </summary>
public sealed class HttpRequestMirrorFilter : SchemaObject
{
    /// <summary>
    /// The backend receiving the copies, one endpoint of it per request. Required. If it cannot be resolved
    /// or is not allowed, the route's <c>ResolvedRefs</c> becomes False and nothing is mirrored there.
    /// </summary>
    [JsonPropertyName("backendRef")]
    public BackendObjectReference? BackendRef { get; set; }

    /// <summary>The share of requests mirrored, in whole percent, 0 to 100.</summary>
    [JsonPropertyName("percent")]
    public int? Percent { get; set; }

    /// <summary>The share of requests mirrored, as a fraction, for shares finer than whole percents.</summary>
    [JsonPropertyName("fraction")]
    public Fraction? Fraction { get; set; }
}
