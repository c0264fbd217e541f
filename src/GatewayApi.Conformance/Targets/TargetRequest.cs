using GatewayApi.Conformance.Definitions;

namespace GatewayApi.Conformance.Targets;

/// <summary>A request for a target to send (one repetition of a case's request).</summary>
public sealed record TargetRequest
{
    /// <summary>How to send it.</summary>
    public required RequestProtocol Protocol { get; init; }

    /// <summary>The Gateway to send it through, or null for a mesh request.</summary>
    public GatewayTarget? Gateway { get; init; }

    /// <summary>The mesh client and Service, or null for a Gateway request.</summary>
    public MeshTarget? Mesh { get; init; }

    /// <summary>The listener port (Gateway) or Service port (mesh).</summary>
    public required int Port { get; init; }

    /// <summary>The Host header / <c>:authority</c>; null: use the Gateway's (or Service's) address.</summary>
    public string? Host { get; init; }

    /// <summary>The TLS server name, or null to send none.</summary>
    public string? ServerName { get; init; }

    /// <summary>The method.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The path with query string (for gRPC, <c>/service/method</c>).</summary>
    public string Path { get; init; } = "/";

    /// <summary>The request headers, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Headers the echo backend must set on its answer.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BackendResponseHeaders { get; init; } = [];

    /// <summary>How long the echo backend must wait before answering.</summary>
    public TimeSpan? BackendDelay { get; init; }
}
