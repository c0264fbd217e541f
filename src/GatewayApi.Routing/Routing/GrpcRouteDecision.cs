namespace GatewayApi.Routing;

/// <summary>One compiled (route, rule, match) of a GRPCRoute.</summary>
public sealed class GrpcRouteTarget
{
    internal GrpcRouteTarget(Compiled.CompiledRule rule, int matchIndex, Compiled.GrpcMatchSummary match)
    {
        Rule = rule;
        MatchIndex = matchIndex;
        Match = match;
    }

    internal Compiled.CompiledRule Rule { get; }

    internal Compiled.GrpcMatchSummary Match { get; }

    /// <summary>The route.</summary>
    public RouteReference Route => Rule.Route;

    /// <summary>The rule's index.</summary>
    public int RuleIndex => Rule.RuleIndex;

    /// <summary>The rule's name, if set.</summary>
    public string? RuleName => Rule.RuleName;

    /// <summary>The match's index (0 for a rule without matches).</summary>
    public int MatchIndex { get; }

    /// <summary><c>Kind namespace/name rule[i] match[j]</c>.</summary>
    public override string ToString() => $"{Route} rule[{RuleIndex}] match[{MatchIndex}]";
}

/// <summary>The allocation-free answer of <see cref="Router.MatchGrpc"/>.</summary>
public readonly struct GrpcRouteMatchResult
{
    internal GrpcRouteMatchResult(RoutingResult result, string? listenerName, GrpcRouteTarget? target, string? hostname)
    {
        Result = result;
        ListenerName = listenerName;
        Target = target;
        Hostname = hostname;
    }

    /// <summary>What matching found.</summary>
    public RoutingResult Result { get; }

    /// <summary>The listener that handled the call.</summary>
    public string? ListenerName { get; }

    /// <summary>The winning (route, rule, match), when matched.</summary>
    public GrpcRouteTarget? Target { get; }

    /// <summary>The effective hostname through which the route matched.</summary>
    public string? Hostname { get; }
}

/// <summary>
/// The decision for one gRPC call. When the gateway answers itself it does so the gRPC way: HTTP 200 with
/// <see cref="Status"/> in the <c>grpc-status</c> trailer, never an HTTP error page (§3.3).
/// </summary>
public sealed record GrpcRouteDecision
{
    /// <summary>What matching found.</summary>
    public required RoutingResult Result { get; init; }

    /// <summary><see cref="GrpcStatusCode.Ok"/> when the call is forwarded; otherwise the status to answer with.</summary>
    public required GrpcStatusCode Status { get; init; }

    /// <summary>Whether the call is forwarded to <see cref="Backend"/>.</summary>
    public bool Forward => Status == GrpcStatusCode.Ok;

    /// <summary>A short reason for an answer the gateway gives itself (for <c>grpc-message</c> and logs).</summary>
    public string? StatusMessage { get; init; }

    /// <summary>The listener that handled the call.</summary>
    public string? ListenerName { get; init; }

    /// <summary>The effective hostname through which the route matched.</summary>
    public string? Hostname { get; init; }

    /// <summary>The route that matched.</summary>
    public RouteReference? Route { get; init; }

    /// <summary>The rule's index (-1 when nothing matched).</summary>
    public int RuleIndex { get; init; } = -1;

    /// <summary>The rule's name, if set.</summary>
    public string? RuleName { get; init; }

    /// <summary>The match's index (-1 when nothing matched).</summary>
    public int MatchIndex { get; init; } = -1;

    /// <summary>The backend chosen by weight.</summary>
    public RoutedBackend? Backend { get; init; }

    /// <summary>Metadata (request header) changes, rule filters then the chosen backend's.</summary>
    public IReadOnlyList<HeaderModification> RequestHeaderModifications { get; init; } = [];

    /// <summary>Response metadata changes.</summary>
    public IReadOnlyList<HeaderModification> ResponseHeaderModifications { get; init; } = [];

    /// <summary>The RequestMirror filters as applied to this call.</summary>
    public IReadOnlyList<MirrorDecision> Mirrors { get; init; } = [];

    /// <summary>ExtensionRef filters the proxy must run.</summary>
    public IReadOnlyList<FilterReference> ExtensionRefs { get; init; } = [];

    /// <summary>Every filter applied, in order.</summary>
    public IReadOnlyList<FilterStep> Filters { get; init; } = [];

    /// <summary>The rule's session persistence, if set.</summary>
    public SessionPersistenceSettings? SessionPersistence { get; init; }
}

/// <summary>
/// The decision for one TLS connection (by SNI), TCP connection or UDP flow (by listener port): forward the
/// stream to a backend, or reject it (TLS/TCP) / drop it (UDP).
/// </summary>
public sealed record StreamRouteDecision
{
    /// <summary>What matching found.</summary>
    public required RoutingResult Result { get; init; }

    /// <summary>Whether the stream is forwarded to <see cref="Backend"/>; false means reject (TLS/TCP) or drop (UDP).</summary>
    public required bool Forward { get; init; }

    /// <summary>Why the stream is rejected, for logs.</summary>
    public string? RejectReason { get; init; }

    /// <summary>The listener.</summary>
    public string? ListenerName { get; init; }

    /// <summary>For TLS listeners: <c>Passthrough</c> or <c>Terminate</c>.</summary>
    public string? TlsMode { get; init; }

    /// <summary>For TLS: the effective hostname through which the route matched the SNI.</summary>
    public string? Hostname { get; init; }

    /// <summary>The winning route.</summary>
    public RouteReference? Route { get; init; }

    /// <summary>The rule's index (always 0: these routes have exactly one rule; -1 when nothing matched).</summary>
    public int RuleIndex { get; init; } = -1;

    /// <summary>The rule's name, if set.</summary>
    public string? RuleName { get; init; }

    /// <summary>The backend chosen by weight (also when it is invalid and the stream is rejected).</summary>
    public RoutedBackend? Backend { get; init; }
}
