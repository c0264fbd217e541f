using GatewayApi.Conformance.InMemory;
using GatewayApi.Conformance.Targets;
using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.Tests.Mutation;

/// <summary>
/// The in-memory target with one deliberately wrong behaviour: a fault may change the inner target's options, the
/// resources it is given, the requests it receives, the answers it gives and the statuses it reports.
/// </summary>
internal sealed class MutatedTarget : IConformanceTarget
{
    private readonly Fault _fault;
    private readonly InMemoryTarget _inner;
    private IReadOnlyList<IKubernetesObject<V1ObjectMeta>> _applied = [];

    public MutatedTarget(Fault fault)
    {
        _fault = fault;
        _inner = new InMemoryTarget(fault.ConfigureTarget(new InMemoryTargetOptions()));
    }

    public string ControllerName => _inner.ControllerName;

    public bool IsLive => false;

    public ValueTask ApplyAsync(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> resources, CancellationToken cancellationToken)
    {
        var changed = resources.ToList();
        _fault.ChangeResources(changed);
        _applied = changed;
        return _inner.ApplyAsync(changed, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> ReadStatusAsync(CancellationToken cancellationToken)
    {
        var objects = await _inner.ReadStatusAsync(cancellationToken);
        _fault.ChangeStatus(objects);
        return objects;
    }

    public async ValueTask<TargetResponse> SendAsync(TargetRequest request, CancellationToken cancellationToken)
    {
        var changed = _fault.ChangeRequest(request, _applied);
        var response = await _inner.SendAsync(changed, cancellationToken);
        return _fault.ChangeResponse(response, request, _applied);
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken) => _inner.ClearAsync(cancellationToken);
}

/// <summary>A deliberately wrong behaviour. Every hook defaults to "no change".</summary>
/// <param name="Name">A short name.</param>
/// <param name="Description">What is wrong.</param>
/// <param name="CaughtBy">A case written to catch it (others may catch it too).</param>
internal sealed record Fault(string Name, string Description, string CaughtBy)
{
    public Func<InMemoryTargetOptions, InMemoryTargetOptions> ConfigureTarget { get; init; } = options => options;

    public Action<List<IKubernetesObject<V1ObjectMeta>>> ChangeResources { get; init; } = _ => { };

    public Action<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> ChangeStatus { get; init; } = _ => { };

    public Func<TargetRequest, IReadOnlyList<IKubernetesObject<V1ObjectMeta>>, TargetRequest> ChangeRequest { get; init; } = (request, _) => request;

    public Func<TargetResponse, TargetRequest, IReadOnlyList<IKubernetesObject<V1ObjectMeta>>, TargetResponse> ChangeResponse { get; init; } = (response, _, _) => response;

    public override string ToString() => Name;
}
