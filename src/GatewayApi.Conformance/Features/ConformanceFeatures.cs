namespace GatewayApi.Conformance.Features;

/// <summary>
/// Every feature name of Gateway API v1.6.1 (<c>pkg/features</c>, 58 names), with its channel and the upstream set it
/// belongs to. Names are spelled exactly as upstream spells them, since they appear in <c>supportedFeatures</c> and reports.
/// </summary>
public static class ConformanceFeatures
{
    /// <summary><c>Gateway</c>: core Gateway and GatewayClass behaviour.</summary>
    public const string Gateway = "Gateway";

    /// <summary><c>GatewayPort8080</c>: Gateways can open listeners on port 8080.</summary>
    public const string GatewayPort8080 = "GatewayPort8080";

    /// <summary><c>GatewayStaticAddresses</c>: requested static addresses in <c>spec.addresses</c> are honoured.</summary>
    public const string GatewayStaticAddresses = "GatewayStaticAddresses";

    /// <summary><c>GatewayHTTPListenerIsolation</c>: a request is handled only by the routes of the most specific matching listener.</summary>
    public const string GatewayHttpListenerIsolation = "GatewayHTTPListenerIsolation";

    /// <summary><c>GatewayHTTPSListenerDetectMisdirectedRequests</c>: HTTPS listeners answer 421 when Host and SNI select different listeners.</summary>
    public const string GatewayHttpsListenerDetectMisdirectedRequests = "GatewayHTTPSListenerDetectMisdirectedRequests";

    /// <summary><c>GatewayInfrastructurePropagation</c>: <c>spec.infrastructure</c> labels and annotations reach generated infrastructure.</summary>
    public const string GatewayInfrastructurePropagation = "GatewayInfrastructurePropagation";

    /// <summary><c>GatewayAddressEmpty</c>: address entries without a value are filled by the implementation.</summary>
    public const string GatewayAddressEmpty = "GatewayAddressEmpty";

    /// <summary><c>GatewayBackendClientCertificate</c>: <c>spec.tls.backend.clientCertificateRef</c> is presented to backends.</summary>
    public const string GatewayBackendClientCertificate = "GatewayBackendClientCertificate";

    /// <summary><c>GatewayFrontendClientCertificateValidation</c>: <c>spec.tls.frontend</c> validates client certificates.</summary>
    public const string GatewayFrontendClientCertificateValidation = "GatewayFrontendClientCertificateValidation";

    /// <summary><c>GatewayFrontendClientCertificateValidationInsecureFallback</c>: the <c>AllowInsecureFallback</c> frontend validation mode.</summary>
    public const string GatewayFrontendClientCertificateValidationInsecureFallback = "GatewayFrontendClientCertificateValidationInsecureFallback";

    /// <summary><c>ListenerSet</c>: the ListenerSet kind and <c>Gateway.spec.allowedListeners</c>.</summary>
    public const string ListenerSet = "ListenerSet";

    /// <summary><c>ReferenceGrant</c>: cross-namespace references need a ReferenceGrant.</summary>
    public const string ReferenceGrant = "ReferenceGrant";

    /// <summary><c>HTTPRoute</c>: core HTTPRoute behaviour.</summary>
    public const string HttpRoute = "HTTPRoute";

    /// <summary><c>HTTPRouteDestinationPortMatching</c>: parentRef <c>port</c> selects listeners by port (experimental).</summary>
    public const string HttpRouteDestinationPortMatching = "HTTPRouteDestinationPortMatching";

    /// <summary><c>HTTPRouteBackendRequestHeaderModification</c>: RequestHeaderModifier on a backendRef.</summary>
    public const string HttpRouteBackendRequestHeaderModification = "HTTPRouteBackendRequestHeaderModification";

    /// <summary><c>HTTPRouteQueryParamMatching</c>: query parameter matches.</summary>
    public const string HttpRouteQueryParamMatching = "HTTPRouteQueryParamMatching";

    /// <summary><c>HTTPRouteMethodMatching</c>: method matches.</summary>
    public const string HttpRouteMethodMatching = "HTTPRouteMethodMatching";

    /// <summary><c>HTTPRouteResponseHeaderModification</c>: the ResponseHeaderModifier filter.</summary>
    public const string HttpRouteResponseHeaderModification = "HTTPRouteResponseHeaderModification";

    /// <summary><c>HTTPRoutePortRedirect</c>: RequestRedirect <c>port</c>.</summary>
    public const string HttpRoutePortRedirect = "HTTPRoutePortRedirect";

    /// <summary><c>HTTPRouteSchemeRedirect</c>: RequestRedirect <c>scheme</c>.</summary>
    public const string HttpRouteSchemeRedirect = "HTTPRouteSchemeRedirect";

    /// <summary><c>HTTPRoutePathRedirect</c>: RequestRedirect <c>path</c>.</summary>
    public const string HttpRoutePathRedirect = "HTTPRoutePathRedirect";

    /// <summary><c>HTTPRouteHostRewrite</c>: URLRewrite <c>hostname</c>.</summary>
    public const string HttpRouteHostRewrite = "HTTPRouteHostRewrite";

    /// <summary><c>HTTPRoutePathRewrite</c>: URLRewrite <c>path</c>.</summary>
    public const string HttpRoutePathRewrite = "HTTPRoutePathRewrite";

    /// <summary><c>HTTPRouteRequestMirror</c>: one RequestMirror filter.</summary>
    public const string HttpRouteRequestMirror = "HTTPRouteRequestMirror";

    /// <summary><c>HTTPRouteRequestMultipleMirrors</c>: several RequestMirror filters in one rule.</summary>
    public const string HttpRouteRequestMultipleMirrors = "HTTPRouteRequestMultipleMirrors";

    /// <summary><c>HTTPRouteRequestPercentageMirror</c>: RequestMirror <c>percent</c> and <c>fraction</c>.</summary>
    public const string HttpRouteRequestPercentageMirror = "HTTPRouteRequestPercentageMirror";

    /// <summary><c>HTTPRouteRequestTimeout</c>: <c>timeouts.request</c>.</summary>
    public const string HttpRouteRequestTimeout = "HTTPRouteRequestTimeout";

    /// <summary><c>HTTPRouteBackendTimeout</c>: <c>timeouts.backendRequest</c>.</summary>
    public const string HttpRouteBackendTimeout = "HTTPRouteBackendTimeout";

    /// <summary><c>HTTPRouteParentRefPort</c>: parentRef <c>port</c> selects listeners.</summary>
    public const string HttpRouteParentRefPort = "HTTPRouteParentRefPort";

    /// <summary><c>HTTPRouteBackendProtocolH2C</c>: <c>appProtocol: kubernetes.io/h2c</c> backends.</summary>
    public const string HttpRouteBackendProtocolH2C = "HTTPRouteBackendProtocolH2C";

    /// <summary><c>HTTPRouteBackendProtocolWebSocket</c>: <c>appProtocol: kubernetes.io/ws</c> backends.</summary>
    public const string HttpRouteBackendProtocolWebSocket = "HTTPRouteBackendProtocolWebSocket";

    /// <summary><c>HTTPRouteNamedRouteRule</c>: <c>rules[].name</c>.</summary>
    public const string HttpRouteNamedRouteRule = "HTTPRouteNamedRouteRule";

    /// <summary><c>HTTPRouteCORS</c>: the CORS filter.</summary>
    public const string HttpRouteCors = "HTTPRouteCORS";

    /// <summary><c>HTTPRoute303RedirectStatusCode</c>: RequestRedirect <c>statusCode: 303</c>.</summary>
    public const string HttpRoute303RedirectStatusCode = "HTTPRoute303RedirectStatusCode";

    /// <summary><c>HTTPRoute307RedirectStatusCode</c>: RequestRedirect <c>statusCode: 307</c>.</summary>
    public const string HttpRoute307RedirectStatusCode = "HTTPRoute307RedirectStatusCode";

    /// <summary><c>HTTPRoute308RedirectStatusCode</c>: RequestRedirect <c>statusCode: 308</c>.</summary>
    public const string HttpRoute308RedirectStatusCode = "HTTPRoute308RedirectStatusCode";

    /// <summary><c>HTTPRouteRetry</c>: <c>rules[].retry</c> (experimental).</summary>
    public const string HttpRouteRetry = "HTTPRouteRetry";

    /// <summary><c>HTTPRouteRetryBackendTimeout</c>: retries of requests that exceed <c>timeouts.backendRequest</c> (experimental).</summary>
    public const string HttpRouteRetryBackendTimeout = "HTTPRouteRetryBackendTimeout";

    /// <summary><c>HTTPRouteRetryConnectionError</c>: retries of requests that fail on connection errors (experimental).</summary>
    public const string HttpRouteRetryConnectionError = "HTTPRouteRetryConnectionError";

    /// <summary><c>GRPCRoute</c>: core GRPCRoute behaviour.</summary>
    public const string GrpcRoute = "GRPCRoute";

    /// <summary><c>GRPCRouteNamedRouteRule</c>: <c>rules[].name</c> on GRPCRoute.</summary>
    public const string GrpcRouteNamedRouteRule = "GRPCRouteNamedRouteRule";

    /// <summary><c>TLSRoute</c>: TLS Passthrough listeners routed by SNI.</summary>
    public const string TlsRoute = "TLSRoute";

    /// <summary><c>TLSRouteModeTerminate</c>: TLS Terminate listeners carrying TLSRoutes.</summary>
    public const string TlsRouteModeTerminate = "TLSRouteModeTerminate";

    /// <summary><c>TLSRouteModeMixed</c>: Passthrough and Terminate TLS listeners on one port (experimental).</summary>
    public const string TlsRouteModeMixed = "TLSRouteModeMixed";

    /// <summary><c>TCPRoute</c>: TCP listeners and TCPRoute.</summary>
    public const string TcpRoute = "TCPRoute";

    /// <summary><c>UDPRoute</c>: UDP listeners and UDPRoute.</summary>
    public const string UdpRoute = "UDPRoute";

    /// <summary><c>Mesh</c>: routes with a Service parent steer east/west traffic.</summary>
    public const string Mesh = "Mesh";

    /// <summary><c>MeshClusterIPMatching</c>: mesh traffic matched by cluster IP.</summary>
    public const string MeshClusterIpMatching = "MeshClusterIPMatching";

    /// <summary><c>MeshConsumerRoute</c>: consumer routes.</summary>
    public const string MeshConsumerRoute = "MeshConsumerRoute";

    /// <summary><c>MeshHTTPRouteRewritePath</c>: URL path rewrite in mesh.</summary>
    public const string MeshHttpRouteRewritePath = "MeshHTTPRouteRewritePath";

    /// <summary><c>MeshHTTPRouteSchemeRedirect</c>: scheme redirect in mesh.</summary>
    public const string MeshHttpRouteSchemeRedirect = "MeshHTTPRouteSchemeRedirect";

    /// <summary><c>MeshHTTPRouteRedirectPort</c>: port redirect in mesh.</summary>
    public const string MeshHttpRouteRedirectPort = "MeshHTTPRouteRedirectPort";

    /// <summary><c>MeshHTTPRouteRedirectPath</c>: path redirect in mesh.</summary>
    public const string MeshHttpRouteRedirectPath = "MeshHTTPRouteRedirectPath";

    /// <summary><c>MeshHTTPRouteBackendRequestHeaderModification</c>: backendRef RequestHeaderModifier in mesh.</summary>
    public const string MeshHttpRouteBackendRequestHeaderModification = "MeshHTTPRouteBackendRequestHeaderModification";

    /// <summary><c>MeshHTTPRouteQueryParamMatching</c>: query parameter matches in mesh.</summary>
    public const string MeshHttpRouteQueryParamMatching = "MeshHTTPRouteQueryParamMatching";

    /// <summary><c>MeshHTTPRouteNamedRouteRule</c>: <c>rules[].name</c> in mesh.</summary>
    public const string MeshHttpRouteNamedRouteRule = "MeshHTTPRouteNamedRouteRule";

    /// <summary><c>BackendTLSPolicy</c>: TLS origination to Services targeted by a BackendTLSPolicy.</summary>
    public const string BackendTlsPolicy = "BackendTLSPolicy";

    /// <summary><c>BackendTLSPolicySANValidation</c>: <c>validation.subjectAltNames</c>.</summary>
    public const string BackendTlsPolicySanValidation = "BackendTLSPolicySANValidation";

    /// <summary>Every feature of the catalogue, in upstream's set order.</summary>
    public static IReadOnlyList<ConformanceFeature> All { get; } =
    [
        new(Gateway, FeatureChannel.Standard, "GatewayCoreFeatures"),
        new(GatewayPort8080, FeatureChannel.Standard, "GatewayExtendedFeatures"),
        new(GatewayStaticAddresses, FeatureChannel.Standard, "GatewayExtendedFeatures"),
        new(GatewayHttpListenerIsolation, FeatureChannel.Standard, "GatewayExtendedFeatures"),
        new(GatewayHttpsListenerDetectMisdirectedRequests, FeatureChannel.Standard, "GatewayExtendedFeatures"),
        new(GatewayInfrastructurePropagation, FeatureChannel.Standard, "GatewayExtendedFeatures"),
        new(GatewayAddressEmpty, FeatureChannel.Standard, "GatewayExtendedFeatures"),
        new(GatewayBackendClientCertificate, FeatureChannel.Standard, "GatewayExtendedFeatures"),
        new(GatewayFrontendClientCertificateValidation, FeatureChannel.Standard, "GatewayExtendedFeatures"),
        new(GatewayFrontendClientCertificateValidationInsecureFallback, FeatureChannel.Standard, "GatewayExtendedFeatures"),
        new(ListenerSet, FeatureChannel.Standard, "GatewayExtendedFeatures"),
        new(ReferenceGrant, FeatureChannel.Standard, "ReferenceGrantCoreFeatures"),
        new(HttpRoute, FeatureChannel.Standard, "HTTPRouteCoreFeatures"),
        new(HttpRouteDestinationPortMatching, FeatureChannel.Experimental, "HTTPRouteExtendedFeatures"),
        new(HttpRouteBackendRequestHeaderModification, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteQueryParamMatching, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteMethodMatching, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteResponseHeaderModification, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRoutePortRedirect, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteSchemeRedirect, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRoutePathRedirect, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteHostRewrite, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRoutePathRewrite, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteRequestMirror, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteRequestMultipleMirrors, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteRequestPercentageMirror, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteRequestTimeout, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteBackendTimeout, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteParentRefPort, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteBackendProtocolH2C, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteBackendProtocolWebSocket, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteNamedRouteRule, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteCors, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRoute303RedirectStatusCode, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRoute307RedirectStatusCode, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRoute308RedirectStatusCode, FeatureChannel.Standard, "HTTPRouteExtendedFeatures"),
        new(HttpRouteRetry, FeatureChannel.Experimental, "HTTPRouteExtendedFeatures"),
        new(HttpRouteRetryBackendTimeout, FeatureChannel.Experimental, "HTTPRouteExtendedFeatures"),
        new(HttpRouteRetryConnectionError, FeatureChannel.Experimental, "HTTPRouteExtendedFeatures"),
        new(GrpcRoute, FeatureChannel.Standard, "GRPCRouteCoreFeatures"),
        new(GrpcRouteNamedRouteRule, FeatureChannel.Standard, "GRPCRouteExtendedFeatures"),
        new(TlsRoute, FeatureChannel.Standard, "TLSRouteCoreFeatures"),
        new(TlsRouteModeTerminate, FeatureChannel.Standard, "TLSRouteExtendedFeatures"),
        new(TlsRouteModeMixed, FeatureChannel.Experimental, "TLSRouteExtendedFeatures"),
        new(TcpRoute, FeatureChannel.Standard, "TCPRouteExtendedFeatures"),
        new(UdpRoute, FeatureChannel.Standard, "UDPRouteFeatures"),
        new(Mesh, FeatureChannel.Standard, "MeshCoreFeatures"),
        new(MeshClusterIpMatching, FeatureChannel.Standard, "MeshExtendedFeatures"),
        new(MeshConsumerRoute, FeatureChannel.Standard, "MeshExtendedFeatures"),
        new(MeshHttpRouteRewritePath, FeatureChannel.Standard, "MeshExtendedFeatures"),
        new(MeshHttpRouteSchemeRedirect, FeatureChannel.Standard, "MeshExtendedFeatures"),
        new(MeshHttpRouteRedirectPort, FeatureChannel.Standard, "MeshExtendedFeatures"),
        new(MeshHttpRouteRedirectPath, FeatureChannel.Standard, "MeshExtendedFeatures"),
        new(MeshHttpRouteBackendRequestHeaderModification, FeatureChannel.Standard, "MeshExtendedFeatures"),
        new(MeshHttpRouteQueryParamMatching, FeatureChannel.Standard, "MeshExtendedFeatures"),
        new(MeshHttpRouteNamedRouteRule, FeatureChannel.Standard, "MeshExtendedFeatures"),
        new(BackendTlsPolicy, FeatureChannel.Standard, "BackendTLSPolicyCoreFeatures"),
        new(BackendTlsPolicySanValidation, FeatureChannel.Standard, "BackendTLSPolicyExtendedFeatures"),
    ];

    private static readonly Dictionary<string, ConformanceFeature> ByName = All.ToDictionary(feature => feature.Name, StringComparer.Ordinal);

    /// <summary>The names of the features in one upstream set, for example <c>HTTPRouteExtendedFeatures</c>.</summary>
    /// <param name="set">The set's upstream variable name.</param>
    public static IReadOnlyList<string> InSet(string set) => All.Where(feature => feature.Set == set).Select(feature => feature.Name).ToArray();

    /// <summary>Finds a feature by its exact name.</summary>
    /// <param name="name">The feature name (case-sensitive, as upstream compares them).</param>
    /// <param name="feature">The feature, when known.</param>
    /// <returns>Whether the name is in the v1.6.1 catalogue.</returns>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConformanceFeature? feature) =>
        ByName.TryGetValue(name, out feature);

    /// <summary>Whether a name is in the v1.6.1 catalogue.</summary>
    /// <param name="name">The feature name.</param>
    public static bool IsKnown(string name) => ByName.ContainsKey(name);
}
