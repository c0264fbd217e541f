using GatewayApi.Models;
using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing.Filters;

/// <summary>Backends, weights and error codes (§7), and the rule settings surfaced (§8).</summary>
public class BackendSelectionTests
{
    private static Router RouterWith(HttpBackendRef[] backends, UnusableReference[]? unusable = null)
    {
        var route = HttpRoute("r", rules: Rule("rule", [Prefix("/")], null, backends));
        return Router.Compile(Gateway(Listener("l", routes: new AttachedRoute { Route = route, UnusableReferences = unusable ?? [] })));
    }

    private static Dictionary<string, int> Distribution(Router router, int requests, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, requests)
            .Select(_ => router.RouteHttp(Request("h", "/"), random))
            .GroupBy(d => d.Action == HttpAction.Forward ? d.Backend!.Name : d.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
    }

    [Fact]
    public void Weights_70_30_0_ConvergeWithinFivePoints_AndZeroGetsNothing()
    {
        // Conformance httproute-weight: 70/30/0 within +-5 percentage points; the 0-weight backend receives none.
        var counts = Distribution(RouterWith([Backend("v1", 70), Backend("v2", 30), Backend("v3", 0)]), 10_000, 1);
        Assert.InRange(counts["v1"] / 10_000.0, 0.65, 0.75);
        Assert.InRange(counts["v2"] / 10_000.0, 0.25, 0.35);
        Assert.False(counts.ContainsKey("v3"));
    }

    [Fact]
    public void InvalidBackend_ItsShareIsAnswered500_NotMovedToTheOthers()
    {
        // Worked example 8: A weight 3 valid, B weight 1 missing -> ~25 % 500s.
        var router = RouterWith([Backend("a", 3), Backend("b", 1)], [new UnusableReference { RuleIndex = 0, BackendRefIndex = 1, Reason = RouteConditionReason.BackendNotFound }]);
        var counts = Distribution(router, 20_000, 2);
        Assert.InRange(counts["500"] / 20_000.0, 0.23, 0.27);
        Assert.InRange(counts["a"] / 20_000.0, 0.73, 0.77);
        var failed = Enumerable.Range(0, 100).Select(i => router.RouteHttp(Request("h", "/"), new Random(i))).First(d => d.Action == HttpAction.Respond);
        Assert.Equal(("b", "BackendNotFound", false), (failed.Backend!.Name, failed.ResponseReason, failed.Backend.Usable));
    }

    [Fact]
    public void SessionBackend_PinsTheRulesBackend_OnlyWhenTheRuleKeepsSessions()
    {
        // GEP-1619: a request of a session goes to the session's backend instead of a weighted draw.
        var rule = Rule("rule", [Prefix("/")], null, [Backend("a", 1), Backend("b", 1), Backend("zero", 0)]);
        rule.SessionPersistence = new SessionPersistence { SessionName = "s" };
        var sticky = Router.Compile(OneListener(HttpRoute("r", rules: rule)));
        var key = Enumerable.Range(0, 50).Select(i => sticky.RouteHttp(Request("h", "/"), new Random(i)).Backend!).First(b => b.Name == "b").SessionKey;
        Assert.Equal("/Service/default/b:8080", key);
        var random = new Random(3);
        Assert.All(Enumerable.Range(0, 200), _ => Assert.Equal("b", sticky.RouteHttp(Request("h", "/") with { SessionBackend = key }, random).Backend!.Name));

        // GEP-1619: "the persistence to a single backend MUST be maintained ... even if the weight is set to 0".
        Assert.All(Enumerable.Range(0, 200), _ => Assert.Equal("zero", sticky.RouteHttp(Request("h", "/") with { SessionBackend = "/Service/default/zero:8080" }, random).Backend!.Name));

        // A session bound to none of the rule's backends is a new session: weights decide (and never pick weight 0).
        var other = Enumerable.Range(0, 200).Select(_ => sticky.RouteHttp(Request("h", "/") with { SessionBackend = "/Service/default/gone:8080" }, random).Backend!.Name).ToList();
        Assert.Contains("a", other);
        Assert.DoesNotContain("zero", other);

        // Without sessionPersistence on the rule the hint is ignored.
        var plain = RouterWith([Backend("a", 1), Backend("b", 1)]);
        var names = Enumerable.Range(0, 200).Select(_ => plain.RouteHttp(Request("h", "/") with { SessionBackend = key }, random).Backend!.Name).ToList();
        Assert.Contains("a", names);
    }

    [Fact]
    public void ValidServiceWithoutEndpoints_Answers503()
    {
        var router = RouterWith([Backend("a")], [new UnusableReference { RuleIndex = 0, BackendRefIndex = 0, NoReadyEndpoints = true }]);
        Assert.Equal(503, router.RouteHttp(Request("h", "/")).StatusCode);
    }

    [Fact]
    public void NoBackendRefs_Answers500()
    {
        // Conformance httproute-omitted-backendrefs: omitted and [] both give 500.
        Assert.Equal(500, RouterWith([]).RouteHttp(Request("h", "/")).StatusCode);
        var omitted = HttpRoute("r", rules: new HttpRouteRule { Matches = [Prefix("/")] });
        Assert.Equal(500, Router.Compile(OneListener(omitted)).RouteHttp(Request("h", "/")).StatusCode);
    }

    [Fact]
    public void AllWeightsZero_Answers500()
    {
        // R18: not specified; no backend can be chosen.
        Assert.Equal(500, RouterWith([Backend("a", 0), Backend("b", 0)]).RouteHttp(Request("h", "/")).StatusCode);
    }

    [Fact]
    public void SingleBackend_GetsEverything_AndTheDecisionNamesIt()
    {
        var decision = RouterWith([new HttpBackendRef { Name = "svc", Namespace = "other", Port = 9090, Weight = 5 }]).RouteHttp(Request("h", "/"));
        Assert.Equal(("Service", "", "other", "svc", 9090, 5), (decision.Backend!.Kind, decision.Backend.Group, decision.Backend.Namespace, decision.Backend.Name, decision.Backend.Port, decision.Backend.Weight));
    }

    [Fact]
    public void TimeoutsRetryAndSessionPersistence_AreSurfaced()
    {
        var rule = Rule("rule", [Prefix("/cart")]);
        rule.Timeouts = new HttpRouteTimeouts { Request = GatewayDuration.Parse("10s"), BackendRequest = GatewayDuration.Parse("500ms") };
        rule.Retry = new HttpRouteRetry { Codes = [503, 504], Attempts = 2, Backoff = GatewayDuration.Parse("100ms") };
        rule.SessionPersistence = new SessionPersistence { SessionName = "sid", Type = SessionPersistenceType.Cookie, AbsoluteTimeout = GatewayDuration.Parse("1h") };
        var decision = Router.Compile(OneListener(HttpRoute("r", rules: rule))).RouteHttp(Request("h", "/cart/items"));
        Assert.Equal(new RouteTimeouts(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)), decision.Timeouts);
        Assert.Equal([503, 504], decision.Retry!.Codes);
        Assert.Equal((2, TimeSpan.FromMilliseconds(100)), (decision.Retry.Attempts, decision.Retry.Backoff));
        Assert.Equal(("Cookie", "sid", TimeSpan.FromHours(1), "/cart"), (decision.SessionPersistence!.Type, decision.SessionPersistence.SessionName, decision.SessionPersistence.AbsoluteTimeout, decision.SessionPersistence.CookiePath));
    }

    [Theory]
    // §8.3: the cookie Path derives from the matched path; "/" for all-paths; the literal prefix of a regex.
    [InlineData("PathPrefix", "/", "/api/v1/x", "/")]
    [InlineData("PathPrefix", "/cart/", "/cart/x", "/cart")]
    [InlineData("Exact", "/login", "/login", "/login")]
    [InlineData("RegularExpression", "/api/v[0-9]+/.*", "/api/v1/x", "/api/")]
    [InlineData("RegularExpression", ".*", "/api/v1/x", "/")]
    public void SessionCookiePath_DerivesFromTheMatchedPath(string type, string value, string path, string cookiePath)
    {
        var rule = Rule("rule", [new HttpRouteMatch { Path = new HttpPathMatch { Type = type, Value = value } }]);
        rule.SessionPersistence = new SessionPersistence();
        var decision = Router.Compile(OneListener(HttpRoute("r", rules: rule))).RouteHttp(Request("h", path));
        Assert.Equal(cookiePath, decision.SessionPersistence!.CookiePath);
    }
}
