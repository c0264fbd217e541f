namespace GatewayApi.Routing;

/// <summary>
/// The precedence of one (hostname, route, rule, match) GRPCRoute candidate as a sortable key (§3.2). Built once at
/// compile time; the compiled router, the exported precedence list and <see cref="GrpcRoutePrecedence"/> all sort with
/// <see cref="Compare"/>.
/// </summary>
internal readonly record struct GrpcPrecedenceKey(
    int HostnameNonWildcardCharacters,
    int HostnameCharacters,
    int ServiceCharacters,
    int MethodCharacters,
    int HeaderCount,
    long CreationTicks,
    string RouteName,
    int RuleIndex,
    int MatchIndex,
    string Hostname = "")
{
    /// <summary>Negative when <paramref name="x"/> takes precedence over <paramref name="y"/>.</summary>
    public static int Compare(in GrpcPrecedenceKey x, in GrpcPrecedenceKey y)
    {
        // Hostname specificity; then characters of the matching service, of the matching method; header matches.
        var c = PrecedenceOrder.Hostname(x.HostnameNonWildcardCharacters, x.HostnameCharacters, y.HostnameNonWildcardCharacters, y.HostnameCharacters);
        if (c != 0) return c;
        c = y.ServiceCharacters.CompareTo(x.ServiceCharacters);
        if (c != 0) return c;
        c = y.MethodCharacters.CompareTo(x.MethodCharacters);
        if (c != 0) return c;
        c = y.HeaderCount.CompareTo(x.HeaderCount);
        if (c != 0) return c;

        // Oldest route, {namespace}/{name}, rule order, match order.
        c = PrecedenceOrder.RouteAndPosition(x.CreationTicks, x.RouteName, x.RuleIndex, x.MatchIndex, y.CreationTicks, y.RouteName, y.RuleIndex, y.MatchIndex);
        return c != 0 ? c : PrecedenceOrder.HostnameName(x.Hostname, y.Hostname);
    }

    /// <summary>The first criterion on which two keys differ, in words (for explanations).</summary>
    public static string FirstDifference(in GrpcPrecedenceKey x, in GrpcPrecedenceKey y) =>
        x.HostnameNonWildcardCharacters != y.HostnameNonWildcardCharacters || x.HostnameCharacters != y.HostnameCharacters ? "hostname specificity"
        : x.ServiceCharacters != y.ServiceCharacters ? "service length"
        : x.MethodCharacters != y.MethodCharacters ? "method length"
        : x.HeaderCount != y.HeaderCount ? "number of header matches"
        : PrecedenceOrder.RouteAndPositionDifference(x.CreationTicks, x.RouteName, x.RuleIndex, y.CreationTicks, y.RouteName, y.RuleIndex);

    /// <summary>The same key with a hostname's specificity.</summary>
    public GrpcPrecedenceKey WithHostname(string hostname)
    {
        var (nonWildcard, characters) = HostnameMatching.Specificity(hostname);
        return this with { HostnameNonWildcardCharacters = nonWildcard, HostnameCharacters = characters, Hostname = hostname };
    }
}

/// <summary>
/// One entry of the exported GRPCRoute precedence: a (hostname, route, rule, match) of a listener with the values the
/// spec ranks it by. <see cref="Router.GetGrpcPrecedence"/> returns them totally ordered.
/// </summary>
public sealed record GrpcRouteCandidate
{
    internal GrpcRouteCandidate(GrpcPrecedenceKey key) => Key = key;

    internal GrpcPrecedenceKey Key { get; }

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

    /// <summary>The method match type after defaulting (<c>Exact</c> or <c>RegularExpression</c>).</summary>
    public required string MethodMatchType { get; init; }

    /// <summary>The service condition (a name or a pattern); null matches any service.</summary>
    public string? Service { get; init; }

    /// <summary>The method condition (a name or a pattern); null matches any method.</summary>
    public string? Method { get; init; }

    /// <summary>The number of header conditions counted for precedence (names compared without case, first wins).</summary>
    public int HeaderMatchCount { get; init; }

    /// <summary>The position in the listener's total order (0 = highest precedence); usable directly as a route priority.</summary>
    public int Order { get; init; }

    /// <summary><c>hostname route rule[i] match[j] service/method</c>.</summary>
    public override string ToString() => $"{Hostname} {Route} rule[{RuleIndex}] match[{MatchIndex}] {MethodMatchType} {Service ?? "*"}/{Method ?? "*"}";
}

/// <summary>
/// The spec's GRPCRoute precedence (§3.2) as a comparer: hostname specificity, characters of the service, characters of
/// the method, header count, oldest route, <c>{namespace}/{name}</c>, rule order, match order. Negative means the first
/// argument takes precedence.
/// </summary>
public sealed class GrpcRoutePrecedence : IComparer<GrpcRouteCandidate>
{
    /// <summary>The comparer.</summary>
    public static GrpcRoutePrecedence Instance { get; } = new();

    private GrpcRoutePrecedence()
    {
    }

    /// <inheritdoc />
    public int Compare(GrpcRouteCandidate? x, GrpcRouteCandidate? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return 1;
        if (y is null) return -1;
        return GrpcPrecedenceKey.Compare(x.Key, y.Key);
    }
}

/// <summary>Why a gRPC call went where it went: listener selection and every GRPCRoute candidate considered, in order.</summary>
public sealed record GrpcRoutingExplanation
{
    /// <summary>What matching found (the same as <see cref="Router.MatchGrpc"/> for the call).</summary>
    public required RoutingResult Result { get; init; }

    /// <summary>The listener chosen, if any.</summary>
    public string? ListenerName { get; init; }

    /// <summary>How the listener was chosen, or why none was, in words.</summary>
    public required string ListenerSelection { get; init; }

    /// <summary>Every (hostname, route, rule, match) of the chosen listener in precedence order, each with its outcome.</summary>
    public IReadOnlyList<GrpcCandidateExplanation> Candidates { get; init; } = [];

    /// <summary>The winner, if any.</summary>
    public GrpcRouteCandidate? Winner { get; init; }

    /// <summary>A readable multi-line account.</summary>
    public override string ToString() =>
        $"{Result}: {ListenerSelection}" + string.Concat(Candidates.Select(c => $"\n  [{c.Outcome}] {c.Candidate}: {c.Reason}"));
}

/// <summary>One candidate of a gRPC explanation.</summary>
/// <param name="Candidate">The candidate, with its precedence values.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record GrpcCandidateExplanation(GrpcRouteCandidate Candidate, CandidateOutcome Outcome, string Reason);
