using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// A GatewayClass names a kind of Gateway that a cluster offers and the controller that implements it.
/// Gateways pick a class by name; the controller whose <c>controllerName</c> matches takes care of them.
/// </summary>
/// <remarks>
/// GatewayClass is cluster-scoped (no namespace). Implementations are encouraged to treat it as a template
/// read when a Gateway is created, and to put the finalizer <see cref="GatewaysExistFinalizer"/> on a class
/// while Gateways still use it. <c>v1beta1</c> is served with the same shape.
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = KindName, ApiVersion = "v1", PluralName = "gatewayclasses")]
public sealed class GatewayClass : GatewayApiObject<GatewayClassSpec, GatewayClassStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "GatewayClass";

    /// <summary>
    /// The finalizer an implementation should keep on a GatewayClass while any Gateway uses it, so the
    /// class cannot disappear from under them.
    /// </summary>
    public const string GatewaysExistFinalizer = "gateway-exists-finalizer.gateway.networking.k8s.io";

    /// <summary>Creates a GatewayClass with <c>apiVersion</c> <c>gateway.networking.k8s.io/v1</c>.</summary>
    public GatewayClass()
        : base(GatewayApiGroups.V1, KindName)
    {
    }
}

/// <summary>The desired state of a <see cref="GatewayClass"/>.</summary>
public sealed class GatewayClassSpec : SchemaObject
{
    /// <summary>
    /// The controller that manages Gateways of this class, as a domain-prefixed path such as
    /// <c>example.net/gateway-controller</c>. Required, 1 to 253 characters; cannot change after creation.
    /// </summary>
    [JsonPropertyName("controllerName")]
    public string? ControllerName { get; set; }

    /// <summary>A short human-readable description of the class. At most 64 characters.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>
    /// Controller-specific configuration for the class (Implementation-specific support). Absent when the
    /// controller needs none. A missing, unsupported or malformed referent makes the class
    /// <c>Accepted=False</c> with reason <c>InvalidParameters</c>.
    /// </summary>
    [JsonPropertyName("parametersRef")]
    public ParametersReference? ParametersRef { get; set; }
}

/// <summary>The observed state of a <see cref="GatewayClass"/>, written by its controller.</summary>
public sealed class GatewayClassStatus : SchemaObject
{
    /// <summary>
    /// The class's conditions (see <see cref="GatewayClassConditionType"/>), one per type, at most 8. The
    /// API server fills in <c>Accepted=Unknown</c> with reason <c>Pending</c> until a controller writes it.
    /// </summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition>? Conditions { get; set; }

    /// <summary>
    /// The conformance features the implementation supports for this class, sorted ascending by name, one
    /// entry per name, at most 64.
    /// </summary>
    [JsonPropertyName("supportedFeatures")]
    public IList<SupportedFeature>? SupportedFeatures { get; set; }
}

/// <summary>One feature a GatewayClass's implementation supports, named as in the conformance suite.</summary>
[JsonConverter(typeof(Serialization.SupportedFeatureJsonConverter))]
public sealed class SupportedFeature : SchemaObject
{
    /// <summary>The feature's name, for example <c>HTTPRouteQueryParamMatching</c>. Required.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>A list of <see cref="GatewayClass"/>es, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = "GatewayClassList", ApiVersion = "v1", PluralName = "gatewayclasses")]
public sealed class GatewayClassList : GatewayApiObjectList<GatewayClass>
{
    /// <summary>Creates an empty list.</summary>
    public GatewayClassList()
        : base(GatewayApiGroups.V1, "GatewayClassList")
    {
    }
}
