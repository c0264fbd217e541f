using System.Net;
using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;
using k8s.Models;
using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>
/// From what a mesh proxy knows (destination cluster IP and port, or a Service DNS name) to the Service the mesh
/// routes bind to (mesh.md §1: routes apply to the Service frontend and are matched by cluster IP, not Host).
/// </summary>
public class MeshServiceIndexTests
{
    private const string Services = """
        apiVersion: v1
        kind: Service
        metadata: {name: echo, namespace: gateway-conformance-mesh}
        spec:
          clusterIP: 10.96.0.10
          clusterIPs: [10.96.0.10, "fd00:10:96::a"]
          ports: [{name: http, port: 80}, {name: http-alt, port: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: echo-v1, namespace: gateway-conformance-mesh}
        spec: {clusterIP: 10.96.0.11, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: echo, namespace: other}
        spec: {clusterIP: 10.96.0.12, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: headless, namespace: gateway-conformance-mesh}
        spec: {clusterIP: None, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: external, namespace: gateway-conformance-mesh}
        spec: {type: ExternalName, externalName: example.org, ports: [{port: 80}]}
        """;

    private static MeshServiceIndex Index() => MeshServiceIndex.FromSnapshot(ResourceSnapshot.FromManifests(Services, "services.yaml"));

    private static string? Resolve(string client, string host, int port) =>
        Index().TryGetDestination(client, host, port, out var destination) ? $"{destination.ClientNamespace} -> {destination.Service}:{destination.Port}" : null;

    [Theory]
    [InlineData("10.96.0.10", 80, "gateway-conformance-mesh/echo:80")]
    [InlineData("10.96.0.10", 8080, "gateway-conformance-mesh/echo:8080")]
    [InlineData("fd00:10:96::a", 80, "gateway-conformance-mesh/echo:80")]          // dual-stack: every clusterIPs entry
    [InlineData("[fd00:10:96:0:0:0:0:a]", 80, "gateway-conformance-mesh/echo:80")] // IPv6 compared as an address
    [InlineData("10.96.0.11", 80, "gateway-conformance-mesh/echo-v1:80")]
    [InlineData("10.96.0.12", 80, "other/echo:80")]
    [InlineData("10.96.0.10", 9999, null)] // not a Service port
    [InlineData("10.1.2.3", 80, null)]     // a pod IP: the backend facet, routes do not apply
    public void ClusterIpAndPort_FindTheService(string address, int port, string? expected)
    {
        Assert.Equal(expected is null ? null : "client -> " + expected, Resolve("client", address, port));
    }

    [Fact]
    public void IpEndPoint_AndIpv4MappedAddresses_Resolve()
    {
        var index = Index();
        Assert.True(index.TryGetDestination("c", new IPEndPoint(IPAddress.Parse("10.96.0.11"), 80), out var destination));
        Assert.Equal(new MeshDestination("c", new NamespacedName("gateway-conformance-mesh", "echo-v1"), 80), destination);
        Assert.True(index.TryGetDestination("c", IPAddress.Parse("10.96.0.11").MapToIPv6(), 80, out _));
        Assert.Equal(4, index.AddressCount); // echo (2), echo-v1, other/echo; headless and ExternalName have no frontend
    }

    [Theory]
    [InlineData("gateway-conformance-mesh", "echo", "gateway-conformance-mesh/echo")]          // bare name: client's namespace
    [InlineData("other", "echo", "other/echo")]
    [InlineData("other", "echo.gateway-conformance-mesh", "gateway-conformance-mesh/echo")]
    [InlineData("other", "echo.gateway-conformance-mesh.svc", "gateway-conformance-mesh/echo")]
    [InlineData("other", "ECHO.gateway-conformance-mesh.svc.cluster.local.", "gateway-conformance-mesh/echo")]
    [InlineData("third", "echo", null)]                                                        // no echo in 'third'
    [InlineData("other", "echo.gateway-conformance-mesh.svc.example.internal", null)]          // another cluster domain
    [InlineData("gateway-conformance-mesh", "headless", null)]
    [InlineData("gateway-conformance-mesh", "external.gateway-conformance-mesh", null)]
    public void ServiceDnsNames_FindTheService(string client, string host, string? expected)
    {
        Assert.Equal(expected is null ? null : $"{client} -> {expected}:80", Resolve(client, host, 80));
    }

    [Fact]
    public void ClusterDomain_IsConfigurable()
    {
        var index = MeshServiceIndex.FromSnapshot(ResourceSnapshot.FromManifests(Services, "services.yaml"), "example.internal");
        Assert.True(index.TryGetDestination("x", "echo.other.svc.example.internal", 80, out var destination));
        Assert.Equal(new NamespacedName("other", "echo"), destination.Service);
        Assert.False(index.TryGetDestination("x", "echo.other.svc.cluster.local", 80, out _));
        Assert.Throws<ArgumentException>(() => MeshServiceIndex.Create([], " "));
    }

    [Fact]
    public void ARequestToTheClusterIp_IsRoutedByThatServicesRoutes_WhateverItsHostHeader()
    {
        // Conformance mesh-frontend-hostname (MeshClusterIPMatching): Service A's IP with Host: B uses A's routes.
        var route = HttpRoute("to-v1", ns: "gateway-conformance-mesh", rules: Rule("r", [Prefix("/")], null, [Backend("echo-v1", port: 80)]));
        route.Spec.ParentRefs = [new ParentReference { Group = "", Kind = "Service", Name = "echo" }];
        var configuration = new RoutingConfigurationBuilder().AddService("gateway-conformance-mesh", "echo", (80, "http")).AddRoutes([route]).Build();
        var router = Router.Compile(configuration);
        var index = Index();

        Assert.True(index.TryGetDestination("gateway-conformance-mesh", IPAddress.Parse("10.96.0.10"), 80, out var toEcho));
        Assert.Equal("echo-v1", router.RouteMeshHttp(toEcho, Request("echo-v1", "/")).Backend!.Name);

        Assert.True(index.TryGetDestination("gateway-conformance-mesh", IPAddress.Parse("10.96.0.11"), 80, out var toV1));
        var direct = router.RouteMeshHttp(toV1, Request("echo", "/"));
        Assert.Equal((RoutingResult.NoRoutesBound, "echo-v1"), (direct.Result, direct.Backend!.Name));
    }
}
