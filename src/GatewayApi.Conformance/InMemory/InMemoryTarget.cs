using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Targets;
using GatewayApi.Models;
using GatewayApi.Routing;
using GatewayApi.Routing.Snapshots;
using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.InMemory;

/// <summary>
/// A target over GatewayApi.Routing, in process: the status engine computes the statuses and the compiled router
/// decides each request. The echo backends are simulated from the decision: they report what a proxy following the
/// decision would forward (header filters applied, URL rewrites, the chosen backend, mirrored copies), and the
/// client sees the decision's redirects, error answers, response header filters and CORS headers.
/// </summary>
public sealed class InMemoryTarget : IConformanceTarget, IExplainingTarget
{
    private readonly InMemoryTargetOptions _options;
    private IReadOnlyList<IKubernetesObject<V1ObjectMeta>> _objects = [];
    private Router _router = Router.Compile(new RoutingConfiguration());
    private Random _random;

    /// <summary>Creates the target.</summary>
    /// <param name="options">Its settings; defaults when null.</param>
    public InMemoryTarget(InMemoryTargetOptions? options = null)
    {
        _options = options ?? new InMemoryTargetOptions();
        _random = new Random(_options.Seed);
    }

    /// <inheritdoc />
    public string ControllerName => _options.ControllerName;

    /// <inheritdoc />
    public bool IsLive => false;

    /// <summary>The features this target's engine is told to support.</summary>
    public IReadOnlyList<string> SupportedFeatures => _options.SupportedFeatures;

    /// <summary>The last status result (for explanations in diagnostics).</summary>
    public StatusResult? LastStatus { get; private set; }

    /// <inheritdoc />
    public ValueTask ApplyAsync(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> resources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var snapshot = ResourceSnapshot.Create(resources);
        var engineOptions = new StatusEngineOptions
        {
            ControllerNames = [_options.ControllerName],
            MeshControllerName = _options.ControllerName,
            SupportedFeatures = _options.SupportedFeatures,
            SupportsRegularExpressionMatches = true,
            TimeProvider = FixedTime.Instance,
        };
        engineOptions = _options.ConfigureStatusEngine?.Invoke(engineOptions) ?? engineOptions;
        var status = GatewayApiStatusEngine.Compute(snapshot, engineOptions);
        WriteStatuses(status);
        _router = Router.Compile(RoutingConfigurationFromStatus.Create(status), _options.RouterOptions);
        _objects = resources;
        LastStatus = status;
        _random = new Random(_options.Seed);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> ReadStatusAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_objects);

    /// <inheritdoc />
    public string? ExplainRoute(string kind, string @namespace, string name) => LastStatus?.ExplainRoute(kind, @namespace, name)?.ToString();

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        _objects = [];
        LastStatus = null;
        _router = Router.Compile(new RoutingConfiguration());
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<TargetResponse> SendAsync(TargetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.Protocol switch
        {
            RequestProtocol.Tls => SendTls(request),
            RequestProtocol.Grpc => SendGrpc(request),
            _ => SendHttp(request),
        };
        return ValueTask.FromResult(response);
    }

    private HttpRoutingRequest ToRoutingRequest(TargetRequest request) => new()
    {
        Gateway = request.Gateway is { } gateway ? new NamespacedName(gateway.Namespace, gateway.Name) : default,
        Port = request.Port,
        Scheme = request.Protocol == RequestProtocol.Https ? "https" : "http",
        ServerName = request.Protocol == RequestProtocol.Https ? request.ServerName : null,
        Authority = request.Host ?? (request.Mesh is { } mesh ? $"{mesh.ServiceName}.{mesh.ServiceNamespace}.svc.cluster.local" : _options.GatewayAddress),
        Method = request.Method,
        Path = request.Path,
        Headers = request.Protocol == RequestProtocol.Grpc
            ? [.. request.Headers, new("content-type", "application/grpc")]
            : request.Headers,
    };

    private static MeshDestination ToDestination(TargetRequest request, MeshTarget mesh) =>
        new(mesh.ClientNamespace, new NamespacedName(mesh.ServiceNamespace, mesh.ServiceName), request.Port);

    private TargetResponse SendHttp(TargetRequest request)
    {
        var routing = ToRoutingRequest(request);
        var decision = request.Mesh is { } mesh
            ? _router.RouteMeshHttp(ToDestination(request, mesh), routing, _random)
            : _router.RouteHttp(routing, _random);
        if (decision.Result == RoutingResult.NoListener)
        {
            return new TargetResponse { Rejected = true, Diagnostics = "no listener serves that port and protocol" };
        }

        var responseHeaders = new List<KeyValuePair<string, string>>();
        EchoedRequest? echoed = null;
        var mirrored = new List<EchoedRequest>();
        int statusCode;
        switch (decision.Action)
        {
            case HttpAction.Forward when decision.Backend is { Usable: true } backend:
                var headers = request.Headers.ToList();
                decision.RequestHeaderModifications.ApplyTo(headers);
                echoed = new EchoedRequest
                {
                    Service = new BackendName(backend.Namespace, backend.Name),
                    Method = request.Method,
                    Host = decision.Host ?? routing.Authority,
                    Path = decision.Path ?? request.Path,
                    Headers = headers,
                };
                mirrored.AddRange(decision.Mirrors.Where(mirror => mirror.Mirrored && mirror.Backend.Usable).Select(mirror => echoed with
                {
                    Service = new BackendName(mirror.Backend.Namespace, mirror.Backend.Name),
                }));
                statusCode = 200;
                responseHeaders.Add(new("Content-Type", "application/json"));
                responseHeaders.AddRange(request.BackendResponseHeaders);
                decision.ResponseHeaderModifications.ApplyTo(responseHeaders);
                break;
            case HttpAction.Forward:
                statusCode = decision.Backend?.ErrorStatusCode is > 0 and var code ? code : 500;
                break;
            case HttpAction.Redirect:
                statusCode = decision.StatusCode;
                responseHeaders.Add(new("Location", decision.Location ?? ""));
                break;
            default:
                statusCode = decision.StatusCode;
                break;
        }

        // Preflights are answered by the Gateway with the CORS headers; actual requests get theirs through
        // the response header modifications (applied to the backend's answer above).
        if (decision.Cors is { IsPreflight: true, OriginAllowed: true } cors)
        {
            responseHeaders.AddRange(cors.ResponseHeaders);
        }

        return new TargetResponse
        {
            StatusCode = statusCode,
            Headers = responseHeaders,
            Backend = echoed,
            Mirrored = mirrored,
            Diagnostics = Describe(decision),
        };
    }

    private TargetResponse SendGrpc(TargetRequest request)
    {
        var routing = ToRoutingRequest(request);
        var decision = request.Mesh is { } mesh
            ? _router.RouteMeshGrpc(ToDestination(request, mesh), routing, _random)
            : _router.RouteGrpc(routing, _random);
        if (decision.Result == RoutingResult.NoListener)
        {
            return new TargetResponse { Rejected = true, Diagnostics = "no listener serves that port and protocol" };
        }

        EchoedRequest? echoed = null;
        var responseHeaders = new List<KeyValuePair<string, string>>();
        var mirrored = new List<EchoedRequest>();
        if (decision.Forward && decision.Backend is { } backend)
        {
            var headers = request.Headers.ToList();
            decision.RequestHeaderModifications.ApplyTo(headers);
            echoed = new EchoedRequest
            {
                Service = new BackendName(backend.Namespace, backend.Name),
                Method = "POST",
                Host = routing.Authority,
                Path = request.Path,
                Headers = headers,
            };
            mirrored.AddRange(decision.Mirrors.Where(mirror => mirror.Mirrored && mirror.Backend.Usable).Select(mirror => echoed with
            {
                Service = new BackendName(mirror.Backend.Namespace, mirror.Backend.Name),
            }));
            responseHeaders.Add(new("content-type", "application/grpc"));
            responseHeaders.AddRange(request.BackendResponseHeaders);
            decision.ResponseHeaderModifications.ApplyTo(responseHeaders);
        }

        return new TargetResponse
        {
            StatusCode = 200,
            GrpcStatus = GrpcStatusName(decision.Status),
            Headers = responseHeaders,
            Backend = echoed,
            Mirrored = mirrored,
            Diagnostics = $"{decision.Result} {decision.Status} {decision.Route} rule {decision.RuleIndex} {decision.StatusMessage}",
        };
    }

    private TargetResponse SendTls(TargetRequest request)
    {
        if (request.Gateway is not { } gateway)
        {
            return new TargetResponse { Rejected = true, Diagnostics = "TLS requests go through a Gateway" };
        }

        var decision = _router.RouteTls(new NamespacedName(gateway.Namespace, gateway.Name), request.Port, request.ServerName, _random);
        if (!decision.Forward || decision.Backend is not { Usable: true } backend)
        {
            return new TargetResponse { Rejected = true, Diagnostics = $"{decision.Result}: {decision.RejectReason}" };
        }

        return new TargetResponse
        {
            Backend = new EchoedRequest
            {
                Service = new BackendName(backend.Namespace, backend.Name),
                Method = "",
                Host = "",
                Path = "",
                // Passthrough: the backend sees the client's SNI; Terminate: the Gateway ends TLS and opens plain TCP.
                ServerName = decision.TlsMode == "Terminate" ? null : request.ServerName,
            },
            Diagnostics = $"{decision.Result} listener {decision.ListenerName} {decision.TlsMode} {decision.Route}",
        };
    }

    /// <summary>The upstream spelling of gRPC status names.</summary>
    internal static string GrpcStatusName(GrpcStatusCode status) => status switch
    {
        GrpcStatusCode.Ok => "OK",
        GrpcStatusCode.Unimplemented => "UNIMPLEMENTED",
        GrpcStatusCode.Unavailable => "UNAVAILABLE",
        GrpcStatusCode.Internal => "INTERNAL",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static string Describe(HttpRouteDecision decision) =>
        $"{decision.Result} {decision.Action} {decision.StatusCode} listener={decision.ListenerName} route={decision.Route} rule={decision.RuleIndex} " +
        $"backend={decision.Backend} host={decision.Host} path={decision.Path} location={decision.Location} reason={decision.ResponseReason}";

    private static void WriteStatuses(StatusResult status)
    {
        foreach (var update in status.GatewayClasses)
        {
            ((GatewayClass)update.Object).Status = update.Status;
        }

        foreach (var update in status.Gateways)
        {
            ((Gateway)update.Object).Status = update.Status;
        }

        foreach (var update in status.ListenerSets)
        {
            ((ListenerSet)update.Object).Status = update.Status;
        }

        foreach (var update in status.Routes)
        {
            if (update.Object is IStatus<RouteStatus?> route)
            {
                route.Status = update.Status;
            }
        }

        foreach (var update in status.BackendTlsPolicies)
        {
            ((BackendTlsPolicy)update.Object).Status = update.Status;
        }
    }

    /// <summary>A clock fixed at one instant, so statuses (and the report built from them) never depend on the time.</summary>
    private sealed class FixedTime : TimeProvider
    {
        public static FixedTime Instance { get; } = new();

        public override DateTimeOffset GetUtcNow() => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
