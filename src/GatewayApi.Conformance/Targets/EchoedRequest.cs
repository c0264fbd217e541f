using GatewayApi.Conformance.Definitions;

namespace GatewayApi.Conformance.Targets;

/// <summary>What an echo backend reports it received.</summary>
public sealed record EchoedRequest
{
    /// <summary>The backend Service that received it.</summary>
    public required BackendName Service { get; init; }

    /// <summary>The method.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The Host header / <c>:authority</c>.</summary>
    public string Host { get; init; } = "";

    /// <summary>The path with query string.</summary>
    public string Path { get; init; } = "/";

    /// <summary>The headers, in order (a name may repeat).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The TLS server name the backend saw, if the connection to it was TLS.</summary>
    public string? ServerName { get; init; }
}
