using System.Collections.Frozen;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayApi.Yarp;

/// <summary>
/// The Kestrel endpoints that serve Gateway listener ports, and the mapping from the local port a connection
/// arrived on back to the listener port routing uses (so tests can bind dynamic ports). Filled when the server
/// has started.
/// </summary>
public sealed class GatewayApiProxyListeners
{
    private readonly GatewayApiProxyOptions _options;
    private readonly Lock _lock = new();
    private readonly List<(ListenerPort Port, ListenOptions Options)> _endpoints = [];
    private volatile FrozenDictionary<int, int> _localToListener = FrozenDictionary<int, int>.Empty;
    private readonly List<(int ListenerPort, IPEndPoint EndPoint)> _udp = [];
    private volatile IReadOnlyList<BoundListenerPort> _bound = [];
    private bool _settled;

    /// <summary>Created by <c>AddGatewayApiProxy</c>.</summary>
    /// <param name="options">The proxy options.</param>
    /// <param name="configuration">The configuration store: later changes that add ports are logged (event 3).</param>
    /// <param name="loggerFactory">Where log lines go.</param>
    public GatewayApiProxyListeners(IOptions<GatewayApiProxyOptions> options, GatewayApiProxyConfiguration configuration, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        var logger = loggerFactory.CreateLogger(ProxyLog.Category);
        configuration.Changed += change =>
        {
            if (change.Accepted && _options.ConfigureKestrelEndpoints && _endpoints.Count > 0)
            {
                ListenerPorts.WarnAboutUnboundPorts(configuration.Current, [.. Bound.Select(b => b.ListenerPort)], logger);
            }
        };
    }

    /// <summary>The bound listener ports, by listener port.</summary>
    public IReadOnlyList<BoundListenerPort> Bound
    {
        get
        {
            Refresh();
            return _bound;
        }
    }

    /// <summary>A base address for clients of a listener port, such as <c>http://127.0.0.1:41234/</c>.</summary>
    /// <param name="listenerPort">The Gateway listener port.</param>
    /// <exception cref="InvalidOperationException">The port is not bound (the server has not started, or no served listener uses it).</exception>
    public Uri GetUri(int listenerPort) =>
        Bound.FirstOrDefault(b => b.ListenerPort == listenerPort)?.Uri
        ?? throw new InvalidOperationException($"Listener port {listenerPort} is not bound; bound: [{string.Join(", ", Bound.Select(b => b.ListenerPort))}]. Apply the manifests before the server starts.");

    /// <summary>Maps the local port a connection arrived on to the Gateway listener port it serves.</summary>
    /// <param name="localPort">The local port of the connection.</param>
    /// <param name="listenerPort">The listener port; the local port itself when it is not mapped.</param>
    /// <returns>Whether the port was mapped (bound for a listener, or in <see cref="GatewayApiProxyOptions.PortBindings"/>).</returns>
    public bool TryGetListenerPort(int localPort, out int listenerPort)
    {
        if (_localToListener.TryGetValue(localPort, out listenerPort))
        {
            return true;
        }

        if (Refresh() && _localToListener.TryGetValue(localPort, out listenerPort))
        {
            return true;
        }

        listenerPort = localPort;
        return false;
    }

    internal void Register(ListenerPort port, ListenOptions listenOptions)
    {
        lock (_lock)
        {
            _endpoints.Add((port, listenOptions));
            Volatile.Write(ref _settled, false);
        }
    }

    // UDP ports are bound by UdpProxy, not Kestrel, and known as soon as they are bound.
    internal void RegisterUdp(int listenerPort, IPEndPoint endPoint)
    {
        lock (_lock)
        {
            _udp.Add((listenerPort, endPoint));
            Volatile.Write(ref _settled, false);
        }
    }

    // Kestrel writes the bound port back into ListenOptions when it binds port 0; read it lazily after start.
    private bool Refresh()
    {
        // Once every endpoint has its bound port there is nothing more to learn (requests on other ports are cheap).
        if (Volatile.Read(ref _settled))
        {
            return false;
        }

        lock (_lock)
        {
            var map = new Dictionary<int, int>();
            foreach (var (listener, local) in _options.PortBindings)
            {
                if (local != 0)
                {
                    map[local] = listener;
                }
            }

            var bound = new List<BoundListenerPort>();
            foreach (var (port, listen) in _endpoints)
            {
                if (listen.EndPoint is IPEndPoint endPoint && endPoint.Port != 0)
                {
                    map[endPoint.Port] = port.Port;
                    bound.Add(new BoundListenerPort(port.Port, port.Https, endPoint) { Protocol = port.Protocol });
                }
            }

            foreach (var (listenerPort, endPoint) in _udp)
            {
                bound.Add(new BoundListenerPort(listenerPort, false, endPoint) { Protocol = "UDP" });
            }

            if (bound.Count == _endpoints.Count + _udp.Count && bound.Count > 0)
            {
                Volatile.Write(ref _settled, true);
            }

            var changed = map.Count != _localToListener.Count;
            if (changed || bound.Count != _bound.Count)
            {
                _localToListener = map.ToFrozenDictionary();
                _bound = [.. bound.OrderBy(b => b.ListenerPort)];
                return true;
            }

            return false;
        }
    }
}
