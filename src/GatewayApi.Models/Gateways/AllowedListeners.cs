using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Which ListenerSets may add listeners to a Gateway. Absent on a Gateway means none may; present without
/// <see cref="Namespaces"/> also means none (<c>{from: None}</c>).
/// </summary>
public sealed class AllowedListeners : SchemaObject
{
    /// <summary>The namespaces ListenerSets may come from. Absent means <c>{from: None}</c>: no ListenerSet may attach.</summary>
    [JsonPropertyName("namespaces")]
    public ListenerNamespaces? Namespaces { get; set; }
}

/// <summary>The namespaces from which ListenerSets may attach to a Gateway.</summary>
public sealed class ListenerNamespaces : SchemaObject
{
    /// <summary>
    /// <c>All</c>, <c>Selector</c>, <c>Same</c> (the Gateway's namespace) or <c>None</c>. Absent means
    /// <c>None</c>: only the Gateway's own listeners.
    /// </summary>
    [JsonPropertyName("from")]
    public FromNamespaces? From { get; set; }

    /// <summary>
    /// The label selector namespaces must match when <see cref="From"/> is <c>Selector</c> (and required
    /// then); ignored otherwise.
    /// </summary>
    [JsonPropertyName("selector")]
    public k8s.Models.V1LabelSelector? Selector { get; set; }
}
