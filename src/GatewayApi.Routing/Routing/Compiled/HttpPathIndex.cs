namespace GatewayApi.Routing.Compiled;

/// <summary>One compiled (route, rule, match) of a hostname entry, with its precedence key for that hostname.</summary>
internal sealed record HttpCandidate(HttpRouteTarget Target, HttpPrecedenceKey Key, DateTime? CreationTimestamp)
{
    public MatchSummary Match => Target.Match;
}

/// <summary>
/// The candidates of one hostname, indexed by path so that finding the winner costs a dictionary probe, a walk
/// down the prefix trie along the request's segments, and a scan of the (usually few) candidates at each step:
/// Exact paths in a dictionary, PathPrefix values in a trie of segments (deeper = longer = higher precedence),
/// RegularExpressions in a list. Every list is sorted by the full precedence key, so the first candidate whose
/// remaining conditions hold is the winner.
/// </summary>
internal sealed class HttpPathIndex
{
    private readonly Dictionary<string, CandidateSet> _exact;
    private readonly Dictionary<string, CandidateSet>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private static readonly Dictionary<string, CandidateSet> NoExactPaths = new(StringComparer.Ordinal);

    private readonly PrefixNode _root;
    private readonly CandidateSet _regex;
    private readonly bool _regexBeforePrefix;

    public HttpPathIndex(string hostname, List<HttpCandidate> candidates, RouterOptions options)
    {
        Hostname = hostname;
        _regexBeforePrefix = options.RegularExpressionPathPrecedence == RegularExpressionPathPrecedence.BetweenExactAndPrefix;
        candidates.Sort(static (x, y) => HttpPrecedenceKey.Compare(x.Key, y.Key));
        Ordered = [.. candidates];

        // Every bucket is filled in precedence order, so each stays sorted.
        Dictionary<string, List<HttpCandidate>>? exact = null;
        List<HttpCandidate>? regex = null;
        var root = new PrefixNode();
        foreach (var candidate in Ordered)
        {
            switch (candidate.Match.PathKind)
            {
                case PathKind.Exact:
                    exact ??= new Dictionary<string, List<HttpCandidate>>(StringComparer.Ordinal);
                    if (!exact.TryGetValue(candidate.Match.PathValue, out var bucket))
                    {
                        exact.Add(candidate.Match.PathValue, bucket = []);
                    }

                    bucket.Add(candidate);
                    break;
                case PathKind.Prefix:
                    root.Add(candidate);
                    break;
                case PathKind.RegularExpression:
                    (regex ??= []).Add(candidate);
                    break;
            }
        }

        // Most hostnames have no Exact path: they share one empty table (only read).
        _exact = exact is null ? NoExactPaths : new Dictionary<string, CandidateSet>(exact.Count, StringComparer.Ordinal);
        if (exact is not null)
        {
            foreach (var (path, bucket) in exact)
            {
                _exact.Add(path, new CandidateSet([.. bucket]));
            }
        }

        _exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _regex = regex is null ? CandidateSet.Empty : new CandidateSet([.. regex]);
        _root = root.Seal();
    }

    /// <summary>The hostname this index serves.</summary>
    public string Hostname { get; }

    /// <summary>Every candidate of this hostname, in precedence order (those that can never match included).</summary>
    public HttpCandidate[] Ordered { get; }

    /// <summary>The highest-precedence candidate matching the request, or null.</summary>
    public HttpCandidate? Find(scoped in HttpRequestView request)
    {
        if (_exact.Count > 0 && _exactLookup.TryGetValue(request.Path, out var exact) && exact.FindFirst(request, checkPath: false) is { } found)
        {
            return found;
        }

        if (_regexBeforePrefix && FindRegex(request) is { } before)
        {
            return before;
        }

        if (request.Path.Length > 0 && request.Path[0] == '/' && FindPrefix(_root, request, 1) is { } prefix)
        {
            return prefix;
        }

        return _regexBeforePrefix ? null : FindRegex(request);
    }

    private HttpCandidate? FindRegex(scoped in HttpRequestView request) =>
        _regex.Count == 0 ? null : _regex.FindFirst(request, checkPath: true);

    /// <summary>
    /// Depth first along the request's segments: a deeper node holds longer prefixes, so it is tried before the
    /// node's own candidates. <paramref name="position"/> is where the next segment starts (past the path's end
    /// when there is none).
    /// </summary>
    private static HttpCandidate? FindPrefix(PrefixNode node, scoped in HttpRequestView request, int position)
    {
        var path = request.Path;
        if (node.Children is not null && position <= path.Length)
        {
            var rest = path[position..];
            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? rest : rest[..slash];
            if (node.ChildLookup.TryGetValue(segment, out var child))
            {
                var next = slash < 0 ? path.Length + 1 : position + slash + 1;
                if (FindPrefix(child, request, next) is { } deeper)
                {
                    return deeper;
                }
            }
        }

        return node.Candidates.Count == 0 ? null : node.Candidates.FindFirst(request, checkPath: false);
    }

    /// <summary>
    /// A trie node: the prefixes ending here (sorted) and the children by next segment. Built in place by
    /// <see cref="Add"/> and then <see cref="Seal"/>ed inside the index's constructor; never changed after that.
    /// </summary>
    private sealed class PrefixNode
    {
        private List<HttpCandidate>? _pending;

        public CandidateSet Candidates { get; private set; } = CandidateSet.Empty;

        public Dictionary<string, PrefixNode>? Children { get; private set; }

        public Dictionary<string, PrefixNode>.AlternateLookup<ReadOnlySpan<char>> ChildLookup { get; private set; }

        public void Add(HttpCandidate candidate)
        {
            // The normalized prefix "" is the root; "/a/b" is root -> "a" -> "b"; "/a/" (from "/a//") is root -> "a" -> "".
            var prefix = candidate.Match.NormalizedPrefix;
            var node = this;
            if (prefix.Length > 0)
            {
                // Walk the segments as spans; a segment string is made only for a new node.
                var rest = prefix.AsSpan(1);
                while (true)
                {
                    var slash = rest.IndexOf('/');
                    var segment = slash < 0 ? rest : rest[..slash];
                    if (node.Children is null)
                    {
                        node.Children = new Dictionary<string, PrefixNode>(StringComparer.Ordinal);
                        node.ChildLookup = node.Children.GetAlternateLookup<ReadOnlySpan<char>>();
                    }

                    if (!node.ChildLookup.TryGetValue(segment, out var child))
                    {
                        child = new PrefixNode();
                        node.Children.Add(segment.ToString(), child);
                    }

                    node = child;
                    if (slash < 0)
                    {
                        break;
                    }

                    rest = rest[(slash + 1)..];
                }
            }

            // Candidates arrive in precedence order, so each node's list stays sorted.
            (node._pending ??= []).Add(candidate);
        }

        public PrefixNode Seal()
        {
            if (_pending is not null)
            {
                Candidates = new CandidateSet([.. _pending]);
                _pending = null;
            }

            foreach (var child in Children?.Values ?? Enumerable.Empty<PrefixNode>())
            {
                child.Seal();
            }

            return this;
        }
    }
}
