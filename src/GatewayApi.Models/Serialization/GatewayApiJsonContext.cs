using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// The source-generated System.Text.Json metadata for every Gateway API kind and its list, and for the core
/// kinds a Gateway API engine reads (Namespace, Service, Secret, ConfigMap, EndpointSlice). No reflection at
/// run time, so trimmed and native AOT applications can use it. Timestamps are written the way
/// <see cref="KubernetesJson"/> writes them, so the two serializers' output is interchangeable.
/// </summary>
/// <remarks>
/// Combine it with your own context through <c>JsonTypeInfoResolver.Combine</c>,
/// or use <see cref="GatewayApiJson.Options"/> as they are.
/// </remarks>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    Converters = [typeof(KubernetesJson.KubernetesDateTimeConverter), typeof(KubernetesJson.KubernetesDateTimeOffsetConverter)])]
[JsonSerializable(typeof(GatewayClass))]
[JsonSerializable(typeof(GatewayClassList))]
[JsonSerializable(typeof(Gateway))]
[JsonSerializable(typeof(GatewayList))]
[JsonSerializable(typeof(ListenerSet))]
[JsonSerializable(typeof(ListenerSetList))]
[JsonSerializable(typeof(HttpRoute))]
[JsonSerializable(typeof(HttpRouteList))]
[JsonSerializable(typeof(GrpcRoute))]
[JsonSerializable(typeof(GrpcRouteList))]
[JsonSerializable(typeof(TlsRoute))]
[JsonSerializable(typeof(TlsRouteList))]
[JsonSerializable(typeof(TcpRoute))]
[JsonSerializable(typeof(TcpRouteList))]
[JsonSerializable(typeof(UdpRoute))]
[JsonSerializable(typeof(UdpRouteList))]
[JsonSerializable(typeof(ReferenceGrant))]
[JsonSerializable(typeof(ReferenceGrantList))]
[JsonSerializable(typeof(BackendTlsPolicy))]
[JsonSerializable(typeof(BackendTlsPolicyList))]
[JsonSerializable(typeof(XBackendTrafficPolicy))]
[JsonSerializable(typeof(XBackendTrafficPolicyList))]
[JsonSerializable(typeof(XMesh))]
[JsonSerializable(typeof(XMeshList))]
[JsonSerializable(typeof(XBackend))]
[JsonSerializable(typeof(XBackendList))]
[JsonSerializable(typeof(V1Namespace))]
[JsonSerializable(typeof(V1Service))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(V1ConfigMap))]
[JsonSerializable(typeof(V1EndpointSlice))]
[JsonSerializable(typeof(V1ObjectMeta))]
[JsonSerializable(typeof(V1Condition))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class GatewayApiJsonContext : JsonSerializerContext
{
}
