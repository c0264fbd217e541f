using GatewayApi.Models;
using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing.Filters;

/// <summary>RequestRedirect (§4.2) and URLRewrite with the path modifier (§4.3).</summary>
public class RedirectAndRewriteTests
{
    private static HttpRouteFilter Redirect(string? scheme = null, string? hostname = null, int? port = null, int? status = null, HttpPathModifier? path = null) => new()
    {
        Type = HttpRouteFilterType.RequestRedirect,
        RequestRedirect = new HttpRequestRedirectFilter { Scheme = scheme is null ? (HttpRedirectScheme?)null : new HttpRedirectScheme(scheme), Hostname = hostname, Port = port, StatusCode = status, Path = path },
    };

    private static HttpRouteFilter Rewrite(string? hostname = null, HttpPathModifier? path = null) => new()
    {
        Type = HttpRouteFilterType.UrlRewrite,
        UrlRewrite = new HttpUrlRewriteFilter { Hostname = hostname, Path = path },
    };

    private static HttpPathModifier FullPath(string value) => new() { Type = HttpPathModifierType.ReplaceFullPath, ReplaceFullPath = value };

    private static HttpPathModifier PrefixPath(string value) => new() { Type = HttpPathModifierType.ReplacePrefixMatch, ReplacePrefixMatch = value };

    private static HttpRouteDecision Route(HttpRouteMatch match, HttpRouteFilter filter, HttpRoutingRequest request, int listenerPort = 80, string protocol = "HTTP")
    {
        var route = HttpRoute("r", rules: Rule("rule", [match], [filter], filter.Type == HttpRouteFilterType.RequestRedirect ? [] : null));
        var configuration = Gateway(Listener("l", listenerPort, protocol, null, Attach(route)));
        return Router.Compile(configuration).RouteHttp(request with { Port = listenerPort });
    }

    [Theory]
    // Conformance httproute-redirect-port-and-scheme (hostname example.org in every case).
    [InlineData(80, "http", null, null, "http://example.org/x")]
    [InlineData(80, "http", null, 80, "http://example.org/x")]
    [InlineData(80, "http", null, 8080, "http://example.org:8080/x")]
    [InlineData(80, "http", "https", null, "https://example.org/x")]
    [InlineData(80, "http", "https", 443, "https://example.org/x")]
    [InlineData(80, "http", "https", 8443, "https://example.org:8443/x")]
    [InlineData(8080, "http", null, null, "http://example.org:8080/x")]
    [InlineData(8080, "http", null, 80, "http://example.org/x")]
    [InlineData(8080, "http", "https", null, "https://example.org/x")]
    [InlineData(443, "https", null, null, "https://example.org/x")]
    [InlineData(443, "https", null, 8443, "https://example.org:8443/x")]
    [InlineData(443, "https", "http", null, "http://example.org/x")]
    [InlineData(443, "https", "http", 8080, "http://example.org:8080/x")]
    public void RedirectLocation_PortAndScheme_ConformanceVectors(int listenerPort, string requestScheme, string? scheme, int? port, string location)
    {
        var request = Request("redirect.example:" + listenerPort, "/x") with { Scheme = requestScheme, ServerName = requestScheme == "https" ? "redirect.example" : null };
        var decision = Route(Prefix("/"), Redirect(scheme, "example.org", port), request, listenerPort, requestScheme.ToUpperInvariant());
        Assert.Equal((HttpAction.Redirect, 302, location), (decision.Action, decision.StatusCode, decision.Location));
    }

    [Fact]
    public void Redirect_KeepsHostWithoutPort_AndQuery_AndUsesTheStatusCode()
    {
        // §4.2: hostname defaults to the request host (without its port); query kept (R11); statusCode as configured.
        var decision = Route(Prefix("/"), Redirect(status: 301), Request("shop.example:80", "/cart?id=7"));
        Assert.Equal((HttpAction.Redirect, 301, "http://shop.example/cart?id=7"), (decision.Action, decision.StatusCode, decision.Location));
    }

    [Theory]
    // Conformance httproute-redirect-path.
    [InlineData("/original-prefix", "/replacement-prefix", "/original-prefix/lemon", "http://h/replacement-prefix/lemon")]
    [InlineData("/original-prefix", "/", "/original-prefix/lemon", "http://h/lemon")]
    [InlineData("/original-prefix", "/replacement-prefix", "/original-prefix", "http://h/replacement-prefix")]
    public void RedirectPath_ReplacePrefixMatch(string prefix, string replacement, string path, string location)
    {
        Assert.Equal(location, Route(Prefix(prefix), Redirect(path: PrefixPath(replacement)), Request("h", path)).Location);
    }

    [Fact]
    public void RedirectPath_ReplaceFullPath()
    {
        Assert.Equal("http://h/full-path-replacement", Route(Prefix("/full"), Redirect(path: FullPath("/full-path-replacement")), Request("h", "/full/path/original")).Location);
    }

    [Theory]
    // The table of HTTPPathModifier.ReplacePrefixMatch in httproute_types.go, plus conformance httproute-rewrite-path.
    [InlineData("/foo/bar", "/foo", "/xyz", "/xyz/bar")]
    [InlineData("/foo/bar", "/foo", "/xyz/", "/xyz/bar")]
    [InlineData("/foo/bar", "/foo/", "/xyz", "/xyz/bar")]
    [InlineData("/foo/bar", "/foo/", "/xyz/", "/xyz/bar")]
    [InlineData("/foo", "/foo", "/xyz", "/xyz")]
    [InlineData("/foo/", "/foo", "/xyz", "/xyz/")]
    [InlineData("/foo/bar", "/foo", "", "/bar")]
    [InlineData("/foo/", "/foo", "", "/")]
    [InlineData("/foo", "/foo", "", "/")]
    [InlineData("/foo/", "/foo", "/", "/")]
    [InlineData("/foo", "/foo", "/", "/")]
    [InlineData("/prefix/one/two", "/prefix/one", "/one", "/one/two")]
    [InlineData("/strip-prefix/three", "/strip-prefix", "/", "/three")]
    [InlineData("/strip-prefix", "/strip-prefix", "/", "/")]
    // Worked example 6 and the unspecified "/" prefix with a non-empty replacement (R12).
    [InlineData("/app", "/app", "/", "/")]
    [InlineData("/app/x", "/app", "/", "/x")]
    [InlineData("/app/", "/app", "/", "/")]
    [InlineData("/", "/", "/api", "/api/")]
    [InlineData("/foo", "/", "/api", "/api/foo")]
    public void ReplacePrefixMatch_SpecTable(string path, string prefix, string replacement, string expected)
    {
        var decision = Route(Prefix(prefix), Rewrite(path: PrefixPath(replacement)), Request("h", path));
        Assert.Equal((HttpAction.Forward, expected), (decision.Action, decision.Path));
    }

    [Fact]
    public void Rewrite_KeepsTheQuery_AndMatchingUsesTheOriginalPath()
    {
        var decision = Route(Prefix("/api"), Rewrite(path: PrefixPath("/v2")), Request("h", "/api/users?page=2"));
        Assert.Equal("/v2/users?page=2", decision.Path);
        Assert.Equal(0, decision.MatchIndex);
    }

    [Fact]
    public void ReplaceFullPath_ReplacesTheWholePath()
    {
        // Conformance httproute-rewrite-path: /full/one/two with ReplaceFullPath /one -> /one.
        Assert.Equal("/one", Route(Prefix("/full"), Rewrite(path: FullPath("/one")), Request("h", "/full/one/two")).Path);
    }

    [Fact]
    public void RewriteHostname_ChangesTheHostSentToTheBackend()
    {
        // Conformance httproute-rewrite-host: Host rewrite.example -> backend sees one.example.org.
        var decision = Route(Prefix("/"), Rewrite(hostname: "one.example.org"), Request("rewrite.example", "/one"));
        Assert.Equal(("one.example.org", "/one"), (decision.Host, decision.Path));
    }

    [Fact]
    public void ReplacePrefixMatch_WithAnExactMatch_IsAnError()
    {
        // CEL R23/R25 make this unrepresentable; if it arrives anyway the request is answered 500, not mis-rewritten.
        var decision = Route(Exact("/foo"), Rewrite(path: PrefixPath("/bar")), Request("h", "/foo"));
        Assert.Equal((HttpAction.Respond, 500), (decision.Action, decision.StatusCode));
    }

    [Fact]
    public void RedirectAnswers_WithoutABackend()
    {
        // A rule whose filters answer needs no backend (§7).
        var decision = Route(Prefix("/"), Redirect(hostname: "example.org"), Request("h", "/"));
        Assert.Null(decision.Backend);
        Assert.Equal(HttpAction.Redirect, decision.Action);
    }

    [Fact]
    public void Redirect_FromAnHttpsListenerWithoutPortOrScheme_OmitsThePort()
    {
        // Worked example 7.
        var request = Https("h", "h", "/p") with { ServerName = null };
        Assert.Equal("https://example.org/p", Route(Prefix("/"), Redirect(hostname: "example.org"), request, 443, "HTTPS").Location);
    }
}
