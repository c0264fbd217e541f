using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Identifies any object by group, kind and name, optionally in another namespace (for example a
/// ConfigMap of CA certificates for client-certificate validation). Unlike
/// <see cref="SecretObjectReference"/>, group and kind have no defaults and must be written.
/// </summary>
public sealed class ObjectReference : SchemaObject
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
    /// The referent's namespace. Absent means the referrer's namespace; any other namespace needs a
    /// ReferenceGrant in that namespace.
    /// </summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }
}
