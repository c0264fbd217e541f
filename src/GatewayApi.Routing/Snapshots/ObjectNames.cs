using k8s;
using k8s.Models;

namespace GatewayApi.Routing.Snapshots;

/// <summary>How the engine names objects: the namespace an object lives in and stable <c>namespace/name</c> keys.</summary>
internal static class ObjectNames
{
    /// <summary>The namespace <c>kubectl apply</c> puts namespaced objects in when their manifest gives none.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>The label the API server puts on every Namespace (Kubernetes 1.22+), holding its name.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    public static string NamespaceOf(IKubernetesObject<V1ObjectMeta> value)
        => string.IsNullOrEmpty(value.Metadata?.NamespaceProperty) ? DefaultNamespace : value.Metadata.NamespaceProperty;

    public static string NameOf(IKubernetesObject<V1ObjectMeta> value) => value.Metadata?.Name ?? string.Empty;

    public static string Key(string @namespace, string name) => @namespace + "/" + name;

    public static string KeyOf(IKubernetesObject<V1ObjectMeta> value) => Key(NamespaceOf(value), NameOf(value));

    /// <summary>Orders objects by creation time (oldest first, absent last), then by <c>{namespace}/{name}</c>, the spec's tie-break.</summary>
    public static int CompareByAge(IKubernetesObject<V1ObjectMeta> left, IKubernetesObject<V1ObjectMeta> right)
    {
        var leftTime = left.Metadata?.CreationTimestamp ?? DateTime.MaxValue;
        var rightTime = right.Metadata?.CreationTimestamp ?? DateTime.MaxValue;
        var byTime = leftTime.CompareTo(rightTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(KeyOf(left), KeyOf(right));
    }
}
