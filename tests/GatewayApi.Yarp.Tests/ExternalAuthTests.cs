using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GatewayApi.Yarp.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp.Tests;

/// <summary>
/// The ExternalAuth filter over HTTP (GEP-1494, routing-semantics.md §4.6) against a real auth service on loopback:
/// what the auth service is sent, what a 200 lets through, what a denial returns, forwardBody, and failing closed.
/// </summary>
public sealed class ExternalAuthTests(EchoBackends backends) : IClassFixture<EchoBackends>, IAsyncLifetime
{
    private const string Routes = """

        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: guarded, namespace: default}
        spec:
          parentRefs: [{name: gw}]
          rules:
          - matches: [{path: {type: PathPrefix, value: /api}}]
            filters:
            - type: ExternalAuth
              externalAuth:
                protocol: HTTP
                backendRef: {name: auth, port: 9000}
                http: {path: /check, allowedHeaders: [x-tenant], allowedResponseHeaders: [x-user]}
            backendRefs: [{name: echo-a, port: 8080}]
          - matches: [{path: {type: PathPrefix, value: /body}}]
            filters:
            - type: ExternalAuth
              externalAuth:
                protocol: HTTP
                backendRef: {name: auth, port: 9000}
                http: {}
                forwardBody: {maxSize: 16}
            backendRefs: [{name: echo-a, port: 8080}]
          - matches: [{path: {type: PathPrefix, value: /down}}]
            filters:
            - type: ExternalAuth
              externalAuth:
                protocol: HTTP
                backendRef: {name: auth-down, port: 9000}
                http: {}
            backendRefs: [{name: echo-a, port: 8080}]
          - matches: [{path: {type: PathPrefix, value: /grpc-protocol}}]
            filters:
            - type: ExternalAuth
              externalAuth:
                protocol: GRPC
                backendRef: {name: auth, port: 9000}
                grpc: {}
            backendRefs: [{name: echo-a, port: 8080}]
        ---
        """;

    private readonly ConcurrentQueue<(string PathAndQuery, string? Host, IHeaderDictionary Headers, string Body)> _asked = new();
    private WebApplication _auth = null!;
    private TestProxy _proxy = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _auth = builder.Build();
        _auth.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var headers = new HeaderDictionary();
            foreach (var (name, value) in context.Request.Headers)
            {
                headers[name] = value;
            }

            _asked.Enqueue((context.Features.Get<IHttpRequestFeature>()!.RawTarget, context.Request.Host.Value, headers, body));
            if (context.Request.Headers.Authorization == "Bearer ok")
            {
                context.Response.Headers["x-user"] = "alice";
                context.Response.Headers["x-internal"] = "secret";
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.Response.WriteAsync("denied by auth");
        });
        await _auth.StartAsync();
        backends.Resolver.Add("default", "auth", 9000, new BackendEndpoint("127.0.0.1", new Uri(_auth.Urls.First()).Port));
        backends.Resolver.Add("default", "auth-down", 9000, new BackendEndpoint("127.0.0.1", 1)); // nothing listens on port 1
        _proxy = await TestProxy.StartAsync(
            Manifests.HttpGateway + Routes + Manifests.Services("echo-a") + Manifests.Service("auth", port: 9000) + Manifests.Service("auth-down", port: 9000),
            backends.Resolver);
        _client = _proxy.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _proxy.DisposeAsync();
        await _auth.DisposeAsync();
    }

    [Fact]
    public async Task An_allowed_request_reaches_the_backend_with_the_allowed_auth_response_headers()
    {
        var (response, echo) = await _client.EchoGetAsync("/api/orders?q=1", "shop.example.com", ("Authorization", "Bearer ok"), ("x-tenant", "t1"), ("x-other", "o"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice", echo!.Headers["x-user"]);
        Assert.False(echo.Headers.ContainsKey("x-internal")); // not in allowedResponseHeaders

        // The auth service got the client's method and path behind http.path, the Host, Authorization, the allowed
        // headers only, and Content-Length 0 (no forwardBody).
        var asked = Assert.Single(_asked, a => a.PathAndQuery.StartsWith("/check/api/", StringComparison.Ordinal));
        Assert.Equal(("/check/api/orders?q=1", "shop.example.com"), (asked.PathAndQuery, asked.Host));
        Assert.Equal("Bearer ok", asked.Headers.Authorization);
        Assert.Equal("t1", asked.Headers["x-tenant"]);
        Assert.False(asked.Headers.ContainsKey("x-other"));
        Assert.Equal(0, asked.Headers.ContentLength ?? 0);
    }

    [Fact]
    public async Task A_denied_request_gets_the_auth_answer_and_never_reaches_the_backend()
    {
        var before = backends.A.Received.Count;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/denied");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("denied by auth", await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain(backends.A.Received.Skip(before), r => r.Path == "/api/denied");
    }

    [Fact]
    public async Task ForwardBody_sends_the_body_to_the_auth_service_and_still_to_the_backend()
    {
        var (response, echo) = await _client.EchoSendAsync(HttpMethod.Post, "/body/in", headers: [("Authorization", "Bearer ok")], body: "hello");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", echo!.Body);
        Assert.Equal("secret", echo.Headers["x-internal"]); // no allowedResponseHeaders: every auth header is copied
        Assert.Contains(_asked, a => a.PathAndQuery == "/body/in" && a.Body == "hello");
    }

    [Fact]
    public async Task A_body_larger_than_forwardBody_maxSize_is_refused()
    {
        var (response, _) = await _client.EchoSendAsync(HttpMethod.Post, "/body/large", headers: [("Authorization", "Bearer ok")], body: new string('x', 17));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_auth_service_fails_closed_with_403()
    {
        var (response, _) = await _client.EchoGetAsync("/down/x", null, ("Authorization", "Bearer ok"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Eventually.TrueAsync(() => _proxy.Logs.WithEventId(17).Count > 0, "an ExternalAuthFailed line");
    }

    [Fact]
    public async Task A_GRPC_protocol_filter_whose_service_does_not_speak_gRPC_fails_closed_with_403()
    {
        // The auth service here answers plain HTTP/1.1: the Check call cannot succeed, so nothing is let through.
        var (response, _) = await _client.EchoGetAsync("/grpc-protocol/x", null, ("Authorization", "Bearer ok"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
