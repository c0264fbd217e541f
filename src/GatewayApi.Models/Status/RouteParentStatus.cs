using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>The status of a route with respect to one parent, written by the controller of that parent.</summary>
public sealed class RouteParentStatus : SchemaObject
{
    /// <summary>The parent this entry is about, as the route's spec refers to it. Required.</summary>
    [JsonPropertyName("parentRef")]
    public ParentReference? ParentRef { get; set; }

    /// <summary>
    /// The controller that wrote this entry, as in its GatewayClass's <c>controllerName</c>. Required. A
    /// controller must only touch entries carrying its own name.
    /// </summary>
    [JsonPropertyName("controllerName")]
    public string? ControllerName { get; set; }

    /// <summary>
    /// The route's conditions for this parent (<c>Accepted</c>, <c>ResolvedRefs</c>, <c>PartiallyInvalid</c>,
    /// ...). Required, 1 to 8 entries, one per type.
    /// </summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition>? Conditions { get; set; }
}
