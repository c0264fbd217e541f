using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Status;

/// <summary>
/// XMesh status (attachment-and-status.md §6.7, mesh.md §7; upstream apisx/v1alpha1/xmesh_types.go, GEP-3949): only the
/// mesh controller named in spec.controllerName writes it; Accepted, and supportedFeatures with the mesh features.
/// </summary>
public class MeshStatusTests
{
    private const string MeshController = "example.com/mesh";

    private static StatusEngineOptions Options(string? meshName = null) => Scenario.Options() with
    {
        MeshControllerName = MeshController,
        MeshName = meshName,
        SupportedFeatures = [GatewayApiFeatures.Gateway, GatewayApiFeatures.HttpRoute, GatewayApiFeatures.Mesh, GatewayApiFeatures.MeshConsumerRoute, GatewayApiFeatures.MeshClusterIpMatching],
    };

    private static string Mesh(string name, string controller, string extra = "") => $$"""

        ---
        apiVersion: gateway.networking.x-k8s.io/v1alpha1
        kind: XMesh
        metadata: {name: {{name}}, generation: 3}
        spec: {controllerName: {{controller}}{{extra}}}
        """;

    [Fact]
    public void OurMesh_IsAccepted_WithItsMeshFeaturesSorted_AndNoGatewayFeatures()
    {
        var result = Scenario.Run(Mesh("default", MeshController), Options());
        var update = Assert.Single(result.Meshes);
        Assert.Equal("default", update.Name);
        var accepted = update.Status.Conditions.Condition("Accepted");
        accepted.Is("True", "Accepted");
        Assert.Equal(3, accepted.ObservedGeneration);
        Assert.Contains("default", accepted.Message); // names the mesh instance
        Assert.Equal([GatewayApiFeatures.Mesh, GatewayApiFeatures.MeshClusterIpMatching, GatewayApiFeatures.MeshConsumerRoute], update.Status.SupportedFeatures!.Select(f => f.Name));
        Assert.True(update.HasChanges);

        // Mesh features stay off the GatewayClass (they belong on the XMesh).
        Assert.DoesNotContain(result.GatewayClass("gw-class").SupportedFeatures!, f => f.Name!.StartsWith("Mesh", StringComparison.Ordinal));
    }

    [Fact]
    public void OtherControllersMeshes_AreUntouched()
    {
        var result = Scenario.Run(Mesh("theirs", "other.io/mesh") + Mesh("ours", MeshController), Options());
        Assert.Equal(["ours"], result.Meshes.Select(m => m.Name));
    }

    [Fact]
    public void WithoutMeshControllerOrMeshFeature_NothingIsWritten()
    {
        Assert.Empty(Scenario.Run(Mesh("default", MeshController)).Meshes);
        var withoutFeature = Options() with { SupportedFeatures = [GatewayApiFeatures.Gateway, GatewayApiFeatures.HttpRoute] };
        Assert.Empty(Scenario.Run(Mesh("default", MeshController), withoutFeature).Meshes);
    }

    [Fact]
    public void MeshName_NarrowsToTheConfiguredInstance()
    {
        var result = Scenario.Run(Mesh("a", MeshController) + Mesh("b", MeshController), Options(meshName: "b"));
        Assert.Equal(["b"], result.Meshes.Select(m => m.Name));
    }

    [Theory]
    // GEP-3949: a missing or unsupported parametersRef MUST give Accepted=False/InvalidParameters.
    [InlineData(", parametersRef: {group: \"\", kind: ConfigMap, name: missing, namespace: infra}")]
    [InlineData(", parametersRef: {group: acme.io, kind: MeshConfig, name: p}")]
    public void UnusableParametersRef_IsInvalidParameters_WithoutFeatures(string parametersRef)
    {
        var update = Scenario.Run(Mesh("default", MeshController, parametersRef), Options()).Meshes.Single();
        update.Status.Conditions.Condition("Accepted").Is("False", "InvalidParameters");
        Assert.Null(update.Status.SupportedFeatures);
    }

    [Fact]
    public void ResolvableParametersRef_IsAccepted()
    {
        var yaml = Mesh("default", MeshController, ", parametersRef: {group: \"\", kind: ConfigMap, name: mesh, namespace: infra}") + """

            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: mesh, namespace: infra}
            data: {a: b}
            """;
        Scenario.Run(yaml, Options()).Meshes.Single().Status.Conditions.Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void SchemaDefaultedProgrammed_IsLeftAsItIs_AndAcceptedReplacesPending()
    {
        var yaml = Mesh("default", MeshController) + """

            status:
              conditions:
              - {type: Accepted, status: Unknown, reason: Pending, message: Waiting for controller, lastTransitionTime: "1970-01-01T00:00:00Z"}
              - {type: Programmed, status: Unknown, reason: Pending, message: Waiting for controller, lastTransitionTime: "1970-01-01T00:00:00Z"}
            """;
        var conditions = Scenario.Run(yaml, Options()).Meshes.Single().Status.Conditions!;
        Assert.Equal(["Accepted", "Programmed"], conditions.Select(c => c.Type));
        conditions.Condition("Accepted").Is("True", "Accepted");
        conditions.Condition("Programmed").Is("Unknown", "Pending");
    }
}
