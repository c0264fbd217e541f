using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GatewayApi.Models;
using GatewayApi.Routing;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp;

/// <summary>
/// Chooses the TLS certificate for a handshake from the CURRENT state, so a reload changes certificates: the
/// HTTPS listener of the port whose hostname matches the SNI most specifically (exact, then the longest wildcard,
/// then the listener without hostname), and that listener's first usable <c>kubernetes.io/tls</c> Secret.
/// </summary>
internal sealed class ListenerCertificates(GatewayApiProxyConfiguration configuration, ILogger logger)
{
    private static readonly object CacheKey = new();

    /// <summary>The certificate and TLS versions for a handshake on a listener port, or null when no listener has them.</summary>
    public ListenerTls? Select(int listenerPort, string? serverName)
    {
        var state = configuration.Current;
        var table = state.Cache.GetOrAdd(CacheKey, () => Build(state));
        return table.TryGetValue(listenerPort, out var entries) ? Choose(entries, serverName) : null;
    }

    private static ListenerTls? Choose(CertificateEntry[] entries, string? serverName)
    {
        CertificateEntry? best = null;
        var bestRank = -1;
        foreach (var entry in entries)
        {
            var rank = Rank(entry.Hostname, serverName);
            if (rank > bestRank)
            {
                best = entry;
                bestRank = rank;
            }
        }

        return best?.Tls;
    }

    /// <summary>How well a listener hostname matches an SNI: higher is more specific, -1 does not match. Without SNI only the listener without hostname matches.</summary>
    internal static int Rank(string? hostname, string? serverName)
    {
        if (string.IsNullOrEmpty(hostname))
        {
            return 0;
        }

        if (string.IsNullOrEmpty(serverName))
        {
            return -1;
        }

        if (hostname.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = hostname[1..];
            return serverName.Length > suffix.Length && serverName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? suffix.Length : -1;
        }

        return string.Equals(hostname, serverName, StringComparison.OrdinalIgnoreCase) ? int.MaxValue : -1;
    }

    private FrozenDictionary<int, CertificateEntry[]> Build(GatewayApiProxyState state)
    {
        var result = new Dictionary<int, List<CertificateEntry>>();
        foreach (var gateway in state.Routing.Gateways)
        {
            // HTTPS listeners, and TLS listeners that terminate (TLSRoute mode Terminate); passthrough listeners have none.
            foreach (var listener in gateway.Listeners.Where(l => l.Protocol == ProtocolType.Https
                || (l.Protocol == ProtocolType.Tls && string.Equals(l.TlsMode, "Terminate", StringComparison.Ordinal))))
            {
                var certificate = Load(state, gateway, listener, out var spec);
                if (!result.TryGetValue(listener.Port, out var list))
                {
                    result[listener.Port] = list = [];
                }

                // tls.options: a minimum version this proxy cannot honour leaves the listener without TLS (refused),
                // never with weaker TLS than asked.
                if (!TlsVersionOption.TryParse(spec?.Tls?.Options, out var protocols, out var problem))
                {
                    ProxyLog.CertificateNotFound(logger, listener.Name, gateway.Namespace + "/" + gateway.Name, listener.Port, problem!);
                    continue;
                }

                if (certificate is not null)
                {
                    list.Add(new CertificateEntry(listener.Hostname, new ListenerTls(certificate, protocols)));
                }
            }
        }

        return result.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    private X509Certificate2? Load(GatewayApiProxyState state, GatewayRoutes gateway, ListenerRoutes listener, out Listener? spec)
    {
        // The listener's owner: the Gateway, or the ListenerSet that contributes it (same Listener shape in both).
        var gatewayName = gateway.Namespace + "/" + gateway.Name;
        IEnumerable<Listener>? specs;
        IEnumerable<ListenerStatus>? statuses;
        string ownerNamespace;
        if (listener.ListenerSet is { } set)
        {
            specs = state.Snapshot.ListenerSets.FirstOrDefault(l => l.Metadata?.Name == set.Name && (l.Metadata.NamespaceProperty ?? "default") == set.Namespace)?.Spec?.Listeners;
            statuses = state.Status.ListenerSets.FirstOrDefault(l => l.Name == set.Name && l.Namespace == set.Namespace)?.Status?.Listeners;
            ownerNamespace = set.Namespace;
            gatewayName += $" (ListenerSet {set.Namespace}/{set.Name})";
        }
        else
        {
            specs = state.Snapshot.Gateways.FirstOrDefault(g => g.Metadata?.Name == gateway.Name && (g.Metadata.NamespaceProperty ?? "default") == gateway.Namespace)?.Spec?.Listeners;
            statuses = state.Status.Gateways.FirstOrDefault(g => g.Name == gateway.Name && g.Namespace == gateway.Namespace)?.Status?.Listeners;
            ownerNamespace = gateway.Namespace;
        }

        spec = specs?.FirstOrDefault(l => l.Name == listener.Name);
        var resolved = statuses?.FirstOrDefault(l => l.Name == listener.Name)?.Conditions?.FirstOrDefault(c => c.Type == "ResolvedRefs");
        if (resolved is not null && resolved.Status != "True")
        {
            ProxyLog.CertificateNotFound(logger, listener.Name, gatewayName, listener.Port, $"{resolved.Reason}: {resolved.Message}");
            return null;
        }

        var reference = spec?.Tls?.CertificateRefs?.FirstOrDefault();
        if (reference?.Name is null)
        {
            ProxyLog.CertificateNotFound(logger, listener.Name, gatewayName, listener.Port, "no certificateRefs");
            return null;
        }

        var secretNamespace = reference.Namespace ?? ownerNamespace;
        var secret = state.Snapshot.Secrets.FirstOrDefault(s => s.Metadata?.Name == reference.Name && (s.Metadata.NamespaceProperty ?? "default") == secretNamespace);
        if (secret?.Data is null || !secret.Data.TryGetValue("tls.crt", out var certificate) || !secret.Data.TryGetValue("tls.key", out var key))
        {
            ProxyLog.CertificateNotFound(logger, listener.Name, gatewayName, listener.Port, $"Secret {secretNamespace}/{reference.Name} is missing or has no tls.crt and tls.key");
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(certificate), Encoding.ASCII.GetString(key));
        }
        catch (CryptographicException exception)
        {
            ProxyLog.CertificateNotFound(logger, listener.Name, gatewayName, listener.Port, $"Secret {secretNamespace}/{reference.Name}: {exception.Message}");
            return null;
        }
    }

    private sealed record CertificateEntry(string? Hostname, ListenerTls Tls);
}

/// <summary>What a TLS handshake on a listener uses: its certificate and the TLS versions its <c>tls.options</c> allow.</summary>
/// <param name="Certificate">The server certificate.</param>
/// <param name="Protocols">The versions to enable; <see cref="System.Security.Authentication.SslProtocols.None"/> is the platform's default.</param>
internal sealed record ListenerTls(X509Certificate2 Certificate, System.Security.Authentication.SslProtocols Protocols);
