using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Settings for the infrastructure an implementation creates for a Gateway (Extended support, feature
/// <c>GatewayInfrastructurePropagation</c>): labels and annotations to put on it, and per-Gateway parameters.
/// </summary>
public sealed class GatewayInfrastructure : SchemaObject
{
    /// <summary>
    /// Labels the implementation should put on every resource it creates for this Gateway (for Kubernetes
    /// objects, their <c>metadata.labels</c>). At most 8 entries; keys are label keys, values label values.
    /// </summary>
    [JsonPropertyName("labels")]
    public IDictionary<string, string>? Labels { get; set; }

    /// <summary>
    /// Annotations the implementation should put on every resource it creates for this Gateway. At most 16
    /// entries, values at most 4096 characters.
    /// </summary>
    [JsonPropertyName("annotations")]
    public IDictionary<string, string>? Annotations { get; set; }

    /// <summary>
    /// Controller-specific configuration for this Gateway, in its namespace (Implementation-specific
    /// support). How it combines with the class's <c>parametersRef</c> is up to the implementation; a bad
    /// reference should make the Gateway <c>Accepted=False</c> with reason <c>InvalidParameters</c>.
    /// </summary>
    [JsonPropertyName("parametersRef")]
    public LocalParametersReference? ParametersRef { get; set; }
}
