namespace GatewayApi.Routing;

/// <summary>What route matching found for a request (before filters and backend selection).</summary>
public enum RoutingResult
{
    /// <summary>A route rule matched.</summary>
    Matched,

    /// <summary>
    /// No listener of the Gateway serves this port and protocol (or the Gateway or Service is unknown): the
    /// connection would not have been accepted. HTTP answers 404, gRPC <c>UNIMPLEMENTED</c>, TLS/TCP reject.
    /// </summary>
    NoListener,

    /// <summary>
    /// Listeners serve the port but none matches the Host (or SNI): 404 / <c>UNIMPLEMENTED</c> / reject (§1.2, §1.3).
    /// </summary>
    NoListenerForHostname,

    /// <summary>
    /// HTTPS only: the Host belongs to a more specific listener than the one the SNI chose: 421 Misdirected
    /// Request (§1.3).
    /// </summary>
    Misdirected,

    /// <summary>
    /// The listener (or mesh Service port) has routes, but no rule matches the request: 404 (HTTP),
    /// <c>UNIMPLEMENTED</c> (gRPC), reject (TLS/TCP), drop (UDP) (§2.3, §3.3).
    /// </summary>
    NoMatchingRule,

    /// <summary>
    /// Mesh only: no route is bound to the destination Service port for this client, so the request goes to the
    /// Service as if there were no mesh (<c>mesh.md</c> §2).
    /// </summary>
    NoRoutesBound,
}

/// <summary>gRPC status codes a gateway sends in trailers when it answers a call itself.</summary>
public enum GrpcStatusCode
{
    /// <summary>0: the call was forwarded (the backend's own status applies).</summary>
    Ok = 0,

    /// <summary>12: no rule matched the call, or the rule has no backends (§3.3, R8).</summary>
    Unimplemented = 12,

    /// <summary>14: the chosen backend is invalid or unavailable (§3.3).</summary>
    Unavailable = 14,

    /// <summary>13: a filter could not be applied (for example an unresolvable ExtensionRef, R9).</summary>
    Internal = 13,
}
