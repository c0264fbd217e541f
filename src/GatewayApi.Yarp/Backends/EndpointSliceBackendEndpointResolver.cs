using System.Collections.Frozen;
using GatewayApi.Routing;
using k8s.Models;

namespace GatewayApi.Yarp;

/// <summary>
/// Endpoints from the EndpointSlices in the configuration (label <c>kubernetes.io/service-name</c>): the ready
/// addresses (<c>conditions.ready</c> absent or true) with the slice port whose name equals the Service port's
/// name. A Service without any EndpointSlice in the configuration is passed to the fallback (DNS by default).
/// </summary>
public sealed class EndpointSliceBackendEndpointResolver : IBackendEndpointResolver
{
    private const string ServiceNameLabel = "kubernetes.io/service-name";
    private readonly object _cacheKey = new();
    private readonly IBackendEndpointResolver? _fallback;

    /// <summary>Creates the resolver.</summary>
    /// <param name="fallback">Asked for Services that have no EndpointSlice; null answers "no endpoints".</param>
    public EndpointSliceBackendEndpointResolver(IBackendEndpointResolver? fallback = null)
    {
        _fallback = fallback;
    }

    /// <inheritdoc />
    public IReadOnlyList<BackendEndpoint> Resolve(RoutedBackend backend, GatewayApiProxyState state)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(state);
        var index = state.Cache.GetOrAdd(_cacheKey, () => BuildIndex(state));
        if (index.TryGetValue((backend.Namespace, backend.Name, backend.Port ?? 0), out var endpoints))
        {
            return endpoints;
        }

        return index.ContainsKey((backend.Namespace, backend.Name, -1)) || _fallback is null ? [] : _fallback.Resolve(backend, state);
    }

    // (namespace, service, service port) -> ready endpoints; port -1 marks "this Service has slices".
    private static FrozenDictionary<(string, string, int), IReadOnlyList<BackendEndpoint>> BuildIndex(GatewayApiProxyState state)
    {
        var slicesByService = state.Snapshot.OtherObjects.OfType<V1EndpointSlice>()
            .Where(s => s.Metadata?.Labels?.ContainsKey(ServiceNameLabel) == true)
            .GroupBy(s => (Namespace: s.Metadata.NamespaceProperty ?? "default", Service: s.Metadata.Labels[ServiceNameLabel]));
        var services = state.Snapshot.Services.ToDictionary(s => (s.Metadata?.NamespaceProperty ?? "default", s.Metadata?.Name ?? ""));
        var index = new Dictionary<(string, string, int), IReadOnlyList<BackendEndpoint>>();
        foreach (var group in slicesByService)
        {
            index[(group.Key.Namespace, group.Key.Service, -1)] = [];
            if (!services.TryGetValue((group.Key.Namespace, group.Key.Service), out var service) || service.Spec?.Ports is null)
            {
                continue;
            }

            foreach (var servicePort in service.Spec.Ports)
            {
                var endpoints = new List<BackendEndpoint>();
                foreach (var slice in group)
                {
                    // A slice port matches the Service port by name (both empty for a single unnamed port).
                    var slicePort = slice.Ports?.FirstOrDefault(p => (p.Name ?? "") == (servicePort.Name ?? ""));
                    if (slicePort?.Port is not { } targetPort)
                    {
                        continue;
                    }

                    foreach (var endpoint in slice.Endpoints ?? [])
                    {
                        if (endpoint.Conditions?.Ready is false)
                        {
                            continue;
                        }

                        endpoints.AddRange((endpoint.Addresses ?? []).Select(a => new BackendEndpoint(a, targetPort)));
                    }
                }

                index[(group.Key.Namespace, group.Key.Service, servicePort.Port)] = endpoints;
            }
        }

        return index.ToFrozenDictionary();
    }
}
