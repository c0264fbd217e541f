using GatewayApi.Models;
using GatewayApi.Routing.Filters;

namespace GatewayApi.Routing.Compiled;

/// <summary>One TLS/TCP/UDP route's single rule with the ordering data of §5–§6.</summary>
internal sealed record StreamCandidate(CompiledRule Rule, long CreationTicks, string RouteName)
{
    /// <summary>Oldest first, then <c>{namespace}/{name}</c>.</summary>
    public static int Compare(StreamCandidate x, StreamCandidate y)
    {
        var c = x.CreationTicks.CompareTo(y.CreationTicks);
        return c != 0 ? c : string.CompareOrdinal(x.RouteName, y.RouteName);
    }

    public static StreamCandidate? From(AttachedRoute attached, BackendTlsIndex backendTls)
    {
        IList<L4RouteRule>? rules = attached.Route switch
        {
            TlsRoute tls => tls.Spec.Rules,
            TcpRoute tcp => tcp.Spec.Rules,
            UdpRoute udp => udp.Spec.Rules,
            _ => null,
        };
        if (rules is null || (attached.RuleIndexes is { } accepted && !accepted.Contains(0)))
        {
            return null;
        }

        var reference = RouteIdentity.Of(attached.Route);

        // v1 has exactly one rule; a deprecated multi-rule object routes by its first.
        var rule = RuleCompiler.CompileL4(rules.Count > 0 ? rules[0] : null, 0, reference, attached, backendTls);
        return new StreamCandidate(rule, RouteIdentity.Ticks(attached.Route.Metadata.CreationTimestamp), reference.Namespace + "/" + reference.Name);
    }
}

/// <summary>
/// The TLSRoutes of one TLS listener: per effective hostname, the winning route (oldest, then name); the SNI picks
/// the most specific hostname (§5).
/// </summary>
internal sealed class CompiledTlsRoutes
{
    private readonly HostnameTable<StreamCandidate> _table = new();

    public static CompiledTlsRoutes Compile(IEnumerable<AttachedRoute> routes, string? listenerHostname, BackendTlsIndex tls)
    {
        var byHostname = new Dictionary<string, StreamCandidate>(StringComparer.OrdinalIgnoreCase);
        foreach (var attached in routes)
        {
            if (attached.Route is not TlsRoute || StreamCandidate.From(attached, tls) is not { } candidate)
            {
                continue;
            }

            foreach (var hostname in RouteIdentity.EffectiveHostnames(attached, listenerHostname, mesh: false))
            {
                if (!byHostname.TryGetValue(hostname, out var current) || StreamCandidate.Compare(candidate, current) < 0)
                {
                    byHostname[hostname] = candidate;
                }
            }
        }

        var compiled = new CompiledTlsRoutes();
        foreach (var (hostname, winner) in byHostname)
        {
            compiled._table.GetOrAdd(hostname, _ => winner);
        }

        return compiled;
    }

    public HostnameTable<StreamCandidate>.Entry? Find(ReadOnlySpan<char> serverName) => _table.MostSpecific(serverName);
}
