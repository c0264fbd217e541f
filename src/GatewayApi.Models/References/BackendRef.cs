using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// A backend a route forwards to, with its share of the traffic. Used as is by TLS, TCP and UDP routes;
/// HTTP and gRPC routes extend it with per-backend filters.
/// </summary>
public class BackendRef : BackendObjectReference
{
    /// <summary>
    /// The relative share of requests this backend receives among the rule's backends: its weight divided
    /// by the sum of all weights. Absent means 1; 0 means no traffic. Range 0 to 1,000,000.
    /// </summary>
    [JsonPropertyName("weight")]
    public int? Weight { get; set; }
}
