namespace GatewayApi.Conformance.Definitions;

/// <summary>One request of a case (or one series of requests, for weights), with what must come back.</summary>
public sealed record RequestCase
{
    /// <summary>A label for the request in results (defaults to <c>#n</c>).</summary>
    public required string Name { get; init; }

    /// <summary>How the request is sent.</summary>
    public RequestProtocol Protocol { get; init; } = RequestProtocol.Http;

    /// <summary>The Gateway the request goes through (null for mesh requests).</summary>
    public GatewayTarget? Gateway { get; init; }

    /// <summary>The mesh client and Service the request goes to (null for Gateway requests).</summary>
    public MeshTarget? Mesh { get; init; }

    /// <summary>The port: the listener port for Gateway requests (default 80, or 443 for HTTPS and TLS), the Service port for mesh requests (default 80).</summary>
    public int Port { get; init; }

    /// <summary>The Host header (<c>:authority</c>); null sends the target's address for the Gateway, as upstream does.</summary>
    public string? Host { get; init; }

    /// <summary>The TLS server name (HTTPS defaults to the host; TLS needs it unless testing a connection without SNI).</summary>
    public string? ServerName { get; init; }

    /// <summary>The method (default <c>GET</c>).</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The path with any query string (default <c>/</c>); for gRPC, <c>/service/method</c> built from <see cref="Grpc"/>.</summary>
    public string Path { get; init; } = "/";

    /// <summary>Request headers, in order (a name may repeat).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The gRPC service and method, for gRPC requests.</summary>
    public GrpcMethod? Grpc { get; init; }

    /// <summary>Response headers the echo backend is asked to set on its answer (as upstream's <c>X-Echo-Set-Header</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BackendResponseHeaders { get; init; } = [];

    /// <summary>How long the echo backend waits before answering (timeout cases; needs a live target).</summary>
    public TimeSpan? BackendDelay { get; init; }

    /// <summary>How many times to send the request (for weight ratios and fractional mirrors; default 1).</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>What must come back.</summary>
    public required ResponseExpectation Expect { get; init; }

    /// <summary>The line of the case file where the request is written.</summary>
    public int Line { get; init; }
}

/// <summary>A Gateway a request goes through.</summary>
/// <param name="Namespace">The Gateway's namespace.</param>
/// <param name="Name">The Gateway's name.</param>
public sealed record GatewayTarget(string Namespace, string Name)
{
    /// <inheritdoc />
    public override string ToString() => Namespace + "/" + Name;
}

/// <summary>A mesh request: from a client in a namespace to a Service.</summary>
/// <param name="ClientNamespace">The namespace the mesh client runs in.</param>
/// <param name="ServiceNamespace">The Service's namespace.</param>
/// <param name="ServiceName">The Service's name.</param>
public sealed record MeshTarget(string ClientNamespace, string ServiceNamespace, string ServiceName)
{
    /// <inheritdoc />
    public override string ToString() => $"{ClientNamespace} -> {ServiceNamespace}/{ServiceName}";
}

/// <summary>A gRPC method.</summary>
/// <param name="Service">The fully qualified service, for example <c>gateway_api_conformance.echo_basic.grpcecho.GrpcEcho</c>.</param>
/// <param name="Method">The method, for example <c>Echo</c>.</param>
public sealed record GrpcMethod(string Service, string Method)
{
    /// <summary>The HTTP/2 path of the call.</summary>
    public string Path => "/" + Service + "/" + Method;
}
