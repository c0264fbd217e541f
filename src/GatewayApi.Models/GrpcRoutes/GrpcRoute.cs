using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// A GRPCRoute sends gRPC calls that arrive at its parents (Gateway listeners, or Services for mesh
/// routes) to backends. Its rules select calls by host, service, method and headers, can change them with
/// filters, and split them between weighted backends.
/// </summary>
/// <remarks>
/// Stored and served as <c>v1</c> only. An implementation supporting GRPCRoute must accept HTTP/2 over
/// cleartext with prior knowledge. When an HTTPRoute and a GRPCRoute with intersecting hostnames share a
/// listener, the API asks implementations to accept only one of them: the older, then the alphabetically first.
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = KindName, ApiVersion = "v1", PluralName = "grpcroutes")]
public sealed class GrpcRoute : GatewayApiObject<GrpcRouteSpec, RouteStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "GRPCRoute";

    /// <summary>Creates a GRPCRoute with <c>apiVersion</c> <c>gateway.networking.k8s.io/v1</c>.</summary>
    public GrpcRoute()
        : base(GatewayApiGroups.V1, KindName)
    {
    }
}

/// <summary>The desired state of a <see cref="GrpcRoute"/>.</summary>
public sealed class GrpcRouteSpec : SchemaObject
{
    /// <summary>
    /// The parents (usually Gateways, possibly one listener of one) the route asks to attach to. At most
    /// 32 entries; two entries naming the same parent must tell it apart by <c>sectionName</c> or
    /// <c>port</c>. Each parent must also allow the attachment.
    /// </summary>
    [JsonPropertyName("parentRefs")]
    public IList<ParentReference>? ParentRefs { get; set; }

    /// <summary>
    /// Whether the route also asks to attach to default Gateways: <c>All</c> attaches it to every Gateway
    /// whose <c>defaultScope</c> is <c>All</c>. Absent or <c>None</c> means no default Gateway.
    /// Experimental channel only.
    /// </summary>
    [JsonPropertyName("useDefaultGateways")]
    public GatewayDefaultScope? UseDefaultGateways { get; set; }

    /// <summary>
    /// The hostnames (matched against the <c>Host</c>/<c>:authority</c> of the call) this route serves; a
    /// leading <c>*.</c> label matches any subdomain. Absent or empty means every hostname the listener
    /// accepts. At most 16 entries; IP addresses are not valid.
    /// </summary>
    [JsonPropertyName("hostnames")]
    public IList<string>? Hostnames { get; set; }

    /// <summary>
    /// The routing rules. At most 16 entries and 128 matches across all of them. Unlike HTTPRoute there is
    /// no default rule.
    /// </summary>
    [JsonPropertyName("rules")]
    public IList<GrpcRouteRule>? Rules { get; set; }
}

/// <summary>A list of <see cref="GrpcRoute"/>s, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = "GRPCRouteList", ApiVersion = "v1", PluralName = "grpcroutes")]
public sealed class GrpcRouteList : GatewayApiObjectList<GrpcRoute>
{
    /// <summary>Creates an empty list.</summary>
    public GrpcRouteList()
        : base(GatewayApiGroups.V1, "GRPCRouteList")
    {
    }
}
