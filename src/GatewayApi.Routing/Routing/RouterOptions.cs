namespace GatewayApi.Routing;

/// <summary>
/// The choices the spec leaves to implementations, in one place. Defaults follow the upstream conformance tests
/// where they decide, and otherwise the reading documented on each member (see <c>docs/routing.md</c>).
/// </summary>
public sealed record RouterOptions
{
    /// <summary>The defaults.</summary>
    public static RouterOptions Default { get; } = new();

    /// <summary>
    /// Where <c>RegularExpression</c> path matches rank against <c>Exact</c> and <c>PathPrefix</c> (the spec leaves
    /// it implementation-specific, R2). Default <see cref="RegularExpressionPathPrecedence.BetweenExactAndPrefix"/>,
    /// the order Envoy Gateway uses.
    /// </summary>
    public RegularExpressionPathPrecedence RegularExpressionPathPrecedence { get; init; } =
        RegularExpressionPathPrecedence.BetweenExactAndPrefix;

    /// <summary>
    /// How the "longest PathPrefix" criterion counts a trailing <c>/</c> (R6). Default
    /// <see cref="PathPrefixLength.AsWritten"/>: characters of the value as written, the spec's literal words.
    /// </summary>
    public PathPrefixLength PathPrefixLength { get; init; } = PathPrefixLength.AsWritten;

    /// <summary>
    /// When the most specific hostname that has routes for a request has no rule matching it: true lets the
    /// request fall through to routes of less specific hostnames (the spec's literal definition of the candidate
    /// set, §2.2: every matching (route, rule, match) ordered by hostname specificity first); false answers 404
    /// (virtual-host style, as Envoy-based gateways do). No upstream conformance test tells them apart, because
    /// hostname specificity is measured on the intersected hostname. Default true. Listener isolation
    /// (one listener per request, §1.2) applies either way.
    /// </summary>
    public bool HostnameFallThrough { get; init; } = true;

    /// <summary>
    /// Whether a regular expression must match the whole value (path, header value, query value, gRPC service or
    /// method) rather than any part of it (R2). Default true, as RE2-based data planes (Envoy) do.
    /// </summary>
    public bool RegularExpressionMatchesWholeValue { get; init; } = true;

    /// <summary>
    /// The longest input (in characters) a regular expression is run against; a longer path or value does not
    /// match. Bounds the cost of matching together with the non-backtracking engine. Default 8192.
    /// </summary>
    public int MaxRegularExpressionInputLength { get; init; } = 8192;

    /// <summary>
    /// What a mesh route rule without backendRefs does (M1): true sends the request to the parent Service itself
    /// (GEP-1686's test plan); false answers 500 as north/south does. Default true.
    /// </summary>
    public bool MeshRuleWithoutBackendsUsesParentService { get; init; } = true;

    /// <summary>
    /// The status code a CORS preflight gets when the gateway answers it (200 or 204 are both conformant).
    /// Default 200.
    /// </summary>
    public int CorsPreflightStatusCode { get; init; } = 200;

    /// <summary>
    /// Hostname entries with at most this many (route, rule, match) candidates are scanned in precedence order
    /// instead of indexed by path: a handful of checks costs less than a probe and a trie walk, and it saves the
    /// index's objects (most hostnames carry a few routes). Internal so tests can force either form (0 = always index).
    /// </summary>
    internal int LinearScanLimit { get; init; } = 8;
}

/// <summary>Where <c>RegularExpression</c> path matches rank (R2).</summary>
public enum RegularExpressionPathPrecedence
{
    /// <summary>Exact, then RegularExpression (longer pattern first), then PathPrefix (Envoy Gateway's order).</summary>
    BetweenExactAndPrefix,

    /// <summary>Exact, then PathPrefix, then RegularExpression (longer pattern first) (Istio's order).</summary>
    AfterPrefix,
}

/// <summary>How the "longest PathPrefix" criterion counts characters (R6).</summary>
public enum PathPrefixLength
{
    /// <summary>The value as written: <c>/foo/</c> (5) outranks <c>/foo</c> (4).</summary>
    AsWritten,

    /// <summary>One trailing <c>/</c> ignored: <c>/foo/</c> and <c>/foo</c> tie and later criteria decide.</summary>
    IgnoringTrailingSlash,
}
