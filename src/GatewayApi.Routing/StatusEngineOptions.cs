namespace GatewayApi.Routing;

/// <summary>
/// What the controller calling <see cref="GatewayApiStatusEngine"/> is and supports, and how it settles the points
/// the spec leaves to implementations. Every implementation-specific choice has an option here, documented with its
/// default in <c>docs/status.md</c>.
/// </summary>
public sealed record StatusEngineOptions
{
    /// <summary>
    /// The controller names this controller answers to (GatewayClass <c>spec.controllerName</c>, domain-prefixed, for
    /// example <c>example.net/gateway-controller</c>). Only GatewayClasses with one of these names, their Gateways and
    /// ListenerSets, and the route parent entries for them are ever written. Required, at least one.
    /// </summary>
    public required IReadOnlyList<string> ControllerNames { get; init; }

    /// <summary>
    /// The conformance features the data plane supports (names from <see cref="GatewayApiFeatures"/>). They are
    /// published in <c>GatewayClass.status.supportedFeatures</c> (mesh features excepted) and decide which listener
    /// protocols, route kinds and route fields are accepted. Defaults to the GATEWAY-HTTP core:
    /// <c>Gateway</c>, <c>HTTPRoute</c>, <c>ReferenceGrant</c>.
    /// </summary>
    public IReadOnlyList<string> SupportedFeatures { get; init; } = GatewayApiFeatures.GatewayHttpCore;

    /// <summary>
    /// The route kinds each listener protocol supports (protocol in upper case, for example <c>HTTP</c>). A protocol
    /// missing from the table is unsupported (<c>UnsupportedProtocol</c>). Null derives the table from
    /// <see cref="SupportedFeatures"/>: HTTP and HTTPS take HTTPRoute (and GRPCRoute with <c>GRPCRoute</c>), TLS takes
    /// TLSRoute (with <c>TLSRoute</c>), TCP takes TCPRoute (with <c>TCPRoute</c>), UDP takes UDPRoute (with
    /// <c>UDPRoute</c>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<GroupKind>>? RouteKindsByProtocol { get; init; }

    /// <summary>The clock for <c>lastTransitionTime</c> (whole seconds, as Kubernetes stores it). Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The mesh controller name (XMesh <c>spec.controllerName</c>) under which route parent entries for Service parents
    /// (GAMMA) are written. Null (the default) leaves Service parents to others. Requires the <c>Mesh</c> feature.
    /// </summary>
    public string? MeshControllerName { get; init; }

    /// <summary>
    /// Ambiguity A1: whether a parentRef to a Gateway that does not exist gets <c>Accepted=False/NoMatchingParent</c>
    /// from the first controller name. The spec allows writing nothing (no controller can tell the Gateway was meant
    /// for it); default false.
    /// </summary>
    public bool ReportMissingGatewayParents { get; init; }

    /// <summary>
    /// Ambiguity A3: whether a route may attach to (and be <c>Accepted</c> on) listeners that are not accepted or are
    /// conflicted. Default true: attachment depends only on <c>allowedRoutes</c> and hostnames, and conformance counts
    /// such routes in <c>attachedRoutes</c> (<c>gateway-with-attached-routes.go</c>; GEP-1713 lets routes attach to
    /// conflicted ListenerSet listeners).
    /// </summary>
    public bool AcceptRoutesOnInvalidListeners { get; init; } = true;

    /// <summary>
    /// Ambiguity A8: whether a ListenerSet listener that collides on port and hostname gets the documented
    /// <c>ListenerConflict</c> reason. Default false: conformance expects <c>HostnameConflict</c>/<c>ProtocolConflict</c>.
    /// </summary>
    public bool UseListenerConflictReason { get; init; }

    /// <summary>
    /// Whether <c>RegularExpression</c> path, header, query-parameter and gRPC method matches are supported
    /// (Implementation-specific). Default false: routes using them get <c>UnsupportedValue</c>.
    /// </summary>
    public bool SupportsRegularExpressionMatches { get; init; }

    /// <summary>
    /// The backendRef kinds the data plane can forward to. Default: core <c>Service</c>. Other kinds resolve when an
    /// object of that group, kind, namespace and name is in the snapshot; kinds not listed are <c>InvalidKind</c>.
    /// </summary>
    public IReadOnlyList<GroupKind> BackendKinds { get; init; } = [GroupKind.Service];

    /// <summary>The kinds an <c>ExtensionRef</c> filter may name (Implementation-specific). Default: none, so every ExtensionRef is <c>InvalidKind</c>.</summary>
    public IReadOnlyList<GroupKind> ExtensionRefKinds { get; init; } = [];

    /// <summary>
    /// The kinds a GatewayClass <c>parametersRef</c> or a Gateway <c>infrastructure.parametersRef</c> may name. Default:
    /// core <c>ConfigMap</c>. Any other kind, or a referent missing from the snapshot, is <c>InvalidParameters</c>.
    /// </summary>
    public IReadOnlyList<GroupKind> ParametersRefKinds { get; init; } = [GroupKind.ConfigMap];

    /// <summary>Listener ports the data plane cannot open; listeners on them are <c>Accepted=False/PortUnavailable</c>. Default: none.</summary>
    public IReadOnlyCollection<int> UnavailablePorts { get; init; } = [];

    /// <summary>
    /// The most listeners one Gateway may have, its own and its ListenerSets' together. ListenerSet listeners beyond it
    /// (in merge order) are <c>Accepted=False/TooManyListeners</c>. Null (the default) means no limit.
    /// </summary>
    public int? MaxListenersPerGateway { get; init; }

    /// <summary>
    /// The Gateway <c>spec.addresses</c> types the implementation supports. Default <c>IPAddress</c> and <c>Hostname</c>;
    /// another type makes the Gateway <c>Accepted=False/UnsupportedAddress</c>.
    /// </summary>
    public IReadOnlyList<string> SupportedAddressTypes { get; init; } = ["IPAddress", "Hostname"];

    /// <summary>
    /// Whether certificate and CA data are parsed (PEM certificates and keys). Default true: a Secret or ConfigMap whose
    /// data does not parse is malformed (<c>InvalidCertificateRef</c>, <c>InvalidCACertificateRef</c>). False only checks
    /// that the keys are present and non-empty.
    /// </summary>
    public bool ValidateCertificateData { get; init; } = true;

    /// <summary>
    /// Whether listeners whose certificates' DNS names overlap get <c>OverlappingTLSConfig=True/OverlappingCertificates</c>
    /// (a MAY in the spec). Default true.
    /// </summary>
    public bool DetectOverlappingCertificates { get; init; } = true;

    /// <summary>
    /// Whether BackendTLSPolicy <c>wellKnownCACertificates: System</c> is supported (Implementation-specific). Default
    /// true (.NET can use the platform trust store); false makes such policies <c>Accepted=False/Invalid</c>.
    /// </summary>
    public bool SupportsSystemCaCertificates { get; init; } = true;

    /// <summary>
    /// Whether cross-namespace backendRefs of mesh routes (Service parents) need a ReferenceGrant. Default false: mesh
    /// routes only narrow access that already exists (<c>mesh.md</c> §3).
    /// </summary>
    public bool MeshRequiresReferenceGrants { get; init; }

    /// <summary>
    /// The Gateway API bundle versions (<c>gateway.networking.k8s.io/bundle-version</c> annotation of the CRDs) this
    /// controller supports. When the snapshot holds Gateway API CustomResourceDefinitions, GatewayClasses get
    /// <c>SupportedVersion</c>; otherwise the condition is not written. Default <c>v1.6.1</c>.
    /// </summary>
    public IReadOnlyList<string> SupportedBundleVersions { get; init; } = ["v1.6.1"];

    /// <summary>
    /// Whether an HTTPRoute and a GRPCRoute whose hostnames intersect on one listener are told apart: the older route
    /// (then the first by <c>{namespace}/{name}</c>) keeps the listener and the other is not attached there, its parent
    /// entry <c>Accepted=False/Conflicted</c> when it loses every listener it reached. Default true, as the GRPCRoute API
    /// requires (MUST); false follows the reference page's MAY and accepts both (ambiguity A5).
    /// </summary>
    public bool RejectOverlappingHttpAndGrpcRoutes { get; init; } = true;

    /// <summary>
    /// The name of the XMesh object this mesh controller answers for (GEP-3949: a mesh has a default name, which
    /// installers may change). With <see cref="MeshControllerName"/> and the <c>Mesh</c> feature, the XMesh of that name
    /// whose <c>spec.controllerName</c> is ours gets a status in <see cref="StatusResult.Meshes"/>. Null (the default)
    /// answers for every XMesh naming our mesh controller.
    /// </summary>
    public string? MeshName { get; init; }
}
