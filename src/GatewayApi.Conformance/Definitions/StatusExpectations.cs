namespace GatewayApi.Conformance.Definitions;

/// <summary>The status a case expects after its manifests are applied.</summary>
/// <param name="GatewayClasses">Expected GatewayClass conditions.</param>
/// <param name="Gateways">Expected Gateway conditions and listener statuses.</param>
/// <param name="Routes">Expected route parent statuses.</param>
public sealed record StatusExpectations(
    IReadOnlyList<GatewayClassExpectation> GatewayClasses,
    IReadOnlyList<GatewayExpectation> Gateways,
    IReadOnlyList<RouteExpectation> Routes)
{
    /// <summary>No status expectations.</summary>
    public static StatusExpectations None { get; } = new([], [], []);

    /// <summary>Expected ListenerSet conditions and listener entries (same shape as a Gateway's).</summary>
    public IReadOnlyList<GatewayExpectation> ListenerSets { get; init; } = [];

    /// <summary>Expected BackendTLSPolicy ancestor statuses.</summary>
    public IReadOnlyList<PolicyExpectation> BackendTlsPolicies { get; init; } = [];

    /// <summary>Whether the case expects anything of the status.</summary>
    public bool IsEmpty => GatewayClasses.Count == 0 && Gateways.Count == 0 && Routes.Count == 0 && ListenerSets.Count == 0 && BackendTlsPolicies.Count == 0;
}

/// <summary>Expected status of a GatewayClass.</summary>
/// <param name="Name">The GatewayClass name.</param>
/// <param name="Conditions">Conditions that must be present.</param>
public sealed record GatewayClassExpectation(string Name, IReadOnlyList<ConditionExpectation> Conditions);

/// <summary>Expected status of a Gateway.</summary>
/// <param name="Namespace">The Gateway's namespace.</param>
/// <param name="Name">The Gateway's name.</param>
/// <param name="Conditions">Gateway conditions that must be present.</param>
/// <param name="ListenerCount">The exact number of <c>status.listeners</c> entries, when given.</param>
/// <param name="Listeners">Expected listener statuses (matched by name).</param>
public sealed record GatewayExpectation(
    string Namespace,
    string Name,
    IReadOnlyList<ConditionExpectation> Conditions,
    int? ListenerCount,
    IReadOnlyList<ListenerExpectation> Listeners);

/// <summary>Expected status of one listener.</summary>
/// <param name="Name">The listener name.</param>
/// <param name="AttachedRoutes">The exact <c>attachedRoutes</c>, when given.</param>
/// <param name="SupportedKinds">Route kinds that must be listed in <c>supportedKinds</c> (an empty list requires an empty list); null: not checked.</param>
/// <param name="Conditions">Listener conditions that must be present.</param>
public sealed record ListenerExpectation(
    string Name,
    int? AttachedRoutes,
    IReadOnlyList<string>? SupportedKinds,
    IReadOnlyList<ConditionExpectation> Conditions);

/// <summary>Expected status of a route.</summary>
/// <param name="Kind">The route kind: <c>HTTPRoute</c>, <c>GRPCRoute</c>, <c>TLSRoute</c>, <c>TCPRoute</c> or <c>UDPRoute</c>.</param>
/// <param name="Namespace">The route's namespace.</param>
/// <param name="Name">The route's name.</param>
/// <param name="Parents">Parent entries that must be present, with their conditions.</param>
/// <param name="NoAcceptedParents">When true, no parent entry may have <c>Accepted=True</c>.</param>
public sealed record RouteExpectation(
    string Kind,
    string Namespace,
    string Name,
    IReadOnlyList<RouteParentExpectation> Parents,
    bool NoAcceptedParents);

/// <summary>An expected <c>status.parents[]</c> entry of a route.</summary>
/// <param name="Group">The parent's group (<c>gateway.networking.k8s.io</c> for Gateways, empty for Services).</param>
/// <param name="Kind">The parent's kind (<c>Gateway</c>, <c>ListenerSet</c> or <c>Service</c>).</param>
/// <param name="Namespace">The parent's namespace.</param>
/// <param name="Name">The parent's name.</param>
/// <param name="SectionName">The parentRef's sectionName, when the entry must carry it.</param>
/// <param name="Port">The parentRef's port, when the entry must carry it.</param>
/// <param name="Conditions">Conditions that must be present.</param>
public sealed record RouteParentExpectation(
    string Group,
    string Kind,
    string Namespace,
    string Name,
    string? SectionName,
    int? Port,
    IReadOnlyList<ConditionExpectation> Conditions)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Kind} {Namespace}/{Name}" + (SectionName is null ? "" : "/" + SectionName) + (Port is null ? "" : ":" + Port);
}

/// <summary>Expected status of a BackendTLSPolicy.</summary>
/// <param name="Namespace">The policy's namespace.</param>
/// <param name="Name">The policy's name.</param>
/// <param name="Ancestors">Ancestor entries that must be present (matched like route parents), with their conditions.</param>
public sealed record PolicyExpectation(string Namespace, string Name, IReadOnlyList<RouteParentExpectation> Ancestors);
