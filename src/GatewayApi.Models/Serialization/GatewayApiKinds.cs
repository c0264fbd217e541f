using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// Every kind the SDK reads into a typed object: the Gateway API v1.6.1 kinds of both release channels and
/// the core kinds a Gateway API engine needs (Namespace, Service, Secret, ConfigMap, EndpointSlice).
/// </summary>
public static class GatewayApiKinds
{
    private static readonly string[] V1 = ["v1"];
    private static readonly string[] V1AndV1Beta1 = ["v1", "v1beta1"];
    private static readonly string[] None = [];
    private static readonly string[] V1Alpha1 = ["v1alpha1"];

    private static readonly Dictionary<(string Group, string Kind), GatewayApiKind> ByGroupKind;
    private static readonly Dictionary<Type, GatewayApiKind> ByType;

    static GatewayApiKinds()
    {
        var context = GatewayApiJsonContext.Default;
        All =
        [
            GatewayApi<GatewayClass, GatewayClassList>("GatewayClass", "gatewayclasses", false, "v1", V1AndV1Beta1, V1AndV1Beta1, context.GatewayClass),
            GatewayApi<Gateway, GatewayList>("Gateway", "gateways", true, "v1", V1AndV1Beta1, V1AndV1Beta1, context.Gateway),
            GatewayApi<ListenerSet, ListenerSetList>("ListenerSet", "listenersets", true, "v1", V1, V1, context.ListenerSet),
            GatewayApi<HttpRoute, HttpRouteList>("HTTPRoute", "httproutes", true, "v1", V1AndV1Beta1, V1AndV1Beta1, context.HttpRoute),
            GatewayApi<GrpcRoute, GrpcRouteList>("GRPCRoute", "grpcroutes", true, "v1", V1, V1, context.GrpcRoute),
            GatewayApi<TlsRoute, TlsRouteList>("TLSRoute", "tlsroutes", true, "v1", V1, ["v1", "v1alpha2", "v1alpha3"], context.TlsRoute),
            GatewayApi<TcpRoute, TcpRouteList>("TCPRoute", "tcproutes", true, "v1", V1, ["v1", "v1alpha2"], context.TcpRoute),
            GatewayApi<UdpRoute, UdpRouteList>("UDPRoute", "udproutes", true, "v1", V1, ["v1", "v1alpha2"], context.UdpRoute),
            GatewayApi<ReferenceGrant, ReferenceGrantList>("ReferenceGrant", "referencegrants", true, "v1", V1AndV1Beta1, V1AndV1Beta1, context.ReferenceGrant),
            GatewayApi<BackendTlsPolicy, BackendTlsPolicyList>("BackendTLSPolicy", "backendtlspolicies", true, "v1", V1, ["v1", "v1alpha3"], context.BackendTlsPolicy),
            Experimental<XBackendTrafficPolicy, XBackendTrafficPolicyList>("XBackendTrafficPolicy", "xbackendtrafficpolicies", true, context.XBackendTrafficPolicy),
            Experimental<XMesh, XMeshList>("XMesh", "xmeshes", false, context.XMesh),
            Experimental<XBackend, XBackendList>("XBackend", "xbackends", true, context.XBackend),
            Core<k8s.Models.V1Namespace>(string.Empty, "Namespace", "namespaces", false, context.V1Namespace),
            Core<k8s.Models.V1Service>(string.Empty, "Service", "services", true, context.V1Service),
            Core<k8s.Models.V1Secret>(string.Empty, "Secret", "secrets", true, context.V1Secret),
            Core<k8s.Models.V1ConfigMap>(string.Empty, "ConfigMap", "configmaps", true, context.V1ConfigMap),
            Core<k8s.Models.V1EndpointSlice>("discovery.k8s.io", "EndpointSlice", "endpointslices", true, context.V1EndpointSlice),
        ];

        ByGroupKind = All.ToDictionary(k => (k.Group, k.Kind));
        ByType = All.ToDictionary(k => k.ClrType);
        foreach (var kind in All.Where(k => k.ListClrType is not null))
        {
            ByType[kind.ListClrType!] = kind;
        }
    }

    /// <summary>Every kind, Gateway API kinds first.</summary>
    public static IReadOnlyList<GatewayApiKind> All { get; }

    /// <summary>Finds a kind by its group and kind name (case-sensitive, as on the wire).</summary>
    /// <param name="group">The API group; <c>""</c> for the core group.</param>
    /// <param name="kind">The kind name.</param>
    /// <param name="result">The kind, when known.</param>
    public static bool TryFind(string group, string kind, [NotNullWhen(true)] out GatewayApiKind? result)
        => ByGroupKind.TryGetValue((group, kind), out result);

    /// <summary>Finds the kind a .NET type (or list type) models.</summary>
    /// <param name="type">The model type.</param>
    /// <param name="result">The kind, when the type models one.</param>
    public static bool TryFind(Type type, [NotNullWhen(true)] out GatewayApiKind? result)
        => ByType.TryGetValue(type, out result);

    /// <summary>Splits an <c>apiVersion</c> into group and version (<c>v1</c> is the core group).</summary>
    /// <param name="apiVersion">For example <c>gateway.networking.k8s.io/v1</c>.</param>
    public static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var slash = apiVersion.LastIndexOf('/');
        return slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    private static GatewayApiKind GatewayApi<T, TList>(string kind, string plural, bool namespaced, string preferred, string[] standard, string[] experimental, JsonTypeInfo typeInfo)
        => new()
        {
            Group = GatewayApiGroups.Group,
            Kind = kind,
            Plural = plural,
            Namespaced = namespaced,
            PreferredVersion = preferred,
            StandardVersions = standard,
            ExperimentalVersions = experimental,
            ClrType = typeof(T),
            ListClrType = typeof(TList),
            TypeInfo = typeInfo,
        };

    private static GatewayApiKind Experimental<T, TList>(string kind, string plural, bool namespaced, JsonTypeInfo typeInfo)
        => new()
        {
            Group = GatewayApiGroups.ExperimentalGroup,
            Kind = kind,
            Plural = plural,
            Namespaced = namespaced,
            PreferredVersion = "v1alpha1",
            StandardVersions = None,
            ExperimentalVersions = V1Alpha1,
            ClrType = typeof(T),
            ListClrType = typeof(TList),
            TypeInfo = typeInfo,
        };

    private static GatewayApiKind Core<T>(string group, string kind, string plural, bool namespaced, JsonTypeInfo typeInfo)
        => new()
        {
            Group = group,
            Kind = kind,
            Plural = plural,
            Namespaced = namespaced,
            PreferredVersion = "v1",
            StandardVersions = V1,
            ExperimentalVersions = V1,
            ClrType = typeof(T),
            TypeInfo = typeInfo,
        };
}
