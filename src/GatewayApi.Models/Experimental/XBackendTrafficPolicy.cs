using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// An XBackendTrafficPolicy shapes traffic to the backends it targets (Services, ServiceImports or
/// implementation-specific backends): a retry budget that stops retry storms, and session persistence.
/// It is a direct policy. Experimental channel only (group <c>gateway.networking.x-k8s.io</c>).
/// </summary>
/// <remarks>The only version is <c>v1alpha1</c>. The CRD carries the label <c>gateway.networking.k8s.io/policy: Direct</c>.</remarks>
[KubernetesEntity(Group = GatewayApiGroups.ExperimentalGroup, Kind = KindName, ApiVersion = "v1alpha1", PluralName = "xbackendtrafficpolicies")]
public sealed class XBackendTrafficPolicy : GatewayApiObject<XBackendTrafficPolicySpec, PolicyStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "XBackendTrafficPolicy";

    /// <summary>Creates an XBackendTrafficPolicy with <c>apiVersion</c> <c>gateway.networking.x-k8s.io/v1alpha1</c>.</summary>
    public XBackendTrafficPolicy()
        : base(GatewayApiGroups.ExperimentalV1Alpha1, KindName)
    {
    }
}

/// <summary>The desired state of an <see cref="XBackendTrafficPolicy"/>. Experimental channel only.</summary>
public sealed class XBackendTrafficPolicySpec : SchemaObject
{
    /// <summary>
    /// The backends the policy applies to, in the policy's namespace (whole objects: no section name).
    /// Required, 1 to 16 entries, each group/kind/name at most once.
    /// </summary>
    [JsonPropertyName("targetRefs")]
    public IList<LocalPolicyTargetReference>? TargetRefs { get; set; }

    /// <summary>
    /// Limits retries to the targeted backends with a budget: once retries exceed a share of recent
    /// requests, further retries fail with 503. Works alongside HTTPRoute retry settings. Extended support.
    /// </summary>
    [JsonPropertyName("retryConstraint")]
    public RetryConstraint? RetryConstraint { get; set; }

    /// <summary>Session persistence for the targeted backends. Extended support.</summary>
    [JsonPropertyName("sessionPersistence")]
    public SessionPersistence? SessionPersistence { get; set; }
}

/// <summary>
/// A retry budget: how large a share of active requests may be retries, with a floor so that retries stay
/// possible when traffic is low. Experimental channel only.
/// </summary>
public sealed class RetryConstraint : SchemaObject
{
    /// <summary>The budget itself. Absent means 20 percent over 10 seconds.</summary>
    [JsonPropertyName("budget")]
    public RetryBudget? Budget { get; set; }

    /// <summary>
    /// Retries always allowed whatever the budget, as a count per interval (per client). Absent means 10
    /// per second.
    /// </summary>
    [JsonPropertyName("minRetryRate")]
    public RequestRate? MinRetryRate { get; set; }
}

/// <summary>The share of recent requests that may be retries. Experimental channel only.</summary>
public sealed class RetryBudget : SchemaObject
{
    /// <summary>The maximum percentage of active requests that may be retries, 0 to 100. Absent means 20.</summary>
    [JsonPropertyName("percent")]
    public int? Percent { get; set; }

    /// <summary>
    /// The window over which requests are counted for the budget, from 1s to 1h. Absent means <c>10s</c>.
    /// Each retry of the same request within the window counts again.
    /// </summary>
    [JsonPropertyName("interval")]
    public GatewayDuration? Interval { get; set; }
}

/// <summary>A number of requests per time interval. Experimental channel only.</summary>
public sealed class RequestRate : SchemaObject
{
    /// <summary>How many requests per <see cref="Interval"/>, 1 to 1,000,000.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; set; }

    /// <summary>The length of the interval, more than 0s and at most 1h.</summary>
    [JsonPropertyName("interval")]
    public GatewayDuration? Interval { get; set; }
}

/// <summary>A list of <see cref="XBackendTrafficPolicy"/> objects, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.ExperimentalGroup, Kind = "XBackendTrafficPolicyList", ApiVersion = "v1alpha1", PluralName = "xbackendtrafficpolicies")]
public sealed class XBackendTrafficPolicyList : GatewayApiObjectList<XBackendTrafficPolicy>
{
    /// <summary>Creates an empty list.</summary>
    public XBackendTrafficPolicyList()
        : base(GatewayApiGroups.ExperimentalV1Alpha1, "XBackendTrafficPolicyList")
    {
    }
}
