using GatewayApi.Routing.Compiled;
using GatewayApi.Routing.Filters;

namespace GatewayApi.Routing;

/// <summary>
/// The compiled router: an immutable, thread-safe snapshot of what is routed, built once from a
/// <see cref="RoutingConfiguration"/> and then asked, per request, what to do. Matching
/// (<see cref="MatchHttp"/>, <see cref="MatchGrpc"/>) allocates nothing; the full decisions
/// (<see cref="RouteHttp"/>, ...) add the filter results for the request. Rebuild and swap through
/// <see cref="RouterHolder"/> when the configuration changes.
/// </summary>
public sealed class Router
{
    private readonly Dictionary<NamespacedName, CompiledGateway> _gateways;
    private readonly Dictionary<NamespacedName, Dictionary<int, CompiledServicePort>> _services;

    // Most data planes serve one Gateway: comparing its two names is cheaper than hashing them per request.
    private readonly CompiledGateway? _onlyGateway;

    private Router(RouterOptions options, Dictionary<NamespacedName, CompiledGateway> gateways, Dictionary<NamespacedName, Dictionary<int, CompiledServicePort>> services)
    {
        Options = options;
        _gateways = gateways;
        _services = services;
        _onlyGateway = gateways.Count == 1 ? gateways.Values.Single() : null;
    }

    private bool TryGetGateway(NamespacedName name, out CompiledGateway gateway)
    {
        if (_onlyGateway is { } only)
        {
            gateway = only;
            return string.Equals(only.Name.Name, name.Name, StringComparison.Ordinal) && string.Equals(only.Name.Namespace, name.Namespace, StringComparison.Ordinal);
        }

        return _gateways.TryGetValue(name, out gateway!);
    }

    /// <summary>The options the router was compiled with.</summary>
    public RouterOptions Options { get; }

    /// <summary>Compiles a configuration. The configuration is read, not kept.</summary>
    /// <param name="configuration">What is attached and accepted where.</param>
    /// <param name="options">Implementation-specific choices; <see cref="RouterOptions.Default"/> when null.</param>
    public static Router Compile(RoutingConfiguration configuration, RouterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        options ??= RouterOptions.Default;
        var context = new CompileContext(options, new BackendTlsIndex(configuration.BackendTls));
        var gateways = new Dictionary<NamespacedName, CompiledGateway>();
        foreach (var gateway in configuration.Gateways)
        {
            gateways.TryAdd(new NamespacedName(gateway.Namespace, gateway.Name), CompiledGateway.Compile(gateway, context));
        }

        return new Router(options, gateways, CompiledMesh.Compile(configuration.Services, context));
    }

    /// <summary>
    /// Finds the listener (§1.2, §1.3) and the winning HTTPRoute (route, rule, match) for a request (§2), without
    /// allocating.
    /// </summary>
    public HttpRouteMatchResult MatchHttp(HttpRoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var selection = SelectListener(request, out var listener);
        if (selection != RoutingResult.Matched)
        {
            return new HttpRouteMatchResult(selection, listener?.Name, null, null);
        }

        var view = new HttpRequestView(request, Options.MaxRegularExpressionInputLength);
        var host = HostnameMatching.HostWithoutPort(request.Authority);
        var found = listener!.Http.Find(host, view, out var hostname);
        return found is null
            ? new HttpRouteMatchResult(RoutingResult.NoMatchingRule, listener.Name, null, null)
            : new HttpRouteMatchResult(RoutingResult.Matched, listener.Name, found, hostname);
    }

    /// <summary>The complete decision for an HTTP request: match, filters in order, backend by weight.</summary>
    /// <param name="request">The request.</param>
    /// <param name="random">The random source for weights and mirror fractions; <see cref="Random.Shared"/> when null.</param>
    public HttpRouteDecision RouteHttp(HttpRoutingRequest request, Random? random = null) =>
        HttpDecisionBuilder.Build(MatchHttp(request), request, request.Port, Options, random ?? Random.Shared, null);

    /// <summary>Finds the listener and the winning GRPCRoute (route, rule, match) for a gRPC call (§3), without allocating.</summary>
    public GrpcRouteMatchResult MatchGrpc(HttpRoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var selection = SelectListener(request, out var listener);
        if (selection != RoutingResult.Matched)
        {
            return new GrpcRouteMatchResult(selection, listener?.Name, null, null);
        }

        var view = new HttpRequestView(request, Options.MaxRegularExpressionInputLength);
        var found = listener!.Grpc.Find(HostnameMatching.HostWithoutPort(request.Authority), view, out var hostname);
        return found is null
            ? new GrpcRouteMatchResult(RoutingResult.NoMatchingRule, listener.Name, null, null)
            : new GrpcRouteMatchResult(RoutingResult.Matched, listener.Name, found.Target, hostname);
    }

    /// <summary>The complete decision for a gRPC call.</summary>
    /// <param name="request">The call (its path is <c>/service/method</c>).</param>
    /// <param name="random">The random source; <see cref="Random.Shared"/> when null.</param>
    public GrpcRouteDecision RouteGrpc(HttpRoutingRequest request, Random? random = null) =>
        GrpcDecisionBuilder.Build(MatchGrpc(request), request.SessionBackend, random ?? Random.Shared, null);

    /// <summary>Routes a TLS connection by SNI on a TLS listener (§5). A connection without SNI matches only routes serving any hostname (R17).</summary>
    /// <param name="gateway">The Gateway.</param>
    /// <param name="port">The port the connection arrived on.</param>
    /// <param name="serverName">The ClientHello SNI.</param>
    /// <param name="random">The random source; <see cref="Random.Shared"/> when null.</param>
    public StreamRouteDecision RouteTls(NamespacedName gateway, int port, string? serverName, Random? random = null)
    {
        if (!TryGetGateway(gateway, out var compiled) || !compiled.Ports.TryGetValue(port, out var ports) || ports.Tls.IsEmpty)
        {
            return StreamDecisionBuilder.NoRoute(RoutingResult.NoListener, null, "NoListener");
        }

        var sni = serverName ?? "";
        if (ports.Tls.MostSpecific(sni) is not { } listener)
        {
            return StreamDecisionBuilder.NoRoute(RoutingResult.NoListenerForHostname, null, "NoListenerForServerName");
        }

        return listener.Value.Tls?.Find(sni) is { } winner
            ? StreamDecisionBuilder.Build(listener.Value, winner.Value, winner.Hostname, random ?? Random.Shared)
            : StreamDecisionBuilder.NoRoute(RoutingResult.NoMatchingRule, listener.Value, "NoRouteForServerName");
    }

    /// <summary>Routes a TCP connection: all traffic of the listener goes to the oldest attached TCPRoute (§6).</summary>
    /// <param name="gateway">The Gateway.</param>
    /// <param name="port">The port.</param>
    /// <param name="random">The random source; <see cref="Random.Shared"/> when null.</param>
    public StreamRouteDecision RouteTcp(NamespacedName gateway, int port, Random? random = null) => RouteL4(gateway, port, tcp: true, random);

    /// <summary>Routes a UDP flow or datagram: all traffic of the listener goes to the oldest attached UDPRoute (§6).</summary>
    /// <param name="gateway">The Gateway.</param>
    /// <param name="port">The port.</param>
    /// <param name="random">The random source; <see cref="Random.Shared"/> when null.</param>
    public StreamRouteDecision RouteUdp(NamespacedName gateway, int port, Random? random = null) => RouteL4(gateway, port, tcp: false, random);

    private StreamRouteDecision RouteL4(NamespacedName gateway, int port, bool tcp, Random? random)
    {
        if (!TryGetGateway(gateway, out var compiled) || !compiled.Ports.TryGetValue(port, out var ports)
            || (tcp ? ports.Tcp : ports.Udp) is not { } listener)
        {
            return StreamDecisionBuilder.NoRoute(RoutingResult.NoListener, null, "NoListener");
        }

        return listener.Stream is { } winner
            ? StreamDecisionBuilder.Build(listener, winner, null, random ?? Random.Shared)
            : StreamDecisionBuilder.NoRoute(RoutingResult.NoMatchingRule, listener, "NoRoute");
    }

    /// <summary>
    /// Finds the winning mesh HTTPRoute for a request to a Service (<c>mesh.md</c>): the client's consumer routes if
    /// it has any for that Service port, else the producer routes; no route bound means the Service itself.
    /// Hostnames are not used.
    /// </summary>
    public HttpRouteMatchResult MatchMeshHttp(MeshDestination destination, HttpRoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetServicePort(destination, out var port))
        {
            return new HttpRouteMatchResult(RoutingResult.NoRoutesBound, null, null, null);
        }

        var routes = port.ConsumerHttp.TryGetValue(destination.ClientNamespace, out var consumer) ? consumer : port.ProducerHttp;
        if (routes.RouteCount == 0)
        {
            return new HttpRouteMatchResult(RoutingResult.NoRoutesBound, null, null, null);
        }

        var view = new HttpRequestView(request, Options.MaxRegularExpressionInputLength);
        var found = routes.Find(HostnameMatching.HostWithoutPort(request.Authority), view, out var hostname);
        return found is null
            ? new HttpRouteMatchResult(RoutingResult.NoMatchingRule, null, null, null)
            : new HttpRouteMatchResult(RoutingResult.Matched, null, found, hostname);
    }

    /// <summary>The complete decision for a mesh HTTP request.</summary>
    /// <param name="destination">The client namespace and the Service port called.</param>
    /// <param name="request">The request.</param>
    /// <param name="random">The random source; <see cref="Random.Shared"/> when null.</param>
    public HttpRouteDecision RouteMeshHttp(MeshDestination destination, HttpRoutingRequest request, Random? random = null) =>
        HttpDecisionBuilder.Build(MatchMeshHttp(destination, request), request, destination.Port, Options, random ?? Random.Shared, ServiceBackend(destination));

    /// <summary>Finds the winning mesh GRPCRoute for a call to a Service.</summary>
    public GrpcRouteMatchResult MatchMeshGrpc(MeshDestination destination, HttpRoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetServicePort(destination, out var port))
        {
            return new GrpcRouteMatchResult(RoutingResult.NoRoutesBound, null, null, null);
        }

        var routes = port.ConsumerGrpc.TryGetValue(destination.ClientNamespace, out var consumer) ? consumer : port.ProducerGrpc;
        if (routes.RouteCount == 0)
        {
            return new GrpcRouteMatchResult(RoutingResult.NoRoutesBound, null, null, null);
        }

        var view = new HttpRequestView(request, Options.MaxRegularExpressionInputLength);
        var found = routes.Find(HostnameMatching.HostWithoutPort(request.Authority), view, out var hostname);
        return found is null
            ? new GrpcRouteMatchResult(RoutingResult.NoMatchingRule, null, null, null)
            : new GrpcRouteMatchResult(RoutingResult.Matched, null, found.Target, hostname);
    }

    /// <summary>The complete decision for a mesh gRPC call.</summary>
    /// <param name="destination">The client namespace and the Service port called.</param>
    /// <param name="request">The call.</param>
    /// <param name="random">The random source; <see cref="Random.Shared"/> when null.</param>
    public GrpcRouteDecision RouteMeshGrpc(MeshDestination destination, HttpRoutingRequest request, Random? random = null) =>
        GrpcDecisionBuilder.Build(MatchMeshGrpc(destination, request), request.SessionBackend, random ?? Random.Shared, ServiceBackend(destination));

    /// <summary>
    /// The exported precedence of a listener's HTTPRoutes: every (hostname, route, rule, match), totally ordered by
    /// <see cref="HttpRoutePrecedence"/>, with <see cref="HttpRouteCandidate.Order"/> set. A matcher that takes the
    /// first entry whose hostname and conditions match reproduces this router with
    /// <see cref="RouterOptions.HostnameFallThrough"/> (the default). Empty when the listener is unknown.
    /// </summary>
    public IReadOnlyList<HttpRouteCandidate> GetHttpPrecedence(NamespacedName gateway, string listenerName)
    {
        if (!TryGetGateway(gateway, out var compiled) || compiled.Listeners.FirstOrDefault(l => l.Name == listenerName) is not { } listener)
        {
            return [];
        }

        return [.. Precedence(listener.Http).Select(p => p.Public)];
    }

    private List<(HttpRouteCandidate Public, HttpRouteTarget Compiled)> Precedence(CompiledHttpRoutes routes)
    {
        // Across hostname entries the full key (with the entry's hostname) orders them.
        var all = routes.Entries.SelectMany(e => e.Ordered.Select(c => (e.Hostname, Key: c.Key(Options).WithHostname(e.Hostname), Candidate: c))).ToList();
        all.Sort((x, y) => HttpPrecedenceKey.Compare(x.Key, y.Key));
        return [.. all.Select((entry, order) => (ToPublic(entry.Hostname, entry.Key, entry.Candidate, order), entry.Candidate))];
    }

    private static HttpRouteCandidate ToPublic(string hostname, HttpPrecedenceKey key, HttpRouteTarget candidate, int order) => new(key)
    {
        Hostname = hostname,
        Route = candidate.Route,
        CreationTimestamp = candidate.CreationTimestamp,
        RuleIndex = candidate.RuleIndex,
        RuleName = candidate.RuleName,
        MatchIndex = candidate.MatchIndex,
        PathType = candidate.Match.PathType,
        PathValue = candidate.Match.PathValue,
        Method = candidate.Match.Method,
        HeaderMatchCount = candidate.Match.Headers.Length,
        QueryParamMatchCount = candidate.Match.QueryParams.Length,
        Order = order,
    };

    /// <summary>
    /// Explains an HTTP request: how the listener was chosen, then every candidate of that listener in precedence
    /// order with what became of it (won, outranked, hostname or condition mismatch, not considered). For the CLI
    /// and for debugging precedence; allocates freely.
    /// </summary>
    public RoutingExplanation ExplainHttp(HttpRoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = HostnameMatching.HostWithoutPort(request.Authority).ToString();
        var selection = SelectListener(request, out var listener);
        var how = DescribeSelection(request, selection, listener, host);
        if (selection != RoutingResult.Matched)
        {
            return new RoutingExplanation { Result = selection, ListenerName = listener?.Name, ListenerSelection = how };
        }

        var view = new HttpRequestView(request, Options.MaxRegularExpressionInputLength);
        var matching = listener!.Http.MatchingHostnames(host);
        var ordered = Precedence(listener.Http);
        var failures = new List<string?>(ordered.Count);
        foreach (var candidate in ordered)
        {
            failures.Add(candidate.Compiled.Match.FirstFailure(view));
        }

        var explained = Walk(
            ordered,
            failures,
            matching,
            host,
            c => c.Public.Hostname,
            (best, c) => $"matches, but {best.Public.Route} rule[{best.Public.RuleIndex}] ranks higher by {HttpPrecedenceKey.FirstDifference(best.Public.Key, c.Public.Key)}",
            out var won);
        HttpRouteCandidate? winner = won.Public; // null when nothing matched

        return new RoutingExplanation
        {
            Result = winner is null ? RoutingResult.NoMatchingRule : RoutingResult.Matched,
            ListenerName = listener.Name,
            ListenerSelection = how,
            Candidates = [.. explained.Select(e => new CandidateExplanation(e.Candidate.Public, e.Outcome, e.Reason))],
            Winner = winner,
        };
    }

    /// <summary>
    /// The exported precedence of a listener's GRPCRoutes: every (hostname, route, rule, match), totally ordered by
    /// <see cref="GrpcRoutePrecedence"/>, with <see cref="GrpcRouteCandidate.Order"/> set. A matcher that takes the
    /// first entry whose hostname and conditions match reproduces this router with
    /// <see cref="RouterOptions.HostnameFallThrough"/> (the default). Empty when the listener is unknown.
    /// </summary>
    public IReadOnlyList<GrpcRouteCandidate> GetGrpcPrecedence(NamespacedName gateway, string listenerName)
    {
        if (!TryGetGateway(gateway, out var compiled) || compiled.Listeners.FirstOrDefault(l => l.Name == listenerName) is not { } listener)
        {
            return [];
        }

        return [.. GrpcPrecedence(listener.Grpc).Select(p => p.Public)];
    }

    private static List<(GrpcRouteCandidate Public, GrpcCandidate Compiled)> GrpcPrecedence(CompiledGrpcRoutes routes)
    {
        var all = routes.Entries.SelectMany(e => e.Ordered).ToList();
        all.Sort((x, y) => GrpcPrecedenceKey.Compare(x.Key, y.Key));
        return [.. all.Select((candidate, order) => (ToPublic(candidate, order), candidate))];
    }

    private static GrpcRouteCandidate ToPublic(GrpcCandidate candidate, int order) => new(candidate.Key)
    {
        Hostname = candidate.Key.Hostname,
        Route = candidate.Target.Route,
        CreationTimestamp = candidate.CreationTimestamp,
        RuleIndex = candidate.Target.RuleIndex,
        RuleName = candidate.Target.RuleName,
        MatchIndex = candidate.Target.MatchIndex,
        MethodMatchType = candidate.Match.ServiceKind == NameKind.RegularExpression || candidate.Match.MethodKind == NameKind.RegularExpression ? "RegularExpression" : "Exact",
        Service = candidate.Match.Service,
        Method = candidate.Match.Method,
        HeaderMatchCount = candidate.Match.Headers.Length,
        Order = order,
    };

    /// <summary>
    /// Explains a gRPC call as <see cref="ExplainHttp"/> explains an HTTP request: how the listener was chosen, then
    /// every GRPCRoute candidate of that listener in precedence order with what became of it. Allocates freely.
    /// </summary>
    public GrpcRoutingExplanation ExplainGrpc(HttpRoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = HostnameMatching.HostWithoutPort(request.Authority).ToString();
        var selection = SelectListener(request, out var listener);
        var how = DescribeSelection(request, selection, listener, host);
        if (selection != RoutingResult.Matched)
        {
            return new GrpcRoutingExplanation { Result = selection, ListenerName = listener?.Name, ListenerSelection = how };
        }

        var view = new HttpRequestView(request, Options.MaxRegularExpressionInputLength);
        var isGrpcPath = GrpcMatchSummary.TrySplit(request.Path, out var service, out var method);
        var matching = listener!.Grpc.MatchingHostnames(host);
        var ordered = GrpcPrecedence(listener.Grpc);
        var failures = new List<string?>(ordered.Count);
        foreach (var candidate in ordered)
        {
            failures.Add(candidate.Compiled.Match.FirstFailure(isGrpcPath, service, method, view));
        }

        var explained = Walk(
            ordered,
            failures,
            matching,
            host,
            c => c.Public.Hostname,
            (best, c) => $"matches, but {best.Public.Route} rule[{best.Public.RuleIndex}] ranks higher by {GrpcPrecedenceKey.FirstDifference(best.Public.Key, c.Public.Key)}",
            out var won);
        GrpcRouteCandidate? winner = won.Public;

        return new GrpcRoutingExplanation
        {
            Result = winner is null ? RoutingResult.NoMatchingRule : RoutingResult.Matched,
            ListenerName = listener.Name,
            ListenerSelection = how,
            Candidates = [.. explained.Select(e => new GrpcCandidateExplanation(e.Candidate.Public, e.Outcome, e.Reason))],
            Winner = winner,
        };
    }

    /// <summary>
    /// What became of each candidate, in precedence order (shared by <see cref="ExplainHttp"/> and
    /// <see cref="ExplainGrpc"/>): hostname mismatch, not considered without fall-through, a failed condition, the
    /// winner, or outranked by it.
    /// </summary>
    private List<(T Candidate, CandidateOutcome Outcome, string Reason)> Walk<T>(
        IReadOnlyList<T> ordered,
        IReadOnlyList<string?> failures,
        List<string> matching,
        string host,
        Func<T, string> hostnameOf,
        Func<T, T, string> outranked,
        out T? winner)
    {
        var explained = new List<(T, CandidateOutcome, string)>();
        winner = default;
        var hasWinner = false;
        string? consideredHostname = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var candidate = ordered[i];
            var hostname = hostnameOf(candidate);
            if (!matching.Contains(hostname))
            {
                explained.Add((candidate, CandidateOutcome.HostnameDidNotMatch, $"hostname '{hostname}' does not match '{host}'"));
                continue;
            }

            if (!Options.HostnameFallThrough && consideredHostname is not null && hostname != consideredHostname)
            {
                explained.Add((candidate, CandidateOutcome.NotConsideredLessSpecificHostname, $"the more specific hostname '{consideredHostname}' has routes, and hostname fall-through is off"));
                continue;
            }

            consideredHostname ??= hostname;
            var failure = failures[i];
            if (failure is not null)
            {
                explained.Add((candidate, CandidateOutcome.DidNotMatch, failure));
            }
            else if (!hasWinner)
            {
                winner = candidate;
                hasWinner = true;
                explained.Add((candidate, CandidateOutcome.Won, "matches, and no matching candidate ranks higher"));
            }
            else
            {
                explained.Add((candidate, CandidateOutcome.OutrankedByWinner, outranked(winner!, candidate)));
            }
        }

        return explained;
    }

    private static string DescribeSelection(HttpRoutingRequest request, RoutingResult selection, CompiledListener? listener, string host) => selection switch
    {
        RoutingResult.NoListener => $"no {request.Scheme.ToUpperInvariant()} listener on port {request.Port} of Gateway {request.Gateway}",
        RoutingResult.NoListenerForHostname => $"no listener on port {request.Port} matches host '{host}'",
        RoutingResult.Misdirected => $"SNI '{request.ServerName}' chose listener '{listener?.Name}', but host '{host}' belongs to a more specific listener (421)",
        _ => $"listener '{listener!.Name}' (hostname {listener.Hostname ?? "*"}) is the most specific for '{(request.Scheme == "https" && request.ServerName is not null ? request.ServerName : host)}'",
    };

    /// <summary>
    /// Listener selection (§1.2, §1.3): the listeners on the request's port with the request's protocol; the most
    /// specific hostname matching the Host wins. On HTTPS with SNI, the SNI chooses the listener, a Host belonging
    /// to a more specific listener is misdirected (421), and a Host no listener matches is not found.
    /// </summary>
    private RoutingResult SelectListener(HttpRoutingRequest request, out CompiledListener? listener)
    {
        listener = null;
        if (!TryGetGateway(request.Gateway, out var gateway) || !gateway.Ports.TryGetValue(request.Port, out var port))
        {
            return RoutingResult.NoListener;
        }

        var https = string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        var table = https ? port.Https : port.Http;
        if (table.IsEmpty)
        {
            return RoutingResult.NoListener;
        }

        var host = HostnameMatching.HostWithoutPort(request.Authority);
        var byHost = table.MostSpecific(host);
        if (https && request.ServerName is { } serverName)
        {
            var bySni = table.MostSpecific(serverName);
            if (bySni is null)
            {
                return RoutingResult.NoListenerForHostname;
            }

            listener = bySni.Value;
            if (byHost is null)
            {
                return RoutingResult.NoListenerForHostname;
            }

            return ReferenceEquals(byHost, bySni) ? RoutingResult.Matched : RoutingResult.Misdirected;
        }

        if (byHost is null)
        {
            return RoutingResult.NoListenerForHostname;
        }

        listener = byHost.Value;
        return RoutingResult.Matched;
    }

    private bool TryGetServicePort(MeshDestination destination, out CompiledServicePort port)
    {
        port = null!;
        return _services.TryGetValue(destination.Service, out var ports) && ports.TryGetValue(destination.Port, out port!);
    }

    private RoutedBackend ServiceBackend(MeshDestination destination) =>
        TryGetServicePort(destination, out var port)
            ? port.Service
            : new RoutedBackend { Index = -1, Group = "", Kind = "Service", Namespace = destination.Service.Namespace, Name = destination.Service.Name, Port = destination.Port };
}
