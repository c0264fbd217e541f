using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GatewayApi.Models;
using GatewayApi.Routing;
using GatewayApi.Routing.Reference;
using k8s.Models;

namespace GatewayApi.Benchmarks;

/// <summary>The three route-set shapes of issue 6, each with N HTTPRoutes of 5 rules on one Gateway listener.</summary>
public enum RouteScenario
{
    /// <summary>Every route on its own hostname (one in ten a wildcard); requests spread over the hostnames.</summary>
    ManyHostnames,

    /// <summary>Every route on one hostname, all under <c>/api/</c> and sharing deeper prefixes per service.</summary>
    OneHostnameSharedPrefixes,

    /// <summary>Every route on one hostname and one path, told apart by header matches (tenant and version).</summary>
    HeaderMatches,
}

/// <summary>Builds the benchmark route sets and requests, deterministically.</summary>
public static class RouterBenchmarkData
{
    private static readonly DateTime T0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static RoutingConfiguration Configuration(int routes, RouteScenario scenario) => new()
    {
        Gateways =
        [
            new GatewayRoutes
            {
                Namespace = "infra",
                Name = "gw",
                Listeners =
                [
                    new ListenerRoutes
                    {
                        Name = "http",
                        Port = 80,
                        Protocol = ProtocolType.Http,
                        Routes = [.. Enumerable.Range(0, routes).Select(i => Route(i, scenario))],
                    },
                ],
            },
        ],
    };

    private static AttachedRoute Route(int i, RouteScenario scenario)
    {
        var route = new HttpRoute
        {
            Metadata = new V1ObjectMeta { Name = $"route-{i}", NamespaceProperty = $"ns-{i % 50}", CreationTimestamp = T0.AddSeconds(i) },
            Spec = new HttpRouteSpec { Rules = [.. Enumerable.Range(0, 5).Select(r => Rule(i, r, scenario))] },
        };
        var hostname = scenario == RouteScenario.ManyHostnames
            ? (i % 10 == 9 ? $"*.team{i}.example.com" : $"app{i}.example.com")
            : scenario == RouteScenario.OneHostnameSharedPrefixes ? "shop.example.com" : "api.example.com";
        return new AttachedRoute { Route = route, Hostnames = [hostname] };
    }

    private static HttpRouteRule Rule(int i, int r, RouteScenario scenario)
    {
        HttpRouteMatch match = scenario switch
        {
            RouteScenario.ManyHostnames => r switch
            {
                0 => Path("Exact", "/health"),
                1 => Path("PathPrefix", "/api/v1"),
                2 => Path("PathPrefix", "/api/v2"),
                3 => Path("PathPrefix", "/static"),
                _ => Path("PathPrefix", "/"),
            },
            RouteScenario.OneHostnameSharedPrefixes => r switch
            {
                0 => Path("Exact", $"/api/svc{i}/health"),
                1 => Path("PathPrefix", $"/api/svc{i}/v1/items"),
                2 => Path("PathPrefix", $"/api/svc{i}/v1"),
                3 => Path("PathPrefix", $"/api/svc{i}/v2"),
                _ => Path("PathPrefix", $"/api/svc{i}"),
            },
            _ => Headers(Path("PathPrefix", "/api"), r == 4 ? [("x-tenant", $"tenant{i}")] : [("x-tenant", $"tenant{i}"), ("x-version", $"v{r}")]),
        };
        return new HttpRouteRule { Matches = [match], BackendRefs = [new HttpBackendRef { Name = $"svc-{i}-{r}", Port = 8080 }] };
    }

    private static HttpRouteMatch Path(string type, string value) => new() { Path = new HttpPathMatch { Type = type, Value = value } };

    private static HttpRouteMatch Headers(HttpRouteMatch match, (string Name, string Value)[] headers)
    {
        match.Headers = [.. headers.Select(h => new HttpHeaderMatch { Name = h.Name, Value = h.Value })];
        return match;
    }

    /// <summary>64 requests spread over the routes and rules (and a few that match nothing).</summary>
    public static HttpRoutingRequest[] Requests(int routes, RouteScenario scenario)
    {
        var random = new Random(routes);
        return [.. Enumerable.Range(0, 64).Select(n =>
        {
            var i = random.Next(routes);
            var (host, path, headers) = scenario switch
            {
                RouteScenario.ManyHostnames => (
                    i % 10 == 9 ? $"x.team{i}.example.com" : $"app{i}.example.com",
                    (n % 5) switch { 0 => "/health", 1 => "/api/v1/users/42", 2 => "/api/v2/orders?id=7", 3 => "/static/app.js", _ => "/index.html" },
                    Array.Empty<KeyValuePair<string, string>>()),
                RouteScenario.OneHostnameSharedPrefixes => (
                    "shop.example.com",
                    (n % 5) switch { 0 => $"/api/svc{i}/health", 1 => $"/api/svc{i}/v1/items/7", 2 => $"/api/svc{i}/v1/carts", 3 => $"/api/svc{i}/v2/x", _ => $"/api/svc{i}/other" },
                    Array.Empty<KeyValuePair<string, string>>()),
                _ => (
                    "api.example.com",
                    "/api/orders/42",
                    new KeyValuePair<string, string>[] { new("x-tenant", $"tenant{i}"), new("x-version", $"v{n % 6}"), new("accept", "application/json") }),
            };
            return new HttpRoutingRequest { Gateway = new NamespacedName("infra", "gw"), Port = 80, Authority = host, Path = path, Headers = headers };
        })];
    }
}

/// <summary>
/// Matching cost (ns per request, allocations) of the compiled router against the reference router, on 100 to
/// 100,000 HTTPRoutes of 5 rules, in the three scenarios. One operation routes one request (averaged over 64).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 7)]
public class RouterMatchBenchmarks
{
    private HttpRoutingRequest[] _requests = [];
    private Router _router = null!;
    private ReferenceRouter _reference = null!;

    [Params(100, 1_000, 10_000, 100_000)]
    public int Routes { get; set; }

    [Params(RouteScenario.ManyHostnames, RouteScenario.OneHostnameSharedPrefixes, RouteScenario.HeaderMatches)]
    public RouteScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var configuration = RouterBenchmarkData.Configuration(Routes, Scenario);
        _requests = RouterBenchmarkData.Requests(Routes, Scenario);
        _router = Router.Compile(configuration);
        _reference = new ReferenceRouter(configuration, RouterOptions.Default);

        // Both routers must agree on the benchmark requests, or the comparison means nothing.
        foreach (var request in _requests)
        {
            var compiled = _router.MatchHttp(request);
            var reference = _reference.RouteHttp(request);
            if (compiled.Target?.Route != reference.Route || (compiled.Target?.RuleIndex ?? -1) != reference.RuleIndex)
            {
                throw new InvalidOperationException($"routers disagree on {request.Authority}{request.Path}");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 64)]
    public int Compiled()
    {
        var matched = 0;
        foreach (var request in _requests)
        {
            if (_router.MatchHttp(request).Result == RoutingResult.Matched)
            {
                matched++;
            }
        }

        return matched;
    }

    [Benchmark]
    public int Reference()
    {
        // One request per operation (the reference router is linear in routes by design); rotates over the set.
        var request = _requests[_next++ & 63];
        return _reference.RouteHttp(request).RuleIndex;
    }

    private int _next;
}

/// <summary>Compile time and memory of the compiled router for the same route sets.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class RouterCompileBenchmarks
{
    private RoutingConfiguration _configuration = null!;

    [Params(100, 1_000, 10_000, 100_000)]
    public int Routes { get; set; }

    [Params(RouteScenario.ManyHostnames, RouteScenario.OneHostnameSharedPrefixes, RouteScenario.HeaderMatches)]
    public RouteScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup() => _configuration = RouterBenchmarkData.Configuration(Routes, Scenario);

    [Benchmark]
    public Router Compile() => Router.Compile(_configuration);
}
