using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// A ReferenceGrant lets objects in other namespaces refer to objects in its own namespace: for each
/// reference across namespaces, the owner of the target namespace must have said yes. It is a trust
/// handshake; without one, a cross-namespace backendRef or certificateRef does not resolve.
/// </summary>
/// <remarks>
/// The storage version is still <c>v1beta1</c>, and <c>v1</c> is served with the same shape. New objects are
/// written as <c>v1</c>; objects read keep the version they were read as. ReferenceGrant has no status.
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = KindName, ApiVersion = "v1", PluralName = "referencegrants")]
public sealed class ReferenceGrant : GatewayApiObject, k8s.Models.ISpec<ReferenceGrantSpec>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "ReferenceGrant";

    /// <summary>Creates a ReferenceGrant with <c>apiVersion</c> <c>gateway.networking.k8s.io/v1</c>.</summary>
    public ReferenceGrant()
        : base(GatewayApiGroups.V1, KindName)
    {
    }

    /// <summary>Which references from which namespaces this grant allows.</summary>
    [JsonPropertyName("spec")]
    public ReferenceGrantSpec Spec { get; set; } = new();
}

/// <summary>The desired state of a <see cref="ReferenceGrant"/>.</summary>
public sealed class ReferenceGrantSpec : SchemaObject
{
    /// <summary>
    /// The referrers allowed: a group, kind and namespace each. Required, 1 to 16 entries. A reference is
    /// allowed when its source matches one entry here and its target matches one entry of <see cref="To"/>.
    /// </summary>
    [JsonPropertyName("from")]
    public IList<ReferenceGrantFrom>? From { get; set; }

    /// <summary>
    /// The referents in this namespace that may be referred to: a group and kind, optionally one name.
    /// Required, 1 to 16 entries.
    /// </summary>
    [JsonPropertyName("to")]
    public IList<ReferenceGrantTo>? To { get; set; }
}

/// <summary>A referrer a <see cref="ReferenceGrant"/> trusts.</summary>
public sealed class ReferenceGrantFrom : SchemaObject
{
    /// <summary>The referrer's API group; <c>""</c> is the core group. Required.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The referrer's kind, for example <c>HTTPRoute</c> or <c>Gateway</c>. Required.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>The referrer's namespace. Required.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }
}

/// <summary>A referent a <see cref="ReferenceGrant"/> exposes to the trusted referrers.</summary>
public sealed class ReferenceGrantTo : SchemaObject
{
    /// <summary>The referent's API group; <c>""</c> is the core group. Required.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The referent's kind, for example <c>Service</c> or <c>Secret</c>. Required.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>One referent by name. Absent means every object of the group and kind in this namespace.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>A list of <see cref="ReferenceGrant"/>s, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.Group, Kind = "ReferenceGrantList", ApiVersion = "v1", PluralName = "referencegrants")]
public sealed class ReferenceGrantList : GatewayApiObjectList<ReferenceGrant>
{
    /// <summary>Creates an empty list.</summary>
    public ReferenceGrantList()
        : base(GatewayApiGroups.V1, "ReferenceGrantList")
    {
    }
}
