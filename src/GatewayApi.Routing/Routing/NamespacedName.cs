namespace GatewayApi.Routing;

/// <summary>The namespace and name of a Kubernetes object, written <c>namespace/name</c>.</summary>
/// <param name="Namespace">The object's namespace.</param>
/// <param name="Name">The object's name.</param>
public readonly record struct NamespacedName(string Namespace, string Name)
{
    /// <summary>The <c>{namespace}/{name}</c> form the spec uses to order routes alphabetically.</summary>
    public override string ToString() => Namespace + "/" + Name;
}

/// <summary>A route object by kind, namespace and name, as decisions and explanations name it.</summary>
/// <param name="Kind">The route kind on the wire, for example <c>HTTPRoute</c>.</param>
/// <param name="Namespace">The route's namespace.</param>
/// <param name="Name">The route's name.</param>
public sealed record RouteReference(string Kind, string Namespace, string Name)
{
    /// <summary>The route's namespace and name.</summary>
    public NamespacedName NamespacedName => new(Namespace, Name);

    /// <summary><c>Kind namespace/name</c>.</summary>
    public override string ToString() => Kind + " " + Namespace + "/" + Name;
}
