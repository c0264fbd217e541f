using System.Collections.Concurrent;
using GatewayApi.Routing;

namespace GatewayApi.Yarp;

/// <summary>Endpoints from a fixed map of (namespace, Service name, port), for tests and static setups.</summary>
public sealed class StaticBackendEndpointResolver : IBackendEndpointResolver
{
    private readonly ConcurrentDictionary<(string Namespace, string Name, int Port), BackendEndpoint[]> _map = new();

    /// <summary>Sets the endpoints of a Service port (replacing earlier ones).</summary>
    /// <param name="namespace">The Service's namespace.</param>
    /// <param name="name">The Service's name.</param>
    /// <param name="port">The Service port the backendRef names.</param>
    /// <param name="endpoints">Where requests go.</param>
    /// <returns>This resolver, for chaining.</returns>
    public StaticBackendEndpointResolver Add(string @namespace, string name, int port, params BackendEndpoint[] endpoints)
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(endpoints);
        _map[(@namespace, name, port)] = [.. endpoints];
        return this;
    }

    /// <inheritdoc />
    public IReadOnlyList<BackendEndpoint> Resolve(RoutedBackend backend, GatewayApiProxyState state)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return _map.TryGetValue((backend.Namespace, backend.Name, backend.Port ?? 0), out var endpoints) ? endpoints : [];
    }
}
