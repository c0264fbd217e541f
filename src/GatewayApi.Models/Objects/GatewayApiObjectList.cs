using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>A list of Gateway API objects of one kind, as the API server returns it from a list call.</summary>
/// <typeparam name="T">The item kind.</typeparam>
public abstract class GatewayApiObjectList<T> : SchemaObject, IKubernetesObject<V1ListMeta>, IItems<T>
    where T : GatewayApiObject
{
    /// <summary>Sets <c>apiVersion</c> and <c>kind</c>.</summary>
    /// <param name="apiVersion">The <c>group/version</c>.</param>
    /// <param name="kind">The list kind, for example <c>HTTPRouteList</c>.</param>
    private protected GatewayApiObjectList(string apiVersion, string kind)
    {
        ApiVersion = apiVersion;
        Kind = kind;
    }

    /// <summary>The <c>group/version</c> of the list.</summary>
    [JsonPropertyName("apiVersion")]
    [JsonPropertyOrder(-3)]
    public string ApiVersion { get; set; }

    /// <summary>The list kind, for example <c>HTTPRouteList</c>.</summary>
    [JsonPropertyName("kind")]
    [JsonPropertyOrder(-2)]
    public string Kind { get; set; }

    /// <summary>List metadata: resourceVersion and continue token.</summary>
    [JsonPropertyName("metadata")]
    [JsonPropertyOrder(-1)]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The objects.</summary>
    [JsonPropertyName("items")]
    public IList<T> Items { get; set; } = new List<T>();
}
