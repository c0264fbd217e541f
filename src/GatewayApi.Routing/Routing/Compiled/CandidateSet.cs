namespace GatewayApi.Routing.Compiled;

/// <summary>
/// The candidates of one path bucket (an Exact path, a prefix-trie node, or the regex list), sorted by precedence.
/// Small sets are scanned. Large sets where many candidates require an Exact value of the same header (tenant or
/// version routing on one path) also get a dictionary by that header's value: a request then scans only the
/// candidates requiring its own value plus those not conditioned on that header, merged in precedence order.
/// Candidates requiring another value of the header cannot match, so skipping them changes nothing.
/// </summary>
internal sealed class CandidateSet
{
    private const int IndexThreshold = 16;

    private readonly HttpCandidate[] _all;
    private readonly string? _header;
    private readonly Dictionary<string, HttpCandidate[]>? _byValue;
    private readonly Dictionary<string, HttpCandidate[]>.AlternateLookup<ReadOnlySpan<char>> _byValueLookup;
    private readonly HttpCandidate[] _rest = [];

    /// <summary>A set with no candidates.</summary>
    public static CandidateSet Empty { get; } = new([]);

    public CandidateSet(HttpCandidate[] sorted)
    {
        _all = sorted;
        if (sorted.Length < IndexThreshold)
        {
            return;
        }

        // The header most candidates pin with an Exact value; worth indexing when it covers at least half of them.
        var best = sorted.SelectMany(c => c.Match.Headers.Where(h => h.Pattern is null).Select(h => h.Name.ToLowerInvariant()))
            .GroupBy(n => n, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is null || best.Count() * 2 < sorted.Length)
        {
            return;
        }

        _header = best.Key;
        _byValue = sorted.Select(c => (Candidate: c, Value: ExactValue(c)))
            .Where(x => x.Value is not null)
            .GroupBy(x => x.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Candidate).ToArray(), StringComparer.Ordinal);
        _byValueLookup = _byValue.GetAlternateLookup<ReadOnlySpan<char>>();
        _rest = [.. sorted.Where(c => ExactValue(c) is null)];
    }

    public int Count => _all.Length;

    private string? ExactValue(HttpCandidate candidate)
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
    public HttpCandidate? FindFirst(scoped in HttpRequestView request, bool checkPath)
    {
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
            return Scan(_rest, request, checkPath);
        }

        // Merge the two sorted lists, testing candidates in precedence order. The group's candidates are known to
        // hold their condition on the indexed header (its value selected them), so it is not tested again.
        int g = 0, r = 0;
        while (g < group.Length || r < _rest.Length)
        {
            HttpCandidate next;
            string? known = null;
            if (r >= _rest.Length || (g < group.Length && HttpPrecedenceKey.Compare(group[g].Key, _rest[r].Key) < 0))
            {
                next = group[g++];
                known = _header;
            }
            else
            {
                next = _rest[r++];
            }

            if ((!checkPath || next.Match.MatchesPath(request)) && next.Match.MatchesConditions(request, known))
            {
                return next;
            }
        }

        return null;
    }

    /// <summary>The candidates requiring the request's value of the indexed header; null when all must be scanned.</summary>
    private HttpCandidate[]? Group(scoped in HttpRequestView request)
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

    private static HttpCandidate? Scan(HttpCandidate[] candidates, scoped in HttpRequestView request, bool checkPath)
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
}
