using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Identifies the object a policy applies to, in the policy's own namespace, optionally narrowed to one
/// section of it (a listener of a Gateway, a port of a Service).
/// </summary>
/// <remarks>
/// One type serves the spec's <c>LocalPolicyTargetReference</c> and <c>LocalPolicyTargetReferenceWithSectionName</c>:
/// the second only adds <see cref="SectionName"/>, and a kind whose schema lacks it never sets it.
/// </remarks>
public sealed class LocalPolicyTargetReference : SchemaObject
{
    /// <summary>The target's API group; <c>""</c> is the core group. Required.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The target's kind, for example <c>Service</c>. Required.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>The target's name. Required.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// A section of the target: a listener name on a Gateway, a port name on a Service. Absent means the
    /// whole target. Only where the kind's schema has it.
    /// </summary>
    [JsonPropertyName("sectionName")]
    public string? SectionName { get; set; }
}
