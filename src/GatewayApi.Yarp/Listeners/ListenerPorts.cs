using System.Collections.Frozen;
using GatewayApi.Models;
using GatewayApi.Routing;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp;

/// <summary>One listener port of the served Gateways: which Gateway owns it and whether it terminates TLS.</summary>
internal sealed record ListenerPort(int Port, bool Https, NamespacedName Gateway);

/// <summary>The listener ports of a state (accepted HTTP/HTTPS listeners only), computed once per state.</summary>
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
            foreach (var group in gateway.Listeners.Where(IsHttp).GroupBy(l => l.Port))
            {
                if (!ports.ContainsKey(group.Key))
                {
                    ports[group.Key] = new ListenerPort(group.Key, group.Any(l => l.Protocol == ProtocolType.Https), new NamespacedName(gateway.Namespace, gateway.Name));
                }
            }
        }

        return ports.ToFrozenDictionary();
    }

    private static bool IsHttp(ListenerRoutes listener) => listener.Protocol == ProtocolType.Http || listener.Protocol == ProtocolType.Https;

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
