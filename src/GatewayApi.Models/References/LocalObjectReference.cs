using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Identifies an object in the referrer's own namespace by group, kind and name (for example an
/// ExtensionRef filter's target, or a ConfigMap of CA certificates).
/// </summary>
public sealed class LocalObjectReference : SchemaObject
{
    /// <summary>The referent's API group; <c>""</c> is the core group. Required.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The referent's kind, for example <c>ConfigMap</c>. Required.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>The referent's name. Required.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
