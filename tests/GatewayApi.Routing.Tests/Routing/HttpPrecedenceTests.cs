using GatewayApi.Models;
using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>The precedence of routing-semantics.md §2.2, criterion by criterion, on both routers.</summary>
public class HttpPrecedenceTests
{
    [Theory]
    // Conformance httproute-path-match-order: Exact beats prefixes, longer prefixes beat shorter ones.
    [InlineData("/match/exact/one", "2")]
    [InlineData("/match/exact", "1")]
    [InlineData("/match", "0")]
    [InlineData("/match/prefix/one/any", "5")]
    [InlineData("/match/prefix/any", "4")]
    [InlineData("/match/any", "3")]
    public void PathMatchOrder_ConformanceVectors(string path, string rule)
    {
        var route = HttpRoute("path-matching-order", rules:
        [
            Rule(Exact("/match")), Rule(Exact("/match/exact")), Rule(Exact("/match/exact/one")),
            Rule(Prefix("/match/")), Rule(Prefix("/match/prefix/")), Rule(Prefix("/match/prefix/one")),
        ]);
        Assert.Equal($"path-matching-order {rule} 0", Winner(OneListener(route), Request("example.com", path)));
    }

    [Fact]
    public void ExactBeatsPrefix_RegardlessOfAge()
    {
        // Worked example 1: A (older) PathPrefix /api, B Exact /api/v1.
        var configuration = OneListener(
            HttpRoute("a", created: T0, rules: Rule(Prefix("/api"))),
            HttpRoute("b", created: T0.AddHours(1), rules: Rule(Exact("/api/v1"))));
        Assert.Equal("b 0 0", Winner(configuration, Request("h", "/api/v1")));
        Assert.Equal("a 0 0", Winner(configuration, Request("h", "/api/v1/")));
    }

    [Fact]
    public void PreciseHostname_BeatsWildcard_WhateverThePaths()
    {
        // Worked example 2: A [*.example.com] Exact /login; B [shop.example.com] PathPrefix /.
        var configuration = OneListener(
            HttpRoute("a", ["*.example.com"], rules: Rule(Exact("/login"))),
            HttpRoute("b", ["shop.example.com"], rules: Rule(Prefix("/"))));
        Assert.Equal("b 0 0", Winner(configuration, Request("shop.example.com", "/login")));
        Assert.Equal("a 0 0", Winner(configuration, Request("blog.example.com", "/login")));
    }

    [Fact]
    public void LongerWildcard_BeatsShorterWildcard_AndAnyHostname()
    {
        // §2.2 criterion 1: more characters in the matching hostname wins.
        var configuration = OneListener(
            HttpRoute("any", rules: Rule(Exact("/x"))),
            HttpRoute("short", ["*.com"], rules: Rule(Exact("/x"))),
            HttpRoute("long", ["*.example.com"], rules: Rule(Prefix("/"))));
        Assert.Equal("long 0 0", Winner(configuration, Request("a.example.com", "/x")));
        Assert.Equal("short 0 0", Winner(configuration, Request("a.other.com", "/x")));
        Assert.Equal("any 0 0", Winner(configuration, Request("a.org", "/x")));
    }

    [Fact]
    public void RouteWithSeveralHostnames_RanksByItsMostSpecificMatchingOne()
    {
        var configuration = OneListener(
            HttpRoute("both", ["*.example.com", "shop.example.com"], created: T0.AddDays(1), rules: Rule(Prefix("/"))),
            HttpRoute("wild", ["*.example.com"], created: T0, rules: Rule(Prefix("/"))));
        Assert.Equal("both 0 0", Winner(configuration, Request("shop.example.com", "/")));
        Assert.Equal("wild 0 0", Winner(configuration, Request("blog.example.com", "/")));
    }

    [Theory]
    // Conformance httproute-header-matching: more header matches win; ties go to the earlier rule; color=orange alone: 404.
    [InlineData("two", "orange", "2 0")]
    [InlineData("two", "blue", "1 0")]
    [InlineData("one", null, "0 0")]
    [InlineData(null, "blue", "3 0")]
    [InlineData(null, "yellow", "4 1")]
    [InlineData(null, "orange", null)]
    public void HeaderMatchCount_ConformanceVectors(string? version, string? color, string? rule)
    {
        var route = HttpRoute("header-matching", rules:
        [
            Rule(HeadersOnly(("version", "one"))),
            Rule(HeadersOnly(("version", "two"))),
            Rule(HeadersOnly(("version", "two"), ("color", "orange"))),
            Rule(HeadersOnly(("color", "blue")), HeadersOnly(("color", "green"))),
            Rule(HeadersOnly(("color", "red")), HeadersOnly(("color", "yellow"))),
        ]);
        var headers = new List<(string, string)>();
        if (version is not null) headers.Add(("version", version));
        if (color is not null) headers.Add(("color", color));
        var winner = Winner(OneListener(route), Request("example.com", "/", "GET", [.. headers]));
        Assert.Equal(rule is null ? "NoMatchingRule" : "header-matching " + rule, winner);
    }

    [Fact]
    public void HeaderMatchOnRootPrefix_BeatsPlainRootPrefix()
    {
        // Conformance httproute-matching: rule1 {PathPrefix / OR version=one}, rule2 {PathPrefix /v2 OR version=two}.
        var route = HttpRoute("matching", rules:
        [
            Rule(Prefix("/"), HeadersOnly(("version", "one"))),
            Rule(Prefix("/v2"), HeadersOnly(("version", "two"))),
        ]);
        var configuration = OneListener(route);
        Assert.Equal("matching 1 1", Winner(configuration, Request("h", "/", "GET", ("version", "two"))));
        Assert.Equal("matching 0 1", Winner(configuration, Request("h", "/", "GET", ("version", "one"))));
        Assert.Equal("matching 1 0", Winner(configuration, Request("h", "/v2/example")));
        Assert.Equal("matching 0 0", Winner(configuration, Request("h", "/v2example")));
    }

    [Fact]
    public void MatchingAcrossRoutes_ConformanceVectors()
    {
        // Conformance httproute-matching-across-routes.
        var a = HttpRoute("a", ["example.com", "example.net"], rules: [Rule(Prefix("/"), HeadersOnly(("version", "one")))]);
        var b = HttpRoute("b", ["example.com"], created: T0.AddSeconds(1), rules: [Rule(Prefix("/v2"), HeadersOnly(("version", "two")))]);
        var configuration = OneListener(a, b);
        Assert.Equal("a 0 0", Winner(configuration, Request("example.net", "/v2")));
        Assert.Equal("b 0 0", Winner(configuration, Request("example.com", "/v2")));
        Assert.Equal("b 0 1", Winner(configuration, Request("example.com", "/", "GET", ("version", "two"))));
        Assert.Equal("a 0 0", Winner(configuration, Request("example.net", "/", "GET", ("version", "two"))));
    }

    [Fact]
    public void MethodMatch_BeatsNoMethod_AtEqualPath()
    {
        // §2.2 criterion 4 (conformance httproute-method-matching applies the same ordering).
        var configuration = OneListener(
            HttpRoute("plain", created: T0, rules: Rule(Prefix("/api").Header("x", "1"))),
            HttpRoute("method", created: T0.AddDays(1), rules: Rule(Prefix("/api").WithMethod("GET"))));
        Assert.Equal("method 0 0", Winner(configuration, Request("h", "/api", "GET", ("x", "1"))));
        Assert.Equal("plain 0 0", Winner(configuration, Request("h", "/api", "POST", ("x", "1"))));
    }

    [Fact]
    public void MoreHeaderMatches_BeatMoreQueryMatches()
    {
        // §2.2: criterion 5 (headers) is decided before criterion 6 (query parameters).
        var configuration = OneListener(
            HttpRoute("query", created: T0, rules: Rule(Prefix("/").Query("a", "1").Query("b", "2"))),
            HttpRoute("header", created: T0.AddDays(1), rules: Rule(Prefix("/").Header("h", "1"))));
        Assert.Equal("header 0 0", Winner(configuration, Request("h", "/?a=1&b=2", "GET", ("h", "1"))));
    }

    [Fact]
    public void MoreQueryMatches_BeatFewer()
    {
        var configuration = OneListener(
            HttpRoute("one", created: T0, rules: Rule(Prefix("/").Query("a", "1"))),
            HttpRoute("two", created: T0.AddDays(1), rules: Rule(Prefix("/").Query("a", "1").Query("b", "2"))));
        Assert.Equal("two 0 0", Winner(configuration, Request("h", "/?a=1&b=2")));
        Assert.Equal("one 0 0", Winner(configuration, Request("h", "/?a=1")));
    }

    [Fact]
    public void EqualMatches_OldestRouteWins_ThenNamespaceSlashName()
    {
        // Worked example 4.
        var older = HttpRoute("z", created: T0, ns: "ns-b", rules: Rule(Prefix("/")));
        var newer = HttpRoute("a", created: T0.AddSeconds(1), ns: "ns-a", rules: Rule(Prefix("/")));
        Assert.Equal("z 0 0", Winner(OneListener(newer, older), Request("h", "/")));

        var sameTimeB = HttpRoute("a", created: T0, ns: "ns-b", rules: Rule(Prefix("/")));
        var sameTimeA = HttpRoute("z", created: T0, ns: "ns-a", rules: Rule(Prefix("/")));
        var match = Match(OneListener(sameTimeB, sameTimeA), Request("h", "/"));
        Assert.Equal(new NamespacedName("ns-a", "z"), match.Target!.Route.NamespacedName);
    }

    [Fact]
    public void EqualMatchesInOneRoute_FirstRuleWins()
    {
        // Worked example 3: r1 {version=two}, r2 {color=blue}; a request with both goes to r1.
        var configuration = OneListener(HttpRoute("r", rules: [Rule(HeadersOnly(("version", "two"))), Rule(HeadersOnly(("color", "blue")))]));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/", "GET", ("version", "two"), ("color", "blue"))));
    }

    [Fact]
    public void WithinARule_TheBestRankedMatchIsReported()
    {
        // Criteria 2-6 compare individual matches: the rule's rank is that of its best matching match.
        var configuration = OneListener(HttpRoute("r", rules: Rule(Prefix("/"), Prefix("/a"), Exact("/a/b"))));
        Assert.Equal("r 0 2", Winner(configuration, Request("h", "/a/b")));
        Assert.Equal("r 0 1", Winner(configuration, Request("h", "/a/c")));
    }

    [Fact]
    public void RegularExpression_RanksBetweenExactAndPrefix_ByDefault()
    {
        // R2: implementation-specific; default is Envoy Gateway's order (Exact > RegularExpression > PathPrefix).
        var configuration = OneListener(
            HttpRoute("prefix", created: T0, rules: Rule(Prefix("/api/v1/users"))),
            HttpRoute("regex", created: T0.AddDays(1), rules: Rule(Regex("/api/.*"))),
            HttpRoute("exact", created: T0.AddDays(2), rules: Rule(Exact("/api/v1/users"))));
        Assert.Equal("exact 0 0", Winner(configuration, Request("h", "/api/v1/users")));
        Assert.Equal("regex 0 0", Winner(configuration, Request("h", "/api/v1/users/7")));
        var after = new RouterOptions { RegularExpressionPathPrecedence = RegularExpressionPathPrecedence.AfterPrefix };
        Assert.Equal("prefix 0 0", Winner(configuration, Request("h", "/api/v1/users/7"), after));
        Assert.Equal("regex 0 0", Winner(configuration, Request("h", "/api/v2"), after));
    }

    [Fact]
    public void LongerRegularExpression_BeatsShorter()
    {
        var configuration = OneListener(
            HttpRoute("short", created: T0, rules: Rule(Regex("/.*"))),
            HttpRoute("long", created: T0.AddDays(1), rules: Rule(Regex("/api/.*"))));
        Assert.Equal("long 0 0", Winner(configuration, Request("h", "/api/x")));
    }

    [Fact]
    public void TrailingSlash_CountsForPrefixLength_AsWritten_UnlessConfigured()
    {
        // R6: "/foo/" and "/foo" denote the same prefix but differ by a character.
        var configuration = OneListener(
            HttpRoute("slash", created: T0.AddDays(1), rules: Rule(Prefix("/foo/"))),
            HttpRoute("plain", created: T0, rules: Rule(Prefix("/foo"))));
        Assert.Equal("slash 0 0", Winner(configuration, Request("h", "/foo/bar")));
        var ignoring = new RouterOptions { PathPrefixLength = PathPrefixLength.IgnoringTrailingSlash };
        Assert.Equal("plain 0 0", Winner(configuration, Request("h", "/foo/bar"), ignoring));
    }

    [Fact]
    public void HostnameFallThrough_IsTheDefault_AndCanBeTurnedOff()
    {
        // RouterOptions.HostnameFallThrough: the precise host's routes have no matching rule.
        var configuration = OneListener(
            HttpRoute("precise", ["foo.example.com"], rules: Rule(Exact("/login"))),
            HttpRoute("wild", ["*.example.com"], rules: Rule(Prefix("/"))));
        Assert.Equal("wild 0 0", Winner(configuration, Request("foo.example.com", "/other")));
        var isolated = new RouterOptions { HostnameFallThrough = false };
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("foo.example.com", "/other"), isolated));
        Assert.Equal("precise 0 0", Winner(configuration, Request("foo.example.com", "/login"), isolated));
        Assert.Equal("wild 0 0", Winner(configuration, Request("bar.example.com", "/other"), isolated));
    }

    [Fact]
    public void PrecedenceComparer_OrdersEveryCriterion()
    {
        // The exported order is the spec's: checked on a list where each neighbour pair differs by one criterion.
        var route = HttpRoute("r", ["a.example.com"], rules:
        [
            Rule(Prefix("/")),
            Rule(Prefix("/").Query("q", "1")),
            Rule(Prefix("/").Header("h", "1")),
            Rule(Prefix("/").WithMethod("GET")),
            Rule(Prefix("/long")),
            Rule(Regex("/r")),
            Rule(Exact("/e")),
        ]);
        var router = Router.Compile(OneListener(route, HttpRoute("w", ["*.example.com"], rules: Rule(Exact("/e")))));
        var order = router.GetHttpPrecedence(Gw, "http");
        Assert.Equal(["a.example.com 6", "a.example.com 5", "a.example.com 4", "a.example.com 3", "a.example.com 2", "a.example.com 1", "a.example.com 0", "*.example.com 0"],
            order.Select(c => $"{c.Hostname} {c.RuleIndex}"));
        Assert.Equal(Enumerable.Range(0, order.Count), order.Select(c => c.Order));
        var shuffled = order.Reverse().ToList();
        shuffled.Sort(HttpRoutePrecedence.Instance);
        Assert.Equal(order, shuffled);
    }
}
