using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// A rule of a TLSRoute, TCPRoute or UDPRoute: the backends that receive the connections (or datagrams) the
/// route accepts. These route kinds match nothing inside the stream, so a rule is only a named set of
/// weighted backends.
/// </summary>
public sealed class L4RouteRule : SchemaObject
{
    /// <summary>
    /// An optional name for the rule, for policies and status to refer to. Must be unique within the route
    /// when set; same syntax as a listener name (lower-case DNS subdomain, at most 253 characters).
    /// </summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// The backends, each getting traffic in proportion to its weight. Required, 1 to 16 entries. The share
    /// of an invalid backend (missing, or without endpoints) is refused, not moved: its connections are
    /// rejected (TCP, TLS) or its packets dropped (UDP).
    /// </summary>
    [JsonPropertyName("backendRefs")]
    public IList<BackendRef>? BackendRefs { get; set; }
}
