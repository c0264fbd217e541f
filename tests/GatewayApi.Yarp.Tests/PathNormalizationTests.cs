using System.Net;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests;

/// <summary>
/// The path a request is routed by is the path its backend receives: dot segments are resolved before routing
/// (<see cref="GatewayApiProxyOptions.RemoveDotSegments"/>), so <c>/public/../admin</c> cannot slip past the rule that
/// guards <c>/admin</c>; with the option off, the raw path is routed and forwarded untouched.
/// </summary>
public sealed class PathNormalizationTests(EchoBackends backends) : IClassFixture<EchoBackends>
{
    private const string Routes = """

        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: paths, namespace: default}
        spec:
          parentRefs: [{name: gw}]
          rules:
          - matches: [{path: {type: PathPrefix, value: /public}}]
            backendRefs: [{name: echo-a, port: 8080}]
          - matches: [{path: {type: PathPrefix, value: /admin}}]
            backendRefs: [{name: echo-b, port: 8080}]
        ---
        """;

    [Theory]
    [InlineData("RFC3986_5_4_2", "/a/b/c/./../../g", "/a/g")]
    [InlineData("parent of root", "/..", "/")]
    [InlineData("trailing dot", "/a/.", "/a/")]
    [InlineData("trailing dot-dot", "/a/b/..", "/a/")]
    [InlineData("encoded", "/public/%2e%2E/admin?x=/../y", "/admin?x=/../y")]
    [InlineData("mixed encoding", "/public/.%2e/admin", "/admin")]
    [InlineData("double slash kept", "//a/./b", "//a/b")]
    [InlineData("not a dot segment", "/a/..b/.c/...", "/a/..b/.c/...")]
    [InlineData("untouched", "/a/b?c=.", "/a/b?c=.")]
    public void Dot_segments_are_removed_as_RFC_3986_says(string _, string raw, string expected) =>
        Assert.Equal(expected, PathNormalization.RemoveDotSegments(raw));

    [Fact]
    public async Task A_dot_dot_path_is_routed_and_forwarded_as_what_it_resolves_to()
    {
        await using var proxy = await TestProxy.StartAsync(Manifests.HttpGateway + Routes + Manifests.Services("echo-a", "echo-b"), backends.Resolver);
        using var client = proxy.Client();
        var echo = await RawGetAsync(client, proxy, "/public/../admin/users");
        Assert.Equal(("echo-b", "/admin/users"), (echo.Backend, echo.Path));
        echo = await RawGetAsync(client, proxy, "/public/%2e%2e/admin");
        Assert.Equal(("echo-b", "/admin"), (echo.Backend, echo.Path));
    }

    [Fact]
    public async Task With_the_option_off_the_raw_path_is_routed_and_forwarded_unchanged()
    {
        await using var proxy = await TestProxy.StartAsync(Manifests.HttpGateway + Routes + Manifests.Services("echo-a", "echo-b"), backends.Resolver, o => o.RemoveDotSegments = false);
        using var client = proxy.Client();
        var echo = await RawGetAsync(client, proxy, "/public/../admin");
        Assert.Equal("echo-a", echo.Backend);
        Assert.Equal("/public/../admin", echo.Path); // the raw target the backend received
    }

    // HttpClient would resolve the dot segments itself; this sends the target as written.
    private static async Task<EchoedRequest> RawGetAsync(HttpClient client, TestProxy proxy, string target)
    {
        var uri = new Uri(proxy.Uri(80).ToString().TrimEnd('/') + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Host = "paths.example.com";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return EchoedRequest.Parse(await response.Content.ReadAsStringAsync());
    }
}
