using System.Net;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests;

/// <summary>X-Forwarded-For, -Proto and -Host on forwarded requests (<see cref="GatewayApiProxyOptions.AddForwardedHeaders"/>).</summary>
public sealed class ForwardedHeadersTests(EchoBackends backends) : IClassFixture<EchoBackends>
{
    private const string Routes = """

        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: forwarded, namespace: default}
        spec:
          parentRefs: [{name: gw}]
          rules:
          - matches: [{path: {type: PathPrefix, value: /plain}}]
            backendRefs: [{name: echo-a, port: 8080}]
          - matches: [{path: {type: PathPrefix, value: /filtered}}]
            filters:
            - type: RequestHeaderModifier
              requestHeaderModifier: {remove: [x-forwarded-for], set: [{name: x-forwarded-proto, value: https}]}
            backendRefs: [{name: echo-a, port: 8080}]
        ---
        """;

    [Fact]
    public async Task The_backend_learns_the_client_address_scheme_and_host_and_filters_still_apply()
    {
        await using var proxy = await TestProxy.StartAsync(Manifests.HttpGateway + Routes + Manifests.Services("echo-a"), backends.Resolver);
        using var client = proxy.Client();

        var (response, echo) = await client.EchoGetAsync("/plain/x", "shop.example.com");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("127.0.0.1", "http", "shop.example.com"), (echo!.Headers["x-forwarded-for"], echo.Headers["x-forwarded-proto"], echo.Headers["x-forwarded-host"]));

        // A list the client sent is kept and extended; a scheme or host it claimed is replaced.
        var (_, chained) = await client.EchoGetAsync("/plain/x", "shop.example.com", ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example"));
        Assert.Equal(("203.0.113.7, 127.0.0.1", "http", "shop.example.com"), (chained!.Headers["x-forwarded-for"], chained.Headers["x-forwarded-proto"], chained.Headers["x-forwarded-host"]));

        // The route's RequestHeaderModifier runs after them.
        var (_, filtered) = await client.EchoGetAsync("/filtered/x", "shop.example.com");
        Assert.False(filtered!.Headers.ContainsKey("x-forwarded-for"));
        Assert.Equal("https", filtered.Headers["x-forwarded-proto"]);
    }

    [Fact]
    public async Task They_can_be_turned_off()
    {
        await using var proxy = await TestProxy.StartAsync(Manifests.HttpGateway + Routes + Manifests.Services("echo-a"), backends.Resolver, o => o.AddForwardedHeaders = false);
        using var client = proxy.Client();
        var (_, echo) = await client.EchoGetAsync("/plain/x", "shop.example.com");
        Assert.DoesNotContain(echo!.Headers.Keys, k => k.StartsWith("x-forwarded-", StringComparison.OrdinalIgnoreCase));
    }
}
