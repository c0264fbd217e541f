using System.Security.Authentication;

namespace GatewayApi.Yarp;

/// <summary>
/// Reads <see cref="GatewayApiProxyOptions.MinimumTlsVersionOption"/> from a listener's <c>tls.options</c> or a
/// BackendTLSPolicy's <c>options</c>: <c>1.2</c> or <c>1.3</c>. Other keys are not ours and are left alone.
/// </summary>
internal static class TlsVersionOption
{
    /// <summary>
    /// The TLS versions to enable (<see cref="SslProtocols.None"/>, the platform's default, without the option); false
    /// with a <paramref name="problem"/> for a value that cannot be honoured, which the caller must refuse rather than
    /// offer less than asked.
    /// </summary>
    public static bool TryParse(IEnumerable<KeyValuePair<string, string>>? options, out SslProtocols protocols, out string? problem)
    {
        protocols = SslProtocols.None;
        problem = null;
        var minimum = options?.FirstOrDefault(o => o.Key == GatewayApiProxyOptions.MinimumTlsVersionOption).Value;
        switch (minimum?.Trim())
        {
            case null:
                return true;
            case "1.2":
                protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                return true;
            case "1.3":
                protocols = SslProtocols.Tls13;
                return true;
            default:
                problem = $"option {GatewayApiProxyOptions.MinimumTlsVersionOption}: '{minimum}' is not 1.2 or 1.3";
                return false;
        }
    }
}
