namespace GatewayApi.Routing;

/// <summary>
/// The allocation-free answer of <see cref="Router.MatchHttp"/>: which (route, rule, match) won, or why none did.
/// The full decision (filters, backend) is built from it by <see cref="Router.RouteHttp"/>.
/// </summary>
public readonly struct HttpRouteMatchResult
{
    internal HttpRouteMatchResult(RoutingResult result, string? listenerName, HttpRouteTarget? target, string? hostname)
    {
        Result = result;
        ListenerName = listenerName;
        Target = target;
        Hostname = hostname;
    }

    /// <summary>What matching found.</summary>
    public RoutingResult Result { get; }

    /// <summary>The listener that handled the request (null when none was chosen, and for mesh routing).</summary>
    public string? ListenerName { get; }

    /// <summary>The winning (route, rule, match); null unless <see cref="Result"/> is <see cref="RoutingResult.Matched"/>.</summary>
    public HttpRouteTarget? Target { get; }

    /// <summary>
    /// The route's effective hostname through which it matched (<c>*</c> when the route and listener accept any
    /// hostname, and for mesh routing); null when nothing matched.
    /// </summary>
    public string? Hostname { get; }
}

/// <summary>
/// One compiled (route, rule, match) triple: the static part of a decision, shared by every request it wins.
/// </summary>
public sealed class HttpRouteTarget
{
    internal HttpRouteTarget(Compiled.CompiledRule rule, int matchIndex, Compiled.MatchSummary match)
    {
        Rule = rule;
        MatchIndex = matchIndex;
        Match = match;
    }

    internal Compiled.CompiledRule Rule { get; }

    // A field, not a property: a struct read on every match, used in place rather than copied.
    internal readonly Compiled.MatchSummary Match;

    internal DateTime? CreationTimestamp => Rule.CreationTimestamp;

    /// <summary>
    /// The precedence key without a hostname: the same for every hostname the route serves, and enough to order
    /// the candidates of one hostname entry (which share it). <see cref="HttpPrecedenceKey.WithHostname"/> completes
    /// it. Made when needed (sorting, exporting), not kept: a router holds one target per match.
    /// </summary>
    internal HttpPrecedenceKey Key(RouterOptions options) =>
        Match.Key(options, Compiled.RouteIdentity.Ticks(Rule.CreationTimestamp), Rule.QualifiedRouteName, Rule.RuleIndex, MatchIndex);

    /// <summary>The route.</summary>
    public RouteReference Route => Rule.Route;

    /// <summary>The index of the rule in the route's <c>spec.rules</c>.</summary>
    public int RuleIndex => Rule.RuleIndex;

    /// <summary>The rule's <c>name</c>, if set.</summary>
    public string? RuleName => Rule.RuleName;

    /// <summary>
    /// The index of the winning entry in the rule's <c>matches</c> (0 for a rule without matches, which matches
    /// everything through its default <c>PathPrefix /</c>).
    /// </summary>
    public int MatchIndex { get; }

    /// <summary><c>Kind namespace/name rule[i] match[j]</c>.</summary>
    public override string ToString() => $"{Route} rule[{RuleIndex}] match[{MatchIndex}]";
}
