using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.Targets;

/// <summary>
/// What the harness needs of an implementation: take the resources of a case, report their statuses, and carry
/// requests through a Gateway listener or from a mesh client to echo backends that report what they received.
/// </summary>
/// <remarks>
/// <para>Cases run one at a time. For each case the runner calls <see cref="ApplyAsync"/> with the complete desired
/// state (shared base and the case's own objects), reads statuses with <see cref="ReadStatusAsync"/>, sends the
/// case's requests with <see cref="SendAsync"/>, and finally calls <see cref="ClearAsync"/>.</para>
/// <para>A live target (<see cref="IsLive"/>) is given time to converge: the runner polls statuses and repeats
/// requests until they match or the case times out. An in-process target must answer at once.</para>
/// </remarks>
public interface IConformanceTarget
{
    /// <summary>The controller name the implementation owns; the harness writes it into the cases' GatewayClasses.</summary>
    string ControllerName { get; }

    /// <summary>Whether requests cross a real network (cases that need a live network run only on such targets).</summary>
    bool IsLive { get; }

    /// <summary>Makes these objects the whole desired state (objects of an earlier case that are not listed are removed).</summary>
    /// <param name="resources">Fresh objects the target may keep and change (status included).</param>
    /// <param name="cancellationToken">Cancelled when the case times out.</param>
    ValueTask ApplyAsync(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> resources, CancellationToken cancellationToken);

    /// <summary>Returns the applied objects with the statuses the implementation wrote (GatewayClasses, Gateways, routes at least).</summary>
    /// <param name="cancellationToken">Cancelled when the case times out.</param>
    ValueTask<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> ReadStatusAsync(CancellationToken cancellationToken);

    /// <summary>Sends one request (HTTP, HTTPS, gRPC or a TLS connection) and reports what the client and the backends saw.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancelled when the case times out.</param>
    ValueTask<TargetResponse> SendAsync(TargetRequest request, CancellationToken cancellationToken);

    /// <summary>Removes everything the last case applied.</summary>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    ValueTask ClearAsync(CancellationToken cancellationToken);
}
