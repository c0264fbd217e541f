using System.Buffers;
using System.Runtime.InteropServices;

namespace GatewayApi.Routing.Compiled;

/// <summary>
/// The candidates (route, rule, match) of one hostname. A few (<see cref="RouterOptions.LinearScanLimit"/>) are
/// scanned in precedence order. More are indexed by path so that finding the winner costs a dictionary probe, a walk
/// down the prefix trie along the request's segments, and a scan of the (usually few) candidates at each step: Exact
/// paths in a dictionary, PathPrefix values in a trie of segments (deeper = longer = higher precedence),
/// RegularExpressions in a list. Every list is sorted by the full precedence key, so the first candidate whose
/// remaining conditions hold is the winner; the scan and the index agree because the key ranks path types and
/// lengths the way the index visits them.
/// </summary>
internal sealed class HttpPathIndex
{
    private static readonly Dictionary<string, CandidateSet> NoExactPaths = new(StringComparer.Ordinal);

    private readonly bool _scan;
    private readonly Dictionary<string, CandidateSet> _exact = NoExactPaths;
    private readonly Dictionary<string, CandidateSet>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private readonly PrefixNode _root = PrefixNode.Leaf;
    private readonly CandidateSet _regex = CandidateSet.Empty;
    private readonly bool _regexBeforePrefix;

    /// <summary>
    /// Indexes <paramref name="candidates"/>, which it sorts in place and keeps. They share this hostname, so their
    /// hostname-free keys order them as the full keys would.
    /// </summary>
    public HttpPathIndex(string hostname, HttpRouteTarget[] candidates, RouterOptions options)
    {
        Hostname = hostname;

        // The keys are scratch (a target does not keep its key): a pooled array spares a large allocation per compile.
        var keys = ArrayPool<HttpPrecedenceKey>.Shared.Rent(candidates.Length);
        for (var i = 0; i < candidates.Length; i++)
        {
            keys[i] = candidates[i].Key(options);
        }

        Array.Sort(keys, candidates, 0, candidates.Length, KeyComparer.Instance);
        ArrayPool<HttpPrecedenceKey>.Shared.Return(keys, clearArray: true);
        Ordered = candidates;
        _regexBeforePrefix = options.RegularExpressionPathPrecedence == RegularExpressionPathPrecedence.BetweenExactAndPrefix;
        _scan = candidates.Length <= options.LinearScanLimit;
        if (_scan)
        {
            return;
        }

        // Every bucket is filled in precedence order, so each stays sorted.
        Dictionary<string, Bucket>? exact = null;
        Bucket regex = default;
        var root = new PrefixNode();
        var segments = new SegmentPool();
        foreach (var candidate in candidates)
        {
            switch (candidate.Match.PathKind)
            {
                case PathKind.Exact:
                    exact ??= new Dictionary<string, Bucket>(StringComparer.Ordinal);
                    CollectionsMarshal.GetValueRefOrAddDefault(exact, candidate.Match.PathValue, out _).Add(candidate);
                    break;
                case PathKind.Prefix:
                    root.Add(candidate, segments);
                    break;
                case PathKind.RegularExpression:
                    regex.Add(candidate);
                    break;
            }
        }

        // Most hostnames have no Exact path: they share one empty table (only read).
        if (exact is not null)
        {
            _exact = new Dictionary<string, CandidateSet>(exact.Count, StringComparer.Ordinal);
            foreach (var (path, bucket) in exact)
            {
                _exact.Add(path, bucket.ToSet());
            }
        }

        _exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _regex = regex.ToSet();
        _root = root.Seal();
    }

    /// <summary>The hostname this index serves.</summary>
    public string Hostname { get; }

    /// <summary>Every candidate of this hostname, in precedence order (those that can never match included).</summary>
    public HttpRouteTarget[] Ordered { get; }

    /// <summary>The highest-precedence candidate matching the request, or null.</summary>
    public HttpRouteTarget? Find(scoped in HttpRequestView request)
    {
        if (_scan)
        {
            foreach (var candidate in Ordered)
            {
                if (candidate.Match.MatchesPath(request) && candidate.Match.MatchesConditions(request))
                {
                    return candidate;
                }
            }

            return null;
        }

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

    private HttpRouteTarget? FindRegex(scoped in HttpRequestView request) =>
        _regex.Count == 0 ? null : _regex.FindFirst(request, checkPath: true);

    /// <summary>
    /// Depth first along the request's segments: a deeper node holds longer prefixes, so it is tried before the
    /// node's own candidates. <paramref name="position"/> is where the next segment starts (past the path's end
    /// when there is none).
    /// </summary>
    private static HttpRouteTarget? FindPrefix(PrefixNode node, scoped in HttpRequestView request, int position)
    {
        var path = request.Path;
        if (node.HasChildren && position <= path.Length)
        {
            var rest = path[position..];
            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? rest : rest[..slash];
            if (node.TryGetChild(segment, out var child))
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

    private sealed class KeyComparer : IComparer<HttpPrecedenceKey>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(HttpPrecedenceKey x, HttpPrecedenceKey y) => HttpPrecedenceKey.Compare(x, y);
    }

    /// <summary>
    /// Candidates collected for one bucket, in arrival (precedence) order. Most buckets get one candidate, which
    /// needs no list.
    /// </summary>
    private struct Bucket
    {
        private HttpRouteTarget? _first;
        private List<HttpRouteTarget>? _more;

        public void Add(HttpRouteTarget candidate)
        {
            if (_first is null)
            {
                _first = candidate;
            }
            else
            {
                (_more ??= []).Add(candidate);
            }
        }

        public readonly CandidateSet ToSet()
        {
            if (_first is null)
            {
                return CandidateSet.Empty;
            }

            if (_more is null)
            {
                return new CandidateSet(_first);
            }

            var all = new HttpRouteTarget[_more.Count + 1];
            all[0] = _first;
            _more.CopyTo(all, 1);
            return new CandidateSet(all);
        }
    }

    /// <summary>
    /// A trie node: the prefixes ending here (sorted) and the children by next segment. Built in place by
    /// <see cref="Add"/> and then <see cref="Seal"/>ed inside the index's constructor; never changed after that.
    /// A few children (the common case) are compared one by one from a small array; more get a dictionary.
    /// </summary>
    private sealed class PrefixNode
    {
        private const int FewChildren = 8;

        /// <summary>A node with nothing: the root of an index that has no prefixes.</summary>
        public static readonly PrefixNode Leaf = new();

        private Bucket _pending;
        private Child[]? _few;
        private int _fewCount;
        private Dictionary<string, PrefixNode>? _children;
        private Dictionary<string, PrefixNode>.AlternateLookup<ReadOnlySpan<char>> _childLookup;

        public CandidateSet Candidates { get; private set; }

        public bool HasChildren => _fewCount > 0 || _children is not null;

        public bool TryGetChild(ReadOnlySpan<char> segment, out PrefixNode child)
        {
            if (_children is not null)
            {
                return _childLookup.TryGetValue(segment, out child!);
            }

            for (var i = 0; i < _fewCount; i++)
            {
                if (segment.SequenceEqual(_few![i].Segment))
                {
                    child = _few[i].Node;
                    return true;
                }
            }

            child = null!;
            return false;
        }

        /// <summary>Files a candidate under its normalized prefix; <paramref name="segments"/> shares segment strings.</summary>
        public void Add(HttpRouteTarget candidate, SegmentPool segments)
        {
            // The normalized prefix "" is the root; "/a/b" is root -> "a" -> "b"; "/a/" (from "/a//") is root -> "a" -> "".
            var prefix = candidate.Match.NormalizedPrefix;
            var node = this;
            if (prefix.Length > 0)
            {
                var rest = prefix.AsSpan(1);
                while (true)
                {
                    var slash = rest.IndexOf('/');
                    var segment = slash < 0 ? rest : rest[..slash];
                    node = node.ChildFor(segment, segments);
                    if (slash < 0)
                    {
                        break;
                    }

                    rest = rest[(slash + 1)..];
                }
            }

            // Candidates arrive in precedence order, so each node's list stays sorted.
            node._pending.Add(candidate);
        }

        private PrefixNode ChildFor(ReadOnlySpan<char> segment, SegmentPool segments)
        {
            if (TryGetChild(segment, out var existing))
            {
                return existing;
            }

            var child = new PrefixNode();
            var name = segments.Get(segment);
            if (_children is not null)
            {
                _children.Add(name, child);
            }
            else if (_fewCount < FewChildren)
            {
                if (_few is null || _fewCount == _few.Length)
                {
                    Array.Resize(ref _few, Math.Max(2, _fewCount * 2));
                }

                _few[_fewCount++] = new Child(name, child);
            }
            else
            {
                _children = new Dictionary<string, PrefixNode>(FewChildren * 2, StringComparer.Ordinal);
                foreach (var few in _few!)
                {
                    _children.Add(few.Segment, few.Node);
                }

                _children.Add(name, child);
                _childLookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();
                _few = null;
                _fewCount = 0;
            }

            return child;
        }

        public PrefixNode Seal()
        {
            Candidates = _pending.ToSet();
            _pending = default;
            if (_few is not null && _few.Length != _fewCount)
            {
                Array.Resize(ref _few, _fewCount);
            }

            for (var i = 0; i < _fewCount; i++)
            {
                _few![i].Node.Seal();
            }

            if (_children is not null)
            {
                foreach (var child in _children.Values)
                {
                    child.Seal();
                }
            }

            return this;
        }

        private readonly record struct Child(string Segment, PrefixNode Node);
    }

    /// <summary>
    /// One string per distinct segment of an index's prefixes: routes repeat the same segments (<c>v1</c>,
    /// <c>api</c>) under many parents, and a router keeps them for its lifetime.
    /// </summary>
    private sealed class SegmentPool
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        public string Get(ReadOnlySpan<char> segment)
        {
            var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(segment, out var existing))
            {
                existing = segment.ToString();
                _strings.Add(existing, existing);
            }

            return existing;
        }
    }
}
