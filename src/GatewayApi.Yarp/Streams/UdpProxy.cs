using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using GatewayApi.Models;
using GatewayApi.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayApi.Yarp;

/// <summary>
/// Serves the UDP listener ports (UDPRoute), which Kestrel cannot: one socket per port, and a flow per client
/// address. A flow's first datagram is routed (the listener's UDPRoute, a backend by weight) and every datagram of
/// the flow goes to that backend; the backend's answers go back to the client from the listener port. A flow
/// unused for <see cref="GatewayApiProxyOptions.UdpFlowIdleTimeout"/> is forgotten, and its next datagram is
/// routed again (with the state then current). Datagrams nothing may carry are dropped (event 15).
/// </summary>
internal sealed class UdpProxy(
    GatewayApiProxyConfiguration configuration,
    GatewayApiProxyListeners listeners,
    IBackendEndpointResolver resolver,
    IOptions<GatewayApiProxyOptions> options,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private const int MaxDatagram = 65_535;
    private readonly ILogger _logger = loggerFactory.CreateLogger(ProxyLog.Category);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly List<Socket> _sockets = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.ConfigureKestrelEndpoints)
        {
            return Task.CompletedTask;
        }

        foreach (var (port, gateway) in UdpPorts(configuration.Current))
        {
            var local = settings.PortBindings.TryGetValue(port, out var mapped) ? mapped : port;
            var socket = new Socket(settings.ListenAddress.AddressFamily, SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
            socket.Bind(new IPEndPoint(settings.ListenAddress, local));
            _sockets.Add(socket);
            listeners.RegisterUdp(port, (IPEndPoint)socket.LocalEndPoint!);
            _loops.Add(ReceiveAsync(socket, port, gateway, _stop.Token));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    /// <summary>The UDP listener ports of a state and the Gateway that owns each (the first by namespace/name).</summary>
    internal static SortedDictionary<int, NamespacedName> UdpPorts(GatewayApiProxyState state)
    {
        var ports = new SortedDictionary<int, NamespacedName>();
        foreach (var gateway in state.Routing.Gateways.OrderBy(g => g.Namespace, StringComparer.Ordinal).ThenBy(g => g.Name, StringComparer.Ordinal))
        {
            foreach (var listener in gateway.Listeners.Where(l => l.Protocol == Models.ProtocolType.Udp))
            {
                ports.TryAdd(listener.Port, new NamespacedName(gateway.Namespace, gateway.Name));
            }
        }

        return ports;
    }

    private async Task ReceiveAsync(Socket socket, int listenerPort, NamespacedName gateway, CancellationToken stop)
    {
        var flows = new ConcurrentDictionary<EndPoint, UdpFlow>();
        var buffer = new byte[MaxDatagram];
        var any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        using var sweeper = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var sweeping = SweepAsync(flows, sweeper, stop);
        while (!stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (SocketException)
            {
                continue; // e.g. ICMP port unreachable reported for an earlier answer: not this loop's concern
            }

            var client = received.RemoteEndPoint;
            if (!flows.TryGetValue(client, out var flow))
            {
                flow = await OpenFlowAsync(socket, listenerPort, gateway, client, stop).ConfigureAwait(false);
                if (flow is null)
                {
                    continue;
                }

                flows[client] = flow;
            }

            flow.Touch();
            try
            {
                await flow.Backend.SendAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, stop).ConfigureAwait(false);
            }
            catch (SocketException exception)
            {
                ProxyLog.StreamBackendFailed(_logger, "UDP", listenerPort, null, flow.Description, flow.Backend.RemoteEndPoint?.ToString() ?? "?", exception.Message);
            }
        }

        foreach (var flow in flows.Values)
        {
            flow.Dispose();
        }

        await sweeping.ConfigureAwait(false);
    }

    private async Task<UdpFlow?> OpenFlowAsync(Socket listener, int listenerPort, NamespacedName gateway, EndPoint client, CancellationToken stop)
    {
        // One state per flow, as one state per HTTP request.
        var state = configuration.Current;
        var decision = options.Value.Decide(random => state.Router.RouteUdp(gateway, listenerPort, random));

        if (!decision.Forward || decision.Backend is not { } backend)
        {
            ProxyLog.StreamRejected(_logger, "UDP", listenerPort, null, (decision.RejectReason ?? decision.Result.ToString()) + $" (from {client})");
            return null;
        }

        var endpoints = resolver.Resolve(backend, state);
        if (endpoints.Count == 0)
        {
            ProxyLog.StreamRejected(_logger, "UDP", listenerPort, null, $"NoEndpoints: backend {backend} has no ready endpoints (from {client})");
            return null;
        }

        var endpoint = RoundRobin.Next(endpoints);
        var socket = new Socket(SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        try
        {
            await socket.ConnectAsync(endpoint.Host, endpoint.Port, stop).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            ProxyLog.StreamBackendFailed(_logger, "UDP", listenerPort, null, backend.ToString(), endpoint.ToString(), exception.Message);
            return null;
        }

        var flow = new UdpFlow(socket, backend.ToString());
        flow.Answering = AnswerAsync(listener, flow, client, stop);
        return flow;
    }

    // The backend's datagrams go back to the client, from the listener's port (what the client sent to).
    private static async Task AnswerAsync(Socket listener, UdpFlow flow, EndPoint client, CancellationToken stop)
    {
        var buffer = new byte[MaxDatagram];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var count = await flow.Backend.ReceiveAsync(buffer, SocketFlags.None, stop).ConfigureAwait(false);
                flow.Touch();
                await listener.SendToAsync(buffer.AsMemory(0, count), SocketFlags.None, client, stop).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                continue; // the backend refused one datagram (ICMP); later ones may get through
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    private async Task SweepAsync(ConcurrentDictionary<EndPoint, UdpFlow> flows, PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var idleSince = Environment.TickCount64 - (long)options.Value.UdpFlowIdleTimeout.TotalMilliseconds;
                foreach (var (client, flow) in flows)
                {
                    if (flow.LastUsed < idleSince && flows.TryRemove(client, out _))
                    {
                        flow.Dispose();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private sealed class UdpFlow(Socket backend, string description) : IDisposable
    {
        private long _lastUsed = Environment.TickCount64;

        public Socket Backend { get; } = backend;

        public string Description { get; } = description;

        public Task? Answering { get; set; }

        public long LastUsed => Volatile.Read(ref _lastUsed);

        public void Touch() => Volatile.Write(ref _lastUsed, Environment.TickCount64);

        public void Dispose() => Backend.Dispose();
    }
}
