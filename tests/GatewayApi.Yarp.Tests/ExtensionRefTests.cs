using System.Net;
using GatewayApi.Routing;
using GatewayApi.Yarp.Tests.TestSupport;
using Microsoft.AspNetCore.Http;

namespace GatewayApi.Yarp.Tests;

/// <summary>ExtensionRef filters reach the injectable handler; without a handler they are answered 500 (never skipped).</summary>
public sealed class ExtensionRefTests(EchoBackends backends) : IClassFixture<EchoBackends>
{
    private const string Manifest = """

        apiVersion: example.com/v1
        kind: Stamp
        metadata:
          name: stamp
          namespace: default
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: route
          namespace: default
        spec:
          parentRefs:
          - name: gw
          rules:
          - matches:
            - path:
                type: PathPrefix
                value: /stamped
            filters:
            - type: ExtensionRef
              extensionRef:
                group: example.com
                kind: Stamp
                name: stamp
            backendRefs:
            - name: echo-a
              port: 8080
          - matches:
            - path:
                type: PathPrefix
                value: /blocked
            filters:
            - type: ExtensionRef
              extensionRef:
                group: example.com
                kind: Stamp
                name: stamp
            backendRefs:
            - name: echo-a
              port: 8080
        """;

    private static void SupportStamps(GatewayApiProxyOptions options) =>
        options.StatusEngine = options.StatusEngine with { ExtensionRefKinds = [new GroupKind("example.com", "Stamp")] };

    [Fact]
    public async Task The_handler_runs_each_extension_filter_and_may_answer_itself()
    {
        var resolver = new StaticBackendEndpointResolver().Add("default", "echo-a", 8080, new BackendEndpoint("127.0.0.1", backends.A.Port));
        await using var proxy = await TestProxy.StartAsync(Manifests.HttpGateway + Manifests.Services("echo-a") + Manifest, resolver, SupportStamps, extensionFilter: new StampFilter());
        using var client = proxy.Client();
        var (stamped, echo) = await client.EchoGetAsync("/stamped", null);
        Assert.Equal(HttpStatusCode.OK, stamped.StatusCode);
        Assert.Equal("Stamp default/stamp", echo!.Headers["x-stamp"]);
        var (blocked, _) = await client.EchoGetAsync("/blocked", null);
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
    }

    [Fact]
    public async Task Without_a_handler_the_request_is_answered_500_and_logged()
    {
        await using var proxy = await TestProxy.StartAsync(Manifests.HttpGateway + Manifests.Services("echo-a") + Manifest, backends.Resolver, SupportStamps);
        using var client = proxy.Client();
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.EchoGetAsync("/stamped", null)).Response.StatusCode);
        Assert.Single(proxy.Logs.WithEventId(13));
    }

    private sealed class StampFilter : IExtensionRefFilter
    {
        public ValueTask<bool> InvokeAsync(HttpContext context, FilterReference filter)
        {
            if (context.Request.Path.StartsWithSegments("/blocked"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return ValueTask.FromResult(false);
            }

            context.Request.Headers["x-stamp"] = $"{filter.Kind} {filter.Namespace}/{filter.Name}";
            return ValueTask.FromResult(true);
        }
    }
}
