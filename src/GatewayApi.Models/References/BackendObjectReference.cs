using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Identifies a backend: by default a Service in the referrer's namespace. A reference to another
/// namespace is only valid when a ReferenceGrant there allows it.
/// </summary>
public class BackendObjectReference : SchemaObject
{
    /// <summary>The referent's API group. Absent means the core group <c>""</c>.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The referent's kind. Absent means <c>Service</c>.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>The referent's name. Required.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The referent's namespace. Absent means the referrer's namespace.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>
    /// The destination port. Required when the referent is a Kubernetes Service; for other kinds its
    /// meaning is the kind's.
    /// </summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }
}
