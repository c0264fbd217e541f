using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Points a GatewayClass (or an XMesh) at an object holding controller-specific configuration: a
/// ConfigMap or a custom resource of the implementation, cluster-scoped or namespaced.
/// </summary>
public sealed class ParametersReference : SchemaObject
{
    /// <summary>The referent's API group; <c>""</c> is the core group. Required.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The referent's kind, for example <c>ConfigMap</c>. Required.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>The referent's name. Required, 1 to 253 characters.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// The referent's namespace: must be set when the referent is namespaced and must be absent when it
    /// is cluster-scoped. Getting this wrong makes the class <c>Accepted=False</c> with reason
    /// <c>InvalidParameters</c>.
    /// </summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }
}
