using GatewayApi.Models;

namespace GatewayApi.Routing;

/// <summary>
/// What the router routes: for every Gateway, its listeners with the routes attached and accepted on each;
/// for the mesh, every Service with the routes bound to each of its ports. Only attached, accepted state
/// belongs here; computing it (allowedRoutes, hostname intersection, ReferenceGrants, conflicts) is the
/// status engine's job. The router reads what it needs at compile time and keeps no reference to it.
/// </summary>
public sealed record RoutingConfiguration
{
    /// <summary>The Gateways (north/south traffic), each with its listeners.</summary>
    public IReadOnlyList<GatewayRoutes> Gateways { get; init; } = [];

    /// <summary>The mesh parents (GAMMA, east/west traffic): Services with routes bound to their ports.</summary>
    public IReadOnlyList<ServiceRoutes> Services { get; init; } = [];

    /// <summary>
    /// The BackendTLSPolicies in force, one per governed Service (port). The router attaches them to the backends
    /// of HTTPRoutes, GRPCRoutes, TCPRoutes and TLSRoutes on Terminate listeners (<see cref="RoutedBackend.Tls"/>).
    /// </summary>
    public IReadOnlyList<BackendTlsSettings> BackendTls { get; init; } = [];
}

/// <summary>One Gateway: its merged listener set (its own listeners and those of attached ListenerSets).</summary>
public sealed record GatewayRoutes
{
    /// <summary>The Gateway's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The Gateway's name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The accepted, non-conflicted listeners. Listeners sharing a port are told apart by hostname; when two
    /// share port, protocol and hostname (a conflict the status engine should have rejected) the first wins.
    /// </summary>
    public IReadOnlyList<ListenerRoutes> Listeners { get; init; } = [];

    /// <summary>
    /// The <c>kubernetes.io/tls</c> Secret the Gateway presents as its client certificate on every TLS connection it
    /// opens to a backend (<c>spec.tls.backend.clientCertificateRef</c>, GEP-3155), when the reference resolved.
    /// </summary>
    public NamespacedName? BackendClientCertificate { get; init; }
}

/// <summary>One listener and the routes attached and accepted on it.</summary>
public sealed record ListenerRoutes
{
    /// <summary>The listener's name (its <c>sectionName</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The listener's port.</summary>
    public required int Port { get; init; }

    /// <summary>
    /// The listener's protocol: <c>HTTP</c> and <c>HTTPS</c> carry HTTPRoutes and GRPCRoutes, <c>TLS</c>
    /// TLSRoutes, <c>TCP</c> TCPRoutes, <c>UDP</c> UDPRoutes. Compared without regard to case.
    /// </summary>
    public required ProtocolType Protocol { get; init; }

    /// <summary>The listener's hostname; absent matches every hostname.</summary>
    public string? Hostname { get; init; }

    /// <summary>For <c>TLS</c> listeners, <c>Passthrough</c> or <c>Terminate</c>, surfaced in stream decisions.</summary>
    public string? TlsMode { get; init; }

    /// <summary>
    /// For <c>HTTPS</c> listeners of a Gateway with <c>spec.tls.frontend</c> validation: the CA certificates client
    /// certificates must chain to, and whether a connection without a valid one is refused. Null means no client
    /// certificate is asked for.
    /// </summary>
    public ClientCertificateValidation? ClientCertificateValidation { get; init; }

    /// <summary>
    /// The ListenerSet that contributes the listener, or null for the Gateway's own. A data plane reads the
    /// listener's TLS settings (certificateRefs) from that object, whose namespace is also the default namespace of
    /// its references.
    /// </summary>
    public NamespacedName? ListenerSet { get; init; }

    /// <summary>The routes attached to this listener and accepted on it, of any kind.</summary>
    public IReadOnlyList<AttachedRoute> Routes { get; init; } = [];
}

/// <summary>
/// A route attached to one parent (a listener or a Service port), with what attachment computed for it.
/// </summary>
public sealed record AttachedRoute
{
    /// <summary>
    /// The route object as accepted: an <see cref="HttpRoute"/>, <see cref="GrpcRoute"/>, <see cref="TlsRoute"/>,
    /// <see cref="TcpRoute"/> or <see cref="UdpRoute"/>. Its metadata gives the name, namespace and
    /// <c>creationTimestamp</c> (absent timestamps order after every present one).
    /// </summary>
    public required GatewayApiObject Route { get; init; }

    /// <summary>
    /// The route's effective hostnames on this listener: the intersections of its hostnames with the listener
    /// hostname (<c>attachment-and-status.md</c> §2.6). Null or empty means every hostname the listener accepts
    /// (the listener hostname, or any hostname). Ignored for mesh parents, which SHOULD NOT route by hostname.
    /// </summary>
    public IReadOnlyList<string>? Hostnames { get; init; }

    /// <summary>
    /// The indexes of the rules accepted on this parent; null means every rule. Rules left out (for example those
    /// that made the route <c>PartiallyInvalid</c>) are not routed.
    /// </summary>
    public IReadOnlyList<int>? RuleIndexes { get; init; }

    /// <summary>
    /// The references of the route that cannot be used: invalid backendRefs (their share of the traffic is
    /// answered with an error), mirror filters whose backend cannot be used (the mirror is dropped),
    /// and ExtensionRef or ExternalAuth filters that cannot be resolved (requests through them get an error).
    /// Everything not listed is usable.
    /// </summary>
    public IReadOnlyList<UnusableReference> UnusableReferences { get; init; } = [];

    /// <summary>The entry for a backendRef (no filter index) or a filter, or null when it is usable.</summary>
    internal UnusableReference? FindUnusable(int ruleIndex, int? backendRefIndex, int? filterIndex)
    {
        foreach (var unusable in UnusableReferences)
        {
            if (unusable.RuleIndex == ruleIndex && unusable.BackendRefIndex == backendRefIndex && unusable.FilterIndex == filterIndex)
            {
                return unusable;
            }
        }

        return null;
    }
}

/// <summary>One reference of a route that cannot be used, by position in the route's spec.</summary>
public sealed record UnusableReference
{
    /// <summary>The index of the rule in <c>spec.rules</c>.</summary>
    public required int RuleIndex { get; init; }

    /// <summary>
    /// The index of a backendRef in the rule's <c>backendRefs</c>: alone, that backend is unusable; with
    /// <see cref="FilterIndex"/>, the filter is one of that backendRef's filters.
    /// </summary>
    public int? BackendRefIndex { get; init; }

    /// <summary>The index of a filter (in the rule's filters, or in the backendRef's when that is set).</summary>
    public int? FilterIndex { get; init; }

    /// <summary>Why it cannot be used, as the route's <c>ResolvedRefs</c> reason says it.</summary>
    public RouteConditionReason Reason { get; init; } = RouteConditionReason.BackendNotFound;

    /// <summary>
    /// For a backendRef: the reference itself is valid but the Service has no ready endpoints, so its share
    /// is answered 503 rather than 500 (<c>routing-semantics.md</c> §7).
    /// </summary>
    public bool NoReadyEndpoints { get; init; }
}

/// <summary>A Service acting as a mesh parent (GAMMA): the routes bound to each of its ports.</summary>
public sealed record ServiceRoutes
{
    /// <summary>The Service's namespace; routes in it are producer routes, routes elsewhere consumer routes.</summary>
    public required string Namespace { get; init; }

    /// <summary>The Service's name.</summary>
    public required string Name { get; init; }

    /// <summary>The Service's ports with the routes bound to each (a parentRef without port binds to all).</summary>
    public IReadOnlyList<ServicePortRoutes> Ports { get; init; } = [];
}

/// <summary>One port of a mesh parent Service and the routes bound to it.</summary>
public sealed record ServicePortRoutes
{
    /// <summary>The Service port number.</summary>
    public required int Port { get; init; }

    /// <summary>The Service port name, if any.</summary>
    public string? Name { get; init; }

    /// <summary>The HTTPRoutes and GRPCRoutes bound to this port, producer and consumer alike.</summary>
    public IReadOnlyList<AttachedRoute> Routes { get; init; } = [];
}
