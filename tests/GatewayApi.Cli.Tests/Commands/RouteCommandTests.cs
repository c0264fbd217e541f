using System.Text.Json;
using GatewayApi.Cli.Tests.TestSupport;

namespace GatewayApi.Cli.Tests.Commands;

public sealed class RouteCommandTests
{
    private static GwapiRun Route(params string[] args) => Gwapi.Run(["route", "-f", RepoPaths.Examples, .. args]);

    private static string Field(GwapiRun run, string label)
    {
        var line = run.OutLines.FirstOrDefault(l => l.StartsWith(label.PadRight(10), StringComparison.Ordinal));
        Assert.True(line is not null, $"no '{label}' line in\n{run}");
        return line![10..];
    }

    [Fact]
    public void PathPrefix_GoesToTheWeightedSplit()
    {
        var run = Route("--gateway", "infra/shared-gateway", "GET https://shop.example.com/products/42", "--seed", "7");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("https", Field(run, "listener"));
        Assert.Equal("HTTPRoute shop/storefront (via hostname shop.example.com)", Field(run, "route"));
        Assert.Equal("1 (web)", Field(run, "rule"));
        Assert.Equal("0: path PathPrefix /", Field(run, "match"));
        Assert.Matches(@"^Service shop/storefront(-canary)?:8080 \(weight (90|10) of 100\)$", Field(run, "backend"));
        Assert.Equal("GET /products/42", Field(run, "upstream"));
        Assert.StartsWith("7 ", Field(run, "seed"));
    }

    [Fact]
    public void CanarySplit_FollowsTheWeights_AndTheSeedRepeatsTheChoice()
    {
        var canary = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var run = Route("-g", "infra/shared-gateway", "https://shop.example.com/", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", "json");
            using var document = JsonDocument.Parse(run.Out);
            if (document.RootElement.GetProperty("backend").GetProperty("name").GetString() == "storefront-canary")
            {
                canary++;
            }
        }

        // 10% of 200 = 20 expected; 5 sigma of a binomial(200, 0.1) is about 21.
        Assert.InRange(canary, 1, 45);
        Assert.Equal(Route("-g", "infra/shared-gateway", "https://shop.example.com/", "--seed", "11").Out, Route("-g", "infra/shared-gateway", "https://shop.example.com/", "--seed", "11").Out);
    }

    [Fact]
    public void HeaderMatch_OptsIntoTheCanary()
    {
        var run = Route("-g", "infra/shared-gateway", "GET https://shop.example.com/products", "-H", "x-canary: always");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("0 (canary-opt-in)", Field(run, "rule"));
        // The API server defaults a match without a path to PathPrefix /, and so does gwapi.
        Assert.Equal("0: path PathPrefix /, header x-canary = always", Field(run, "match"));
        Assert.Equal("forward to Service shop/storefront-canary:8080", Field(run, "result"));
    }

    [Fact]
    public void MethodMatch_AndRequestHeaderModifier_ReachTheUpstreamRequest()
    {
        var post = Route("-g", "infra/shared-gateway", "POST", "https://shop.example.com/cart/items");
        var get = Route("-g", "infra/shared-gateway", "GET", "https://shop.example.com/cart/items");

        Assert.Equal("2 (cart)", Field(post, "rule"));
        Assert.Equal("0: path PathPrefix /cart, method POST", Field(post, "match"));
        Assert.Contains("rule filter 0 RequestHeaderModifier", Field(post, "filters"));
        Assert.Contains("          x-shop-channel: web", post.OutLines);
        Assert.Equal("1 (web)", Field(get, "rule"));
    }

    [Fact]
    public void QueryMatch_SelectsThePreviewRule()
    {
        var run = Route("-g", "infra/shared-gateway", "GET https://shop.example.com/products?preview=true");

        Assert.Equal("3 (preview)", Field(run, "rule"));
        Assert.Equal("0: path PathPrefix /, query preview = true", Field(run, "match"));
        Assert.Equal("GET /products?preview=true", Field(run, "upstream"));
    }

    [Fact]
    public void UrlRewrite_ChangesTheUpstreamPath()
    {
        var run = Route("-g", "infra/shared-gateway", "GET https://shop.example.com/old-shop/shoes?size=9");

        Assert.Equal("4 (old-shop)", Field(run, "rule"));
        Assert.Equal("GET /shoes?size=9", Field(run, "upstream"));
    }

    [Fact]
    public void Redirects_GiveTheStatusAndLocation()
    {
        var sale = Route("-g", "infra/shared-gateway", "GET https://shop.example.com/sale");
        var http = Route("-g", "infra/shared-gateway", "GET http://shop.example.com/a/b?c=d");

        Assert.Equal(0, sale.ExitCode);
        Assert.Equal("redirect 302", Field(sale, "result"));
        Assert.Contains("          location: https://deals.example.com/summer", sale.OutLines);
        Assert.Equal("http", Field(http, "listener"));
        Assert.Equal("redirect 301", Field(http, "result"));
        Assert.Contains("          location: https://shop.example.com/a/b?c=d", http.OutLines);
    }

    [Fact]
    public void BackendWithoutReferenceGrant_IsAnswered500_ExitOne()
    {
        var run = Route("-g", "infra/shared-gateway", "GET https://api.example.com/v1/carts/7");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("Service shop/cart:8080 (weight 1 of 1): unusable (RefNotPermitted), its share is answered 500", Field(run, "backend"));
        Assert.Equal("respond 500 (RefNotPermitted)", Field(run, "result"));
    }

    [Fact]
    public void GrantedCrossNamespaceBackend_IsForwarded()
    {
        var run = Route("-g", "infra/shared-gateway", "POST https://api.example.com/v1/charges", "-H", "x-api-version: 2");
        var v1 = Route("-g", "infra/shared-gateway", "GET https://api.example.com/v1/charges");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("1 (charges-v2)", Field(run, "rule"));
        Assert.Equal("forward to Service risk/fraud-check:8080", Field(run, "result"));
        Assert.Equal("0 (charges)", Field(v1, "rule"));
        Assert.Equal("1: path PathPrefix /v1/charges, method GET", Field(v1, "match"));
    }

    [Fact]
    public void NothingMatches_ExitOne()
    {
        var otherHost = Route("-g", "infra/shared-gateway", "GET https://unknown.example.org/");
        var otherPath = Route("-g", "infra/shared-gateway", "GET https://api.example.com/v2/other");
        var otherPort = Route("-g", "infra/shared-gateway", "--port", "8443", "GET https://api.example.com/v1/charges");

        Assert.True(otherHost.ExitCode == 1, otherHost.ToString());
        Assert.Equal("respond 404 (NoListenerForHostname)", Field(otherHost, "result"));
        Assert.Equal(1, otherPath.ExitCode);
        Assert.Equal("respond 404 (NoMatchingRule)", Field(otherPath, "result"));
        Assert.Equal(1, otherPort.ExitCode);
        Assert.StartsWith("respond 404", Field(otherPort, "result"));
        Assert.Contains("port 8443 (--port)", Field(otherPort, "gateway"));
    }

    [Fact]
    public void Listener_ChoosesItsPort_AndSaysWhenAnotherAnswers()
    {
        var partners = Route("-g", "infra/shared-gateway", "--listener", "https-partners", "GET https://pay.partners.example.net/v1/charges");
        var other = Route("-g", "infra/shared-gateway", "--listener", "https-partners", "GET https://shop.example.com/");

        Assert.Equal("https-partners", Field(partners, "listener"));
        Assert.Equal("HTTPRoute payments/payments-api (via hostname pay.partners.example.net)", Field(partners, "route"));
        Assert.Contains("port 443 of listener 'https-partners'", Field(partners, "gateway"));
        Assert.Equal("https", Field(other, "listener"));
        Assert.Contains("listener 'https' answered, not 'https-partners'", Field(other, "note"));
    }

    [Fact]
    public void Explain_ListsEveryCandidateAndWhyItLost()
    {
        var run = Route("-g", "infra/shared-gateway", "POST https://shop.example.com/cart/items", "--explain");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Explanation: listener 'https' (hostname *.example.com) is the most specific for 'shop.example.com'", run.Out);
        Assert.Matches(@"(?m)^  \d+ +won +shop\.example\.com +HTTPRoute shop/storefront +2 \(cart\) +0: PathPrefix /cart +matches", run.Out);
        Assert.Matches(@"(?m)^  \d+ +outranked +shop\.example\.com +HTTPRoute shop/storefront +1 \(web\) .*ranks higher by path length", run.Out);
        Assert.Matches(@"(?m)^  \d+ +no match +shop\.example\.com +HTTPRoute shop/storefront +5 \(sale\) .*path Exact '/sale' does not match '/cart/items'", run.Out);
        Assert.Matches(@"(?m)^  \d+ +other host +api\.example\.com +HTTPRoute payments/payments-api", run.Out);
    }

    [Fact]
    public void Json_HasTheDecisionAndTheExplanation()
    {
        var run = Route("-g", "infra/shared-gateway", "POST https://shop.example.com/cart/items", "-H", "x-trace: 1", "--explain", "--seed", "5", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal("Matched", root.GetProperty("result").GetString());
        Assert.Equal("Forward", root.GetProperty("action").GetString());
        Assert.Equal("storefront", root.GetProperty("route").GetProperty("name").GetString());
        Assert.Equal(2, root.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("cart", root.GetProperty("ruleName").GetString());
        Assert.Equal("cart", root.GetProperty("backend").GetProperty("name").GetString());
        Assert.Equal(5, root.GetProperty("request").GetProperty("seed").GetInt32());
        var upstream = root.GetProperty("upstream");
        Assert.Equal("/cart/items", upstream.GetProperty("path").GetString());
        var headers = upstream.GetProperty("headers").EnumerateArray().Select(h => h.GetProperty("name").GetString() + "=" + h.GetProperty("value").GetString()).ToList();
        Assert.Equal(["x-trace=1", "x-shop-channel=web"], headers);
        var candidates = root.GetProperty("explanation").GetProperty("candidates").EnumerateArray().ToList();
        Assert.Single(candidates, c => c.GetProperty("outcome").GetString() == "Won");
        Assert.Equal(candidates.Count, candidates.Select(c => c.GetProperty("order").GetInt32()).Distinct().Count());
    }

    [Fact]
    public void Grpc_RoutesByServiceMethodAndHeaders()
    {
        var search = Route("-g", "infra/shared-gateway", "--grpc", "https://search.example.com/search.v1.SearchService/Search");
        var beta = Route("-g", "infra/shared-gateway", "--grpc", "https://search.example.com/search.v1.SearchService/Similar", "-H", "x-search-beta: 1");
        var missing = Route("-g", "infra/shared-gateway", "--grpc", "https://search.example.com/search.v1.SuggestService/Suggest");
        var unknown = Route("-g", "infra/shared-gateway", "--grpc", "https://search.example.com/other.Service/Call");

        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Equal("forward to Service search/search-v1:9090", Field(search, "result"));
        Assert.Equal("0: method Exact search.v1.SearchService/Search", Field(search, "match"));
        Assert.Equal("forward to Service search/search-v2:9090", Field(beta, "result"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("answer grpc-status 14 UNAVAILABLE (BackendNotFound)", Field(missing, "result"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("answer grpc-status 12 UNIMPLEMENTED", Field(unknown, "result"));
    }

    [Fact]
    public void Mesh_UsesTheServicesRoutes()
    {
        var v2 = Route("--service", "shop/cart:8080", "--from-namespace", "payments", "POST http://cart.shop:8080/items", "-H", "x-cart-version: v2");
        var plain = Route("--service", "shop/cart:8080", "GET http://cart.shop:8080/items");
        var unbound = Route("--service", "shop/storefront:8080", "GET http://storefront.shop:8080/");

        Assert.True(v2.ExitCode == 0, v2.ToString());
        Assert.Equal("to Service shop/cart:8080 from namespace payments", Field(v2, "mesh"));
        Assert.Equal("HTTPRoute shop/cart-mesh", Field(v2, "route"));
        Assert.Equal("forward to Service shop/cart-v2:8080", Field(v2, "result"));
        Assert.Equal("1 (default)", Field(plain, "rule"));
        Assert.Equal("forward to Service shop/cart:8080", Field(plain, "result"));
        Assert.Equal(0, unbound.ExitCode);
        Assert.StartsWith("forward to Service shop/storefront:8080", Field(unbound, "result"));
    }

    [Theory]
    [InlineData("false", 1, "respond 503 (NoReadyEndpoints)")]
    [InlineData("true", 0, "forward to Service shop/cart:8080")]
    public void EndpointSlices_WithoutReadyEndpoints_Answer503(string ready, int exitCode, string result)
    {
        using var temp = new TempDirectory();
        var slices = temp.Write("slices.yaml", $"""
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: cart-abc12
              namespace: shop
              labels:
                kubernetes.io/service-name: cart
            addressType: IPv4
            endpoints:
            - addresses: ["10.1.2.3"]
              conditions:
                ready: {ready}
            ports:
            - name: http
              port: 8080
            """);

        var run = Gwapi.Run("route", "-f", RepoPaths.Examples, "-f", slices, "-g", "infra/shared-gateway", "POST https://shop.example.com/cart");

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Equal(result, Field(run, "result"));
    }

    [Theory]
    [InlineData("GET shop.example.com/", "the URL must be absolute")]
    [InlineData("GET ftp://shop.example.com/", "the scheme 'ftp' is not http or https")]
    [InlineData("GET https://shop.example.com:99999/", "'99999' is not a port")]
    [InlineData("GET https:///path", "'' is not a host name")]
    [InlineData("G3T https://shop.example.com/", "'G3T' is not an HTTP method")]
    [InlineData("GET https://shop.example.com/ extra", "expected 'METHOD URL'")]
    public void BadRequestLine_IsAnInputError(string line, string why)
    {
        var run = Route("-g", "infra/shared-gateway", line);

        Gwapi.AssertInputError(run, $"bad request line '{line}': {why}");
    }

    [Fact]
    public void UnknownGateway_IsAnInputError()
    {
        Gwapi.AssertInputError(Route("-g", "infra/nope", "https://shop.example.com/"), "unknown gateway infra/nope: the inputs define infra/shared-gateway");
    }

    [Fact]
    public void UnknownService_IsAnInputError()
    {
        Gwapi.AssertInputError(Route("--service", "shop/nope:80", "http://nope/"), "unknown Service shop/nope");
    }

    [Theory]
    [InlineData(new[] { "https://shop.example.com/" }, "give either --gateway ns/name (north/south) or --service ns/name:port (mesh)")]
    [InlineData(new[] { "-g", "infra/shared-gateway", "--service", "shop/cart:8080", "https://shop.example.com/" }, "give either --gateway")]
    [InlineData(new[] { "-g", "infra", "https://shop.example.com/" }, "--gateway: 'infra' is not namespace/name")]
    [InlineData(new[] { "--service", "shop/cart", "http://cart/" }, "--service: 'shop/cart' is not namespace/name:port")]
    [InlineData(new[] { "--service", "shop/cart:8080", "--port", "80", "http://cart/" }, "--listener, --port and --sni apply to --gateway")]
    [InlineData(new[] { "-g", "infra/shared-gateway", "--from-namespace", "shop", "http://cart/" }, "--from-namespace applies to --service")]
    [InlineData(new[] { "-g", "infra/shared-gateway", "-H", "no-colon", "http://cart/" }, "bad header 'no-colon': expected 'name: value'")]
    [InlineData(new[] { "-g", "infra/shared-gateway", "--listener", "nope", "http://cart/" }, "Gateway infra/shared-gateway has no listener 'nope'")]
    [InlineData(new[] { "-g", "infra/shared-gateway", "--listener", "http", "https://cart/" }, "listener 'http' speaks HTTP, but the URL is https")]
    public void BadOptions_AreInputErrors(string[] args, string message)
    {
        Gwapi.AssertInputError(Route(args), message);
    }
}
