using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;
using k8s.Models;

namespace GatewayApi.Routing.Attachment;

/// <summary>What happened between one route and one listener of a parent it names.</summary>
internal enum ListenerOutcome
{
    /// <summary>The listener accepts the route.</summary>
    Attached,

    /// <summary>The parentRef's <c>sectionName</c> names another listener.</summary>
    NotSelectedBySectionName,

    /// <summary>The parentRef's <c>port</c> is not the listener's port.</summary>
    NotSelectedByPort,

    /// <summary>The route's kind is not among the listener's supported kinds.</summary>
    KindNotAllowed,

    /// <summary>The listener's <c>allowedRoutes.namespaces</c> does not admit the route's namespace.</summary>
    NamespaceNotAllowed,

    /// <summary>The listener is not accepted or is conflicted, and the options keep routes off such listeners.</summary>
    ListenerNotUsable,

    /// <summary>None of the route's hostnames intersects the listener's hostname.</summary>
    NoHostnameIntersection,

    /// <summary>
    /// An HTTPRoute and a GRPCRoute on the listener share hostnames and the other one takes precedence (older, then
    /// <c>{namespace}/{name}</c>; upstream <c>grpcroute_types.go</c> GRPCRouteSpec.Hostnames).
    /// </summary>
    HostnameTakenByOtherKind,
}

/// <summary>The verdict for one listener, with the intersected hostnames when it accepts the route (empty = every host).</summary>
internal sealed record ListenerVerdict(ListenerState Listener, ListenerOutcome Outcome, IReadOnlyList<string>? Hostnames)
{
    /// <summary>For <see cref="ListenerOutcome.HostnameTakenByOtherKind"/>: the route that took the hostnames.</summary>
    public string? TakenBy { get; init; }
}

/// <summary>The kind of object a parentRef names.</summary>
internal enum ParentKind
{
    Gateway,
    ListenerSet,
    Service,
}

/// <summary>
/// The evaluation of one parentRef of one route (§2.1): the parent it reached, the verdict per listener, and the
/// <c>Accepted</c>/<c>ResolvedRefs</c>/<c>PartiallyInvalid</c> outcome written in the route's <c>status.parents</c>.
/// </summary>
internal sealed class ParentEvaluation
{
    public required RouteObject Route { get; init; }

    /// <summary>The index in <c>spec.parentRefs</c>, or -1 for a default Gateway that claimed the route (GEP-3793).</summary>
    public required int ParentRefIndex { get; init; }

    /// <summary>The parentRef as written in status: the spec's, with group and kind defaulted as the API server does.</summary>
    public required ParentReference StatusParentRef { get; init; }

    public required string ControllerName { get; init; }

    public required ParentKind Kind { get; init; }

    public GatewayState? Gateway { get; init; }

    public ListenerSetState? ListenerSet { get; init; }

    public V1Service? Service { get; init; }

    public string ParentDisplayName { get; init; } = string.Empty;

    public List<ListenerVerdict> Verdicts { get; } = [];

    public bool Accepted { get; set; }

    public string AcceptedReason { get; set; } = RouteConditionReason.Accepted.Value;

    public string AcceptedMessage { get; set; } = string.Empty;

    public required RuleValidity Rules { get; init; }

    public BackendResolution Backends { get; set; } = new([]);

    /// <summary>For a Service parent: the Service ports the route applies to (after cross-kind conflicts).</summary>
    public List<int> MeshPorts { get; } = [];

    public IEnumerable<ListenerVerdict> AttachedListeners => Verdicts.Where(v => v.Outcome == ListenerOutcome.Attached);
}
