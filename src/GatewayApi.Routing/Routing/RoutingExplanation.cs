namespace GatewayApi.Routing;

/// <summary>Why a request went where it went: listener selection and every candidate considered, in order.</summary>
public sealed record RoutingExplanation
{
    /// <summary>What matching found (the same as <see cref="Router.MatchHttp"/> for the request).</summary>
    public required RoutingResult Result { get; init; }

    /// <summary>The listener chosen, if any.</summary>
    public string? ListenerName { get; init; }

    /// <summary>How the listener was chosen, or why none was, in words.</summary>
    public required string ListenerSelection { get; init; }

    /// <summary>
    /// Every (hostname, route, rule, match) of the chosen listener in precedence order, each with its outcome.
    /// </summary>
    public IReadOnlyList<CandidateExplanation> Candidates { get; init; } = [];

    /// <summary>The winner, if any.</summary>
    public HttpRouteCandidate? Winner { get; init; }

    /// <summary>A readable multi-line account.</summary>
    public override string ToString() =>
        $"{Result}: {ListenerSelection}" + string.Concat(Candidates.Select(c => $"\n  [{c.Outcome}] {c.Candidate}: {c.Reason}"));
}

/// <summary>One candidate of an explanation.</summary>
/// <param name="Candidate">The candidate, with its precedence values.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record CandidateExplanation(HttpRouteCandidate Candidate, CandidateOutcome Outcome, string Reason);

/// <summary>What became of a candidate.</summary>
public enum CandidateOutcome
{
    /// <summary>It matched and had the highest precedence.</summary>
    Won,

    /// <summary>It matched, but a candidate with higher precedence won.</summary>
    OutrankedByWinner,

    /// <summary>Its hostname does not match the request host.</summary>
    HostnameDidNotMatch,

    /// <summary>
    /// Not considered: without hostname fall-through, only the most specific hostname with routes is searched.
    /// </summary>
    NotConsideredLessSpecificHostname,

    /// <summary>Its hostname matches, but a path, method, header or query condition does not.</summary>
    DidNotMatch,
}
