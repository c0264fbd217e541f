using GatewayApi.Models;
using k8s.Models;
using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>
/// routing-semantics.md §7: a valid Service backend with no ready endpoints SHOULD answer 503 for its share (HTTP),
/// and reject/drop for TLS/TCP/UDP, where an invalid one answers 500.
/// </summary>
public class EndpointReadinessTests
{
    private static V1EndpointSlice Slice(string service, string ns = "default", params (string Address, bool? Ready)[] endpoints) => new()
    {
        Metadata = new V1ObjectMeta { Name = service + "-" + endpoints.Length, NamespaceProperty = ns, Labels = new Dictionary<string, string> { [EndpointReadiness.ServiceNameLabel] = service } },
        Endpoints = [.. endpoints.Select(e => new V1Endpoint { Addresses = [e.Address], Conditions = e.Ready is null ? null : new V1EndpointConditions { Ready = e.Ready } })],
    };

    private static Dictionary<string, int> Shares(Router router, int count)
    {
        var random = new Random(7);
        return Enumerable.Range(0, count).Select(_ => router.RouteHttp(Request("h", "/"), random))
            .GroupBy(d => d.Action == HttpAction.Forward ? d.Backend!.Name : d.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
    }

    [Fact]
    public void ServiceWithSlicesButNoReadyEndpoint_ItsShareAnswers503_TheOthersForward()
    {
        var configuration = OneListener(HttpRoute("r", rules: Rule("r", [Prefix("/")], null, [Backend("a"), Backend("b")])));
        var applied = EndpointReadiness.Apply(configuration, [Slice("a", "default", ("10.0.0.1", false)), Slice("b", "default", ("10.0.0.2", true))]);
        var shares = Shares(Router.Compile(applied), 2_000);
        Assert.Equal(["503", "b"], shares.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(shares["503"], 850, 1_150);
        var answer = Enumerable.Range(0, 50).Select(i => Router.Compile(applied).RouteHttp(Request("h", "/"), new Random(i))).First(d => d.Action == HttpAction.Respond);
        Assert.Equal(("a", "NoReadyEndpoints"), (answer.Backend!.Name, answer.ResponseReason));
    }

    [Fact]
    public void Readiness_AnyReadyEndpointInAnySlice_UnknownReadyCountsAsReady_NoAddressDoesNot()
    {
        var configuration = OneListener(HttpRoute("r", rules: Rule("r", [Prefix("/")], null, [Backend("a")])));
        Assert.Same(configuration, EndpointReadiness.Apply(configuration, [Slice("a", "default", ("10.0.0.1", false)), Slice("a", "default", ("10.0.0.2", true))]));
        Assert.Same(configuration, EndpointReadiness.Apply(configuration, [Slice("a", "default", ("10.0.0.1", null))]));
        Assert.Equal(503, Router.Compile(EndpointReadiness.Apply(configuration, [Slice("a")])).RouteHttp(Request("h", "/")).StatusCode);

        // A Service with no slices given is left alone: the caller may not watch them.
        Assert.Same(configuration, EndpointReadiness.Apply(configuration, [Slice("other")]));
        Assert.Same(configuration, EndpointReadiness.Apply(configuration, []));
    }

    [Fact]
    public void TheBackendsNamespaceIsTheRoutesUnlessGiven_AndAnEarlierProblemIsKept()
    {
        var cross = Backend("a");
        cross.Namespace = "shop";
        var configuration = Gateway(Listener("http", routes: new AttachedRoute
        {
            Route = HttpRoute("r", rules: [Rule("same", [Prefix("/same")], null, [Backend("a")]), Rule("cross", [Prefix("/cross")], null, [cross])]),
            UnusableReferences = [new UnusableReference { RuleIndex = 1, BackendRefIndex = 0, Reason = RouteConditionReason.RefNotPermitted }],
        }));
        var router = Router.Compile(EndpointReadiness.Apply(configuration, [Slice("a", "shop")]));
        Assert.Equal(HttpAction.Forward, router.RouteHttp(Request("h", "/same")).Action); // default/a has no slices
        var refused = router.RouteHttp(Request("h", "/cross"));
        Assert.Equal((500, "RefNotPermitted"), (refused.StatusCode, refused.ResponseReason)); // not turned into 503
    }

    [Fact]
    public void TcpAndMesh_BackendsWithoutReadyEndpoints_AreRejected_Or503()
    {
        var tcp = new TcpRoute
        {
            Metadata = new V1ObjectMeta { Name = "t", NamespaceProperty = "default", CreationTimestamp = T0 },
            Spec = new TcpRouteSpec { Rules = [new L4RouteRule { BackendRefs = [new BackendRef { Name = "db", Port = 5432 }] }] },
        };
        var stream = Router.Compile(EndpointReadiness.Apply(Gateway(Listener("tcp", 9000, "TCP", null, Attach(tcp))), [Slice("db")])).RouteTcp(Gw, 9000);
        Assert.Equal((false, "NoReadyEndpoints"), (stream.Forward, stream.RejectReason));

        var mesh = HttpRoute("producer", ns: "store", rules: Rule("r", [Prefix("/")], null, [Backend("cart-v2", port: 80)]));
        mesh.Spec.ParentRefs = [new ParentReference { Group = "", Kind = "Service", Name = "cart", Namespace = "store" }];
        var configuration = new RoutingConfigurationBuilder().AddService("store", "cart", (80, "http")).AddRoutes(mesh).Build();
        var decision = Router.Compile(EndpointReadiness.Apply(configuration, [Slice("cart-v2", "store")]))
            .RouteMeshHttp(new MeshDestination("store", new NamespacedName("store", "cart"), 80), Request("cart", "/"));
        Assert.Equal((503, "cart-v2"), (decision.StatusCode, decision.Backend!.Name));
    }
}
