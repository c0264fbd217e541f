using System.Runtime.InteropServices;

namespace GatewayApi.Routing.Compiled;

/// <summary>
/// The candidates of one path bucket (an Exact path, a prefix-trie node, or the regex list), sorted by precedence.
/// Small sets are scanned. Large sets where many candidates require an Exact value of the same header (tenant or
/// version routing on one path) also get a <see cref="HeaderIndex"/>: a request then scans only the candidates
/// requiring its own value plus those not conditioned on that header, merged in precedence order. Candidates
/// requiring another value of the header cannot match, so skipping them changes nothing. A small struct stored
/// inline in the index (a router holds one per Exact path and trie node); a default value is empty.
/// </summary>
internal readonly struct CandidateSet
{
    private const int IndexThreshold = 16;

    // One candidate (most buckets) is kept without an array; otherwise _items is the sorted array.
    private readonly object? _items;
    private readonly HeaderIndex? _index;

    /// <summary>A set with no candidates.</summary>
    public static CandidateSet Empty => default;

    public CandidateSet(HttpRouteTarget one) => _items = one;

    public CandidateSet(HttpRouteTarget[] sorted)
    {
        _items = sorted.Length == 1 ? sorted[0] : sorted.Length == 0 ? null : sorted;
        if (sorted.Length >= IndexThreshold)
        {
            _index = HeaderIndex.For(sorted);
        }
    }

    public int Count => _items switch
    {
        HttpRouteTarget => 1,
        HttpRouteTarget[] all => all.Length,
        _ => 0,
    };

    /// <summary>The first candidate, in precedence order, whose conditions (and path, when asked) hold.</summary>
    public HttpRouteTarget? FindFirst(scoped in HttpRequestView request, bool checkPath)
    {
        if (_items is HttpRouteTarget one)
        {
            return Holds(one, request, checkPath, null) ? one : null;
        }

        if (_items is not HttpRouteTarget[] all)
        {
            return null;
        }

        if (_index is null)
        {
            return Scan(all, request, checkPath);
        }

        var group = _index.Group(request);
        if (group is null)
        {
            return Scan(all, request, checkPath);
        }

        // Merge the group with the candidates not conditioned on the header, testing in precedence order (positions
        // in the sorted array). The group's candidates are known to hold their condition on the indexed header (its
        // value selected them), so it is not tested again.
        var rest = _index.Rest;
        int g = 0, r = 0;
        while (g < group.Length || r < rest.Length)
        {
            HttpRouteTarget next;
            string? known = null;
            if (r >= rest.Length || (g < group.Length && group[g] < rest[r]))
            {
                next = all[group[g++]];
                known = _index.Header;
            }
            else
            {
                next = all[rest[r++]];
            }

            if (Holds(next, request, checkPath, known))
            {
                return next;
            }
        }

        return null;
    }

    private static bool Holds(HttpRouteTarget candidate, scoped in HttpRequestView request, bool checkPath, string? knownHeader) =>
        (!checkPath || candidate.Match.MatchesPath(request)) && candidate.Match.MatchesConditions(request, knownHeader);

    private static HttpRouteTarget? Scan(HttpRouteTarget[] candidates, scoped in HttpRequestView request, bool checkPath)
    {
        foreach (var candidate in candidates)
        {
            if (Holds(candidate, request, checkPath, null))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The candidates of a large set by their Exact value of the header most of them pin, as positions in the
    /// sorted array (ascending, so in precedence order: merging compares positions, not keys).
    /// </summary>
    private sealed class HeaderIndex
    {
        private readonly Dictionary<string, int[]> _byValue;
        private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byValueLookup;

        private HeaderIndex(string header, Dictionary<string, int[]> byValue, int[] rest)
        {
            Header = header;
            _byValue = byValue;
            _byValueLookup = byValue.GetAlternateLookup<ReadOnlySpan<char>>();
            Rest = rest;
        }

        /// <summary>The indexed header's name, lower-cased.</summary>
        public string Header { get; }

        /// <summary>The candidates without an Exact condition on the header.</summary>
        public int[] Rest { get; }

        /// <summary>An index when one header is pinned by at least half of the candidates; otherwise null.</summary>
        public static HeaderIndex? For(HttpRouteTarget[] sorted)
        {
            // Names compare without case; a match names each header once, so a candidate counts once per name.
            var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var candidate in sorted)
            {
                foreach (var header in candidate.Match.Headers)
                {
                    if (header.Pattern is null)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(counts, header.Name, out _)++;
                    }
                }
            }

            string? best = null;
            var bestCount = 0;
            foreach (var (name, count) in counts)
            {
                var lower = name.ToLowerInvariant();
                if (count > bestCount || (count == bestCount && string.CompareOrdinal(lower, best) < 0))
                {
                    (best, bestCount) = (lower, count);
                }
            }

            if (best is null || bestCount * 2 < sorted.Length)
            {
                return null;
            }

            var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var rest = new List<int>();
            for (var position = 0; position < sorted.Length; position++)
            {
                if (ExactValue(sorted[position], best) is { } value)
                {
                    ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, value, out _);
                    (group ??= []).Add(position);
                }
                else
                {
                    rest.Add(position);
                }
            }

            var byValue = new Dictionary<string, int[]>(groups.Count, StringComparer.Ordinal);
            foreach (var (value, group) in groups)
            {
                byValue.Add(value, [.. group]);
            }

            return new HeaderIndex(best, byValue, [.. rest]);
        }

        private static string? ExactValue(HttpRouteTarget candidate, string header)
        {
            foreach (var condition in candidate.Match.Headers)
            {
                if (condition.Pattern is null && string.Equals(condition.Name, header, StringComparison.OrdinalIgnoreCase))
                {
                    return condition.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// The positions requiring the request's value of the header (empty when the request has none, or a value no
        /// candidate requires); null when every candidate must be scanned.
        /// </summary>
        public int[]? Group(scoped in HttpRequestView request)
        {
            var count = RequestValues.Lines(request.Headers, Header, out var single, out var length);
            if (count == 0)
            {
                return [];
            }

            if (count == 1)
            {
                return _byValue.TryGetValue(single!, out var one) ? one : [];
            }

            // A repeated header is compared joined (RequestValues.Separator): join it on the stack (long values are
            // rare; scan all then).
            if (length > 512)
            {
                return null;
            }

            Span<char> joined = stackalloc char[length];
            var written = RequestValues.Join(request.Headers, Header, joined);
            return _byValueLookup.TryGetValue(joined[..written], out var many) ? many : [];
        }
    }
}
