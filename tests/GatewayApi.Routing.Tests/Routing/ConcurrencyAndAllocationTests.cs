using GatewayApi.Models;
using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>Routers are immutable and swapped atomically; matching allocates nothing.</summary>
public class ConcurrencyAndAllocationTests
{
    /// <summary>Generation k: every route, backend and header value says k, so a mixed decision would show.</summary>
    private static RoutingConfiguration Generation(int k)
    {
        var header = new HttpRouteFilter
        {
            Type = HttpRouteFilterType.RequestHeaderModifier,
            RequestHeaderModifier = new HttpHeaderFilter { Set = [new HttpHeader { Name = "x-generation", Value = k.ToString(System.Globalization.CultureInfo.InvariantCulture) }] },
        };
        var routes = Enumerable.Range(0, 50).Select(i => HttpRoute($"gen{k}-route{i}", [$"host{i}.example.com"], rules:
            Rule("rule", [Prefix($"/p{i % 5}")], [header], [Backend($"gen{k}-backend", 1)]))).ToArray();
        return OneListener(routes);
    }

    [Fact]
    public async Task Readers_AlwaysSeeOneConsistentRouter_WhileWritersSwap()
    {
        var holder = new RouterHolder(Router.Compile(Generation(0)));
        var configurations = Enumerable.Range(0, 8).Select(Generation).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var stop = 0;
        long decisions = 0;
        var readers = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            var random = new Random(t);
            while (Volatile.Read(ref stop) == 0)
            {
                var i = random.Next(50);
                var decision = holder.Current.RouteHttp(Request($"host{i}.example.com", $"/p{i % 5}/x"), random);
                var generation = decision.RequestHeaderModifications.Single().Value;
                if (decision.Route!.Name != $"gen{generation}-route{i}" || decision.Backend!.Name != $"gen{generation}-backend")
                {
                    failures.Add($"{decision.Route} {decision.Backend} {generation}");
                }

                Interlocked.Increment(ref decisions);
            }
        })).ToArray();

        // The writer keeps swapping until the readers have made enough decisions across enough swaps (bounded in
        // time, so a starved machine cannot hang the test).
        var swaps = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await Task.Run(() =>
        {
            while ((swaps < 50 || Interlocked.Read(ref decisions) < 5000) && DateTime.UtcNow < deadline)
            {
                holder.Update(configurations[++swaps % configurations.Length]);
            }
        });
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(readers);
        Assert.Empty(failures);
        Assert.True(swaps >= 50, $"only {swaps} swaps");
        Assert.True(decisions >= 5000, $"only {decisions} decisions");
    }

    [Fact]
    public void Swap_ReturnsThePreviousRouter_AndCurrentIsTheNewOne()
    {
        var first = Router.Compile(Generation(1));
        var second = Router.Compile(Generation(2));
        var holder = new RouterHolder(first);
        Assert.Same(first, holder.Swap(second));
        Assert.Same(second, holder.Current);
    }

    [Fact]
    public void MatchHttp_AllocatesNothing()
    {
        // Hash and trie lookups over spans, struct result, cached targets: 0 bytes per match, measured.
        var routes = new List<GatewayApiObject>
        {
            HttpRoute("exact", ["shop.example.com"], rules: Rule(Exact("/cart"))),
            HttpRoute("prefix", ["*.example.com"], rules: Rule(Prefix("/api/v1"), Prefix("/api"))),
            HttpRoute("header", ["*.example.com"], rules: Rule(Prefix("/api").Header("x-version", "2").Query("debug", "1"))),
            HttpRoute("regex", rules: Rule(Regex("/users/[0-9]+"))),
        };
        var router = Router.Compile(OneListener([.. routes]));
        HttpRoutingRequest[] requests =
        [
            Request("shop.example.com", "/cart"),
            Request("SHOP.example.com:8080", "/api/v1/items?x=1"),
            Request("a.b.example.com", "/api/x?debug=1", "GET", ("X-Version", "2")),
            Request("other.org", "/users/42"),
            Request("other.org", "/nothing"),
            Request("a.example.com", "/api/x?debug=%31", "GET", ("x-version", "2"), ("x-version", "3")),
        ];
        foreach (var request in requests)
        {
            for (var i = 0; i < 100; i++)
            {
                router.MatchHttp(request);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matched = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (router.MatchHttp(requests[i % requests.Length]).Result == RoutingResult.Matched)
            {
                matched++;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(matched > 8000, $"{matched} matched");
    }

    [Fact]
    public void MatchGrpc_AllocatesNothing()
    {
        var route = new GrpcRoute
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "g", NamespaceProperty = "default", CreationTimestamp = T0 },
            Spec = new GrpcRouteSpec { Rules = [new GrpcRouteRule { Matches = [new GrpcRouteMatch { Method = new GrpcMethodMatch { Service = "svc.A", Method = "Get" } }] }] },
        };
        var router = Router.Compile(OneListener(route));
        var request = Request("h", "/svc.A/Get", "POST");
        for (var i = 0; i < 100; i++)
        {
            router.MatchGrpc(request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            router.MatchGrpc(request);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(RoutingResult.Matched, router.MatchGrpc(request).Result);
    }
}
