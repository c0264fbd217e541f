using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// An HTTPRoute sends HTTP requests that arrive at its parents (Gateway listeners, or Services for mesh
/// routes) to backends. Its rules select requests by host, path, method, headers and query parameters,
/// can change them on the way with filters, and split them between weighted backends.
/// </summary>
/// <remarks>
/// Stored as <c>v1</c>; <c>v1beta1</c> is also served with the same shape. New objects are written as
/// <c>v1</c>; objects read keep the version they were read as.
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = KindName, ApiVersion = "v1", PluralName = "httproutes")]
public sealed class HttpRoute : GatewayApiObject<HttpRouteSpec, RouteStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "HTTPRoute";

    /// <summary>Creates an HTTPRoute with <c>apiVersion</c> <c>gateway.networking.k8s.io/v1</c>.</summary>
    public HttpRoute()
        : base(GatewayApiGroups.V1, KindName)
    {
    }
}

/// <summary>The desired state of an <see cref="HttpRoute"/>.</summary>
public sealed class HttpRouteSpec : SchemaObject
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
    /// The hostnames (matched against the HTTP <c>Host</c> header, port ignored) this route serves; a
    /// leading <c>*.</c> label matches any subdomain. Absent or empty means every hostname the listener
    /// accepts. At most 16 entries; IP addresses are not valid.
    /// </summary>
    [JsonPropertyName("hostnames")]
    public IList<string>? Hostnames { get; set; }

    /// <summary>
    /// The routing rules. 1 to 16 entries, at most 128 matches across all of them. Absent means a single
    /// rule matching every path (a <c>PathPrefix</c> match on <c>/</c>) with no backends.
    /// </summary>
    [JsonPropertyName("rules")]
    public IList<HttpRouteRule>? Rules { get; set; }
}

/// <summary>A list of <see cref="HttpRoute"/>s, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = "HTTPRouteList", ApiVersion = "v1", PluralName = "httproutes")]
public sealed class HttpRouteList : GatewayApiObjectList<HttpRoute>
{
    /// <summary>Creates an empty list.</summary>
    public HttpRouteList()
        : base(GatewayApiGroups.V1, "HTTPRouteList")
    {
    }
}
