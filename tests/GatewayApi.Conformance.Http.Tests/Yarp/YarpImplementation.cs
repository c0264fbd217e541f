using System.Net;
using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Http.Echo;
using GatewayApi.Conformance.Http.Targets;
using GatewayApi.Models;
using GatewayApi.Routing;
using GatewayApi.Yarp;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Conformance.Http.Tests.Yarp;

/// <summary>
/// GatewayApi.Yarp as a live implementation: one proxy host per Gateway (each Gateway has its own address, as a
/// deployed data plane would), every listener port on a dynamic loopback port, Services resolved to the echo
/// backends through a static map. A host is kept while its Gateway's listener ports stay the same (new
/// configuration is hot-applied) and rebuilt when they change (the proxy binds ports at start). Statuses come
/// from a host that is built but never started.
/// </summary>
internal sealed class YarpImplementation : ILiveImplementation, IAsyncDisposable
{
    private readonly Dictionary<NamespacedName, ProxyHost> _hosts = [];
    private readonly SwitchableResolver _resolver = new();
    private readonly WebApplication _statusHost;
    private IReadOnlyList<IKubernetesObject<V1ObjectMeta>> _applied = [];

    public YarpImplementation()
    {
        _statusHost = Build(gateway: null, listenerPorts: []);
    }

    public string ControllerName => GatewayApiProxyOptions.DefaultControllerName;

    public async ValueTask ApplyAsync(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> resources, EchoBackendDirectory backends, CancellationToken cancellationToken)
    {
        var resolver = new StaticBackendEndpointResolver();
        foreach (var echo in backends.Endpoints)
        {
            resolver.Add(echo.Namespace, echo.Name, echo.Port, new BackendEndpoint(echo.EndPoint.Address.ToString(), echo.EndPoint.Port));
        }

        _resolver.Current = resolver;
        _applied = resources;
        ApplyTo(_statusHost, resources);
        var ours = resources.OfType<GatewayClass>().Where(c => c.Spec?.ControllerName == ControllerName).Select(c => c.Metadata?.Name).ToHashSet(StringComparer.Ordinal);
        var wanted = new Dictionary<NamespacedName, int[]>();
        foreach (var gateway in resources.OfType<Gateway>().Where(g => ours.Contains(g.Spec?.GatewayClassName)))
        {
            // The Gateway's own listeners and those its ListenerSets add (the proxy binds whatever the merged set has).
            var gatewayNamespace = gateway.Metadata?.NamespaceProperty ?? "default";
            var fromSets = resources.OfType<ListenerSet>()
                .Where(set => set.Spec?.ParentRef?.Name == gateway.Metadata?.Name && (set.Spec?.ParentRef?.Namespace ?? set.Metadata?.NamespaceProperty ?? "default") == gatewayNamespace)
                .SelectMany(set => set.Spec?.Listeners ?? []);
            var ports = (gateway.Spec?.Listeners ?? []).Concat(fromSets)
                .Where(l => l.Protocol == ProtocolType.Http || l.Protocol == ProtocolType.Https || l.Protocol == ProtocolType.Tls || l.Protocol == ProtocolType.Tcp)
                .Select(l => l.Port ?? 0).Where(p => p > 0).Distinct().Order().ToArray();
            if (ports.Length > 0)
            {
                wanted[new NamespacedName(gateway.Metadata?.NamespaceProperty ?? "default", gateway.Metadata?.Name ?? "")] = ports;
            }
        }

        foreach (var (name, host) in _hosts.ToList())
        {
            if (!wanted.TryGetValue(name, out var ports) || !ports.SequenceEqual(host.Ports))
            {
                _hosts.Remove(name);
                await host.App.DisposeAsync().ConfigureAwait(false);
            }
        }

        foreach (var (name, ports) in wanted)
        {
            if (_hosts.TryGetValue(name, out var host))
            {
                ApplyTo(host.App, resources);
                continue;
            }

            var app = Build(name, ports);
            ApplyTo(app, resources);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            _hosts[name] = new ProxyHost(app, ports);
        }
    }

    public ValueTask<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> ReadStatusAsync(CancellationToken cancellationToken)
    {
        var configuration = _statusHost.Services.GetRequiredService<GatewayApiProxyConfiguration>();
        if (configuration.LastError is { } error)
        {
            throw new InvalidOperationException("the proxy rejected the manifests: " + string.Join("; ", configuration.LastChange?.Errors ?? [error]));
        }

        // Every applied object comes back (a route of no Gateway of ours has no status: that is what a case checks).
        var status = configuration.Current.Status;
        var applied = _applied.ToDictionary(Key);
        foreach (var update in status.GatewayClasses)
        {
            if (applied.GetValueOrDefault(Key(update.Object)) is GatewayClass target)
            {
                target.Status = update.Status;
            }
        }

        foreach (var update in status.Gateways)
        {
            if (applied.GetValueOrDefault(Key(update.Object)) is Gateway target)
            {
                target.Status = update.Status;
            }
        }

        foreach (var update in status.ListenerSets)
        {
            if (applied.GetValueOrDefault(Key(update.Object)) is ListenerSet target)
            {
                target.Status = update.Status;
            }
        }

        foreach (var update in status.Routes)
        {
            if (applied.GetValueOrDefault(Key(update.Object)) is IStatus<RouteStatus?> target)
            {
                target.Status = update.Status;
            }
        }

        foreach (var update in status.BackendTlsPolicies)
        {
            if (applied.GetValueOrDefault(Key(update.Object)) is BackendTlsPolicy target)
            {
                target.Status = update.Status;
            }
        }

        IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects = [.. _applied];
        return ValueTask.FromResult<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>>(objects);
    }

    private static (string?, string?, string?, string?) Key(IKubernetesObject<V1ObjectMeta> item) =>
        ((item.ApiVersion ?? "").Split('/')[0], item.Kind, item.Metadata?.NamespaceProperty, item.Metadata?.Name);

    public IPEndPoint? FindListener(GatewayTarget gateway, int port) =>
        _hosts.TryGetValue(new NamespacedName(gateway.Namespace, gateway.Name), out var host)
            ? host.App.Services.GetRequiredService<GatewayApiProxyListeners>().Bound.FirstOrDefault(b => b.ListenerPort == port)?.LocalEndPoint
            : null;

    // Hosts stay up between cases: the next case's Gateways are usually the shared base ones.
    public ValueTask ClearAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.App.DisposeAsync().ConfigureAwait(false);
        }

        _hosts.Clear();
        await _statusHost.DisposeAsync().ConfigureAwait(false);
    }

    private static void ApplyTo(WebApplication app, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> resources)
    {
        // A rejected change leaves the previous case's configuration in place: say so instead of serving it.
        var change = app.Services.GetRequiredService<GatewayApiProxyConfiguration>().Apply(resources, "conformance case");
        if (!change.Accepted)
        {
            throw new InvalidOperationException("the proxy rejected the manifests: " + string.Join("; ", change.Errors));
        }
    }

    private WebApplication Build(NamespacedName? gateway, int[] listenerPorts)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IBackendEndpointResolver>(_resolver);
        builder.Services.AddGatewayApiProxy(options =>
        {
            options.ListenAddress = IPAddress.Loopback;
            options.ConfigureKestrelEndpoints = gateway is not null;
            options.Random = new Random(20261201);
            if (gateway is { } served)
            {
                options.Gateways.Add(served);
            }

            foreach (var port in listenerPorts)
            {
                options.PortBindings[port] = 0;
            }
        });
        var app = builder.Build();
        app.MapGatewayApiProxy();
        return app;
    }

    private sealed record ProxyHost(WebApplication App, int[] Ports);

    /// <summary>The echo endpoints change when Services change; every host reads the current map.</summary>
    private sealed class SwitchableResolver : IBackendEndpointResolver
    {
        public volatile StaticBackendEndpointResolver Current = new();

        public IReadOnlyList<BackendEndpoint> Resolve(RoutedBackend backend, GatewayApiProxyState state) => Current.Resolve(backend, state);
    }
}
