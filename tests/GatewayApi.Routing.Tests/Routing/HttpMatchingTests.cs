using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>The match predicates of routing-semantics.md §2.1, each checked on both routers.</summary>
public class HttpMatchingTests
{
    private static string Route(string path, params Models.HttpRouteMatch[] matches) =>
        Winner(OneListener(HttpRoute("r", rules: Rule(matches))), Request("example.com", path));

    [Theory]
    // §2.1 and worked example 5: element-wise prefix, so /foo matches /foo, /foo/, /foo/bar, never /foobar.
    [InlineData("/foo", "/foo", true)]
    [InlineData("/foo", "/foo/", true)]
    [InlineData("/foo", "/foo/bar", true)]
    [InlineData("/foo", "/foobar", false)]
    [InlineData("/foo/", "/foo", true)]
    [InlineData("/foo/", "/foo/", true)]
    [InlineData("/foo/", "/foo/bar", true)]
    [InlineData("/foo/", "/foobar", false)]
    [InlineData("/", "/anything/at/all", true)]
    [InlineData("/v2", "/v2example", false)]
    [InlineData("/v2", "/foo/v2/example", false)]
    [InlineData("/v2", "/V2", false)]
    [InlineData("/v2", "/v2?x=/v3", true)]
    public void PathPrefix_MatchesWholeSegmentsOnly_CaseSensitively(string prefix, string path, bool matches)
    {
        Assert.Equal(matches ? "r 0 0" : "NoMatchingRule", Route(path, Prefix(prefix)));
    }

    [Theory]
    // Conformance httproute-exact-path-matching: Exact /one matches /one only.
    [InlineData("/one", true)]
    [InlineData("/", false)]
    [InlineData("/one/example", false)]
    [InlineData("/one/", false)]
    [InlineData("/two/", false)]
    [InlineData("/Two", false)]
    [InlineData("/ONE", false)]
    [InlineData("/one?query=1", true)]
    public void ExactPath_IsByteForByteAndCaseSensitive(string path, bool matches)
    {
        Assert.Equal(matches ? "r 0 0" : "NoMatchingRule", Route(path, Exact("/one")));
    }

    [Fact]
    public void RuleWithoutMatches_MatchesEveryRequest()
    {
        // §2.1: absent or empty matches default to PathPrefix "/".
        var route = HttpRoute("r", rules: Rule());
        Assert.Equal("r 0 0", Winner(OneListener(route), Request("a.example", "/x/y")));
        route.Spec.Rules![0].Matches = [];
        Assert.Equal("r 0 0", Winner(OneListener(route), Request("a.example", "/x/y")));
    }

    [Fact]
    public void RouteWithoutRules_GetsTheDefaultRule_WhichHasNoBackendAndAnswers500()
    {
        // The CRD defaults absent rules to one PathPrefix "/" rule; without backendRefs it answers 500 (§7).
        var route = HttpRoute("r");
        route.Spec.Rules = null;
        var configuration = OneListener(route);
        Assert.Equal("r 0 0", Winner(configuration, Request("a.example", "/x")));
        var decision = Router.Compile(configuration).RouteHttp(Request("a.example", "/x"));
        Assert.Equal((HttpAction.Respond, 500), (decision.Action, decision.StatusCode));
    }

    [Fact]
    public void HeaderNames_CompareWithoutCase_ValuesExactly()
    {
        // §2.1 Headers: names case-insensitive; Exact values compared as written (R4).
        var configuration = OneListener(HttpRoute("r", rules: Rule(HeadersOnly(("Version", "Two")))));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/", "GET", ("version", "Two"))));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/", "GET", ("VERSION", "Two"))));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/", "GET", ("version", "two"))));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/")));
    }

    [Fact]
    public void DuplicateHeaderConditions_OnlyTheFirstCounts()
    {
        // §2.1: several entries naming one header case-insensitively: only the first counts.
        var match = HeadersOnly(("x-env", "prod"), ("X-Env", "dev"));
        var configuration = OneListener(HttpRoute("r", rules: Rule(match)));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/", "GET", ("x-env", "prod"))));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/", "GET", ("x-env", "dev"))));
    }

    [Fact]
    public void RepeatedRequestHeaders_AreJoinedWithCommas()
    {
        // §2.1: repeated headers SHOULD follow RFC 7230 §3.2.2 (combined with commas).
        var configuration = OneListener(HttpRoute("r", rules: Rule(HeadersOnly(("x-tag", "a,b")))));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/", "GET", ("x-tag", "a"), ("X-Tag", "b"))));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/", "GET", ("x-tag", "a"))));
    }

    [Fact]
    public void RepeatedCookieLines_AreJoinedWithSemicolons_NotCommas()
    {
        // Cookie is not a comma list (RFC 6265 §5.4); HTTP/2 splits it into crumbs that are joined with "; " (RFC 9113
        // §8.2.3), so a proxy passing crumbs as repeated headers still matches the HTTP/1.1 value.
        var exact = OneListener(HttpRoute("r", rules: Rule(HeadersOnly(("cookie", "a=1; b=2")))));
        Assert.Equal("r 0 0", Winner(exact, Request("h", "/", "GET", ("cookie", "a=1"), ("Cookie", "b=2"))));
        Assert.Equal("NoMatchingRule", Winner(exact, Request("h", "/", "GET", ("cookie", "a=1"), ("cookie", "b=2; c=3"))));
        var regex = OneListener(HttpRoute("r", rules: Rule(new Models.HttpRouteMatch().Header("Cookie", "a=1; b=.*", regex: true))));
        Assert.Equal("r 0 0", Winner(regex, Request("h", "/", "GET", ("cookie", "a=1"), ("cookie", "b=2"))));
        Assert.Equal("NoMatchingRule", Winner(regex, Request("h", "/", "GET", ("cookie", "a=1,b=2"))));
    }

    [Fact]
    public void RepeatedHeaders_WithAnEmptyFirstLine_KeepTheSeparator()
    {
        // The joined value of ("x-tag", ""), ("x-tag", "b") is ",b" for exact and regular-expression matches alike.
        var exact = OneListener(HttpRoute("r", rules: Rule(HeadersOnly(("x-tag", ",b")))));
        Assert.Equal("r 0 0", Winner(exact, Request("h", "/", "GET", ("x-tag", ""), ("x-tag", "b"))));
        var regex = OneListener(HttpRoute("r", rules: Rule(new Models.HttpRouteMatch().Header("x-tag", ",b", regex: true))));
        Assert.Equal("r 0 0", Winner(regex, Request("h", "/", "GET", ("x-tag", ""), ("x-tag", "b"))));
    }

    [Fact]
    public void HeaderIndexedBuckets_JoinRepeatedLinesLikeTheMatchers()
    {
        // 21 rules pinning x-tenant (enough for the header-indexed bucket): the lookup key for repeated lines must be
        // the same joined value the conditions compare, also with an empty first line and for Cookie crumbs.
        var rules = Enumerable.Range(0, 20).Select(i => Rule(HeadersOnly(("x-tenant", "t" + i))))
            .Append(Rule(HeadersOnly(("x-tenant", ",t3"))))
            .ToArray();
        var configuration = OneListener(HttpRoute("r", rules: rules));
        Assert.Equal("r 20 0", Winner(configuration, Request("h", "/", "GET", ("x-tenant", ""), ("x-tenant", "t3"))));
        Assert.Equal("r 3 0", Winner(configuration, Request("h", "/", "GET", ("x-tenant", "t3"))));

        var cookies = OneListener(HttpRoute("c", rules: [.. Enumerable.Range(0, 20).Select(i => Rule(HeadersOnly(("cookie", $"a={i}; b=1"))))]));
        Assert.Equal("c 7 0", Winner(cookies, Request("h", "/", "GET", ("cookie", "a=7"), ("cookie", "b=1"))));
    }

    [Fact]
    public void HeaderRegularExpression_MatchesTheWholeValueByDefault()
    {
        var configuration = OneListener(HttpRoute("r", rules: Rule(new Models.HttpRouteMatch().Header("x-id", "[0-9]+", regex: true))));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/", "GET", ("x-id", "123"))));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/", "GET", ("x-id", "a123"))));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/", "GET", ("x-id", "a123")), new RouterOptions { RegularExpressionMatchesWholeValue = false }));
    }

    [Fact]
    public void QueryParameters_NamesExact_FirstOccurrenceWins_PercentDecoded()
    {
        // §2.1 Query parameters: exact, case-sensitive names; the first value of a repeated parameter is used.
        var configuration = OneListener(HttpRoute("r", rules: Rule(Prefix("/").Query("animal", "whale"))));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/?animal=whale")));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/?x=1&animal=whale&animal=dolphin")));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/?animal=dolphin&animal=whale")));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/?Animal=whale")));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/?anim%61l=wh%61le")));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/whale")));
    }

    [Fact]
    public void Method_MustEqualTheRequestMethod()
    {
        // §2.1 Method: the request method equals the upper-case enum value.
        var configuration = OneListener(HttpRoute("r", rules: Rule(Prefix("/").WithMethod("POST"))));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/", "POST")));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/", "GET")));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/", "post")));
    }

    [Fact]
    public void AllConditionsOfOneMatch_MustHold_AndAnyMatchOfARule_Suffices()
    {
        // §2.1: within a match all predicates AND; the rule matches if any of its matches holds.
        var both = Prefix("/api").Header("x-a", "1").Query("q", "2").WithMethod("PUT");
        var configuration = OneListener(HttpRoute("r", rules: Rule(both, Exact("/health"))));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/api/x?q=2", "PUT", ("x-a", "1"))));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/api/x?q=2", "PUT")));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/api/x", "PUT", ("x-a", "1"))));
        Assert.Equal("r 0 1", Winner(configuration, Request("h", "/health")));
    }

    [Fact]
    public void RegularExpressionPath_IsAnchoredAndCaseSensitive()
    {
        var configuration = OneListener(HttpRoute("r", rules: Rule(Regex("/users/[0-9]+"))));
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/users/42")));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/users/42/posts")));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/Users/42")));
    }

    [Fact]
    public void CatastrophicPattern_RunsInLinearTime()
    {
        // The non-backtracking engine: (a+)+$ against a long run of 'a' followed by '!' would take exponential time
        // in a backtracking engine.
        var configuration = OneListener(HttpRoute("r", rules: Rule(Regex("/(a+)+$"))));
        var router = Router.Compile(configuration);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = router.MatchHttp(Request("h", "/" + new string('a', 5000) + "!"));
        Assert.Equal(RoutingResult.NoMatchingRule, result.Result);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void UnsupportedPattern_NeverMatches_AndDoesNotBreakOtherRoutes()
    {
        // Backreferences cannot run without backtracking: such a match never matches (the status engine should
        // reject it; the router must not crash).
        var configuration = OneListener(HttpRoute("bad", rules: Rule(Regex(@"/(a)\1"))), HttpRoute("good", created: T0.AddDays(1), rules: Rule(Prefix("/"))));
        Assert.Equal("good 0 0", Winner(configuration, Request("h", "/aa")));
    }

    [Fact]
    public void RegularExpressionInput_IsBounded()
    {
        var configuration = OneListener(HttpRoute("r", rules: Rule(Regex("/.*"))));
        var options = new RouterOptions { MaxRegularExpressionInputLength = 10 };
        Assert.Equal("r 0 0", Winner(configuration, Request("h", "/123456789"), options));
        Assert.Equal("NoMatchingRule", Winner(configuration, Request("h", "/1234567890"), options));
    }

    [Fact]
    public void UnknownMatchType_NeverMatches()
    {
        var match = new Models.HttpRouteMatch { Path = new Models.HttpPathMatch { Type = "Glob", Value = "/*" } };
        Assert.Equal("NoMatchingRule", Winner(OneListener(HttpRoute("r", rules: Rule(match))), Request("h", "/x")));
    }

    [Fact]
    public void EmptyPath_IsRoot()
    {
        Assert.Equal("r 0 0", Winner(OneListener(HttpRoute("r", rules: Rule(Exact("/")))), Request("h", "?q=1")));
    }
}
