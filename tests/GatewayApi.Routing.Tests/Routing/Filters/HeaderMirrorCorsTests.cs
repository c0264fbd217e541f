using GatewayApi.Models;
using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing.Filters;

/// <summary>Header modifiers (§4.1), mirrors (§4.4), CORS (§4.5), ExtensionRef (§4.7) and unknown filters (§4.0).</summary>
public class HeaderMirrorCorsTests
{
    private static HttpRouteDecision Route(HttpRouteFilter[] filters, HttpRoutingRequest request, Random? random = null, UnusableReference[]? unusable = null)
    {
        var route = HttpRoute("r", rules: Rule("rule", [Prefix("/")], filters));
        var configuration = Gateway(Listener("l", routes: new AttachedRoute { Route = route, UnusableReferences = unusable ?? [] }));
        return Router.Compile(configuration).RouteHttp(request, random);
    }

    private static HttpRouteFilter RequestHeaders(HttpHeaderFilter filter) => new() { Type = HttpRouteFilterType.RequestHeaderModifier, RequestHeaderModifier = filter };

    [Fact]
    public void RequestHeaderModifier_SetAddRemove_ConformanceVector()
    {
        // Conformance httproute-request-header-modifier: names case-insensitive; add appends with ",".
        var filter = RequestHeaders(new HttpHeaderFilter
        {
            Set = [new HttpHeader { Name = "X-Header-Set", Value = "set-overwrites-values" }],
            Add = [new HttpHeader { Name = "X-Header-Add", Value = "add-appends-values" }],
            Remove = ["X-Header-Remove"],
        });
        var decision = Route([filter], Request("h", "/"));
        var headers = new List<KeyValuePair<string, string>>
        {
            new("x-header-set", "some-other-value"),
            new("X-Header-Add", "some-other-value"),
            new("x-header-remove", "val"),
            new("Other", "kept"),
        };
        decision.RequestHeaderModifications.ApplyTo(headers);
        Assert.Equal(
            ["X-Header-Add: some-other-value,add-appends-values", "Other: kept", "X-Header-Set: set-overwrites-values"],
            headers.Select(h => $"{h.Key}: {h.Value}"));
    }

    [Fact]
    public void ResponseHeaderModifier_IsReportedForTheResponse()
    {
        var filter = new HttpRouteFilter
        {
            Type = HttpRouteFilterType.ResponseHeaderModifier,
            ResponseHeaderModifier = new HttpHeaderFilter { Add = [new HttpHeader { Name = "X-Added", Value = "1" }] },
        };
        var decision = Route([filter], Request("h", "/"));
        Assert.Empty(decision.RequestHeaderModifications);
        Assert.Equal([new HeaderModification(HeaderModificationKind.Add, "X-Added", "1")], decision.ResponseHeaderModifications);

        // The explanation names the header and its value, so a user sees what will be sent.
        Assert.Equal("add X-Added: 1", decision.Filters.Single().Effect);
    }

    [Fact]
    public void Filters_RunInListOrder_RuleFiltersBeforeBackendFilters()
    {
        // §4.0: filters SHOULD run in list order; backendRef filters only when that backend is chosen.
        var backendFilter = RequestHeaders(new HttpHeaderFilter { Set = [new HttpHeader { Name = "x", Value = "backend" }] });
        var route = HttpRoute("r", rules: Rule("rule", [Prefix("/")],
            [RequestHeaders(new HttpHeaderFilter { Set = [new HttpHeader { Name = "x", Value = "first" }] }), RequestHeaders(new HttpHeaderFilter { Set = [new HttpHeader { Name = "x", Value = "second" }] })],
            [Backend("a", 1, filters: [backendFilter]), Backend("b", 0)]));
        var decision = Router.Compile(OneListener(route)).RouteHttp(Request("h", "/"));
        Assert.Equal(["first", "second", "backend"], decision.RequestHeaderModifications.Select(m => m.Value));
        Assert.Equal(["Rule 0", "Rule 1", "Backend 0"], decision.Filters.Select(f => $"{f.Stage} {f.Index}"));
        var headers = new List<KeyValuePair<string, string>>();
        decision.RequestHeaderModifications.ApplyTo(headers);
        Assert.Equal("backend", headers.Single().Value);
    }

    private static HttpRouteFilter Mirror(int? percent = null, Fraction? fraction = null) => new()
    {
        Type = HttpRouteFilterType.RequestMirror,
        RequestMirror = new HttpRequestMirrorFilter { BackendRef = new BackendObjectReference { Name = "mirror", Port = 80 }, Percent = percent, Fraction = fraction },
    };

    [Theory]
    // §4.4: neither percent nor fraction mirrors everything; percent 20 ~20 %; fraction 25/50 ~50 %.
    [InlineData(null, null, null, 1.0)]
    [InlineData(20, null, null, 0.2)]
    [InlineData(null, 25, 50, 0.5)]
    [InlineData(0, null, null, 0.0)]
    public void Mirror_ShareConvergesToTheConfiguredFraction(int? percent, int? numerator, int? denominator, double expected)
    {
        var random = new Random(42);
        var fraction = numerator is null ? null : new Fraction { Numerator = numerator, Denominator = denominator };
        const int requests = 5000;
        var mirrored = Enumerable.Range(0, requests).Count(_ => Route([Mirror(percent, fraction)], Request("h", "/"), random).Mirrors.Single().Mirrored);
        // 3 standard deviations of a binomial proportion, as the conformance test does.
        var tolerance = 3 * Math.Sqrt(expected * (1 - expected) / requests) + 1e-9;
        Assert.InRange(mirrored / (double)requests, expected - tolerance, expected + tolerance);
    }

    [Fact]
    public void Mirror_WithAnUnusableBackend_IsDropped_AndTheRequestProceeds()
    {
        var decision = Route([Mirror()], Request("h", "/"), unusable: [new UnusableReference { RuleIndex = 0, FilterIndex = 0, Reason = RouteConditionReason.RefNotPermitted }]);
        Assert.Empty(decision.Mirrors);
        Assert.Equal(HttpAction.Forward, decision.Action);
        Assert.StartsWith("dropped", decision.Filters.Single().Effect);
    }

    private static HttpRouteFilter Cors(HttpCorsFilter settings) => new() { Type = HttpRouteFilterType.Cors, Cors = settings };

    private static string? Header(IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
        headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();

    [Fact]
    public void CorsPreflight_IsAnsweredByTheGateway_WithTheConfiguredHeaders()
    {
        // §4.5 and worked example 10: preflight answered, never forwarded.
        var cors = Cors(new HttpCorsFilter
        {
            AllowOrigins = ["https://www.foo.com", "https://*.bar.com"],
            AllowMethods = ["GET", "OPTIONS"],
            AllowHeaders = ["x-header-1", "x-header-2"],
            ExposeHeaders = ["x-header-3"],
            MaxAge = 3600,
        });
        var decision = Route([cors], Request("h", "/", "OPTIONS", ("Origin", "https://xpto.www.bar.com"), ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "x-header-1")));
        Assert.Equal((HttpAction.Respond, 200), (decision.Action, decision.StatusCode));
        Assert.Null(decision.Backend);
        var headers = decision.Cors!.ResponseHeaders;
        Assert.Equal("https://xpto.www.bar.com", Header(headers, "Access-Control-Allow-Origin"));
        Assert.Equal("GET, OPTIONS", Header(headers, "Access-Control-Allow-Methods"));
        Assert.Equal("x-header-1, x-header-2", Header(headers, "Access-Control-Allow-Headers"));
        Assert.Equal("x-header-3", Header(headers, "Access-Control-Expose-Headers"));
        Assert.Equal("3600", Header(headers, "Access-Control-Max-Age"));
        Assert.Null(Header(headers, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public void CorsWildcards_WithCredentials_EchoTheRequestValues_ConformanceVector()
    {
        // Conformance httproute-cors: allowCredentials + "*" everywhere: echoed origin, method and headers, never "*".
        var cors = Cors(new HttpCorsFilter { AllowOrigins = ["*"], AllowMethods = ["*"], AllowHeaders = ["*"], AllowCredentials = true });
        var decision = Route([cors], Request("h", "/", "OPTIONS", ("Origin", "https://foobar.com:12345"), ("Access-Control-Request-Method", "PUT"), ("Access-Control-Request-Headers", "x-header-1, x-header-2")));
        var headers = decision.Cors!.ResponseHeaders;
        Assert.Equal("https://foobar.com:12345", Header(headers, "Access-Control-Allow-Origin"));
        Assert.Equal("PUT", Header(headers, "Access-Control-Allow-Methods"));
        Assert.Equal("x-header-1, x-header-2", Header(headers, "Access-Control-Allow-Headers"));
        Assert.Equal("true", Header(headers, "Access-Control-Allow-Credentials"));
        Assert.Equal("5", Header(headers, "Access-Control-Max-Age"));
    }

    [Fact]
    public void CorsWildcards_WithoutCredentials_MayAnswerStar_AndNeverSendCredentials()
    {
        var cors = Cors(new HttpCorsFilter { AllowOrigins = ["*"], AllowMethods = ["*"], AllowHeaders = ["*"] });
        var headers = Route([cors], Request("h", "/", "OPTIONS", ("Origin", "https://a.com"), ("Access-Control-Request-Method", "PUT"))).Cors!.ResponseHeaders;
        Assert.Equal("*", Header(headers, "Access-Control-Allow-Origin"));
        Assert.Equal("*", Header(headers, "Access-Control-Allow-Methods"));
        Assert.Null(Header(headers, "Access-Control-Allow-Headers"));
        Assert.Null(Header(headers, "Access-Control-Allow-Credentials"));
    }

    [Theory]
    // Origin matching: scheme must match; *. covers one or more labels; a missing port is the scheme default (R14).
    [InlineData("https://www.bar.com", true)]
    [InlineData("https://a.b.bar.com", true)]
    [InlineData("https://bar.com", false)]
    [InlineData("http://www.bar.com", false)]
    [InlineData("https://www.bar.com:443", true)]
    [InlineData("https://www.bar.com:8443", false)]
    [InlineData("http://exact.com", true)]
    [InlineData("http://exact.com:80", true)]
    [InlineData("null", false)]
    public void CorsOrigin_Matching(string origin, bool allowed)
    {
        var cors = Cors(new HttpCorsFilter { AllowOrigins = ["https://*.bar.com", "http://exact.com"], AllowMethods = ["GET"] });
        var decision = Route([cors], Request("h", "/", "OPTIONS", ("Origin", origin), ("Access-Control-Request-Method", "GET")));
        Assert.Equal(allowed, decision.Cors!.OriginAllowed);
        Assert.Equal(allowed, Header(decision.Cors.ResponseHeaders, "Access-Control-Allow-Origin") is not null);
        Assert.Equal(HttpAction.Respond, decision.Action);
    }

    [Fact]
    public void CorsActualRequest_IsForwarded_WithOriginHeadersOnTheResponse()
    {
        var cors = Cors(new HttpCorsFilter { AllowOrigins = ["https://a.com"], AllowCredentials = true, ExposeHeaders = ["x-id"] });
        var decision = Route([cors], Request("h", "/", "GET", ("Origin", "https://a.com")));
        Assert.Equal(HttpAction.Forward, decision.Action);
        Assert.Contains(new HeaderModification(HeaderModificationKind.Set, "Access-Control-Allow-Origin", "https://a.com"), decision.ResponseHeaderModifications);
        Assert.Contains(new HeaderModification(HeaderModificationKind.Set, "Access-Control-Allow-Credentials", "true"), decision.ResponseHeaderModifications);
        Assert.Contains(new HeaderModification(HeaderModificationKind.Set, "Access-Control-Expose-Headers", "x-id"), decision.ResponseHeaderModifications);
        var disallowed = Route([cors], Request("h", "/", "GET", ("Origin", "https://b.com")));
        Assert.Equal(HttpAction.Forward, disallowed.Action);
        Assert.DoesNotContain(disallowed.ResponseHeaderModifications, m => m.Name.StartsWith("Access-Control-", StringComparison.Ordinal));
    }

    [Theory]
    // The answer depends on Origin unless every origin gets "*": then responses must say Vary: Origin, also to a
    // disallowed origin and to requests without Origin, or a shared cache hands one origin's answer to another.
    [InlineData(new[] { "https://a.com" }, false, true)]
    [InlineData(new[] { "https://*.a.com" }, false, true)]
    [InlineData(new[] { "*" }, true, true)]   // credentials: the origin is echoed
    [InlineData(new[] { "*" }, false, false)] // "*" for everyone: nothing varies
    public void CorsResponses_SayVaryOrigin_ExactlyWhenTheAnswerDependsOnTheOrigin(string[] origins, bool credentials, bool varies)
    {
        var cors = Cors(new HttpCorsFilter { AllowOrigins = origins, AllowCredentials = credentials, AllowMethods = ["GET", "PUT"] });
        static bool HasVaryOrigin(IEnumerable<HeaderModification> modifications) =>
            modifications.Any(m => m is { Kind: HeaderModificationKind.Add, Name: "Vary", Value: "Origin" });

        foreach (var origin in new[] { "https://x.a.com", "https://a.com", "https://other.org" })
        {
            var actual = Route([cors], Request("h", "/", "GET", ("Origin", origin)));
            Assert.Equal(varies, HasVaryOrigin(actual.ResponseHeaderModifications));
            Assert.DoesNotContain(actual.ResponseHeaderModifications, m => m.Name == "Vary" && m.Kind == HeaderModificationKind.Set); // appended, never replacing the backend's

            var preflight = Route([cors], Request("h", "/", "OPTIONS", ("Origin", origin), ("Access-Control-Request-Method", "PUT")));
            Assert.Equal(HttpAction.Respond, preflight.Action);
            Assert.Equal(varies, Header(preflight.Cors!.ResponseHeaders, "Vary") == "Origin");
        }

        // A request without Origin is not a CORS request, but its cached answer must not serve CORS requests.
        var plain = Route([cors], Request("h", "/"));
        Assert.Null(plain.Cors);
        Assert.Equal(varies, HasVaryOrigin(plain.ResponseHeaderModifications));
    }

    [Fact]
    public void CorsPreflight_EchoingRequestedMethodAndHeaders_VariesByThemToo()
    {
        var cors = Cors(new HttpCorsFilter { AllowOrigins = ["*"], AllowMethods = ["*"], AllowHeaders = ["*"], AllowCredentials = true });
        var decision = Route([cors], Request("h", "/", "OPTIONS", ("Origin", "https://a.com"), ("Access-Control-Request-Method", "PUT"), ("Access-Control-Request-Headers", "x-a")));
        Assert.Equal("Origin, Access-Control-Request-Method, Access-Control-Request-Headers", Header(decision.Cors!.ResponseHeaders, "Vary"));

        var fixedLists = Cors(new HttpCorsFilter { AllowOrigins = ["https://a.com"], AllowMethods = ["PUT"], AllowHeaders = ["x-a"] });
        Assert.Equal("Origin", Header(Route([fixedLists], Request("h", "/", "OPTIONS", ("Origin", "https://a.com"), ("Access-Control-Request-Method", "PUT"), ("Access-Control-Request-Headers", "x-a"))).Cors!.ResponseHeaders, "Vary"));
    }

    [Fact]
    public void CorsCredentialedRequest_WithoutAllowCredentials_GetsNoCorsHeaders()
    {
        // GEP-1767 wildcard resolution: with credentials not allowed, no CORS headers on a credentialed request.
        var cors = Cors(new HttpCorsFilter { AllowOrigins = ["*"] });
        var decision = Route([cors], Request("h", "/", "GET", ("Origin", "https://a.com"), ("Cookie", "s=1")));
        Assert.Empty(decision.ResponseHeaderModifications);
        Assert.Equal(HttpAction.Forward, decision.Action);
    }

    [Fact]
    public void NonCorsRequests_AreUntouchedByTheCorsFilter()
    {
        var cors = Cors(new HttpCorsFilter { AllowOrigins = ["*"] });
        var decision = Route([cors], Request("h", "/", "OPTIONS"));
        Assert.Null(decision.Cors);
        Assert.Equal(HttpAction.Forward, decision.Action);
    }

    [Fact]
    public void ExtensionRef_IsSurfaced_AndAnUnresolvableOneAnswers500()
    {
        // §4.7 and §4.0: a custom filter that cannot be resolved must not be skipped (R9: 500).
        var extension = new HttpRouteFilter { Type = HttpRouteFilterType.ExtensionRef, ExtensionRef = new LocalObjectReference { Group = "example.com", Kind = "RateLimit", Name = "tight" } };
        var decision = Route([extension], Request("h", "/"));
        Assert.Equal(HttpAction.Forward, decision.Action);
        Assert.Equal(new FilterReference("example.com", "RateLimit", "tight", "default", FilterStage.Rule), decision.ExtensionRefs.Single());
        var broken = Route([extension], Request("h", "/"), unusable: [new UnusableReference { RuleIndex = 0, FilterIndex = 0, Reason = RouteConditionReason.InvalidKind }]);
        Assert.Equal((HttpAction.Respond, 500), (broken.Action, broken.StatusCode));
    }

    [Fact]
    public void UnknownFilterType_Answers500_InsteadOfBeingSkipped()
    {
        var decision = Route([new HttpRouteFilter { Type = "example.com/Magic" }], Request("h", "/"));
        Assert.Equal((HttpAction.Respond, 500), (decision.Action, decision.StatusCode));
    }

    [Fact]
    public void ExternalAuth_IsSurfaced_AndFailsClosedWhenUnusable()
    {
        var auth = new HttpRouteFilter
        {
            Type = HttpRouteFilterType.ExternalAuth,
            ExternalAuth = new HttpExternalAuthFilter { Protocol = HttpRouteExternalAuthProtocol.Http, BackendRef = new BackendObjectReference { Name = "auth", Port = 9000 } },
        };
        Assert.Equal("auth", Route([auth], Request("h", "/")).ExternalAuth.Single().Backend.Name);
        var broken = Route([auth], Request("h", "/"), unusable: [new UnusableReference { RuleIndex = 0, FilterIndex = 0 }]);
        Assert.Equal(500, broken.StatusCode);
    }
}
