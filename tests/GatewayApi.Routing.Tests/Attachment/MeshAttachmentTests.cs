using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Attachment;

/// <summary>
/// Routes with Service parents (GAMMA): mesh.md §1, §3, §4 (upstream apis/v1/shared_types.go ParentReference, GEP-1294).
/// </summary>
public class MeshAttachmentTests
{
    private const string Mesh = "example.com/mesh";

    private static StatusEngineOptions Options(bool consumerRoutes = true)
        => (consumerRoutes ? Scenario.Options() : Scenario.Without(GatewayApiFeatures.MeshConsumerRoute)) with { MeshControllerName = Mesh };

    private const string Services = """
        apiVersion: v1
        kind: Service
        metadata: {name: echo, namespace: mesh}
        spec: {ports: [{name: http, port: 80}, {name: grpc, port: 7070}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: echo-v1, namespace: mesh}
        spec: {ports: [{name: http, port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: headless, namespace: mesh}
        spec: {clusterIP: None, ports: [{port: 80}]}
        """;

    private static string Route(string kind, string name, string parentRef, string @namespace = "mesh") => $$"""

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: {{kind}}
        metadata: {name: {{name}}, namespace: {{@namespace}}}
        spec:
          parentRefs: [{{parentRef}}]
          rules: [{backendRefs: [{name: echo-v1, namespace: mesh, port: 80}]}]
        """;

    [Fact]
    public void ProducerRoute_IsAcceptedUnderTheMeshControllerName()
    {
        var result = Scenario.Run(Services + Route("HTTPRoute", "r", "{group: \"\", kind: Service, name: echo, port: 80}"), Options());
        var parent = result.Parent("mesh", "r");
        Assert.Equal(Mesh, parent.ControllerName);
        Assert.Equal(("", "Service", "echo"), (parent.ParentRef!.Group, parent.ParentRef.Kind, parent.ParentRef.Name));
        parent.Condition("Accepted").Is("True", "Accepted");
        parent.Condition("ResolvedRefs").Is("True", "ResolvedRefs");
    }

    [Fact]
    public void WithoutAMeshControllerName_ServiceParentsAreLeftAlone()
        => Assert.Empty(Scenario.Run(Services + Route("HTTPRoute", "r", "{group: \"\", kind: Service, name: echo}")).Routes);

    [Theory]
    [InlineData("{group: \"\", kind: Service, name: missing}")]
    [InlineData("{group: \"\", kind: Service, name: echo, port: 9999}")]
    [InlineData("{group: \"\", kind: Service, name: echo, sectionName: http, port: 7070}")]
    [InlineData("{group: \"\", kind: Service, name: headless}")]
    public void NoSuchServiceOrPort_IsNoMatchingParent(string parentRef)
        => Scenario.Run(Services + Route("HTTPRoute", "r", parentRef), Options()).Parent("mesh", "r").Condition("Accepted").Is("False", "NoMatchingParent");

    [Fact]
    public void CrossKindConflictOnAPort_TheMoreSpecificKindWins()
    {
        // mesh.md §4: GRPCRoute > HTTPRoute > TLSRoute > TCPRoute; losers Accepted=False/Conflicted.
        var yaml = Services
            + Route("HTTPRoute", "http-on-grpc-port", "{group: \"\", kind: Service, name: echo, port: 7070}")
            + Route("GRPCRoute", "grpc", "{group: \"\", kind: Service, name: echo, port: 7070}")
            + Route("HTTPRoute", "http-everywhere", "{group: \"\", kind: Service, name: echo}");
        var result = Scenario.Run(yaml, Options());
        result.Parent("mesh", "grpc", "GRPCRoute").Condition("Accepted").Is("True", "Accepted");
        result.Parent("mesh", "http-on-grpc-port").Condition("Accepted").Is("False", "Conflicted");
        // Still applies on port 80, where no GRPCRoute binds.
        var everywhere = result.Parent("mesh", "http-everywhere").Condition("Accepted");
        everywhere.Is("True", "Accepted");
        Assert.Contains("80", everywhere.Message);
    }

    [Fact]
    public void ConsumerRoutes_NeedTheFeature_AndNoGrant()
    {
        // mesh.md §3: a route in another namespace is a consumer route; cross-namespace backends need no grant by default.
        var yaml = Services + Route("HTTPRoute", "consumer", "{group: \"\", kind: Service, name: echo, namespace: mesh}", "client");
        var result = Scenario.Run(yaml, Options());
        var parent = result.Parent("client", "consumer");
        parent.Condition("Accepted").Is("True", "Accepted");
        parent.Condition("ResolvedRefs").Is("True", "ResolvedRefs");
        Scenario.Run(yaml, Options(consumerRoutes: false)).Parent("client", "consumer").Condition("Accepted").Is("False", "NotAllowedByListeners");
        Scenario.Run(yaml, Options() with { MeshRequiresReferenceGrants = true }).Parent("client", "consumer").Condition("ResolvedRefs").Is("False", "RefNotPermitted");
    }
}
