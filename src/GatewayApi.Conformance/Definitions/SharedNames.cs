namespace GatewayApi.Conformance.Definitions;

/// <summary>The names the shared base manifests define, for cases and targets to refer to.</summary>
public static class SharedNames
{
    /// <summary>The GatewayClass every base Gateway uses; its <c>controllerName</c> is set to the target's.</summary>
    public const string GatewayClass = "gateway-conformance";

    /// <summary>The namespace of the base Gateways and infra backends (label <c>gateway-conformance: infra</c>).</summary>
    public const string InfraNamespace = "gateway-conformance-infra";

    /// <summary>A backend namespace (label <c>gateway-conformance: backend</c>).</summary>
    public const string AppBackendNamespace = "gateway-conformance-app-backend";

    /// <summary>A backend namespace (label <c>gateway-conformance: backend</c>).</summary>
    public const string WebBackendNamespace = "gateway-conformance-web-backend";

    /// <summary>The mesh namespace of the mesh base (Services <c>echo</c>, <c>echo-v1</c>, <c>echo-v2</c>).</summary>
    public const string MeshNamespace = "gateway-conformance-mesh";

    /// <summary>The mesh consumer namespace (a client namespace different from the Services').</summary>
    public const string MeshConsumerNamespace = "gateway-conformance-mesh-consumer";
}
