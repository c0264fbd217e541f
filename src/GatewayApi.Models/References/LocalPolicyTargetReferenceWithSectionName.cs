using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Identifies the object a policy applies to, in the policy's own namespace, optionally narrowed to one
/// section of it (a listener of a Gateway, a port of a Service): the spec's
/// <c>LocalPolicyTargetReferenceWithSectionName</c>, used by BackendTLSPolicy.
/// </summary>
public sealed class LocalPolicyTargetReferenceWithSectionName : LocalPolicyTargetReference
{
    /// <summary>
    /// A section of the target: a listener name on a Gateway, a port name on a Service. Absent means the
    /// whole target.
    /// </summary>
    [JsonPropertyName("sectionName")]
    public string? SectionName { get; set; }
}
