using System.Collections.Frozen;
using GatewayApi.Models;
using GatewayApi.Routing;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp;

/// <summary>What a listener port speaks, from the protocols of its listeners.</summary>
internal enum ListenerPortKind
{
    /// <summary>HTTP listeners: HTTP/1.1 and h2c.</summary>
    Http,

    /// <summary>HTTPS listeners: TLS terminated by Kestrel, certificate by SNI.</summary>
    Https,

    /// <summary>TLS listeners (TLSRoute): routed by the ClientHello's SNI, then passed through or terminated per listener.</summary>
    Tls,

    /// <summary>TCP listeners (TCPRoute): every connection goes to the listener's route.</summary>
    Tcp,
}

/// <summary>One listener port of the served Gateways: which Gateway owns it and what it speaks.</summary>
internal sealed record ListenerPort(int Port, ListenerPortKind Kind, NamespacedName Gateway)
{
    public bool Https => Kind == ListenerPortKind.Https;

    /// <summary>
    /// On an HTTPS port that also has TLS listeners (TLSRoute): the hostnames of both, so a connection's SNI can pick
    /// HTTPS (terminated by Kestrel) or TLS (routed as a stream). Empty on every other port.
    /// </summary>
    public IReadOnlyList<(string? Hostname, bool Tls)> SharedWithTls { get; init; } = [];

    /// <summary>The protocol name shown to users (HTTP, HTTPS, TLS, TCP).</summary>
    public string Protocol => Kind switch
    {
        ListenerPortKind.Https => "HTTPS",
        ListenerPortKind.Tls => "TLS",
        ListenerPortKind.Tcp => "TCP",
        _ => "HTTP",
    };
}

/// <summary>
/// The listener ports of a state (accepted HTTP, HTTPS, TLS and TCP listeners; UDP is not served), computed once
/// per state.
/// </summary>
internal static class ListenerPorts
{
    private static readonly object CacheKey = new();

    public static FrozenDictionary<int, ListenerPort> Of(GatewayApiProxyState state) =>
        state.Cache.GetOrAdd(CacheKey, () => Compute(state.Routing));

    private static FrozenDictionary<int, ListenerPort> Compute(RoutingConfiguration routing)
    {
        // A port served by two Gateways belongs to the first by {namespace}/{name}: one process, one owner per port.
        var ports = new Dictionary<int, ListenerPort>();
        foreach (var gateway in routing.Gateways.OrderBy(g => g.Namespace, StringComparer.Ordinal).ThenBy(g => g.Name, StringComparer.Ordinal))
        {
            foreach (var group in gateway.Listeners.Where(l => KindOf(l) is not null).GroupBy(l => l.Port))
            {
                // The status engine marks protocol conflicts on a port; of what is left, HTTP(S) wins, then TLS, then TCP.
                // HTTPS and TLS listeners share a port by hostname: the HTTPS port then routes TLS connections too.
                var kinds = group.Select(l => KindOf(l)!.Value).ToHashSet();
                var kind = kinds.Contains(ListenerPortKind.Https) ? ListenerPortKind.Https
                    : kinds.Contains(ListenerPortKind.Http) ? ListenerPortKind.Http
                    : kinds.Contains(ListenerPortKind.Tls) ? ListenerPortKind.Tls
                    : ListenerPortKind.Tcp;
                ports.TryAdd(group.Key, new ListenerPort(group.Key, kind, new NamespacedName(gateway.Namespace, gateway.Name))
                {
                    SharedWithTls = kind == ListenerPortKind.Https && kinds.Contains(ListenerPortKind.Tls)
                        ? [.. group.Where(l => l.Protocol == ProtocolType.Https || l.Protocol == ProtocolType.Tls).Select(l => (l.Hostname, l.Protocol == ProtocolType.Tls))]
                        : [],
                });
            }
        }

        return ports.ToFrozenDictionary();
    }

    private static ListenerPortKind? KindOf(ListenerRoutes listener) =>
        listener.Protocol == ProtocolType.Http ? ListenerPortKind.Http
        : listener.Protocol == ProtocolType.Https ? ListenerPortKind.Https
        : listener.Protocol == ProtocolType.Tls ? ListenerPortKind.Tls
        : listener.Protocol == ProtocolType.Tcp ? ListenerPortKind.Tcp
        : null;

    public static void WarnAboutUnboundPorts(GatewayApiProxyState state, IReadOnlyCollection<int> boundListenerPorts, ILogger logger)
    {
        foreach (var port in Of(state).Keys.Order())
        {
            if (!boundListenerPorts.Contains(port))
            {
                ProxyLog.ListenerPortNotBound(logger, state.Version, port);
            }
        }
    }
}
