using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// A Gateway is one instance of traffic-handling infrastructure: a set of listeners bound to one or more
/// addresses, run by the controller of its GatewayClass. Routes attach to its listeners.
/// </summary>
/// <remarks>
/// <c>v1beta1</c> is served with the same shape. A Gateway's name should be a valid RFC 1035 label (at
/// most 63 lower-case alphanumerics or <c>-</c>, starting and ending alphanumeric).
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = KindName, ApiVersion = "v1", PluralName = "gateways")]
public sealed class Gateway : GatewayApiObject<GatewaySpec, GatewayStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "Gateway";

    /// <summary>Creates a Gateway with <c>apiVersion</c> <c>gateway.networking.k8s.io/v1</c>.</summary>
    public Gateway()
        : base(GatewayApiGroups.V1, KindName)
    {
    }
}

/// <summary>The desired state of a <see cref="Gateway"/>.</summary>
public sealed class GatewaySpec : SchemaObject
{
    /// <summary>The name of the GatewayClass this Gateway belongs to. Required, 1 to 253 characters.</summary>
    [JsonPropertyName("gatewayClassName")]
    public string? GatewayClassName { get; set; }

    /// <summary>
    /// The listeners, each a distinct port/protocol/hostname endpoint on every address of the Gateway.
    /// Required, 1 to 64 entries, names unique; ListenerSets may add more when <see cref="AllowedListeners"/>
    /// lets them.
    /// </summary>
    [JsonPropertyName("listeners")]
    public IList<Listener>? Listeners { get; set; }

    /// <summary>
    /// The addresses requested for the Gateway (Extended support), at most 16. Absent lets the implementation
    /// choose. A requested address it cannot provide is reported in the status conditions.
    /// </summary>
    [JsonPropertyName("addresses")]
    public IList<GatewaySpecAddress>? Addresses { get; set; }

    /// <summary>Settings for the infrastructure created for this Gateway (Extended support).</summary>
    [JsonPropertyName("infrastructure")]
    public GatewayInfrastructure? Infrastructure { get; set; }

    /// <summary>Which ListenerSets may attach listeners to this Gateway. Absent means none may.</summary>
    [JsonPropertyName("allowedListeners")]
    public AllowedListeners? AllowedListeners { get; set; }

    /// <summary>
    /// Gateway-wide TLS settings: client-certificate validation on HTTPS listeners and the client certificate
    /// presented to backends (Extended support).
    /// </summary>
    [JsonPropertyName("tls")]
    public GatewayTlsConfig? Tls { get; set; }

    /// <summary>
    /// Makes the Gateway a default Gateway (GEP-3793): with <c>All</c> it claims every route that sets
    /// <c>useDefaultGateways: All</c>, still subject to its listeners' rules. Absent or <c>None</c> means it
    /// is not a default Gateway. Experimental channel only.
    /// </summary>
    [JsonPropertyName("defaultScope")]
    public GatewayDefaultScope? DefaultScope { get; set; }
}

/// <summary>The observed state of a <see cref="Gateway"/>, written by its controller.</summary>
public sealed class GatewayStatus : SchemaObject
{
    /// <summary>
    /// The addresses the Gateway is bound to, at most 16. May differ from the requested ones: assigned
    /// dynamically, partly assigned, or a requested one that could not be used.
    /// </summary>
    [JsonPropertyName("addresses")]
    public IList<GatewayStatusAddress>? Addresses { get; set; }

    /// <summary>
    /// The Gateway's conditions (see <see cref="GatewayConditionType"/>), one per type, at most 8. The API
    /// server fills in <c>Accepted</c> and <c>Programmed</c> as <c>Unknown</c> with reason <c>Pending</c>
    /// until a controller writes them.
    /// </summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition>? Conditions { get; set; }

    /// <summary>The status of each of the Gateway's own listeners, one entry per listener name, at most 64.</summary>
    [JsonPropertyName("listeners")]
    public IList<ListenerStatus>? Listeners { get; set; }

    /// <summary>
    /// How many ListenerSets are attached: selected by <see cref="GatewaySpec.AllowedListeners"/>, pointing
    /// at this Gateway, and <c>Accepted=True</c>.
    /// </summary>
    [JsonPropertyName("attachedListenerSets")]
    public int? AttachedListenerSets { get; set; }
}

/// <summary>A list of <see cref="Gateway"/>s, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = "GatewayList", ApiVersion = "v1", PluralName = "gateways")]
public sealed class GatewayList : GatewayApiObjectList<Gateway>
{
    /// <summary>Creates an empty list.</summary>
    public GatewayList()
        : base(GatewayApiGroups.V1, "GatewayList")
    {
    }
}
