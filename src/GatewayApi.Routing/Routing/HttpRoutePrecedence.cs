namespace GatewayApi.Routing;

/// <summary>
/// The precedence of one (hostname, route, rule, match) candidate as a sortable key (§2.2). Made when sorting (the
/// compiled router keeps the order, not the keys); the compiled router, the exported precedence list and
/// <see cref="HttpRoutePrecedence"/> all sort with <see cref="Compare"/>, the single place the order is written down
/// for the fast code.
/// </summary>
internal readonly record struct HttpPrecedenceKey(
    int HostnameNonWildcardCharacters,
    int HostnameCharacters,
    int PathRank,
    int PathLength,
    bool HasMethod,
    int HeaderCount,
    int QueryCount,
    long CreationTicks,
    string RouteName,
    int RuleIndex,
    int MatchIndex,
    string Hostname = "")
{
    /// <summary>Path rank of an <c>Exact</c> match: above everything.</summary>
    public const int ExactRank = 3;

    /// <summary>Path rank of a <c>RegularExpression</c> match between Exact and PathPrefix.</summary>
    public const int RegexBetweenRank = 2;

    /// <summary>Path rank of a <c>PathPrefix</c> match.</summary>
    public const int PrefixRank = 1;

    /// <summary>Path rank of a <c>RegularExpression</c> match after PathPrefix.</summary>
    public const int RegexAfterRank = 0;

    /// <summary>Path rank of a path that can never match (unknown type or invalid value).</summary>
    public const int NeverRank = -1;

    /// <summary>Negative when <paramref name="x"/> takes precedence over <paramref name="y"/>.</summary>
    public static int Compare(in HttpPrecedenceKey x, in HttpPrecedenceKey y)
    {
        // 1. Hostname specificity: characters of a matching non-wildcard hostname, then of the matching hostname.
        var c = PrecedenceOrder.Hostname(x.HostnameNonWildcardCharacters, x.HostnameCharacters, y.HostnameNonWildcardCharacters, y.HostnameCharacters);
        if (c != 0) return c;

        // 2-3. Exact beats PathPrefix (RegularExpression where the options put it); then the longest value.
        c = y.PathRank.CompareTo(x.PathRank);
        if (c != 0) return c;
        c = y.PathLength.CompareTo(x.PathLength);
        if (c != 0) return c;

        // 4-6. A method beats none; more header matches; more query-parameter matches.
        c = y.HasMethod.CompareTo(x.HasMethod);
        if (c != 0) return c;
        c = y.HeaderCount.CompareTo(x.HeaderCount);
        if (c != 0) return c;
        c = y.QueryCount.CompareTo(x.QueryCount);
        if (c != 0) return c;

        // 7-9. Oldest route; {namespace}/{name}; rule order, then match order.
        c = PrecedenceOrder.RouteAndPosition(x.CreationTicks, x.RouteName, x.RuleIndex, x.MatchIndex, y.CreationTicks, y.RouteName, y.RuleIndex, y.MatchIndex);
        return c != 0 ? c : PrecedenceOrder.HostnameName(x.Hostname, y.Hostname);
    }

    /// <summary>The first criterion on which two keys differ, in words (for explanations).</summary>
    public static string FirstDifference(in HttpPrecedenceKey x, in HttpPrecedenceKey y) =>
        x.HostnameNonWildcardCharacters != y.HostnameNonWildcardCharacters || x.HostnameCharacters != y.HostnameCharacters ? "hostname specificity"
        : x.PathRank != y.PathRank ? "path match type"
        : x.PathLength != y.PathLength ? "path length"
        : x.HasMethod != y.HasMethod ? "method match"
        : x.HeaderCount != y.HeaderCount ? "number of header matches"
        : x.QueryCount != y.QueryCount ? "number of query parameter matches"
        : PrecedenceOrder.RouteAndPositionDifference(x.CreationTicks, x.RouteName, x.RuleIndex, y.CreationTicks, y.RouteName, y.RuleIndex);

    /// <summary>The same key with a hostname's specificity.</summary>
    public HttpPrecedenceKey WithHostname(string hostname)
    {
        var (nonWildcard, characters) = HostnameMatching.Specificity(hostname);
        return this with { HostnameNonWildcardCharacters = nonWildcard, HostnameCharacters = characters, Hostname = hostname };
    }
}

/// <summary>
/// One entry of the exported precedence: a (hostname, route, rule, match) of a listener with the values the spec
/// ranks it by. <see cref="Router.GetHttpPrecedence"/> returns them totally ordered, so a proxy with its own
/// matcher (YARP route <c>Order</c>, an ordered Envoy route list, a priority integer) can be fed in spec order.
/// </summary>
public sealed record HttpRouteCandidate
{
    internal HttpRouteCandidate(HttpPrecedenceKey key) => Key = key;

    internal HttpPrecedenceKey Key { get; }

    /// <summary>The effective hostname (<c>*</c> for any); the request host must match it.</summary>
    public required string Hostname { get; init; }

    /// <summary>The route.</summary>
    public required RouteReference Route { get; init; }

    /// <summary>The route's creation timestamp.</summary>
    public DateTime? CreationTimestamp { get; init; }

    /// <summary>The rule's index.</summary>
    public required int RuleIndex { get; init; }

    /// <summary>The rule's name.</summary>
    public string? RuleName { get; init; }

    /// <summary>The match's index in the rule (0 for a rule without matches).</summary>
    public required int MatchIndex { get; init; }

    /// <summary>The path match type after defaulting (<c>Exact</c>, <c>PathPrefix</c>, <c>RegularExpression</c>).</summary>
    public required string PathType { get; init; }

    /// <summary>The path value after defaulting.</summary>
    public required string PathValue { get; init; }

    /// <summary>The method condition, if any.</summary>
    public string? Method { get; init; }

    /// <summary>The number of header conditions counted for precedence (names compared without case, first wins).</summary>
    public int HeaderMatchCount { get; init; }

    /// <summary>The number of query-parameter conditions counted for precedence (first of a name wins).</summary>
    public int QueryParamMatchCount { get; init; }

    /// <summary>
    /// The position in the listener's total order (0 = highest precedence); usable directly as a route priority.
    /// </summary>
    public int Order { get; init; }

    /// <summary><c>hostname route rule[i] match[j]</c>.</summary>
    public override string ToString() => $"{Hostname} {Route} rule[{RuleIndex}] match[{MatchIndex}] {PathType} {PathValue}";
}

/// <summary>
/// The spec's HTTPRoute precedence (§2.2) as a comparer: hostname specificity, Exact before PathPrefix, longest
/// prefix, method, header count, query-parameter count, oldest route, <c>{namespace}/{name}</c>, rule order, match
/// order (with RegularExpression placed by <see cref="RouterOptions.RegularExpressionPathPrecedence"/> when the
/// candidates were made). Negative means the first argument takes precedence.
/// </summary>
public sealed class HttpRoutePrecedence : IComparer<HttpRouteCandidate>
{
    /// <summary>The comparer.</summary>
    public static HttpRoutePrecedence Instance { get; } = new();

    private HttpRoutePrecedence()
    {
    }

    /// <inheritdoc />
    public int Compare(HttpRouteCandidate? x, HttpRouteCandidate? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return 1;
        if (y is null) return -1;
        return HttpPrecedenceKey.Compare(x.Key, y.Key);
    }
}
