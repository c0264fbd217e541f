using System.Collections.Concurrent;
using GatewayApi.Routing;

namespace GatewayApi.Yarp;

/// <summary>
/// One endpoint per Service port: a DNS name built from a pattern (default
/// <c>{name}.{namespace}.svc.cluster.local</c>) and the backendRef's port. The name is resolved by the HTTP
/// client when it connects, so the cluster's Service VIP (kube-proxy) balances.
/// </summary>
public sealed class DnsBackendEndpointResolver : IBackendEndpointResolver
{
    private readonly string _pattern;
    private readonly ConcurrentDictionary<(string Namespace, string Name, int Port), BackendEndpoint[]> _cache = new();

    /// <summary>Creates the resolver.</summary>
    /// <param name="pattern">The host name pattern; <c>{name}</c> and <c>{namespace}</c> are replaced.</param>
    public DnsBackendEndpointResolver(string pattern = "{name}.{namespace}.svc.cluster.local")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        _pattern = pattern;
    }

    /// <inheritdoc />
    public IReadOnlyList<BackendEndpoint> Resolve(RoutedBackend backend, GatewayApiProxyState state)
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (backend.Port is not { } port)
        {
            return [];
        }

        return _cache.GetOrAdd((backend.Namespace, backend.Name, port), key =>
            [new BackendEndpoint(_pattern.Replace("{name}", key.Name, StringComparison.Ordinal).Replace("{namespace}", key.Namespace, StringComparison.Ordinal), key.Port)]);
    }
}
