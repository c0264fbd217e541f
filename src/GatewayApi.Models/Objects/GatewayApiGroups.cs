namespace GatewayApi.Models;

/// <summary>The API groups and versions Gateway API serves, as they appear on the wire.</summary>
public static class GatewayApiGroups
{
    /// <summary>The group of the standard and experimental kinds: <c>gateway.networking.k8s.io</c>.</summary>
    public const string Group = "gateway.networking.k8s.io";

    /// <summary>The group of the experimental-only <c>X</c> kinds: <c>gateway.networking.x-k8s.io</c>.</summary>
    public const string ExperimentalGroup = "gateway.networking.x-k8s.io";

    /// <summary><c>gateway.networking.k8s.io/v1</c>, the storage version of every standard kind but ReferenceGrant.</summary>
    public const string V1 = Group + "/v1";

    /// <summary><c>gateway.networking.k8s.io/v1beta1</c>.</summary>
    public const string V1Beta1 = Group + "/v1beta1";

    /// <summary><c>gateway.networking.k8s.io/v1alpha2</c> (deprecated TLSRoute, TCPRoute and UDPRoute versions).</summary>
    public const string V1Alpha2 = Group + "/v1alpha2";

    /// <summary><c>gateway.networking.k8s.io/v1alpha3</c> (deprecated TLSRoute and BackendTLSPolicy versions).</summary>
    public const string V1Alpha3 = Group + "/v1alpha3";

    /// <summary><c>gateway.networking.x-k8s.io/v1alpha1</c>, the version of the experimental <c>X</c> kinds.</summary>
    public const string ExperimentalV1Alpha1 = ExperimentalGroup + "/v1alpha1";
}
