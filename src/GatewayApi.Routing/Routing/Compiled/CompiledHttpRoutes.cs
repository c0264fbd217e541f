using System.Runtime.InteropServices;
using GatewayApi.Models;
using GatewayApi.Routing.Filters;

namespace GatewayApi.Routing.Compiled;

/// <summary>
/// The HTTPRoutes of one listener (or one mesh Service port group), compiled: a hostname table whose entries are
/// path indexes. Finding the winner walks the hostnames that match the request host from the most specific,
/// and stops at the first entry with a match (or, without fall-through, at the first entry at all).
/// </summary>
internal sealed class CompiledHttpRoutes
{
    private readonly HostnameTable<HttpPathIndex> _table;
    private readonly bool _fallThrough;

    private CompiledHttpRoutes(HostnameTable<HttpPathIndex> table, bool fallThrough, int routeCount)
    {
        _table = table;
        _fallThrough = fallThrough;
        RouteCount = routeCount;
    }

    public static CompiledHttpRoutes Empty { get; } = new(new HostnameTable<HttpPathIndex>(), true, 0);

    /// <summary>How many HTTPRoutes were compiled here (a route without rules or matches counts).</summary>
    public int RouteCount { get; }

    /// <summary>Every hostname entry.</summary>
    public IEnumerable<HttpPathIndex> Entries => _table.Entries.Select(e => e.Value);

    /// <summary>
    /// Compiles HTTPRoutes attached to a listener with hostname <paramref name="listenerHostname"/>; for mesh
    /// (<paramref name="meshParent"/> set) every route serves any hostname.
    /// </summary>
    public static CompiledHttpRoutes Compile(IEnumerable<AttachedRoute> routes, string? listenerHostname, CompileContext context, RoutedBackend? meshParent)
    {
        // Candidates are gathered in one list with their hostname's slot, then cut into one exactly sized array
        // per hostname: no list per hostname, no copies.
        var slots = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var slotHostnames = new List<string>();
        var capacity = CandidateCount(routes);
        var candidates = new List<HttpRouteTarget>(capacity);
        var candidateSlots = new List<int>(capacity);
        var routeCount = 0;
        foreach (var attached in routes)
        {
            if (attached.Route is not HttpRoute route)
            {
                continue;
            }

            routeCount++;
            var reference = RouteIdentity.Of(route);
            var created = route.Metadata.CreationTimestamp;
            var routeName = reference.Namespace + "/" + reference.Name;
            var hostnames = RouteIdentity.EffectiveHostnames(attached, listenerHostname, meshParent is not null);

            // Absent rules default to one rule matching PathPrefix "/" (CRD default); absent or empty matches too.
            var rules = route.Spec.Rules;
            var ruleCount = rules?.Count ?? 1;
            for (var ruleIndex = 0; ruleIndex < ruleCount; ruleIndex++)
            {
                if (attached.RuleIndexes is { } accepted && !accepted.Contains(ruleIndex))
                {
                    continue;
                }

                var rule = rules?[ruleIndex];
                var compiledRule = RuleCompiler.CompileHttp(rule, ruleIndex, reference, attached, meshParent is not null && context.Options.MeshRuleWithoutBackendsUsesParentService ? meshParent : null, context.BackendTls, created, routeName);
                var matches = rule?.Matches is { Count: > 0 } given ? given : null;
                var matchCount = matches?.Count ?? 1;
                for (var matchIndex = 0; matchIndex < matchCount; matchIndex++)
                {
                    var summary = MatchSummary.FromHttp(matches?[matchIndex], context.Patterns);
                    var target = new HttpRouteTarget(compiledRule, matchIndex, summary);
                    for (var hostnameIndex = 0; hostnameIndex < hostnames.Count; hostnameIndex++)
                    {
                        var hostname = hostnames[hostnameIndex];
                        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(slots, hostname, out var seen);
                        if (!seen)
                        {
                            slot = slotHostnames.Count;
                            slotHostnames.Add(hostname);
                        }

                        candidates.Add(target);
                        candidateSlots.Add(slot);
                    }
                }
            }
        }

        var perSlot = new HttpRouteTarget[slotHostnames.Count][];
        var counts = new int[slotHostnames.Count];
        foreach (var slot in candidateSlots)
        {
            counts[slot]++;
        }

        for (var slot = 0; slot < counts.Length; slot++)
        {
            perSlot[slot] = new HttpRouteTarget[counts[slot]];
            counts[slot] = 0;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var slot = candidateSlots[i];
            perSlot[slot][counts[slot]++] = candidates[i];
        }

        var table = new HostnameTable<HttpPathIndex>();
        for (var slot = 0; slot < perSlot.Length; slot++)
        {
            table.Add(slotHostnames[slot], new HttpPathIndex(slotHostnames[slot], perSlot[slot], context.Options));
        }

        return new CompiledHttpRoutes(table, context.Options.HostnameFallThrough, routeCount);
    }

    /// <summary>At least how many candidates the routes make (rules x matches x hostnames), to size lists once.</summary>
    private static int CandidateCount(IEnumerable<AttachedRoute> routes)
    {
        var count = 0;
        foreach (var attached in routes)
        {
            if (attached.Route is not HttpRoute route)
            {
                continue;
            }

            var matches = 0;
            var rules = route.Spec.Rules;
            for (var i = 0; i < (rules?.Count ?? 1); i++)
            {
                matches += Math.Max(1, rules?[i]?.Matches?.Count ?? 0);
            }

            count += matches * Math.Max(1, attached.Hostnames?.Count ?? 1);
        }

        return count;
    }

    /// <summary>The winning candidate for the request, or null; <paramref name="hostname"/> is the entry it matched in.</summary>
    public HttpRouteTarget? Find(ReadOnlySpan<char> host, scoped in HttpRequestView request, out string? hostname)
    {
        var entries = _table.Match(host);
        while (entries.MoveNext())
        {
            var entry = entries.Current;
            if (entry.Value.Find(request) is { } found)
            {
                hostname = entry.Hostname;
                return found;
            }

            if (!_fallThrough)
            {
                // Virtual-host behaviour: the most specific hostname with routes decides alone.
                break;
            }
        }

        hostname = null;
        return null;
    }

    /// <summary>The hostnames matching a host, most specific first.</summary>
    public List<string> MatchingHostnames(ReadOnlySpan<char> host) => _table.MatchingHostnames(host);
}

/// <summary>Route identity helpers shared by every compiled route kind.</summary>
internal static class RouteIdentity
{
    public static RouteReference Of(GatewayApiObject route) =>
        new(route.Kind, route.Metadata.NamespaceProperty ?? "default", route.Metadata.Name ?? "");

    /// <summary>Creation time as ticks; an absent timestamp orders after every present one.</summary>
    public static long Ticks(DateTime? created) => created?.ToUniversalTime().Ticks ?? long.MaxValue;

    /// <summary>
    /// The hostnames a route serves on a listener: its effective hostnames, or the listener's when it has none,
    /// lower-cased and without duplicates; always <c>*</c> for mesh.
    /// </summary>
    public static IReadOnlyList<string> EffectiveHostnames(AttachedRoute attached, string? listenerHostname, bool mesh)
    {
        if (mesh)
        {
            return [HostnameMatching.Any];
        }

        if (attached.Hostnames is not { Count: > 0 } hostnames)
        {
            return [HostnameMatching.IsAny(listenerHostname) ? HostnameMatching.Any : listenerHostname!.ToLowerInvariant()];
        }

        if (hostnames.Count == 1)
        {
            return [HostnameMatching.IsAny(hostnames[0]) ? HostnameMatching.Any : hostnames[0].ToLowerInvariant()];
        }

        return [.. hostnames.Select(h => HostnameMatching.IsAny(h) ? HostnameMatching.Any : h.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
    }
}

/// <summary>What one router build shares: options and the pattern cache.</summary>
internal sealed class CompileContext(RouterOptions options, BackendTlsIndex? backendTls = null)
{
    public RouterOptions Options { get; } = options;

    /// <summary>The BackendTLSPolicy settings by Service port, attached to every backend that names one.</summary>
    public BackendTlsIndex BackendTls { get; } = backendTls ?? BackendTlsIndex.Empty;

    public CompiledPattern.Cache Patterns { get; } = new(options.RegularExpressionMatchesWholeValue);
}
