namespace GatewayApi.Routing;

/// <summary>
/// The conformance feature names of Gateway API v1.6.1 (<c>pkg/features</c>), as written in
/// <c>GatewayClass.status.supportedFeatures</c> and in <see cref="StatusEngineOptions.SupportedFeatures"/>.
/// </summary>
/// <remarks>
/// A feature the options do not list is treated as unsupported: listeners and routes that need it are reported as
/// the spec says for unsupported protocols, kinds and values. See <c>docs/status.md</c> for the effect of each.
/// </remarks>
public static class GatewayApiFeatures
{
    /// <summary>Core GatewayClass, Gateway and listener behaviour.</summary>
    public const string Gateway = "Gateway";
    /// <summary>Listeners on port 8080.</summary>
    public const string GatewayPort8080 = "GatewayPort8080";
    /// <summary><c>spec.addresses</c> with values are honoured.</summary>
    public const string GatewayStaticAddresses = "GatewayStaticAddresses";
    /// <summary>Requests are handled only by the routes of the most specific matching listener.</summary>
    public const string GatewayHttpListenerIsolation = "GatewayHTTPListenerIsolation";
    /// <summary>HTTPS listeners answer 421 for misdirected requests.</summary>
    public const string GatewayHttpsListenerDetectMisdirectedRequests = "GatewayHTTPSListenerDetectMisdirectedRequests";
    /// <summary><c>spec.infrastructure</c> labels and annotations are propagated.</summary>
    public const string GatewayInfrastructurePropagation = "GatewayInfrastructurePropagation";
    /// <summary>Address entries without a value are filled in by the implementation.</summary>
    public const string GatewayAddressEmpty = "GatewayAddressEmpty";
    /// <summary><c>spec.tls.backend.clientCertificateRef</c>.</summary>
    public const string GatewayBackendClientCertificate = "GatewayBackendClientCertificate";
    /// <summary><c>spec.tls.frontend</c> client-certificate validation.</summary>
    public const string GatewayFrontendClientCertificateValidation = "GatewayFrontendClientCertificateValidation";
    /// <summary>The <c>AllowInsecureFallback</c> frontend validation mode.</summary>
    public const string GatewayFrontendClientCertificateValidationInsecureFallback = "GatewayFrontendClientCertificateValidationInsecureFallback";
    /// <summary>The ListenerSet kind and <c>Gateway.spec.allowedListeners</c>.</summary>
    public const string ListenerSet = "ListenerSet";
    /// <summary>Cross-namespace references permitted by ReferenceGrants.</summary>
    public const string ReferenceGrant = "ReferenceGrant";
    /// <summary>Core HTTPRoute behaviour.</summary>
    public const string HttpRoute = "HTTPRoute";
    /// <summary>parentRef <c>port</c> (experimental name).</summary>
    public const string HttpRouteDestinationPortMatching = "HTTPRouteDestinationPortMatching";
    /// <summary>RequestHeaderModifier in <c>backendRefs[].filters</c>.</summary>
    public const string HttpRouteBackendRequestHeaderModification = "HTTPRouteBackendRequestHeaderModification";
    /// <summary><c>matches[].queryParams</c>.</summary>
    public const string HttpRouteQueryParamMatching = "HTTPRouteQueryParamMatching";
    /// <summary><c>matches[].method</c>.</summary>
    public const string HttpRouteMethodMatching = "HTTPRouteMethodMatching";
    /// <summary>The ResponseHeaderModifier filter.</summary>
    public const string HttpRouteResponseHeaderModification = "HTTPRouteResponseHeaderModification";
    /// <summary>RequestRedirect <c>port</c>.</summary>
    public const string HttpRoutePortRedirect = "HTTPRoutePortRedirect";
    /// <summary>RequestRedirect <c>scheme</c>.</summary>
    public const string HttpRouteSchemeRedirect = "HTTPRouteSchemeRedirect";
    /// <summary>RequestRedirect <c>path</c>.</summary>
    public const string HttpRoutePathRedirect = "HTTPRoutePathRedirect";
    /// <summary>URLRewrite <c>hostname</c>.</summary>
    public const string HttpRouteHostRewrite = "HTTPRouteHostRewrite";
    /// <summary>URLRewrite <c>path</c>.</summary>
    public const string HttpRoutePathRewrite = "HTTPRoutePathRewrite";
    /// <summary>The RequestMirror filter.</summary>
    public const string HttpRouteRequestMirror = "HTTPRouteRequestMirror";
    /// <summary>Several RequestMirror filters in one rule.</summary>
    public const string HttpRouteRequestMultipleMirrors = "HTTPRouteRequestMultipleMirrors";
    /// <summary>RequestMirror <c>percent</c> and <c>fraction</c>.</summary>
    public const string HttpRouteRequestPercentageMirror = "HTTPRouteRequestPercentageMirror";
    /// <summary><c>timeouts.request</c>.</summary>
    public const string HttpRouteRequestTimeout = "HTTPRouteRequestTimeout";
    /// <summary><c>timeouts.backendRequest</c>.</summary>
    public const string HttpRouteBackendTimeout = "HTTPRouteBackendTimeout";
    /// <summary>parentRef <c>port</c>.</summary>
    public const string HttpRouteParentRefPort = "HTTPRouteParentRefPort";
    /// <summary>Service <c>appProtocol: kubernetes.io/h2c</c> backends.</summary>
    public const string HttpRouteBackendProtocolH2C = "HTTPRouteBackendProtocolH2C";
    /// <summary>Service <c>appProtocol: kubernetes.io/ws</c> backends.</summary>
    public const string HttpRouteBackendProtocolWebSocket = "HTTPRouteBackendProtocolWebSocket";
    /// <summary><c>rules[].name</c> on HTTPRoute.</summary>
    public const string HttpRouteNamedRouteRule = "HTTPRouteNamedRouteRule";
    /// <summary>The CORS filter.</summary>
    public const string HttpRouteCors = "HTTPRouteCORS";
    /// <summary>RequestRedirect <c>statusCode: 303</c>.</summary>
    public const string HttpRoute303RedirectStatusCode = "HTTPRoute303RedirectStatusCode";
    /// <summary>RequestRedirect <c>statusCode: 307</c>.</summary>
    public const string HttpRoute307RedirectStatusCode = "HTTPRoute307RedirectStatusCode";
    /// <summary>RequestRedirect <c>statusCode: 308</c>.</summary>
    public const string HttpRoute308RedirectStatusCode = "HTTPRoute308RedirectStatusCode";
    /// <summary><c>rules[].retry</c> (experimental).</summary>
    public const string HttpRouteRetry = "HTTPRouteRetry";
    /// <summary>Retries on backend timeouts (experimental).</summary>
    public const string HttpRouteRetryBackendTimeout = "HTTPRouteRetryBackendTimeout";
    /// <summary>Retries on connection errors (experimental).</summary>
    public const string HttpRouteRetryConnectionError = "HTTPRouteRetryConnectionError";
    /// <summary>Core GRPCRoute behaviour.</summary>
    public const string GrpcRoute = "GRPCRoute";
    /// <summary><c>rules[].name</c> on GRPCRoute.</summary>
    public const string GrpcRouteNamedRouteRule = "GRPCRouteNamedRouteRule";
    /// <summary>TLS listeners in Passthrough mode with TLSRoute.</summary>
    public const string TlsRoute = "TLSRoute";
    /// <summary>TLS listeners in Terminate mode with TLSRoute.</summary>
    public const string TlsRouteModeTerminate = "TLSRouteModeTerminate";
    /// <summary>Passthrough and Terminate TLS listeners on one port (experimental).</summary>
    public const string TlsRouteModeMixed = "TLSRouteModeMixed";
    /// <summary>TCP listeners and TCPRoute.</summary>
    public const string TcpRoute = "TCPRoute";
    /// <summary>UDP listeners and UDPRoute.</summary>
    public const string UdpRoute = "UDPRoute";
    /// <summary>Routes with Service parents (GAMMA).</summary>
    public const string Mesh = "Mesh";
    /// <summary>Mesh traffic matched by cluster IP.</summary>
    public const string MeshClusterIpMatching = "MeshClusterIPMatching";
    /// <summary>Consumer routes (route namespace different from the Service's).</summary>
    public const string MeshConsumerRoute = "MeshConsumerRoute";
    /// <summary>URL path rewrite in mesh.</summary>
    public const string MeshHttpRouteRewritePath = "MeshHTTPRouteRewritePath";
    /// <summary>Scheme redirect in mesh.</summary>
    public const string MeshHttpRouteSchemeRedirect = "MeshHTTPRouteSchemeRedirect";
    /// <summary>Port redirect in mesh.</summary>
    public const string MeshHttpRouteRedirectPort = "MeshHTTPRouteRedirectPort";
    /// <summary>Path redirect in mesh.</summary>
    public const string MeshHttpRouteRedirectPath = "MeshHTTPRouteRedirectPath";
    /// <summary>Backend request header modification in mesh.</summary>
    public const string MeshHttpRouteBackendRequestHeaderModification = "MeshHTTPRouteBackendRequestHeaderModification";
    /// <summary>Query-parameter matching in mesh.</summary>
    public const string MeshHttpRouteQueryParamMatching = "MeshHTTPRouteQueryParamMatching";
    /// <summary>Named rules in mesh.</summary>
    public const string MeshHttpRouteNamedRouteRule = "MeshHTTPRouteNamedRouteRule";
    /// <summary>TLS origination to backends targeted by BackendTLSPolicy.</summary>
    public const string BackendTlsPolicy = "BackendTLSPolicy";
    /// <summary><c>validation.subjectAltNames</c> on BackendTLSPolicy.</summary>
    public const string BackendTlsPolicySanValidation = "BackendTLSPolicySANValidation";

    /// <summary>The experimental ExternalAuth filter (not in the v1.6.1 feature catalogue; checked by this name).</summary>
    public const string HttpRouteExternalAuth = "HTTPRouteExternalAuth";

    /// <summary>Every feature name of the v1.6.1 catalogue (58 names), sorted by name.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        Gateway, GatewayPort8080, GatewayStaticAddresses, GatewayHttpListenerIsolation, GatewayHttpsListenerDetectMisdirectedRequests,
        GatewayInfrastructurePropagation, GatewayAddressEmpty, GatewayBackendClientCertificate, GatewayFrontendClientCertificateValidation,
        GatewayFrontendClientCertificateValidationInsecureFallback, ListenerSet, ReferenceGrant, HttpRoute, HttpRouteDestinationPortMatching,
        HttpRouteBackendRequestHeaderModification, HttpRouteQueryParamMatching, HttpRouteMethodMatching, HttpRouteResponseHeaderModification,
        HttpRoutePortRedirect, HttpRouteSchemeRedirect, HttpRoutePathRedirect, HttpRouteHostRewrite, HttpRoutePathRewrite, HttpRouteRequestMirror,
        HttpRouteRequestMultipleMirrors, HttpRouteRequestPercentageMirror, HttpRouteRequestTimeout, HttpRouteBackendTimeout, HttpRouteParentRefPort,
        HttpRouteBackendProtocolH2C, HttpRouteBackendProtocolWebSocket, HttpRouteNamedRouteRule, HttpRouteCors, HttpRoute303RedirectStatusCode,
        HttpRoute307RedirectStatusCode, HttpRoute308RedirectStatusCode, HttpRouteRetry, HttpRouteRetryBackendTimeout, HttpRouteRetryConnectionError,
        GrpcRoute, GrpcRouteNamedRouteRule, TlsRoute, TlsRouteModeTerminate, TlsRouteModeMixed, TcpRoute, UdpRoute, Mesh, MeshClusterIpMatching,
        MeshConsumerRoute, MeshHttpRouteRewritePath, MeshHttpRouteSchemeRedirect, MeshHttpRouteRedirectPort, MeshHttpRouteRedirectPath,
        MeshHttpRouteBackendRequestHeaderModification, MeshHttpRouteQueryParamMatching, MeshHttpRouteNamedRouteRule, BackendTlsPolicy,
        BackendTlsPolicySanValidation,
    }.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The features of a minimal HTTP gateway: <c>Gateway</c>, <c>HTTPRoute</c> and <c>ReferenceGrant</c> (the GATEWAY-HTTP core).</summary>
    public static IReadOnlyList<string> GatewayHttpCore { get; } = [Gateway, HttpRoute, ReferenceGrant];

    /// <summary>Whether a feature belongs on an XMesh rather than a GatewayClass (its name starts with <c>Mesh</c>).</summary>
    /// <param name="feature">A feature name.</param>
    public static bool IsMeshFeature(string feature) => feature.StartsWith(Mesh, StringComparison.Ordinal);
}
