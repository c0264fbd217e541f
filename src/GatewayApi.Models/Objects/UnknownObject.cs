using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// A document of a kind this SDK does not model (a Deployment, a CRD of another project, a Gateway API kind
/// newer than v1.6.1). It is kept whole, exactly as read, and written back unchanged.
/// </summary>
public sealed class UnknownObject : IKubernetesObject<V1ObjectMeta>
{
    private V1ObjectMeta? _metadata;

    /// <summary>Wraps a document.</summary>
    /// <param name="content">The whole document; it is not copied.</param>
    public UnknownObject(JsonObject content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
    }

    /// <summary>The whole document, the source of truth for every field.</summary>
    public JsonObject Content { get; }

    /// <summary>The document's <c>apiVersion</c>.</summary>
    public string ApiVersion
    {
        get => Content["apiVersion"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
        set => Content["apiVersion"] = value;
    }

    /// <summary>The document's <c>kind</c>.</summary>
    public string Kind
    {
        get => Content["kind"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
        set => Content["kind"] = value;
    }

    /// <summary>
    /// The document's metadata, read from <see cref="Content"/> on first use. Changes made to it are written
    /// back into <see cref="Content"/> when the object is serialized (or by <see cref="SyncMetadata"/>).
    /// </summary>
    public V1ObjectMeta Metadata
    {
        get => _metadata ??= Content["metadata"] is JsonObject metadata
            ? metadata.Deserialize(Serialization.GatewayApiJsonContext.Default.V1ObjectMeta) ?? new V1ObjectMeta()
            : new V1ObjectMeta();
        set => _metadata = value;
    }

    /// <summary>Writes <see cref="Metadata"/>, if it was read or set, back into <see cref="Content"/>.</summary>
    public void SyncMetadata()
    {
        if (_metadata is not null)
        {
            Content["metadata"] = JsonSerializer.SerializeToNode(_metadata, Serialization.GatewayApiJsonContext.Default.V1ObjectMeta);
        }
    }
}
