using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// A BackendTLSPolicy tells Gateways how to open TLS to a backend (usually a Service, or one of its ports):
/// which hostname to send as SNI and which CA certificates and names to check the backend's certificate
/// against. It is a direct policy: it affects only the objects it targets.
/// </summary>
/// <remarks>
/// The storage version is <c>v1</c>; the experimental channel also serves the deprecated <c>v1alpha3</c> with the
/// same shape. The CRD carries the label <c>gateway.networking.k8s.io/policy: Direct</c>.
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = KindName, ApiVersion = "v1", PluralName = "backendtlspolicies")]
public sealed class BackendTlsPolicy : GatewayApiObject<BackendTlsPolicySpec, PolicyStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "BackendTLSPolicy";

    /// <summary>Creates a BackendTLSPolicy with <c>apiVersion</c> <c>gateway.networking.k8s.io/v1</c>.</summary>
    public BackendTlsPolicy()
        : base(GatewayApiGroups.V1, KindName)
    {
    }
}

/// <summary>The desired state of a <see cref="BackendTlsPolicy"/>.</summary>
public sealed class BackendTlsPolicySpec : SchemaObject
{
    /// <summary>
    /// The objects the policy applies to, in the policy's namespace; a <see cref="LocalPolicyTargetReferenceWithSectionName.SectionName"/>
    /// narrows it to one Service port. Required, 1 to 16 entries, each target-and-section at most once.
    /// Extended support for Services; other kinds are implementation-specific. Implementations should
    /// support a single target only.
    /// </summary>
    [JsonPropertyName("targetRefs")]
    public IList<LocalPolicyTargetReferenceWithSectionName>? TargetRefs { get; set; }

    /// <summary>How the backend's certificate is checked, and the SNI to send. Required.</summary>
    [JsonPropertyName("validation")]
    public BackendTlsPolicyValidation? Validation { get; set; }

    /// <summary>
    /// Extra, implementation-specific TLS settings (for example a minimum TLS version or cipher suites) as
    /// key/value pairs. At most 16 entries, values up to 4096 characters. Keys an implementation defines
    /// must be domain-prefixed; unprefixed keys are reserved for Gateway API.
    /// </summary>
    [JsonPropertyName("options")]
    public IDictionary<string, string>? Options { get; set; }
}

/// <summary>A list of <see cref="BackendTlsPolicy"/> objects, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = "BackendTLSPolicyList", ApiVersion = "v1", PluralName = "backendtlspolicies")]
public sealed class BackendTlsPolicyList : GatewayApiObjectList<BackendTlsPolicy>
{
    /// <summary>Creates an empty list.</summary>
    public BackendTlsPolicyList()
        : base(GatewayApiGroups.V1, "BackendTLSPolicyList")
    {
    }
}
