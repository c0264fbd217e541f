using GatewayApi.Conformance.Definitions;
using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.Http.Echo;

/// <summary>
/// Keeps one running <see cref="EchoServer"/> per applied Service. A Service that comes back unchanged keeps its
/// server (and ports) across cases; a changed one gets a new server; one no longer applied is stopped.
/// </summary>
internal sealed class EchoBackendPool : IAsyncDisposable
{
    private const string H2c = "kubernetes.io/h2c";
    private readonly Dictionary<BackendName, EchoServer> _servers = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public EchoLedger Ledger { get; } = new();

    public async Task<EchoBackendDirectory> EnsureAsync(IEnumerable<IKubernetesObject<V1ObjectMeta>> resources, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<BackendName, List<(int Port, bool Http2Only)>>();
        foreach (var service in resources.OfType<V1Service>())
        {
            var name = new BackendName(service.Metadata?.NamespaceProperty ?? "default", service.Metadata?.Name ?? "");
            var ports = (service.Spec?.Ports ?? []).Select(p => (p.Port, p.AppProtocol == H2c)).Distinct().ToList();
            if (ports.Count > 0)
            {
                wanted[name] = ports;
            }
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (name, server) in _servers.ToList())
            {
                if (!wanted.TryGetValue(name, out var ports) || EchoServer.Describe(ports) != server.Signature)
                {
                    _servers.Remove(name);
                    await server.DisposeAsync().ConfigureAwait(false);
                }
            }

            foreach (var (name, ports) in wanted)
            {
                if (!_servers.ContainsKey(name))
                {
                    _servers[name] = await EchoServer.StartAsync(name, ports, Ledger, cancellationToken).ConfigureAwait(false);
                }
            }

            return new EchoBackendDirectory(_servers.Values.SelectMany(server => server.Endpoints));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        _servers.Clear();
        _gate.Dispose();
    }
}
