using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// The status of a policy with respect to one ancestor: an object in the hierarchy above the policy's
/// target (typically the Gateway a route attaches to) whose controller evaluated the policy.
/// </summary>
public sealed class PolicyAncestorStatus : SchemaObject
{
    /// <summary>The ancestor this entry is about. Required.</summary>
    [JsonPropertyName("ancestorRef")]
    public ParentReference? AncestorRef { get; set; }

    /// <summary>The controller that wrote this entry. Required.</summary>
    [JsonPropertyName("controllerName")]
    public string? ControllerName { get; set; }

    /// <summary>The policy's conditions for this ancestor (<c>Accepted</c>, <c>ResolvedRefs</c>, ...). Required, 1 to 8 entries.</summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition>? Conditions { get; set; }
}
