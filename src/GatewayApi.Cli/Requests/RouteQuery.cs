using GatewayApi.Routing;

namespace GatewayApi.Cli.Requests;

/// <summary>What <c>gwapi route</c> was asked: the request and where it goes.</summary>
internal sealed record RouteQuery
{
    public required RequestLine Line { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    public bool Grpc { get; init; }

    public bool Explain { get; init; }

    public int Seed { get; init; }

    /// <summary>North/south: the Gateway.</summary>
    public NamespacedName? Gateway { get; init; }

    public string? Listener { get; init; }

    public int? Port { get; init; }

    public string? ServerName { get; init; }

    /// <summary>Mesh: the destination Service.</summary>
    public NamespacedName? Service { get; init; }

    public int ServicePort { get; init; }

    public string? FromNamespace { get; init; }

    /// <summary>The <c>Host</c>/<c>:authority</c>: a Host header when given, else the URL's authority.</summary>
    public string Authority => Headers.LastOrDefault(h => string.Equals(h.Key, "host", StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } host ? host : Line.Authority;
}
