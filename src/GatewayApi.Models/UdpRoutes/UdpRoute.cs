using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// A UDPRoute forwards UDP datagrams arriving on a listener to backends, without looking inside the
/// payload: every flow the route accepts goes to one of its rule's weighted backends.
/// </summary>
/// <remarks>
/// The storage version is <c>v1</c>. The experimental channel also serves the deprecated <c>v1alpha2</c> with the
/// same shape (it allowed up to 16 rules). New objects are written as <c>v1</c>; objects read keep the version
/// they were read as.
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = KindName, ApiVersion = "v1", PluralName = "udproutes")]
public sealed class UdpRoute : GatewayApiObject<UdpRouteSpec, RouteStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "UDPRoute";

    /// <summary>Creates a UDPRoute with <c>apiVersion</c> <c>gateway.networking.k8s.io/v1</c>.</summary>
    public UdpRoute()
        : base(GatewayApiGroups.V1, KindName)
    {
    }
}

/// <summary>The desired state of a <see cref="UdpRoute"/>.</summary>
public sealed class UdpRouteSpec : SchemaObject
{
    /// <summary>
    /// The Gateways (or other parents) the route wants to attach to. At most 32 entries. Absent means no
    /// explicit parent (a default Gateway may still claim the route, see <see cref="UseDefaultGateways"/>).
    /// </summary>
    [JsonPropertyName("parentRefs")]
    public IList<ParentReference>? ParentRefs { get; set; }

    /// <summary>
    /// Whether default Gateways may claim the route: <c>All</c> asks every Gateway whose default scope is
    /// <c>All</c>; <c>None</c> or absent asks none. Experimental channel only.
    /// </summary>
    [JsonPropertyName("useDefaultGateways")]
    public GatewayDefaultScope? UseDefaultGateways { get; set; }

    /// <summary>
    /// Where to send the datagrams. Required; exactly 1 rule in <c>v1</c> (the deprecated <c>v1alpha2</c>
    /// allowed up to 16, and such objects may still be read).
    /// </summary>
    [JsonPropertyName("rules")]
    public IList<L4RouteRule>? Rules { get; set; }
}

/// <summary>A list of <see cref="UdpRoute"/>s, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = "UDPRouteList", ApiVersion = "v1", PluralName = "udproutes")]
public sealed class UdpRouteList : GatewayApiObjectList<UdpRoute>
{
    /// <summary>Creates an empty list.</summary>
    public UdpRouteList()
        : base(GatewayApiGroups.V1, "UDPRouteList")
    {
    }
}
