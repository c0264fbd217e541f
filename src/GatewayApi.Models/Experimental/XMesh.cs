using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// An XMesh describes one GAMMA service mesh in the cluster: which controller runs it, its optional
/// parameters, and (in status) whether the controller accepted it and which features it supports. It is
/// cluster-scoped, the mesh counterpart of a GatewayClass. Experimental channel only (group
/// <c>gateway.networking.x-k8s.io</c>).
/// </summary>
/// <remarks>
/// The only version is <c>v1alpha1</c>. The API server fills an absent <c>status</c> with a pending
/// <c>Accepted=Unknown</c> condition (and a present <c>status</c> without conditions with pending <c>Accepted</c>
/// and <c>Programmed</c>).
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.ExperimentalGroup, Kind = KindName, ApiVersion = "v1alpha1", PluralName = "xmeshes")]
public sealed class XMesh : GatewayApiObject<XMeshSpec, XMeshStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "XMesh";

    /// <summary>Creates an XMesh with <c>apiVersion</c> <c>gateway.networking.x-k8s.io/v1alpha1</c>.</summary>
    public XMesh()
        : base(GatewayApiGroups.ExperimentalV1Alpha1, KindName)
    {
    }
}

/// <summary>The desired state of an <see cref="XMesh"/>. Experimental channel only.</summary>
public sealed class XMeshSpec : SchemaObject
{
    /// <summary>
    /// The controller that runs this mesh, as <c>domain/path</c> (for example <c>example.com/awesome-mesh</c>).
    /// Required; cannot be changed after creation.
    /// </summary>
    [JsonPropertyName("controllerName")]
    public string? ControllerName { get; set; }

    /// <summary>
    /// An object (a ConfigMap or a custom resource, namespaced or cluster-scoped) holding implementation-specific
    /// settings for the mesh. Absent when none are needed. An unusable reference makes the mesh
    /// <c>Accepted=False</c> with reason <c>InvalidParameters</c>.
    /// </summary>
    [JsonPropertyName("parametersRef")]
    public ParametersReference? ParametersRef { get; set; }

    /// <summary>A human-readable description of the mesh, at most 64 characters.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>The observed state of an <see cref="XMesh"/>, written by its controller. Experimental channel only.</summary>
public sealed class XMeshStatus : SchemaObject
{
    /// <summary>
    /// The mesh's conditions (see <see cref="XMeshConditionType"/>), at most 8, one per type. Defaults to
    /// pending <c>Accepted</c> and <c>Programmed</c> conditions until the controller writes its own.
    /// </summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition>? Conditions { get; set; }

    /// <summary>
    /// The features the mesh implements, sorted ascending by name, at most 64 entries, each name at most once.
    /// </summary>
    [JsonPropertyName("supportedFeatures")]
    public IList<SupportedFeature>? SupportedFeatures { get; set; }
}

/// <summary>A list of <see cref="XMesh"/> objects, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.ExperimentalGroup, Kind = "XMeshList", ApiVersion = "v1alpha1", PluralName = "xmeshes")]
public sealed class XMeshList : GatewayApiObjectList<XMesh>
{
    /// <summary>Creates an empty list.</summary>
    public XMeshList()
        : base(GatewayApiGroups.ExperimentalV1Alpha1, "XMeshList")
    {
    }
}

/// <summary>The condition types of an <see cref="XMesh"/> in <c>status.conditions</c>; compare with <see cref="V1Condition.Type"/>. Experimental channel only.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<XMeshConditionType>))]
public readonly record struct XMeshConditionType(string Value) : IExtensibleValue<XMeshConditionType>
{
    /// <summary>Whether the controller named in <c>spec.controllerName</c> accepted the mesh. Starts <c>Unknown</c>.</summary>
    public static XMeshConditionType Accepted { get; } = new("Accepted");

    /// <summary>Whether the mesh is programmed; written <c>Unknown</c>/<c>Pending</c> by the schema default (no reasons are defined for it).</summary>
    public static XMeshConditionType Programmed { get; } = new("Programmed");

    /// <inheritdoc />
    public static IReadOnlyList<XMeshConditionType> KnownValues { get; } = [Accepted, Programmed];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static XMeshConditionType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator XMeshConditionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The reasons an <see cref="XMesh"/> gives for its conditions; compare with <see cref="V1Condition.Reason"/>. Experimental channel only.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<XMeshConditionReason>))]
public readonly record struct XMeshConditionReason(string Value) : IExtensibleValue<XMeshConditionReason>
{
    /// <summary>With <c>Accepted=True</c>: the controller accepted the mesh.</summary>
    public static XMeshConditionReason Accepted { get; } = new("Accepted");

    /// <summary>With <c>Accepted=False</c>: <c>parametersRef</c> points to a missing object, an unsupported kind or malformed data, or its namespace does not fit the scope of the referent.</summary>
    public static XMeshConditionReason InvalidParameters { get; } = new("InvalidParameters");

    /// <summary>With <c>Unknown</c>: the controller has not decided yet; the default on a new mesh.</summary>
    public static XMeshConditionReason Pending { get; } = new("Pending");

    /// <inheritdoc />
    public static IReadOnlyList<XMeshConditionReason> KnownValues { get; } = [Accepted, InvalidParameters, Pending];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static XMeshConditionReason Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator XMeshConditionReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
