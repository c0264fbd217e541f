using System.Globalization;

namespace GatewayApi.Yarp;

/// <summary>One network endpoint of a backend.</summary>
/// <param name="Host">An IP address or a DNS name.</param>
/// <param name="Port">The port.</param>
public sealed record BackendEndpoint(string Host, int Port)
{
    private string? _prefix;

    /// <summary>Whether requests to this endpoint use TLS (https). Default false.</summary>
    public bool UseTls { get; init; }

    /// <summary>The destination prefix for the forwarder, such as <c>http://10.0.0.7:8080</c>.</summary>
    internal string Prefix => _prefix ??= (UseTls ? "https://" : "http://")
        + (Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[') ? "[" + Host + "]" : Host)
        + ":" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>host:port</c>.</summary>
    public override string ToString() => Host + ":" + Port.ToString(CultureInfo.InvariantCulture);
}
