namespace GatewayApi.Conformance.Definitions;

/// <summary>The shared base manifests a case builds on.</summary>
public enum BaseManifests
{
    /// <summary>The Gateway base: the GatewayClass, namespaces, Gateways, echo Services and certificates (<c>Cases/base/gateway.yaml</c>).</summary>
    Gateway,

    /// <summary>The mesh base: mesh namespaces and echo Services (<c>Cases/base/mesh.yaml</c>).</summary>
    Mesh,

    /// <summary>Nothing shared: the case's manifests are complete.</summary>
    None,
}
