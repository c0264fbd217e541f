using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Identifies an object holding TLS material: by default a core-group Secret, optionally in another
/// namespace. A reference into another namespace only resolves when a ReferenceGrant there allows it.
/// </summary>
/// <remarks>
/// Used by listener <c>tls.certificateRefs</c>, by a Gateway's <c>tls.backend.clientCertificateRef</c>, and
/// by XBackend's <c>tls.clientCertificateRef</c>.
/// </remarks>
public sealed class SecretObjectReference : SchemaObject
{
    /// <summary>The referent's API group. Absent means the core group <c>""</c>.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The referent's kind. Absent means <c>Secret</c>.</summary>
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
