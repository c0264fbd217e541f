using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Identifies the whole object a policy applies to, in the policy's own namespace (the spec's
/// <c>LocalPolicyTargetReference</c>, used as is by XBackendTrafficPolicy).
/// </summary>
/// <remarks>
/// Policies that may narrow the target to one section (BackendTLSPolicy) use
/// <see cref="LocalPolicyTargetReferenceWithSectionName"/>, which adds <c>sectionName</c>. Kinds whose schema
/// lacks it use this type, so the field cannot be set where the API server would drop it.
/// </remarks>
public class LocalPolicyTargetReference : SchemaObject
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
}
