using GatewayApi.Models;
using GatewayApi.Routing.Attachment;
using GatewayApi.Routing.Explanation;
using k8s;
using k8s.Models;

namespace GatewayApi.Routing;

/// <summary>The status computed for one object we own, ready to write to its <c>status</c> subresource.</summary>
/// <typeparam name="TStatus">The kind's status type.</typeparam>
public sealed record StatusUpdate<TStatus>
    where TStatus : SchemaObject
{
    /// <summary>The object's kind, for example <c>HTTPRoute</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The object's namespace; null for cluster-scoped kinds (GatewayClass).</summary>
    public string? Namespace { get; init; }

    /// <summary>The object's name.</summary>
    public required string Name { get; init; }

    /// <summary>The object the status is for, as it was in the snapshot (its <c>metadata.generation</c> is the one observed).</summary>
    public required IKubernetesObject<V1ObjectMeta> Object { get; init; }

    /// <summary>
    /// The whole status to write. Conditions and entries of other controllers found in the object's current status are
    /// kept in place; <c>lastTransitionTime</c> is kept where a condition's status did not change.
    /// </summary>
    public required TStatus Status { get; init; }

    /// <summary>Whether <see cref="Status"/> differs from the object's current status in anything but timestamps (see <see cref="GatewayApi.Routing.Status.StatusChange"/>).</summary>
    public required bool HasChanges { get; init; }
}

/// <summary>
/// The outcome of <see cref="GatewayApiStatusEngine.Compute"/>: the status of every object the controller owns, in a
/// stable order (GatewayClasses by name, the others by kind then <c>{namespace}/{name}</c>), and explanations of
/// route attachment.
/// </summary>
public sealed class StatusResult
{
    private readonly IReadOnlyList<ParentEvaluation> _parents;

    internal StatusResult(
        IReadOnlyList<StatusUpdate<GatewayClassStatus>> gatewayClasses,
        IReadOnlyList<StatusUpdate<GatewayStatus>> gateways,
        IReadOnlyList<StatusUpdate<ListenerSetStatus>> listenerSets,
        IReadOnlyList<StatusUpdate<RouteStatus>> routes,
        IReadOnlyList<StatusUpdate<PolicyStatus>> backendTlsPolicies,
        IReadOnlyList<StatusUpdate<XMeshStatus>> meshes,
        IReadOnlyList<ParentEvaluation> parents,
        AttachmentGraph graph,
        IReadOnlyList<BackendTlsSettings> backendTls)
    {
        BackendTls = backendTls;
        GatewayClasses = gatewayClasses;
        Gateways = gateways;
        ListenerSets = listenerSets;
        Routes = routes;
        BackendTlsPolicies = backendTlsPolicies;
        Meshes = meshes;
        _parents = parents;
        Graph = graph;
    }

    /// <summary>The GatewayClasses whose <c>controllerName</c> is ours.</summary>
    public IReadOnlyList<StatusUpdate<GatewayClassStatus>> GatewayClasses { get; }

    /// <summary>The Gateways of our GatewayClasses.</summary>
    public IReadOnlyList<StatusUpdate<GatewayStatus>> Gateways { get; }

    /// <summary>The ListenerSets whose parent Gateway is ours.</summary>
    public IReadOnlyList<StatusUpdate<ListenerSetStatus>> ListenerSets { get; }

    /// <summary>
    /// Every route (of any kind) that has, or had, a parent entry of ours: its status with our entries merged in by
    /// <see cref="GatewayApi.Routing.Status.RouteStatusMerge"/> and other controllers' entries untouched.
    /// </summary>
    public IReadOnlyList<StatusUpdate<RouteStatus>> Routes { get; }

    /// <summary>The BackendTLSPolicies used by routes of our Gateways (or with ancestor entries of ours to remove).</summary>
    public IReadOnlyList<StatusUpdate<PolicyStatus>> BackendTlsPolicies { get; }

    /// <summary>
    /// The XMesh objects our mesh controller answers for (<see cref="StatusEngineOptions.MeshControllerName"/> with the
    /// <c>Mesh</c> feature, narrowed by <see cref="StatusEngineOptions.MeshName"/>), by name. Empty otherwise.
    /// </summary>
    public IReadOnlyList<StatusUpdate<XMeshStatus>> Meshes { get; }

    /// <summary>The attachment graph the router compiles.</summary>
    internal AttachmentGraph Graph { get; }

    internal IReadOnlyList<ParentEvaluation> Parents => _parents;

    /// <summary>The BackendTLSPolicies in force, per governed Service (port), for the router.</summary>
    internal IReadOnlyList<BackendTlsSettings> BackendTls { get; }

    /// <summary>
    /// Explains, in sentences, how a route fared with each parent of ours it names: per listener, whether it attached and
    /// if not, why. Null when the route has no parent of ours.
    /// </summary>
    /// <param name="routeKind">The route's kind, for example <c>HTTPRoute</c>.</param>
    /// <param name="routeNamespace">The route's namespace.</param>
    /// <param name="routeName">The route's name.</param>
    public RouteAttachmentExplanation? ExplainRoute(string routeKind, string routeNamespace, string routeName)
        => AttachmentExplainer.Explain(_parents, routeKind, routeNamespace, routeName);

    /// <summary>
    /// Says why a route is (or is not) attached to one listener of a Gateway or ListenerSet, in one sentence a user
    /// understands.
    /// </summary>
    /// <param name="routeKind">The route's kind, for example <c>HTTPRoute</c>.</param>
    /// <param name="routeNamespace">The route's namespace.</param>
    /// <param name="routeName">The route's name.</param>
    /// <param name="parentNamespace">The namespace of the Gateway or ListenerSet that owns the listener.</param>
    /// <param name="parentName">Its name.</param>
    /// <param name="listenerName">The listener's name.</param>
    public string ExplainListener(string routeKind, string routeNamespace, string routeName, string parentNamespace, string parentName, string listenerName)
        => AttachmentExplainer.ExplainListener(_parents, routeKind, routeNamespace, routeName, parentNamespace, parentName, listenerName);
}
