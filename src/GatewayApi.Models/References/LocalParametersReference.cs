using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Points a Gateway (through <c>spec.infrastructure.parametersRef</c>) at an object in its own namespace
/// that holds controller-specific configuration for that one Gateway.
/// </summary>
public sealed class LocalParametersReference : SchemaObject
{
    /// <summary>The referent's API group; <c>""</c> is the core group. Required.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The referent's kind, for example <c>ConfigMap</c>. Required.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>The referent's name, in the Gateway's namespace. Required, 1 to 253 characters.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
