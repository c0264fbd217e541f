using GatewayApi.Models;

namespace GatewayApi.Routing.Compiled;

/// <summary>One listener compiled: its routes of every kind.</summary>
internal sealed class CompiledListener
{
    public required string Name { get; init; }

    public required int Port { get; init; }

    public required string Protocol { get; init; }

    public string? Hostname { get; init; }

    public string? TlsMode { get; init; }

    public CompiledHttpRoutes Http { get; init; } = CompiledHttpRoutes.Empty;

    public CompiledGrpcRoutes Grpc { get; init; } = CompiledGrpcRoutes.Empty;

    public CompiledTlsRoutes? Tls { get; init; }

    /// <summary>For TCP/UDP listeners: the winning route (oldest, then name), which takes all traffic (§6).</summary>
    public StreamCandidate? Stream { get; init; }
}

/// <summary>The listeners of one port, by protocol; HTTP, HTTPS and TLS listeners in hostname tables (§1.2).</summary>
internal sealed class CompiledPort
{
    public HostnameTable<CompiledListener> Http { get; } = new();

    public HostnameTable<CompiledListener> Https { get; } = new();

    public HostnameTable<CompiledListener> Tls { get; } = new();

    public CompiledListener? Tcp { get; set; }

    public CompiledListener? Udp { get; set; }
}

/// <summary>One Gateway compiled: its ports.</summary>
internal sealed class CompiledGateway
{
    private CompiledGateway(NamespacedName name, Dictionary<int, CompiledPort> ports, IReadOnlyList<CompiledListener> listeners)
    {
        Name = name;
        Ports = ports;
        Listeners = listeners;
    }

    public NamespacedName Name { get; }

    public Dictionary<int, CompiledPort> Ports { get; }

    public IReadOnlyList<CompiledListener> Listeners { get; }

    public static CompiledGateway Compile(GatewayRoutes gateway, CompileContext context)
    {
        var ports = new Dictionary<int, CompiledPort>();
        var listeners = new List<CompiledListener>();
        foreach (var listener in gateway.Listeners)
        {
            var protocol = listener.Protocol.Value.ToUpperInvariant();
            var compiled = new CompiledListener
            {
                Name = listener.Name,
                Port = listener.Port,
                Protocol = protocol,
                Hostname = HostnameMatching.IsAny(listener.Hostname) ? null : listener.Hostname!.ToLowerInvariant(),
                TlsMode = listener.TlsMode,
                Http = protocol is "HTTP" or "HTTPS" ? CompiledHttpRoutes.Compile(listener.Routes, listener.Hostname, context, null) : CompiledHttpRoutes.Empty,
                Grpc = protocol is "HTTP" or "HTTPS" ? CompiledGrpcRoutes.Compile(listener.Routes, listener.Hostname, context, null) : CompiledGrpcRoutes.Empty,
                // BackendTLSPolicy applies where the gateway itself opens the backend connection as a stream it owns:
                // TLS Terminate and TCP. Passthrough carries the client's own TLS, and UDP has no TLS (our choice).
                Tls = protocol == "TLS"
                    ? CompiledTlsRoutes.Compile(listener.Routes, listener.Hostname, string.Equals(listener.TlsMode, "Passthrough", StringComparison.Ordinal) ? BackendTlsIndex.Empty : context.BackendTls)
                    : null,
                Stream = protocol is "TCP" or "UDP"
                    ? Winner(listener.Routes, protocol == "TCP" ? TcpRoute.KindName : UdpRoute.KindName, protocol == "TCP" ? context.BackendTls : BackendTlsIndex.Empty)
                    : null,
            };
            listeners.Add(compiled);
            if (!ports.TryGetValue(listener.Port, out var port))
            {
                ports.Add(listener.Port, port = new CompiledPort());
            }

            // A second listener with the same port, protocol and hostname would be a conflict: the first wins.
            switch (protocol)
            {
                case "HTTP":
                    port.Http.GetOrAdd(listener.Hostname, _ => compiled);
                    break;
                case "HTTPS":
                    port.Https.GetOrAdd(listener.Hostname, _ => compiled);
                    break;
                case "TLS":
                    port.Tls.GetOrAdd(listener.Hostname, _ => compiled);
                    break;
                case "TCP":
                    port.Tcp ??= compiled;
                    break;
                case "UDP":
                    port.Udp ??= compiled;
                    break;
            }
        }

        return new CompiledGateway(new NamespacedName(gateway.Namespace, gateway.Name), ports, listeners);
    }

    private static StreamCandidate? Winner(IEnumerable<AttachedRoute> routes, string kind, BackendTlsIndex tls)
    {
        StreamCandidate? winner = null;
        foreach (var attached in routes)
        {
            if (attached.Route.Kind == kind && StreamCandidate.From(attached, tls) is { } candidate
                && (winner is null || StreamCandidate.Compare(candidate, winner) < 0))
            {
                winner = candidate;
            }
        }

        return winner;
    }
}

/// <summary>
/// One port of a mesh parent Service: producer routes (in the Service's namespace) and, per client namespace,
/// consumer routes; a client with consumer routes uses only those (<c>mesh.md</c> §3).
/// </summary>
internal sealed class CompiledServicePort
{
    public required int Port { get; init; }

    public required RoutedBackend Service { get; init; }

    public CompiledHttpRoutes ProducerHttp { get; init; } = CompiledHttpRoutes.Empty;

    public CompiledGrpcRoutes ProducerGrpc { get; init; } = CompiledGrpcRoutes.Empty;

    public Dictionary<string, CompiledHttpRoutes> ConsumerHttp { get; init; } = [];

    public Dictionary<string, CompiledGrpcRoutes> ConsumerGrpc { get; init; } = [];
}

/// <summary>The mesh parents compiled.</summary>
internal static class CompiledMesh
{
    public static Dictionary<NamespacedName, Dictionary<int, CompiledServicePort>> Compile(IEnumerable<ServiceRoutes> services, CompileContext context)
    {
        var result = new Dictionary<NamespacedName, Dictionary<int, CompiledServicePort>>();
        foreach (var service in services)
        {
            var ports = new Dictionary<int, CompiledServicePort>();
            foreach (var port in service.Ports)
            {
                var parent = new RoutedBackend { Index = -1, Group = "", Kind = "Service", Namespace = service.Namespace, Name = service.Name, Port = port.Port };
                var producer = port.Routes.Where(r => RouteIdentity.Of(r.Route).Namespace == service.Namespace).ToList();
                var consumers = port.Routes.Where(r => RouteIdentity.Of(r.Route).Namespace != service.Namespace)
                    .GroupBy(r => RouteIdentity.Of(r.Route).Namespace, StringComparer.Ordinal).ToList();
                ports.TryAdd(port.Port, new CompiledServicePort
                {
                    Port = port.Port,
                    Service = parent,
                    ProducerHttp = CompiledHttpRoutes.Compile(producer, null, context, parent),
                    ProducerGrpc = CompiledGrpcRoutes.Compile(producer, null, context, parent),
                    ConsumerHttp = consumers.Where(g => g.Any(r => r.Route is HttpRoute))
                        .ToDictionary(g => g.Key, g => CompiledHttpRoutes.Compile(g, null, context, parent), StringComparer.Ordinal),
                    ConsumerGrpc = consumers.Where(g => g.Any(r => r.Route is GrpcRoute))
                        .ToDictionary(g => g.Key, g => CompiledGrpcRoutes.Compile(g, null, context, parent), StringComparer.Ordinal),
                });
            }

            result.TryAdd(new NamespacedName(service.Namespace, service.Name), ports);
        }

        return result;
    }
}
