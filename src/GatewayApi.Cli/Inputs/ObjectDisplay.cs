using GatewayApi.Models;
using k8s;
using k8s.Models;

namespace GatewayApi.Cli.Inputs;

/// <summary>How objects are named in output: <c>Kind namespace/name</c>; cluster-scoped kinds without a namespace.</summary>
internal static class ObjectDisplay
{
    private static readonly HashSet<string> ClusterScoped = new(StringComparer.Ordinal)
    {
        "GatewayClass", "Namespace", "CustomResourceDefinition", "XMesh", "ClusterRole", "ClusterRoleBinding", "Node", "PersistentVolume", "StorageClass",
    };

    /// <summary>Whether objects of this kind live outside namespaces.</summary>
    public static bool IsClusterScoped(string kind) => ClusterScoped.Contains(kind);

    /// <summary>The namespace an object is in: its own, or <c>default</c> as <c>kubectl apply</c> would place it; null when cluster-scoped.</summary>
    public static string? NamespaceOf(IKubernetesObject<V1ObjectMeta> value)
        => IsClusterScoped(value.Kind ?? string.Empty) ? null
            : string.IsNullOrEmpty(value.Metadata?.NamespaceProperty) ? "default" : value.Metadata.NamespaceProperty;

    /// <summary><c>Kind namespace/name</c>.</summary>
    public static string Name(IKubernetesObject<V1ObjectMeta> value) => Name(value.Kind ?? "?", NamespaceOf(value), value.Metadata?.Name);

    /// <summary><c>Kind namespace/name</c>, or <c>Kind name</c> when <paramref name="namespace"/> is null.</summary>
    public static string Name(string kind, string? @namespace, string? name)
        => kind + " " + (@namespace is null ? string.Empty : @namespace + "/") + (string.IsNullOrEmpty(name) ? "<unnamed>" : name);

    /// <summary>Whether the object is of a Gateway API group (standard or experimental).</summary>
    public static bool IsGatewayApiGroup(string? apiVersion)
    {
        var group = apiVersion is null ? string.Empty : apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
        return group is GatewayApiGroups.Group or GatewayApiGroups.ExperimentalGroup;
    }
}
