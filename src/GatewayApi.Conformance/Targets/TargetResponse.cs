namespace GatewayApi.Conformance.Targets;

/// <summary>What came back for one request: what the client saw, and what the backends reported receiving.</summary>
public sealed record TargetResponse
{
    /// <summary>The HTTP status code (0 when there was no HTTP answer: a refused connection, a TLS stream).</summary>
    public int StatusCode { get; init; }

    /// <summary>The response headers the client saw.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The gRPC status name the client saw (<c>OK</c>, <c>UNIMPLEMENTED</c>, ...), for gRPC requests.</summary>
    public string? GrpcStatus { get; init; }

    /// <summary>Whether the connection was refused or reset before any answer (no listener, TLS rejected).</summary>
    public bool Rejected { get; init; }

    /// <summary>What the backend that answered received, or null when no backend answered.</summary>
    public EchoedRequest? Backend { get; init; }

    /// <summary>Copies mirror backends received.</summary>
    public IReadOnlyList<EchoedRequest> Mirrored { get; init; } = [];

    /// <summary>Anything the target wants to show when a check fails (its routing explanation, an exception).</summary>
    public string? Diagnostics { get; init; }
}
