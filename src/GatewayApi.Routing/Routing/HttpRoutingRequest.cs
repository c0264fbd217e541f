namespace GatewayApi.Routing;

/// <summary>
/// An HTTP request (or gRPC call) as the router needs it: where it arrived and what it asks for. A proxy fills
/// it from its own request type; the router never changes it and keeps no reference to it.
/// </summary>
public sealed record HttpRoutingRequest
{
    /// <summary>The Gateway the connection arrived at (ignored for mesh routing).</summary>
    public NamespacedName Gateway { get; init; }

    /// <summary>The port the connection arrived on (the listener port; ignored for mesh routing).</summary>
    public int Port { get; init; }

    /// <summary>
    /// <c>http</c> for a cleartext connection (HTTP listeners), <c>https</c> for a TLS-terminated one (HTTPS
    /// listeners). Also the redirect scheme when a redirect filter does not set one.
    /// </summary>
    public string Scheme { get; init; } = "http";

    /// <summary>The TLS SNI of the connection, if any: on HTTPS it chooses the listener (§1.3).</summary>
    public string? ServerName { get; init; }

    /// <summary>The <c>Host</c> header or <c>:authority</c>; a port in it is ignored for matching.</summary>
    public required string Authority { get; init; }

    /// <summary>The request method, upper case as sent (<c>GET</c>, <c>POST</c>, ...).</summary>
    public string Method { get; init; } = "GET";

    /// <summary>
    /// The raw request target path with its query string, for example <c>/a/b?x=1</c>. Matched as received:
    /// no percent-decoding, <c>//</c> merging or dot-segment removal (R3); normalise before routing if wanted.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>
    /// The request headers in arrival order; a name may repeat. Names compare without regard to case; repeated
    /// headers are joined with <c>,</c> before value comparison (RFC 7230 §3.2.2), except <c>Cookie</c> lines (HTTP/2
    /// cookie crumbs), joined with <c>; </c> (RFC 9113 §8.2.3).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// The backend the request's session is bound to (<see cref="RoutedBackend.SessionKey"/>), as the proxy read it
    /// from the session cookie or header. When the matched rule has <c>sessionPersistence</c> and this names one of its
    /// usable backends, that backend is chosen instead of a weighted draw, even when its weight is 0 (GEP-1619: a
    /// session outlives a traffic shift); otherwise it is ignored.
    /// </summary>
    public string? SessionBackend { get; init; }
}

/// <summary>Where a mesh (east/west) request is going and who sends it.</summary>
/// <param name="ClientNamespace">The namespace of the calling workload: its consumer routes apply first.</param>
/// <param name="Service">The destination Service (the one whose cluster IP was called).</param>
/// <param name="Port">The destination Service port.</param>
public readonly record struct MeshDestination(string ClientNamespace, NamespacedName Service, int Port);
