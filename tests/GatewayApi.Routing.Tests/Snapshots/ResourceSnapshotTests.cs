using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;
using k8s.Models;

namespace GatewayApi.Routing.Tests.Snapshots;

/// <summary>Building snapshots from objects and manifests.</summary>
public class ResourceSnapshotTests
{
    [Fact]
    public void FromManifests_SortsEachKindByNamespaceAndName_AndKeepsOtherKinds()
    {
        var snapshot = ResourceSnapshot.FromManifests("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: b, namespace: z}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: a}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: z}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: z, labels: {team: x}}
            """, "test.yaml");
        Assert.Equal(["a", "b"], snapshot.HttpRoutes.Select(r => r.Metadata.Name));
        Assert.Equal("Deployment", Assert.Single(snapshot.OtherObjects).Kind);
        // The API server labels every Namespace with its name; a namespace without a Namespace object has only that label.
        Assert.Equal("x", snapshot.NamespaceLabels("z")["team"]);
        Assert.Equal("z", snapshot.NamespaceLabels("z")["kubernetes.io/metadata.name"]);
        Assert.Equal(["kubernetes.io/metadata.name"], snapshot.NamespaceLabels("elsewhere").Keys);
        // A namespaced object without a namespace is in 'default', as kubectl apply would put it.
        Assert.NotNull(snapshot.FindRoute(RouteKind.Http, "default", "a"));
    }

    [Fact]
    public void DuplicateObjects_AreAnError()
    {
        var route = new HttpRoute { Metadata = new V1ObjectMeta { Name = "r", NamespaceProperty = "x" } };
        var copy = new HttpRoute { Metadata = new V1ObjectMeta { Name = "r", NamespaceProperty = "x" } };
        Assert.Throws<ArgumentException>(() => ResourceSnapshot.Create([route, copy]));
        // The same name in another kind or namespace is fine.
        ResourceSnapshot.Create([route, new GrpcRoute { Metadata = new V1ObjectMeta { Name = "r", NamespaceProperty = "x" } }, new HttpRoute { Metadata = new V1ObjectMeta { Name = "r", NamespaceProperty = "y" } }]);
    }
}
