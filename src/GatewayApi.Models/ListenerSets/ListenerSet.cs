using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// A ListenerSet adds listeners to an existing Gateway (GEP-1713), so that teams can bring their own
/// hostnames and certificates without editing the shared Gateway. The parent must allow it through
/// <c>spec.allowedListeners</c>; by default no ListenerSet may attach.
/// </summary>
/// <remarks>
/// The Gateway behaves as if it had one merged listener list: its own listeners first, then those of
/// attached ListenerSets, oldest first, ties broken by <c>{namespace}/{name}</c>. Routes attach to a
/// ListenerSet by naming it as a parentRef, optionally with a listener's <c>sectionName</c>. ReferenceGrants
/// are not shared between a Gateway and its ListenerSets.
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = KindName, ApiVersion = "v1", PluralName = "listenersets")]
public sealed class ListenerSet : GatewayApiObject<ListenerSetSpec, ListenerSetStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "ListenerSet";

    /// <summary>Creates a ListenerSet with <c>apiVersion</c> <c>gateway.networking.k8s.io/v1</c>.</summary>
    public ListenerSet()
        : base(GatewayApiGroups.V1, KindName)
    {
    }
}

/// <summary>The desired state of a <see cref="ListenerSet"/>.</summary>
public sealed class ListenerSetSpec : SchemaObject
{
    /// <summary>The Gateway these listeners are added to. Required.</summary>
    [JsonPropertyName("parentRef")]
    public ParentGatewayReference? ParentRef { get; set; }

    /// <summary>
    /// The listeners to add (the spec's <c>ListenerEntry</c>, the same shape as a Gateway listener).
    /// Required, 1 to 64 entries, names unique within this ListenerSet. A listener that clashes with others
    /// of the merged set is reported <c>Conflicted</c>; an implementation may refuse some with reason
    /// <c>TooManyListeners</c>.
    /// </summary>
    [JsonPropertyName("listeners")]
    public IList<Listener>? Listeners { get; set; }
}

/// <summary>The observed state of a <see cref="ListenerSet"/>, written by the parent Gateway's controller.</summary>
public sealed class ListenerSetStatus : SchemaObject
{
    /// <summary>
    /// The ListenerSet's conditions (see <see cref="ListenerSetConditionType"/>), one per type, at most 8.
    /// The API server fills in <c>Accepted</c> and <c>Programmed</c> as <c>Unknown</c> with reason
    /// <c>Pending</c> until a controller writes them.
    /// </summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition>? Conditions { get; set; }

    /// <summary>
    /// The status of each listener (the spec's <c>ListenerEntryStatus</c>), one entry per listener name, at
    /// most 64; conditions use <see cref="ListenerEntryConditionType"/>.
    /// </summary>
    [JsonPropertyName("listeners")]
    public IList<ListenerStatus>? Listeners { get; set; }
}

/// <summary>A list of <see cref="ListenerSet"/>s, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = "ListenerSetList", ApiVersion = "v1", PluralName = "listenersets")]
public sealed class ListenerSetList : GatewayApiObjectList<ListenerSet>
{
    /// <summary>Creates an empty list.</summary>
    public ListenerSetList()
        : base(GatewayApiGroups.V1, "ListenerSetList")
    {
    }
}
