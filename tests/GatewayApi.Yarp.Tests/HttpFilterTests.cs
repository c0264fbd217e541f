using System.Net;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests;

/// <summary>End-to-end: client → proxy (Kestrel, loopback) → echo backends; every HTTP filter executed for real.</summary>
public sealed class HttpFilterTests(EchoBackends backends) : IClassFixture<EchoBackends>
{
    private static string Route(string rules, string hostnames = "") => $"""

        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: route
          namespace: default
        spec:
          parentRefs:
          - name: gw
        {hostnames}
          rules:
        {rules}
        """;

    private Task<TestProxy> StartAsync(string rules, string hostnames = "") =>
        TestProxy.StartAsync(Manifests.HttpGateway + Manifests.Services("echo-a", "echo-b", "echo-c") + Route(rules, hostnames), backends.Resolver);

    [Fact]
    public async Task Forwards_with_the_original_host_path_query_method_and_body()
    {
        await using var proxy = await StartAsync("""
              - backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        var (response, echo) = await client.EchoSendAsync(HttpMethod.Post, "/some/path?x=1&y=%20z", "shop.example.com", [("x-custom", "v")], "hello");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(echo);
        Assert.Equal("echo-a", echo.Backend);
        Assert.Equal("POST", echo.Method);
        Assert.Equal("/some/path?x=1&y=%20z", echo.Path);
        Assert.Equal("shop.example.com", echo.Host);
        Assert.Equal("v", echo.Headers["x-custom"]);
        Assert.Equal("hello", echo.Body);
    }

    [Fact]
    public async Task Request_header_modifier_sets_adds_and_removes()
    {
        await using var proxy = await StartAsync("""
              - filters:
                - type: RequestHeaderModifier
                  requestHeaderModifier:
                    set:
                    - name: X-Set
                      value: set-value
                    add:
                    - name: X-Add
                      value: added
                    remove:
                    - X-Remove
                backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        var (_, echo) = await client.EchoGetAsync("/", null, ("x-set", "original"), ("X-Add", "first"), ("x-remove", "gone"), ("x-keep", "kept"));
        Assert.NotNull(echo);
        Assert.Equal("set-value", echo.Headers["x-set"]);
        Assert.Equal("first,added", echo.Headers["x-add"]);
        Assert.False(echo.Headers.ContainsKey("x-remove"));
        Assert.Equal("kept", echo.Headers["x-keep"]);
    }

    [Fact]
    public async Task Backend_request_header_modifier_applies_only_to_its_backend()
    {
        await using var proxy = await StartAsync("""
              - backendRefs:
                - name: echo-a
                  port: 8080
                  filters:
                  - type: RequestHeaderModifier
                    requestHeaderModifier:
                      set:
                      - name: x-backend
                        value: a
            """);
        using var client = proxy.Client();
        var (_, echo) = await client.EchoGetAsync("/", null);
        Assert.Equal("a", echo!.Headers["x-backend"]);
    }

    [Fact]
    public async Task Response_header_modifier_changes_the_backend_response()
    {
        await using var proxy = await StartAsync("""
              - filters:
                - type: ResponseHeaderModifier
                  responseHeaderModifier:
                    set:
                    - name: x-echo-backend
                      value: hidden
                    add:
                    - name: x-added
                      value: yes
                    remove:
                    - content-type
                backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hidden", Assert.Single(response.Headers.GetValues("x-echo-backend")));
        Assert.Equal("yes", Assert.Single(response.Headers.GetValues("x-added")));
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Url_rewrite_replaces_hostname_and_full_path_keeping_the_query()
    {
        await using var proxy = await StartAsync("""
              - matches:
                - path:
                    type: PathPrefix
                    value: /old
                filters:
                - type: URLRewrite
                  urlRewrite:
                    hostname: rewritten.example.com
                    path:
                      type: ReplaceFullPath
                      replaceFullPath: /new/full
                backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        var (_, echo) = await client.EchoGetAsync("/old/anything?q=1", "original.example.com");
        Assert.Equal("/new/full?q=1", echo!.Path);
        Assert.Equal("rewritten.example.com", echo.Host);
    }

    [Theory]
    [InlineData("/prefix/one/two", "/replacement/one/two")]
    [InlineData("/prefix", "/replacement")]
    [InlineData("/prefix/", "/replacement/")]
    public async Task Url_rewrite_replaces_the_matched_prefix(string path, string expected)
    {
        await using var proxy = await StartAsync("""
              - matches:
                - path:
                    type: PathPrefix
                    value: /prefix
                filters:
                - type: URLRewrite
                  urlRewrite:
                    path:
                      type: ReplacePrefixMatch
                      replacePrefixMatch: /replacement
                backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        var (_, echo) = await client.EchoGetAsync(path, "h.example.com");
        Assert.Equal(expected, echo!.Path);
        Assert.Equal("h.example.com", echo.Host);
    }

    [Fact]
    public async Task Redirects_follow_the_scheme_port_and_path_rules()
    {
        await using var proxy = await StartAsync("""
              - matches:
                - path:
                    type: PathPrefix
                    value: /to-https
                filters:
                - type: RequestRedirect
                  requestRedirect:
                    scheme: https
              - matches:
                - path:
                    type: PathPrefix
                    value: /to-port
                filters:
                - type: RequestRedirect
                  requestRedirect:
                    port: 8443
                    statusCode: 301
              - matches:
                - path:
                    type: PathPrefix
                    value: /same
                filters:
                - type: RequestRedirect
                  requestRedirect:
                    hostname: other.example.com
                    path:
                      type: ReplacePrefixMatch
                      replacePrefixMatch: /moved
              - matches:
                - path:
                    type: PathPrefix
                    value: /http-on-80
                filters:
                - type: RequestRedirect
                  requestRedirect:
                    scheme: http
            """);
        using var client = proxy.Client();

        // Scheme https without port: the well-known port 443 is implied and omitted.
        var (toHttps, _) = await client.EchoGetAsync("/to-https/a?x=1", "example.com");
        Assert.Equal(HttpStatusCode.Found, toHttps.StatusCode);
        Assert.Equal("https://example.com/to-https/a?x=1", toHttps.Headers.Location!.OriginalString);

        // An explicit port is kept; the status code is the filter's.
        var (toPort, _) = await client.EchoGetAsync("/to-port", "example.com:80");
        Assert.Equal(HttpStatusCode.MovedPermanently, toPort.StatusCode);
        Assert.Equal("http://example.com:8443/to-port", toPort.Headers.Location!.OriginalString);

        // Neither scheme nor port: the listener's port (80, not the dynamic local port) with http is omitted.
        var (same, _) = await client.EchoGetAsync("/same/x", "example.com");
        Assert.Equal("http://other.example.com/moved/x", same.Headers.Location!.OriginalString);

        var (http, _) = await client.EchoGetAsync("/http-on-80", "example.com");
        Assert.Equal("http://example.com/http-on-80", http.Headers.Location!.OriginalString);
        Assert.DoesNotContain(backends.A.Received, r => r.Path.Contains("to-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Header_names_match_without_case_and_values_with_case()
    {
        await using var proxy = await StartAsync("""
              - matches:
                - headers:
                  - name: X-Tenant
                    value: Blue
                backendRefs:
                - name: echo-b
                  port: 8080
              - backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        Assert.Equal("echo-b", (await client.EchoGetAsync("/", null, ("x-tenant", "Blue"))).Echo!.Backend);
        Assert.Equal("echo-b", (await client.EchoGetAsync("/", null, ("X-TENANT", "Blue"))).Echo!.Backend);
        Assert.Equal("echo-a", (await client.EchoGetAsync("/", null, ("x-tenant", "blue"))).Echo!.Backend);
    }

    [Fact]
    public async Task No_matching_rule_is_404_and_a_rule_without_backends_is_500()
    {
        await using var proxy = await StartAsync("""
              - matches:
                - path:
                    type: Exact
                    value: /exists
                backendRefs:
                - name: echo-a
                  port: 8080
              - matches:
                - path:
                    type: Exact
                    value: /nobackend
            """);
        using var client = proxy.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.EchoGetAsync("/exists")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.EchoGetAsync("/missing")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.EchoGetAsync("/nobackend")).Response.StatusCode);
    }

    [Fact]
    public async Task Cors_preflight_is_answered_by_the_gateway_and_actual_requests_get_cors_headers()
    {
        await using var proxy = await StartAsync("""
              - matches:
                - path:
                    type: PathPrefix
                    value: /cors
                filters:
                - type: CORS
                  cors:
                    allowOrigins:
                    - https://app.example.com
                    allowMethods:
                    - GET
                    - PUT
                    allowHeaders:
                    - x-requested-with
                    maxAge: 600
                backendRefs:
                - name: echo-c
                  port: 8080
            """);
        using var client = proxy.Client();
        var before = backends.C.Received.Count;
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/cors/item");
        preflight.Headers.Add("Origin", "https://app.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        using var answer = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("https://app.example.com", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("PUT", string.Join(",", answer.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Equal("600", Assert.Single(answer.Headers.GetValues("Access-Control-Max-Age")));
        Assert.Equal(before, backends.C.Received.Count);

        var (actual, echo) = await client.EchoGetAsync("/cors/item", null, ("Origin", "https://app.example.com"));
        Assert.Equal("echo-c", echo!.Backend);
        Assert.Equal("https://app.example.com", Assert.Single(actual.Headers.GetValues("Access-Control-Allow-Origin")));

        var (disallowed, _) = await client.EchoGetAsync("/cors/item", null, ("Origin", "https://evil.example.com"));
        Assert.False(disallowed.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
