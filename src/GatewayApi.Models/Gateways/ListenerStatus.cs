using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// The observed state of one listener: the route kinds it supports, how many routes attached, and its
/// conditions.
/// </summary>
/// <remarks>
/// One type serves a Gateway's <c>status.listeners[]</c> (the spec's <c>ListenerStatus</c>) and a
/// ListenerSet's <c>status.listeners[]</c> (the spec's <c>ListenerEntryStatus</c>): both have exactly these
/// fields. The condition vocabulary differs: <see cref="ListenerConditionType"/> for Gateways,
/// <see cref="ListenerEntryConditionType"/> for ListenerSets.
/// </remarks>
public sealed class ListenerStatus : SchemaObject
{
    /// <summary>The name of the spec listener this entry is about. Required; one entry per listener.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// The route kinds the implementation supports on this listener as configured, at most 8. Kinds asked
    /// for in <c>allowedRoutes.kinds</c> but unsupported are left out (and the listener is
    /// <c>ResolvedRefs=False</c> with reason <c>InvalidRouteKinds</c>).
    /// </summary>
    [JsonPropertyName("supportedKinds")]
    public IList<RouteGroupKind>? SupportedKinds { get; set; }

    /// <summary>
    /// How many routes with <c>Accepted=True</c> are attached to this listener. Required. Counted whatever
    /// the listener's own conditions say, so it stays meaningful on a listener that is not accepted.
    /// </summary>
    [JsonPropertyName("attachedRoutes")]
    public int? AttachedRoutes { get; set; }

    /// <summary>The listener's conditions, one per type. Required, at most 8 entries.</summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition>? Conditions { get; set; }
}
