using System.Net;
using GatewayApi.Models;
using GatewayApi.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GatewayApi.Yarp;

/// <summary>
/// Settings of the Gateway API proxy, configured through <c>services.AddGatewayApiProxy(options =&gt; ...)</c>
/// (the options pattern: read once, when the proxy's services are first created).
/// </summary>
public sealed class GatewayApiProxyOptions
{
    /// <summary>The GatewayClass <c>controllerName</c> the proxy answers for unless <see cref="StatusEngine"/> says otherwise.</summary>
    public const string DefaultControllerName = "gateway-api.dotnet/yarp";

    /// <summary>
    /// The conformance features this proxy executes (and so claims in GatewayClass status): core Gateway/HTTPRoute/
    /// GRPCRoute/ReferenceGrant and the HTTPRoute extended features whose filters and settings it runs.
    /// Session persistence and mesh are not claimed.
    /// </summary>
    public static IReadOnlyList<string> SupportedFeatures { get; } =
    [
        GatewayApiFeatures.Gateway,
        GatewayApiFeatures.GatewayPort8080,
        GatewayApiFeatures.GatewayHttpListenerIsolation,
        GatewayApiFeatures.GatewayHttpsListenerDetectMisdirectedRequests,
        GatewayApiFeatures.ReferenceGrant,
        GatewayApiFeatures.ListenerSet,
        GatewayApiFeatures.HttpRoute,
        GatewayApiFeatures.HttpRouteDestinationPortMatching,
        GatewayApiFeatures.HttpRouteBackendRequestHeaderModification,
        GatewayApiFeatures.HttpRouteQueryParamMatching,
        GatewayApiFeatures.HttpRouteMethodMatching,
        GatewayApiFeatures.HttpRouteResponseHeaderModification,
        GatewayApiFeatures.HttpRoutePortRedirect,
        GatewayApiFeatures.HttpRouteSchemeRedirect,
        GatewayApiFeatures.HttpRoutePathRedirect,
        GatewayApiFeatures.HttpRouteHostRewrite,
        GatewayApiFeatures.HttpRoutePathRewrite,
        GatewayApiFeatures.HttpRouteRequestMirror,
        GatewayApiFeatures.HttpRouteRequestMultipleMirrors,
        GatewayApiFeatures.HttpRouteRequestPercentageMirror,
        GatewayApiFeatures.HttpRouteRequestTimeout,
        GatewayApiFeatures.HttpRouteBackendTimeout,
        GatewayApiFeatures.HttpRouteParentRefPort,
        GatewayApiFeatures.HttpRouteBackendProtocolH2C,
        GatewayApiFeatures.HttpRouteBackendProtocolWebSocket,
        GatewayApiFeatures.HttpRouteNamedRouteRule,
        GatewayApiFeatures.HttpRouteCors,
        GatewayApiFeatures.HttpRoute303RedirectStatusCode,
        GatewayApiFeatures.HttpRoute307RedirectStatusCode,
        GatewayApiFeatures.HttpRoute308RedirectStatusCode,
        GatewayApiFeatures.HttpRouteRetry,
        GatewayApiFeatures.HttpRouteRetryBackendTimeout,
        GatewayApiFeatures.HttpRouteRetryConnectionError,
        GatewayApiFeatures.GrpcRoute,
        GatewayApiFeatures.GrpcRouteNamedRouteRule,
        GatewayApiFeatures.TlsRoute,
        GatewayApiFeatures.TlsRouteModeTerminate,
        GatewayApiFeatures.TlsRouteModeMixed,
        GatewayApiFeatures.TcpRoute,
        GatewayApiFeatures.UdpRoute,
        GatewayApiFeatures.BackendTlsPolicy,
        GatewayApiFeatures.BackendTlsPolicySanValidation,
        GatewayApiFeatures.GatewayBackendClientCertificate,
        GatewayApiFeatures.GatewayFrontendClientCertificateValidation,
        GatewayApiFeatures.GatewayFrontendClientCertificateValidationInsecureFallback,
        GatewayApiFeatures.HttpRouteExternalAuth,
    ];

    /// <summary>
    /// A directory of manifests (<c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>, searched recursively) to load at start
    /// and watch for changes; null (default) for none. The in-memory API
    /// (<see cref="GatewayApiProxyConfiguration"/>) works either way.
    /// </summary>
    public string? ManifestDirectory { get; set; }

    /// <summary>How long the directory must be quiet before a change is read (editors write files in steps). Default 300 ms.</summary>
    public TimeSpan DirectoryDebounce { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// The status engine's options: which GatewayClasses are ours (<see cref="DefaultControllerName"/> by default),
    /// which features are supported (<see cref="SupportedFeatures"/>), regular expressions allowed.
    /// </summary>
    public StatusEngineOptions StatusEngine { get; set; } = new()
    {
        ControllerNames = [DefaultControllerName],
        SupportedFeatures = SupportedFeatures,
        SupportsRegularExpressionMatches = true,
    };

    /// <summary>The router's implementation-specific choices. Default <see cref="RouterOptions.Default"/>.</summary>
    public RouterOptions Router { get; set; } = RouterOptions.Default;

    /// <summary>The release channel whose CRD schemas validate and default the manifests. Default experimental.</summary>
    public ReleaseChannel Channel { get; set; } = ReleaseChannel.Experimental;

    /// <summary>The Gateways to serve; empty (default) serves every Gateway of our GatewayClasses.</summary>
    public IList<NamespacedName> Gateways { get; } = [];

    /// <summary>The address Kestrel listens on for the Gateway listener ports. Default <see cref="IPAddress.Any"/>.</summary>
    public IPAddress ListenAddress { get; set; } = IPAddress.Any;

    /// <summary>
    /// Gateway listener port → local port to bind (0 binds a dynamic port; read the result from
    /// <see cref="GatewayApiProxyListeners"/>). A listener port not in the map is bound as itself. Requests are
    /// mapped back to the listener port, which is what routing uses.
    /// </summary>
    public IDictionary<int, int> PortBindings { get; } = new Dictionary<int, int>();

    /// <summary>
    /// Whether the proxy adds Kestrel endpoints for the listener ports when the server starts (default true). Set
    /// false to bind Kestrel yourself; <see cref="PortBindings"/> then says which local port serves which listener port.
    /// </summary>
    public bool ConfigureKestrelEndpoints { get; set; } = true;

    /// <summary>
    /// The HTTP versions on plain (HTTP) listener ports. Default <see cref="HttpProtocols.Http1AndHttp2"/>: HTTP/1.1
    /// and HTTP/2 with prior knowledge (h2c, for gRPC). TLS ports always offer both through ALPN.
    /// </summary>
    public HttpProtocols CleartextProtocols { get; set; } = HttpProtocols.Http1AndHttp2;

    /// <summary>
    /// The random source for weighted backends and mirror fractions; null (default) uses <see cref="System.Random.Shared"/>.
    /// An instance set here is used under a lock, so a fixed seed gives reproducible splits in tests.
    /// </summary>
    public Random? Random { get; set; }

    /// <summary>Runs a routing call with <see cref="Random"/> (under its lock), or with null for the shared source.</summary>
    internal T Decide<T>(Func<Random?, T> route)
    {
        if (Random is { } random)
        {
            lock (random)
            {
                return route(random);
            }
        }

        return route(null);
    }

    /// <summary>The whole-request deadline when a rule sets no <c>timeouts.request</c>; null (default) for none.</summary>
    public TimeSpan? DefaultRequestTimeout { get; set; }

    /// <summary>Retries when a rule's <c>retry</c> has no <c>attempts</c>. Default 1.</summary>
    public int DefaultRetryAttempts { get; set; } = 1;

    /// <summary>The wait before a retry when a rule's <c>retry</c> has no <c>backoff</c>. Default 25 ms.</summary>
    public TimeSpan DefaultRetryBackoff { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// The largest request body buffered so it can be replayed (retries) or copied (mirrors). Requests with larger
    /// (or unknown-length, streaming) bodies are forwarded once and not mirrored. Default 1 MiB.
    /// </summary>
    public int MaxBufferedRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The most mirror copies in flight at once; further copies are dropped (and logged). Default 64.</summary>
    public int MaxConcurrentMirrors { get; set; } = 64;

    /// <summary>The deadline of one mirror copy. Default 10 s.</summary>
    public TimeSpan MirrorTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an ExternalAuth call may take before the request is denied (403, failing closed). Default 10 s.
    /// </summary>
    public TimeSpan ExternalAuthTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On TLS listener ports, how long a client has to send its ClientHello (and, for Terminate listeners, to finish
    /// the handshake) before the connection is closed. Default 10 s.
    /// </summary>
    public TimeSpan StreamHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>On TLS and TCP listener ports, how long connecting to the backend may take. Default 10 s.</summary>
    public TimeSpan StreamConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On UDP listener ports, how long a flow (one client address) may go without a datagram either way before it
    /// is forgotten; its next datagram is routed afresh. Default 60 s.
    /// </summary>
    public TimeSpan UdpFlowIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether forwarded HTTP requests carry <c>X-Forwarded-For</c> (the client's address appended to any list the
    /// client sent), <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> (the client's scheme and Host, replacing
    /// what it sent), as Envoy-based and most other gateways add them. They are added before the route's
    /// RequestHeaderModifier filters, which can still change or remove them. Default true.
    /// </summary>
    public bool AddForwardedHeaders { get; set; } = true;

    /// <summary>
    /// Whether <c>.</c> and <c>..</c> path segments (also percent-encoded) are resolved before routing (RFC 3986
    /// §5.2.4), so <c>/public/../admin</c> is routed, and forwarded, as <c>/admin</c>. Either way the backend receives
    /// exactly the path the request was routed by (or its URLRewrite). Default true; false routes and forwards the
    /// raw path as received.
    /// </summary>
    public bool RemoveDotSegments { get; set; } = true;

    /// <summary>
    /// The BackendTLSPolicy <c>options</c> key this data plane reads (implementation-specific keys are
    /// domain-prefixed): the lowest TLS version offered to the backend, <c>1.2</c> or <c>1.3</c>. Absent means the
    /// platform's default. Any other value makes connections to the backend fail (502) rather than be weaker than
    /// asked. Other keys are ignored: they may be meant for another implementation.
    /// </summary>
    public const string MinimumTlsVersionOption = "gateway-api.dotnet/min-tls-version";

    /// <summary>YARP's inactivity timeout for one forwarded exchange. Default 100 s.</summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
