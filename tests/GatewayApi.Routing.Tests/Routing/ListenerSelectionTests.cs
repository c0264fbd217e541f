using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>Listener selection and hostnames (routing-semantics.md §1), on both routers.</summary>
public class ListenerSelectionTests
{
    private static RoutingConfiguration IsolationGateway() => Gateway(
        Listener("empty-hostname", routes: Attach(HttpRoute("empty", rules: Rule(Prefix("/empty-hostname"))))),
        Listener("wildcard-example-com", hostname: "*.example.com", routes: Attach(HttpRoute("wildcard", rules: Rule(Prefix("/wildcard-example-com"))))),
        Listener("wildcard-foo-example-com", hostname: "*.foo.example.com", routes: Attach(HttpRoute("wildcard-foo", rules: Rule(Prefix("/wildcard-foo-example-com"))))),
        Listener("abc-foo-example-com", hostname: "abc.foo.example.com", routes: Attach(HttpRoute("abc", rules: Rule(Prefix("/abc-foo-example-com"))))));

    [Theory]
    // Conformance gateway-http-listener-isolation: each host reaches only its most specific listener's route.
    [InlineData("bar.com", "/empty-hostname", "empty 0 0")]
    [InlineData("bar.com", "/wildcard-example-com", "NoMatchingRule")]
    [InlineData("bar.example.com", "/wildcard-example-com", "wildcard 0 0")]
    [InlineData("bar.example.com", "/empty-hostname", "NoMatchingRule")]
    [InlineData("bar.foo.example.com", "/wildcard-foo-example-com", "wildcard-foo 0 0")]
    [InlineData("bar.foo.example.com", "/wildcard-example-com", "NoMatchingRule")]
    [InlineData("abc.foo.example.com", "/abc-foo-example-com", "abc 0 0")]
    [InlineData("abc.foo.example.com", "/wildcard-foo-example-com", "NoMatchingRule")]
    [InlineData("abc.foo.example.com", "/empty-hostname", "NoMatchingRule")]
    public void ListenerIsolation_ConformanceVectors(string host, string path, string expected)
    {
        Assert.Equal(expected, Winner(IsolationGateway(), Request(host, path)));
    }

    [Fact]
    public void ListenerIsolation_WorkedExample9()
    {
        // Listeners foo.example.com and *.example.com; only the wildcard one has a route: foo.example.com gets 404.
        var configuration = Gateway(
            Listener("foo", hostname: "foo.example.com"),
            Listener("wild", hostname: "*.example.com", routes: Attach(HttpRoute("r", rules: Rule(Prefix("/"))))));
        var match = Match(configuration, Request("foo.example.com", "/"));
        Assert.Equal((RoutingResult.NoMatchingRule, "foo"), (match.Result, match.ListenerName));
        Assert.Equal("r 0 0", Winner(configuration, Request("bar.example.com", "/")));
    }

    [Theory]
    // §1.1: a wildcard covers one or more labels, never the bare suffix; the Host's port is ignored; case-insensitive.
    [InlineData("a.example.com", true)]
    [InlineData("a.b.example.com", true)]
    [InlineData("example.com", false)]
    [InlineData("aexample.com", false)]
    [InlineData("A.Example.COM", true)]
    [InlineData("a.example.com:8080", true)]
    public void WildcardHostname_MatchesOneOrMoreLabels(string host, bool matches)
    {
        var configuration = OneListener(HttpRoute("r", ["*.example.com"], rules: Rule(Prefix("/"))));
        Assert.Equal(matches ? "r 0 0" : "NoMatchingRule", Winner(configuration, Request(host, "/")));
    }

    [Fact]
    public void NoListenerHostnameMatch_IsNotFound()
    {
        var configuration = Gateway(Listener("a", hostname: "a.example.com", routes: Attach(HttpRoute("r", rules: Rule()))));
        Assert.Equal(RoutingResult.NoListenerForHostname, Match(configuration, Request("b.example.com", "/")).Result);
        var decision = Router.Compile(configuration).RouteHttp(Request("b.example.com", "/"));
        Assert.Equal((HttpAction.Respond, 404), (decision.Action, decision.StatusCode));
    }

    [Fact]
    public void NoListenerOnPortOrProtocol_IsNoListener()
    {
        var configuration = Gateway(Listener("a", routes: Attach(HttpRoute("r", rules: Rule()))));
        Assert.Equal(RoutingResult.NoListener, Match(configuration, Request("h", "/") with { Port = 81 }).Result);
        Assert.Equal(RoutingResult.NoListener, Match(configuration, Request("h", "/") with { Scheme = "https" }).Result);
        Assert.Equal(RoutingResult.NoListener, Match(configuration, Request("h", "/") with { Gateway = new NamespacedName("infra", "other") }).Result);
    }

    private static RoutingConfiguration MisdirectedGateway()
    {
        // Conformance httproute-https-listener-detect-misdirected-requests: a route for example.org on every
        // listener, plus one route per hostname listener.
        var everywhere = HttpRoute("example-org", ["example.org"], rules: Rule());
        return Gateway(
            Listener("https", 443, "HTTPS", null, Attach(everywhere, "example.org")),
            Listener("second", 443, "HTTPS", "second-example.org", Attach(HttpRoute("second", rules: Rule()))),
            Listener("wildcard", 443, "HTTPS", "*.wildcard.org", Attach(HttpRoute("wildcard", rules: Rule()))),
            Listener("fourth", 443, "HTTPS", "fourth-example.wildcard.org", Attach(HttpRoute("fourth", rules: Rule()))));
    }

    [Theory]
    [InlineData("example.org", "example.org", "Matched")]
    [InlineData("example.org", "second-example.org", "Misdirected")]
    [InlineData("example.org", "unknown-example.org", "NoMatchingRule")]
    [InlineData("second-example.org", "example.org", "Misdirected")]
    [InlineData("second-example.org", "unknown-example.org", "Misdirected")]
    [InlineData("third-example.wildcard.org", "fith-example.wildcard.org", "Matched")]
    [InlineData("third-example.wildcard.org", "fourth-example.wildcard.org", "Misdirected")]
    [InlineData("fourth-example.wildcard.org", "fith-example.wildcard.org", "Misdirected")]
    [InlineData("unknown-example.org", "example.org", "Matched")]
    [InlineData("unknown-example.org", "unknown-example.org", "NoMatchingRule")]
    public void Https_SniAndHost_ConformanceVectors(string sni, string host, string expected)
    {
        var match = Match(MisdirectedGateway(), Https(sni, host));
        Assert.Equal(expected, match.Result.ToString());
        var decision = Router.Compile(MisdirectedGateway()).RouteHttp(Https(sni, host));
        var status = expected switch { "Matched" => 0, "Misdirected" => 421, _ => 404 };
        Assert.Equal(status, decision.StatusCode);
    }

    [Fact]
    public void RouteHostnameIntersection_ConformanceVectors()
    {
        // Conformance httproute-hostname-intersection: specificity counts the intersected hostname, so the route
        // written *.specific.com serves very.specific.com alongside the precise route (R5).
        var configuration = Gateway(
            Listener("listener-1", hostname: "very.specific.com", routes:
            [
                Attach(HttpRoute("s1", ["non.matching.com", "*.nonmatchingwildcard.io", "very.specific.com"], rules: Rule(Prefix("/s1"))), "very.specific.com"),
                Attach(HttpRoute("s3", ["non.matching.com", "*.specific.com"], rules: Rule(Prefix("/s3"))), "very.specific.com"),
            ]),
            Listener("listener-2", hostname: "*.wildcard.io", routes:
                Attach(HttpRoute("s2", rules: Rule(Prefix("/s2"))), "foo.wildcard.io", "bar.wildcard.io", "foo.bar.wildcard.io")));
        foreach (var options in new[] { RouterOptions.Default, new RouterOptions { HostnameFallThrough = false } })
        {
            Assert.Equal("s1 0 0", Winner(configuration, Request("very.specific.com", "/s1"), options));
            Assert.Equal("s1 0 0", Winner(configuration, Request("very.specific.com:1234", "/s1"), options));
            Assert.Equal("s3 0 0", Winner(configuration, Request("very.specific.com", "/s3"), options));
            Assert.Equal("NoListenerForHostname", Winner(configuration, Request("foo.specific.com", "/s3"), options));
            Assert.Equal("s2 0 0", Winner(configuration, Request("foo.bar.wildcard.io", "/s2"), options));
            Assert.Equal("NoListenerForHostname", Winner(configuration, Request("wildcard.io", "/s2"), options));
            Assert.Equal("NoMatchingRule", Winner(configuration, Request("very.specific.com", "/s2"), options));
        }
    }

    [Fact]
    public void ConfigurationBuilder_IntersectsHostnames_LikeTheStatusEngineWould()
    {
        var gateway = new Models.Gateway
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "gw", NamespaceProperty = "infra" },
            Spec = new Models.GatewaySpec
            {
                Listeners =
                [
                    new Models.Listener { Name = "specific", Port = 80, Protocol = "HTTP", Hostname = "very.specific.com" },
                    new Models.Listener { Name = "wild", Port = 80, Protocol = "HTTP", Hostname = "*.wildcard.io" },
                ],
            },
        };
        var route = HttpRoute("r", ["*.specific.com", "foo.wildcard.io", "wildcard.io"], rules: Rule());
        route.Spec.ParentRefs = [new Models.ParentReference { Name = "gw", Namespace = "infra" }];
        var configuration = new RoutingConfigurationBuilder().AddGateway(gateway).AddRoutes(route).Build();
        var listeners = configuration.Gateways.Single().Listeners;
        Assert.Equal(["very.specific.com"], listeners[0].Routes.Single().Hostnames!);
        Assert.Equal(["foo.wildcard.io"], listeners[1].Routes.Single().Hostnames!);
    }
}
