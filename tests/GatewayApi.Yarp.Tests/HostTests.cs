using System.Net;
using GatewayApi.Yarp.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayApi.Yarp.Tests;

/// <summary>The ready-made host (<c>gwapi serve DIR</c>) serves a directory on loopback.</summary>
public sealed class HostTests(EchoBackends backends) : IClassFixture<EchoBackends>
{
    [Fact]
    public async Task GatewayApiProxyHost_serves_a_directory_of_manifests()
    {
        var directory = Directory.CreateTempSubdirectory("gwapi-host-").FullName;
        try
        {
            // EndpointSlices in the directory point at a real echo server: no resolver is registered by hand.
            await File.WriteAllTextAsync(Path.Combine(directory, "all.yaml"), Manifests.HttpGateway + Manifests.Services("echo-a") + $$"""

                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: echo-a-1
                  namespace: default
                  labels:
                    kubernetes.io/service-name: echo-a
                addressType: IPv4
                ports:
                - name: http
                  port: {{backends.A.Port}}
                endpoints:
                - addresses: ["127.0.0.1"]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: r
                  namespace: default
                spec:
                  parentRefs:
                  - name: gw
                  rules:
                  - backendRefs:
                    - name: echo-a
                      port: 8080
                """);
            await using var app = GatewayApiProxyHost.Create(directory, options =>
            {
                options.ListenAddress = IPAddress.Loopback;
                options.PortBindings[80] = 0;
            });
            await app.StartAsync();
            var uri = app.Services.GetRequiredService<GatewayApiProxyListeners>().GetUri(80);
            using var client = new HttpClient { BaseAddress = uri };
            var (response, echo) = await client.EchoGetAsync("/served?x=1", "served.example.com");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(("echo-a", "/served?x=1", "served.example.com"), (echo!.Backend, echo.Path, echo.Host));
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
