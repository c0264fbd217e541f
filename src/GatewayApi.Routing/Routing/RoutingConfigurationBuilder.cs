using GatewayApi.Models;
using GatewayApi.Routing.Hostnames;

namespace GatewayApi.Routing;

/// <summary>
/// A convenience for tests, tools and samples: builds a <see cref="RoutingConfiguration"/> straight from model
/// objects, assuming every route attaches wherever its parentRefs point, its kind fits the listener protocol and
/// its hostnames intersect the listener's. It is not a status engine: it ignores <c>allowedRoutes</c>,
/// ReferenceGrants, listener and route conflicts, and treats every reference as usable. Controllers should build
/// the configuration from the status engine's attachment result instead.
/// </summary>
public sealed class RoutingConfigurationBuilder
{
    private readonly List<Gateway> _gateways = [];
    private readonly List<(string Namespace, string Name, (int Port, string? Name)[] Ports)> _services = [];
    private readonly List<GatewayApiObject> _routes = [];

    /// <summary>Adds a Gateway; its listeners become <see cref="ListenerRoutes"/>.</summary>
    /// <param name="gateway">The Gateway.</param>
    public RoutingConfigurationBuilder AddGateway(Gateway gateway)
    {
        _gateways.Add(gateway);
        return this;
    }

    /// <summary>Adds a Service that mesh routes may name as parent.</summary>
    /// <param name="namespace">The Service's namespace.</param>
    /// <param name="name">The Service's name.</param>
    /// <param name="ports">Its ports (number and optional name).</param>
    public RoutingConfigurationBuilder AddService(string @namespace, string name, params (int Port, string? Name)[] ports)
    {
        _services.Add((@namespace, name, ports));
        return this;
    }

    /// <summary>Adds routes of any kind.</summary>
    /// <param name="routes">HTTPRoutes, GRPCRoutes, TLSRoutes, TCPRoutes or UDPRoutes.</param>
    public RoutingConfigurationBuilder AddRoutes(params IEnumerable<GatewayApiObject> routes)
    {
        _routes.AddRange(routes);
        return this;
    }

    /// <summary>Builds the configuration.</summary>
    public RoutingConfiguration Build() => new()
    {
        Gateways = [.. _gateways.Select(BuildGateway)],
        Services = [.. _services.Select(BuildService)],
    };

    private GatewayRoutes BuildGateway(Gateway gateway)
    {
        var gatewayNamespace = gateway.Metadata.NamespaceProperty ?? "default";
        var gatewayName = gateway.Metadata.Name ?? "";
        var listeners = new List<ListenerRoutes>();
        foreach (var listener in gateway.Spec.Listeners ?? [])
        {
            var attached = new List<AttachedRoute>();
            foreach (var route in _routes)
            {
                var routeNamespace = route.Metadata.NamespaceProperty ?? "default";
                var names = ParentRefs(route).Any(p =>
                    (p.Group ?? GatewayApiGroups.Group) == GatewayApiGroups.Group
                    && (p.Kind ?? Gateway.KindName) == Gateway.KindName
                    && p.Name == gatewayName
                    && (p.Namespace ?? routeNamespace) == gatewayNamespace
                    && (p.SectionName is null || p.SectionName == listener.Name)
                    && (p.Port is null || p.Port == listener.Port));
                if (!names || !Fits(route, listener.Protocol?.Value))
                {
                    continue;
                }

                // The status engine's intersection: null when no route hostname intersects the listener's.
                var effective = HostnameMatch.EffectiveHostnames(listener.Hostname, [.. Hostnames(route) ?? []]);
                if (effective is null)
                {
                    continue;
                }

                attached.Add(new AttachedRoute { Route = route, Hostnames = effective.Count == 0 ? null : effective });
            }

            listeners.Add(new ListenerRoutes
            {
                Name = listener.Name ?? "",
                Port = listener.Port ?? 0,
                Protocol = listener.Protocol ?? ProtocolType.Http,
                Hostname = listener.Hostname,
                TlsMode = listener.Tls?.Mode?.Value,
                Routes = attached,
            });
        }

        return new GatewayRoutes { Namespace = gatewayNamespace, Name = gatewayName, Listeners = listeners };
    }

    private ServiceRoutes BuildService((string Namespace, string Name, (int Port, string? Name)[] Ports) service) => new()
    {
        Namespace = service.Namespace,
        Name = service.Name,
        Ports = [.. service.Ports.Select(port => new ServicePortRoutes
        {
            Port = port.Port,
            Name = port.Name,
            Routes = [.. _routes
                .Where(route => route is HttpRoute or GrpcRoute && ParentRefs(route).Any(p =>
                    p.Group == "" && p.Kind == "Service" && p.Name == service.Name
                    && (p.Namespace ?? route.Metadata.NamespaceProperty ?? "default") == service.Namespace
                    && (p.Port is null || p.Port == port.Port)
                    && (p.SectionName is null || p.SectionName == port.Name)))
                .Select(route => new AttachedRoute { Route = route })],
        })],
    };

    private static IEnumerable<ParentReference> ParentRefs(GatewayApiObject route) => route switch
    {
        HttpRoute http => http.Spec.ParentRefs ?? [],
        GrpcRoute grpc => grpc.Spec.ParentRefs ?? [],
        TlsRoute tls => tls.Spec.ParentRefs ?? [],
        TcpRoute tcp => tcp.Spec.ParentRefs ?? [],
        UdpRoute udp => udp.Spec.ParentRefs ?? [],
        _ => [],
    };

    private static IList<string>? Hostnames(GatewayApiObject route) => route switch
    {
        HttpRoute http => http.Spec.Hostnames,
        GrpcRoute grpc => grpc.Spec.Hostnames,
        TlsRoute tls => tls.Spec.Hostnames,
        _ => null,
    };

    private static bool Fits(GatewayApiObject route, string? protocol) => (route, protocol?.ToUpperInvariant()) switch
    {
        (HttpRoute or GrpcRoute, "HTTP" or "HTTPS") => true,
        (TlsRoute, "TLS") => true,
        (TcpRoute, "TCP") => true,
        (UdpRoute, "UDP") => true,
        _ => false,
    };
}
