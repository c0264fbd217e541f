using GatewayApi.Models;
using GatewayApi.Routing.Reference;
using k8s.Models;
using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>GRPCRoute (§3), TLSRoute (§5), TCPRoute/UDPRoute (§6) and mesh routing (mesh.md), on both routers.</summary>
public class GrpcStreamMeshTests
{
    private static GrpcRoute GrpcRoute(string name, DateTime? created = null, params GrpcRouteRule[] rules) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", CreationTimestamp = created ?? T0 },
        Spec = new GrpcRouteSpec { Rules = [.. rules] },
    };

    private static GrpcRouteRule GrpcRule(string? service, string? method, bool regex = false, params (string, string)[] headers) => new()
    {
        Matches =
        [
            new GrpcRouteMatch
            {
                Method = service is null && method is null ? null : new GrpcMethodMatch { Service = service, Method = method, Type = regex ? GrpcMethodMatchType.RegularExpression : (GrpcMethodMatchType?)null },
                Headers = headers.Length == 0 ? null : [.. headers.Select(h => new GrpcHeaderMatch { Name = h.Item1, Value = h.Item2 })],
            },
        ],
        BackendRefs = [new GrpcBackendRef { Name = "grpc-svc", Port = 9000 }],
    };

    private static string Grpc(RoutingConfiguration configuration, string path, params (string, string)[] headers)
    {
        var request = Request("grpc.example.com", path, "POST", headers);
        var compiled = Router.Compile(configuration).MatchGrpc(request);
        var reference = new ReferenceRouter(configuration, RouterOptions.Default).RouteGrpc(request);
        Assert.Equal(reference.Route, compiled.Target?.Route);
        Assert.Equal(reference.RuleIndex, compiled.Target?.RuleIndex ?? -1);
        return compiled.Target is { } target ? $"{target.Route.Name} {target.RuleIndex}" : compiled.Result.ToString();
    }

    [Fact]
    public void GrpcExactMethodMatching_ConformanceVectors()
    {
        // Conformance grpcroute-exact-method-matching: exact service+method; anything else is UNIMPLEMENTED.
        var configuration = OneListener(GrpcRoute("exact", null,
            GrpcRule("gateway_api_conformance.echo_basic.grpcecho.GrpcEcho", "Echo"),
            GrpcRule("gateway_api_conformance.echo_basic.grpcecho.GrpcEcho", "EchoTwo")));
        Assert.Equal("exact 0", Grpc(configuration, "/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo"));
        Assert.Equal("exact 1", Grpc(configuration, "/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/EchoTwo"));
        Assert.Equal("NoMatchingRule", Grpc(configuration, "/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/EchoThree"));
        Assert.Equal("NoMatchingRule", Grpc(configuration, "/gateway_api_conformance.echo_basic.grpcecho.grpcecho/Echo"));
        var decision = Router.Compile(configuration).RouteGrpc(Request("h", "/other.Service/Echo", "POST"));
        Assert.Equal((GrpcStatusCode.Unimplemented, false), (decision.Status, decision.Forward));
    }

    [Fact]
    public void GrpcSession_PinsItsBackend_EvenAtWeight0_AndTheCookiePathCoversTheMatch()
    {
        // GEP-1619 applies to GRPCRoute rules too: the session's backend over the weighted draw, even at weight 0.
        var rule = GrpcRule("svc.Cart", null);
        rule.BackendRefs = [new GrpcBackendRef { Name = "a", Port = 9000 }, new GrpcBackendRef { Name = "b", Port = 9000 }, new GrpcBackendRef { Name = "old", Port = 9000, Weight = 0 }];
        rule.SessionPersistence = new SessionPersistence { SessionName = "s", Type = SessionPersistenceType.Header };
        var router = Router.Compile(OneListener(GrpcRoute("sticky", null, rule)));
        var random = new Random(5);
        var call = Request("h", "/svc.Cart/Add", "POST");
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal("old", router.RouteGrpc(call with { SessionBackend = "/Service/default/old:9000" }, random).Backend!.Name));
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal("b", router.RouteGrpc(call with { SessionBackend = "/Service/default/b:9000" }, random).Backend!.Name));
        var fresh = Enumerable.Range(0, 100).Select(_ => router.RouteGrpc(call, random).Backend!.Name).ToHashSet();
        Assert.Equal(["a", "b"], fresh.Order());

        // The cookie path is the part of /{service}/{method} the match fixes.
        var settings = router.RouteGrpc(call, random).SessionPersistence!;
        Assert.Equal(("Header", "s", "/svc.Cart"), (settings.Type, settings.SessionName, settings.CookiePath));
        rule.Matches![0].Method!.Method = "Add";
        Assert.Equal("/svc.Cart/Add", Router.Compile(OneListener(GrpcRoute("sticky", null, rule))).RouteGrpc(call).SessionPersistence!.CookiePath);
        rule.Matches![0].Method = null;
        Assert.Equal("/", Router.Compile(OneListener(GrpcRoute("sticky", null, rule))).RouteGrpc(call).SessionPersistence!.CookiePath);
    }

    [Fact]
    public void GrpcPrecedence_ServiceCharacters_ThenMethodCharacters_ThenHeaders()
    {
        // §3.2: service characters, then method characters, then header matches, then age.
        var configuration = OneListener(
            GrpcRoute("method-only", T0, GrpcRule(null, "Get")),
            GrpcRoute("service-only", T0.AddDays(1), GrpcRule("svc.A", null)),
            GrpcRoute("both", T0.AddDays(2), GrpcRule("svc.A", "Get")),
            GrpcRoute("both-header", T0.AddDays(3), GrpcRule("svc.A", "Get", false, ("x", "1"))));
        Assert.Equal("both-header 0", Grpc(configuration, "/svc.A/Get", ("x", "1")));
        Assert.Equal("both 0", Grpc(configuration, "/svc.A/Get"));
        Assert.Equal("service-only 0", Grpc(configuration, "/svc.A/List"));
        Assert.Equal("method-only 0", Grpc(configuration, "/svc.B/Get"));
        Assert.Equal("NoMatchingRule", Grpc(configuration, "/svc.B/List"));
    }

    [Fact]
    public void GrpcRegularExpression_AndMatchAll()
    {
        var configuration = OneListener(
            GrpcRoute("regex", T0, GrpcRule("svc\\..*", "Get.*", regex: true)),
            GrpcRoute("all", T0.AddDays(1), new GrpcRouteRule { BackendRefs = [new GrpcBackendRef { Name = "x", Port = 1 }] }));
        Assert.Equal("regex 0", Grpc(configuration, "/svc.Z/GetAll"));
        Assert.Equal("all 0", Grpc(configuration, "/other.Z/GetAll"));
        Assert.Equal("all 0", Grpc(configuration, "/not-a-grpc-path"));
    }

    [Fact]
    public void GrpcRouteWithoutRules_MatchesNothing()
    {
        // R7: no default rule for GRPCRoute.
        var route = GrpcRoute("empty");
        route.Spec.Rules = null;
        Assert.Equal("NoMatchingRule", Grpc(OneListener(route), "/svc.A/Get"));
    }

    [Fact]
    public void GrpcErrors_AreStatuses_NotHttpPages()
    {
        // §3.3: invalid backends UNAVAILABLE; no backendRefs UNIMPLEMENTED (reference page, R8).
        var rule = GrpcRule("svc.A", null);
        var route = GrpcRoute("r", null, rule, new GrpcRouteRule { Matches = [new GrpcRouteMatch { Method = new GrpcMethodMatch { Service = "svc.B" } }] });
        var configuration = Gateway(Listener("l", routes: new AttachedRoute { Route = route, UnusableReferences = [new UnusableReference { RuleIndex = 0, BackendRefIndex = 0 }] }));
        var router = Router.Compile(configuration);
        Assert.Equal(GrpcStatusCode.Unavailable, router.RouteGrpc(Request("h", "/svc.A/Get", "POST")).Status);
        Assert.Equal(GrpcStatusCode.Unimplemented, router.RouteGrpc(Request("h", "/svc.B/Get", "POST")).Status);
    }

    private static StreamRouteDecision Tls(RoutingConfiguration configuration, string? sni)
    {
        var compiled = Router.Compile(configuration).RouteTls(Gw, 443, sni);
        var reference = new ReferenceRouter(configuration, RouterOptions.Default).RouteTls(Gw, 443, sni);
        Assert.Equal((reference.Result, reference.Route), (compiled.Result, compiled.Route));
        return compiled;
    }

    private static TlsRoute TlsRoute(string name, DateTime created, params string[] hostnames) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", CreationTimestamp = created },
        Spec = new TlsRouteSpec { Hostnames = hostnames, Rules = [new L4RouteRule { BackendRefs = [new BackendRef { Name = name + "-svc", Port = 443 }] }] },
    };

    [Fact]
    public void TlsRoute_MostSpecificHostname_ThenOldest()
    {
        // §5: exact before wildcard, longer wildcard first, then oldest, then {namespace}/{name}.
        var routes = new[]
        {
            TlsRoute("wild", T0, "*.example.com"),
            TlsRoute("deep", T0.AddDays(1), "*.foo.example.com"),
            TlsRoute("exact-new", T0.AddDays(3), "abc.foo.example.com"),
            TlsRoute("exact-old", T0.AddDays(2), "abc.foo.example.com"),
        };
        var configuration = Gateway(Listener("tls", 443, "TLS", null, [.. routes.Select(r => Attach(r, [.. r.Spec.Hostnames!]))]) with { TlsMode = "Passthrough" });
        Assert.Equal("exact-old", Tls(configuration, "abc.foo.example.com").Route!.Name);
        Assert.Equal("deep", Tls(configuration, "x.foo.example.com").Route!.Name);
        Assert.Equal("wild", Tls(configuration, "x.example.com").Route!.Name);
        var rejected = Tls(configuration, "example.com");
        Assert.Equal((RoutingResult.NoMatchingRule, false), (rejected.Result, rejected.Forward));
        Assert.Equal(RoutingResult.NoMatchingRule, Tls(configuration, null).Result);
        var forwarded = Tls(configuration, "a.example.com");
        Assert.Equal((true, "wild-svc", "Passthrough"), (forwarded.Forward, forwarded.Backend!.Name, forwarded.TlsMode));
    }

    [Fact]
    public void TcpAndUdp_OldestRouteTakesTheListener_InvalidBackendsReject()
    {
        // §6: no discriminator; the oldest route (then name) wins; invalid backends reject/drop.
        L4RouteRule Rule() => new() { BackendRefs = [new BackendRef { Name = "tcp-svc", Port = 9000 }] };
        var older = new TcpRoute { Metadata = new V1ObjectMeta { Name = "b", NamespaceProperty = "default", CreationTimestamp = T0 }, Spec = new TcpRouteSpec { Rules = [Rule()] } };
        var newer = new TcpRoute { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "default", CreationTimestamp = T0.AddDays(1) }, Spec = new TcpRouteSpec { Rules = [Rule()] } };
        var udp = new UdpRoute { Metadata = new V1ObjectMeta { Name = "u", NamespaceProperty = "default", CreationTimestamp = T0 }, Spec = new UdpRouteSpec { Rules = [Rule()] } };
        var configuration = Gateway(
            Listener("tcp", 9000, "TCP", null, Attach(newer), new AttachedRoute { Route = older, UnusableReferences = [new UnusableReference { RuleIndex = 0, BackendRefIndex = 0 }] }),
            Listener("udp", 9000, "UDP", null, Attach(udp)));
        var router = Router.Compile(configuration);
        var tcp = router.RouteTcp(Gw, 9000);
        Assert.Equal(("b", false, "BackendNotFound"), (tcp.Route!.Name, tcp.Forward, tcp.RejectReason));
        Assert.Equal(("u", true), (router.RouteUdp(Gw, 9000).Route!.Name, router.RouteUdp(Gw, 9000).Forward));
        Assert.Equal(RoutingResult.NoListener, router.RouteTcp(Gw, 9001).Result);
    }

    [Fact]
    public void TcpWeights_ZeroGetsNothing()
    {
        var route = new TcpRoute
        {
            Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = "default", CreationTimestamp = T0 },
            Spec = new TcpRouteSpec { Rules = [new L4RouteRule { BackendRefs = [new BackendRef { Name = "a", Port = 1, Weight = 1 }, new BackendRef { Name = "b", Port = 1, Weight = 0 }] }] },
        };
        var router = Router.Compile(Gateway(Listener("tcp", 9000, "TCP", null, Attach(route))));
        var random = new Random(3);
        Assert.All(Enumerable.Range(0, 500), _ => Assert.Equal("a", router.RouteTcp(Gw, 9000, random).Backend!.Name));
    }

    private static RoutingConfiguration Mesh(params HttpRoute[] routes)
    {
        foreach (var route in routes)
        {
            route.Spec.ParentRefs ??= [new ParentReference { Group = "", Kind = "Service", Name = "echo", Namespace = "gateway-conformance-mesh" }];
        }

        return new RoutingConfigurationBuilder().AddService("gateway-conformance-mesh", "echo", (80, "http"), (8080, "http-alt")).AddRoutes(routes).Build();
    }

    private static HttpRouteDecision MeshRoute(RoutingConfiguration configuration, string client, int port, string path, params (string, string)[] headers)
    {
        var destination = new MeshDestination(client, new NamespacedName("gateway-conformance-mesh", "echo"), port);
        var request = Request("echo", path, "GET", headers);
        var compiled = Router.Compile(configuration).MatchMeshHttp(destination, request);
        var reference = new ReferenceRouter(configuration, RouterOptions.Default).RouteMeshHttp(destination, request);
        Assert.Equal((reference.Result, reference.Route, reference.RuleIndex), (compiled.Result, compiled.Target?.Route, compiled.Target?.RuleIndex ?? -1));
        return Router.Compile(configuration).RouteMeshHttp(destination, request, new Random(1));
    }

    [Fact]
    public void Mesh_NoRouteBound_GoesToTheServiceItself_OnceBound_UnmatchedIs404()
    {
        // mesh.md §2: no route = default behaviour; with routes, unmatched requests are rejected with 404.
        var none = Mesh();
        var passthrough = MeshRoute(none, "gateway-conformance-mesh", 80, "/x");
        Assert.Equal((RoutingResult.NoRoutesBound, HttpAction.Forward, "echo"), (passthrough.Result, passthrough.Action, passthrough.Backend!.Name));
        var route = HttpRoute("producer", ns: "gateway-conformance-mesh", rules: Rule("r", [Prefix("/v1")], null, [Backend("echo-v1", port: 80)]));
        var bound = Mesh(route);
        Assert.Equal("echo-v1", MeshRoute(bound, "gateway-conformance-mesh", 80, "/v1/x").Backend!.Name);
        Assert.Equal(404, MeshRoute(bound, "gateway-conformance-mesh", 80, "/v2").StatusCode);
    }

    [Fact]
    public void Mesh_ConsumerRoute_AppliesOnlyToItsNamespace()
    {
        // mesh.md §3 and conformance mesh-consumer-route.
        var producer = HttpRoute("producer", ns: "gateway-conformance-mesh", rules: Rule("r", [Prefix("/")], null, [Backend("echo-v1", port: 80)]));
        var consumer = HttpRoute("consumer", ns: "gateway-conformance-mesh-consumer", rules: Rule("r", [Prefix("/")], null, [new HttpBackendRef { Name = "echo-v2", Namespace = "gateway-conformance-mesh", Port = 80 }]));
        var configuration = Mesh(producer, consumer);
        Assert.Equal("consumer", MeshRoute(configuration, "gateway-conformance-mesh-consumer", 80, "/").Route!.Name);
        Assert.Equal("producer", MeshRoute(configuration, "gateway-conformance-mesh", 80, "/").Route!.Name);
        Assert.Equal("producer", MeshRoute(configuration, "third-namespace", 80, "/").Route!.Name);
    }

    [Fact]
    public void Mesh_ParentRefPort_RestrictsTheRouteToThatPort()
    {
        // Conformance mesh-ports: a route with port 80 does not affect 8080.
        var route = HttpRoute("port-80", ns: "gateway-conformance-mesh", rules: Rule("r", [Prefix("/")], null, [Backend("echo-v1", port: 80)]));
        route.Spec.ParentRefs = [new ParentReference { Group = "", Kind = "Service", Name = "echo", Port = 80 }];
        var configuration = Mesh(route);
        Assert.Equal(RoutingResult.Matched, MeshRoute(configuration, "gateway-conformance-mesh", 80, "/").Result);
        Assert.Equal(RoutingResult.NoRoutesBound, MeshRoute(configuration, "gateway-conformance-mesh", 8080, "/").Result);
    }

    [Fact]
    public void Mesh_IgnoresHostnames_AndARuleWithoutBackendsGoesToTheParent()
    {
        // mesh.md §1 (hostnames SHOULD NOT drive behaviour) and §2 / M1 (parent endpoints).
        var route = HttpRoute("r", ["not-the-host.example"], ns: "gateway-conformance-mesh", rules: Rule("r", [Prefix("/")], null, []));
        var configuration = Mesh(route);
        var decision = MeshRoute(configuration, "gateway-conformance-mesh", 8080, "/");
        Assert.Equal((RoutingResult.Matched, HttpAction.Forward, "echo", 8080), (decision.Result, decision.Action, decision.Backend!.Name, decision.Backend.Port));
        var strict = Router.Compile(configuration, new RouterOptions { MeshRuleWithoutBackendsUsesParentService = false })
            .RouteMeshHttp(new MeshDestination("x", new NamespacedName("gateway-conformance-mesh", "echo"), 80), Request("echo", "/"));
        Assert.Equal(500, strict.StatusCode);
    }

    [Fact]
    public void Mesh_Redirect_UsesTheServicePort()
    {
        var redirect = new HttpRouteFilter { Type = HttpRouteFilterType.RequestRedirect, RequestRedirect = new HttpRequestRedirectFilter { Hostname = "example.org" } };
        var route = HttpRoute("r", ns: "gateway-conformance-mesh", rules: Rule("r", [Prefix("/")], [redirect], []));
        Assert.Equal("http://example.org:8080/x", MeshRoute(Mesh(route), "gateway-conformance-mesh", 8080, "/x").Location);
    }
}
