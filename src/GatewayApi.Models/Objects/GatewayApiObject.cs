using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// What every Gateway API object shares: <c>apiVersion</c>, <c>kind</c>, the standard Kubernetes
/// <c>metadata</c>, and the fields this version of the SDK does not know, kept so that writing an object
/// back never drops what a newer API version put there.
/// </summary>
public abstract class GatewayApiObject : SchemaObject, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Sets <c>apiVersion</c> and <c>kind</c> to the kind's storage version.</summary>
    /// <param name="apiVersion">The <c>group/version</c> to write by default.</param>
    /// <param name="kind">The kind's name on the wire.</param>
    private protected GatewayApiObject(string apiVersion, string kind)
    {
        ApiVersion = apiVersion;
        Kind = kind;
    }

    /// <summary>
    /// The <c>group/version</c> of the schema the object was written in. New objects get the kind's
    /// storage version; objects read from the wire keep the version they were read as (for example
    /// <c>gateway.networking.k8s.io/v1beta1</c>), since every served version shares one shape.
    /// </summary>
    [JsonPropertyName("apiVersion")]
    [JsonPropertyOrder(-3)]
    public string ApiVersion { get; set; }

    /// <summary>The kind's name on the wire, for example <c>HTTPRoute</c>.</summary>
    [JsonPropertyName("kind")]
    [JsonPropertyOrder(-2)]
    public string Kind { get; set; }

    /// <summary>Standard Kubernetes object metadata: name, namespace, labels, generation, ...</summary>
    [JsonPropertyName("metadata")]
    [JsonPropertyOrder(-1)]
    public V1ObjectMeta Metadata { get; set; } = new();
}

/// <summary>A Gateway API object with a <c>spec</c> and a <c>status</c>.</summary>
/// <typeparam name="TSpec">The kind's spec type.</typeparam>
/// <typeparam name="TStatus">The kind's status type.</typeparam>
public abstract class GatewayApiObject<TSpec, TStatus> : GatewayApiObject, ISpec<TSpec>, IStatus<TStatus?>
    where TSpec : class, new()
    where TStatus : class
{
    /// <inheritdoc />
    private protected GatewayApiObject(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    /// <summary>The desired state, written by users.</summary>
    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by controllers; absent until a controller writes it.</summary>
    [JsonPropertyName("status")]
    public TStatus? Status { get; set; }
}
