using System.Runtime.InteropServices;

namespace GatewayApi.Routing.Compiled;

/// <summary>
/// The candidates of one path bucket (an Exact path, a prefix-trie node, or the regex list), sorted by precedence.
/// Small sets are scanned. Large sets where many candidates require an Exact value of the same header (tenant or
/// version routing on one path) also get a dictionary by that header's value: a request then scans only the
/// candidates requiring its own value plus those not conditioned on that header, merged in precedence order.
/// Candidates requiring another value of the header cannot match, so skipping them changes nothing. A struct:
/// stored inline in the index (a router holds one per Exact path and trie node), so a default value is empty.
/// </summary>
internal readonly struct CandidateSet
{
    private const int IndexThreshold = 16;

    private readonly HttpRouteTarget[]? _all;

    // Most buckets (an Exact path, a trie node) hold one candidate: kept without an array.
    private readonly HttpRouteTarget? _one;
    private readonly string? _header;

    // Positions in _all (ascending, so in precedence order): merging two of them compares positions, not keys.
    private readonly Dictionary<string, int[]>? _byValue;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byValueLookup;
    private readonly int[] _rest = [];

    /// <summary>A set with no candidates.</summary>
    public static CandidateSet Empty { get; } = new([]);

    public CandidateSet(HttpRouteTarget one) => _one = one;

    public CandidateSet(HttpRouteTarget[] sorted)
    {
        _all = sorted;
        if (sorted.Length < IndexThreshold)
        {
            return;
        }

        // The header most candidates pin with an Exact value; worth indexing when it covers at least half of them.
        // Names compare without case; a match names each header once, so a candidate counts at most once per name.
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
            return;
        }

        _header = best;
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var rest = new List<int>();
        for (var position = 0; position < sorted.Length; position++)
        {
            if (ExactValue(sorted[position]) is { } value)
            {
                ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, value, out _);
                (group ??= []).Add(position);
            }
            else
            {
                rest.Add(position);
            }
        }

        _byValue = new Dictionary<string, int[]>(groups.Count, StringComparer.Ordinal);
        foreach (var (value, group) in groups)
        {
            _byValue.Add(value, [.. group]);
        }

        _byValueLookup = _byValue.GetAlternateLookup<ReadOnlySpan<char>>();
        _rest = [.. rest];
    }

    public int Count => _one is not null ? 1 : _all?.Length ?? 0;

    private string? ExactValue(HttpRouteTarget candidate)
    {
        foreach (var header in candidate.Match.Headers)
        {
            if (header.Pattern is null && string.Equals(header.Name, _header, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>The first candidate, in precedence order, whose conditions (and path, when asked) hold.</summary>
    public HttpRouteTarget? FindFirst(scoped in HttpRequestView request, bool checkPath)
    {
        if (_one is not null)
        {
            return (!checkPath || _one.Match.MatchesPath(request)) && _one.Match.MatchesConditions(request) ? _one : null;
        }

        if (_all is null)
        {
            return null;
        }

        if (_byValue is null)
        {
            return Scan(_all, request, checkPath);
        }

        var group = Group(request);
        if (group is null)
        {
            return Scan(_all, request, checkPath);
        }

        if (group.Length == 0)
        {
            return Scan(_all, _rest, request, checkPath);
        }

        // Merge the two sorted lists, testing candidates in precedence order. The group's candidates are known to
        // hold their condition on the indexed header (its value selected them), so it is not tested again.
        int g = 0, r = 0;
        while (g < group.Length || r < _rest.Length)
        {
            HttpRouteTarget next;
            string? known = null;
            if (r >= _rest.Length || (g < group.Length && group[g] < _rest[r]))
            {
                next = _all[group[g++]];
                known = _header;
            }
            else
            {
                next = _all[_rest[r++]];
            }

            if ((!checkPath || next.Match.MatchesPath(request)) && next.Match.MatchesConditions(request, known))
            {
                return next;
            }
        }

        return null;
    }

    /// <summary>The candidates requiring the request's value of the indexed header; null when all must be scanned.</summary>
    private int[]? Group(scoped in HttpRequestView request)
    {
        var count = RequestValues.Lines(request.Headers, _header!, out var single, out var length);
        if (count == 0)
        {
            return [];
        }

        if (count == 1)
        {
            return _byValue!.TryGetValue(single!, out var one) ? one : [];
        }

        // A repeated header is compared joined (RequestValues.Separator): join it on the stack (long values are rare; scan all then).
        if (length > 512)
        {
            return null;
        }

        Span<char> joined = stackalloc char[length];
        var written = RequestValues.Join(request.Headers, _header!, joined);
        return _byValueLookup.TryGetValue(joined[..written], out var many) ? many : [];
    }

    private static HttpRouteTarget? Scan(HttpRouteTarget[] candidates, scoped in HttpRequestView request, bool checkPath)
    {
        foreach (var candidate in candidates)
        {
            if ((!checkPath || candidate.Match.MatchesPath(request)) && candidate.Match.MatchesConditions(request))
            {
                return candidate;
            }
        }

        return null;
    }

    private static HttpRouteTarget? Scan(HttpRouteTarget[] candidates, int[] positions, scoped in HttpRequestView request, bool checkPath)
    {
        foreach (var position in positions)
        {
            var candidate = candidates[position];
            if ((!checkPath || candidate.Match.MatchesPath(request)) && candidate.Match.MatchesConditions(request))
            {
                return candidate;
            }
        }

        return null;
    }
}
