using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// A TLSRoute forwards TLS connections to backends, chosen by the SNI hostname of the client's
/// ClientHello. The Gateway either passes the encrypted stream through or terminates TLS first,
/// depending on the listener's TLS mode.
/// </summary>
/// <remarks>
/// The storage version is <c>v1</c>. The experimental channel also serves the deprecated <c>v1alpha2</c> and
/// <c>v1alpha3</c> with the same shape (in <c>v1alpha2</c>, <c>hostnames</c> is optional and up to 16 rules are
/// allowed). New objects are written as <c>v1</c>; objects read keep the version they were read as.
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = KindName, ApiVersion = "v1", PluralName = "tlsroutes")]
public sealed class TlsRoute : GatewayApiObject<TlsRouteSpec, RouteStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "TLSRoute";

    /// <summary>Creates a TLSRoute with <c>apiVersion</c> <c>gateway.networking.k8s.io/v1</c>.</summary>
    public TlsRoute()
        : base(GatewayApiGroups.V1, KindName)
    {
    }
}

/// <summary>The desired state of a <see cref="TlsRoute"/>.</summary>
public sealed class TlsRouteSpec : SchemaObject
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
    /// The SNI hostnames the route matches, compared with the listener's hostname. Required in <c>v1</c>,
    /// 1 to 1024 entries. A hostname may start with a <c>*.</c> wildcard label; IP addresses are not allowed.
    /// </summary>
    [JsonPropertyName("hostnames")]
    public IList<string>? Hostnames { get; set; }

    /// <summary>
    /// What to do with matching connections. Required; exactly 1 rule in <c>v1</c> (the deprecated
    /// <c>v1alpha2</c> allowed up to 16, and such objects may still be read).
    /// </summary>
    [JsonPropertyName("rules")]
    public IList<L4RouteRule>? Rules { get; set; }
}

/// <summary>A list of <see cref="TlsRoute"/>s, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = "TLSRouteList", ApiVersion = "v1", PluralName = "tlsroutes")]
public sealed class TlsRouteList : GatewayApiObjectList<TlsRoute>
{
    /// <summary>Creates an empty list.</summary>
    public TlsRouteList()
        : base(GatewayApiGroups.V1, "TLSRouteList")
    {
    }
}
