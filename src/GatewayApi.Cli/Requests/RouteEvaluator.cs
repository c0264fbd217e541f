using GatewayApi.Cli.Engine;
using GatewayApi.Cli.Inputs;
using GatewayApi.Models;
using GatewayApi.Routing;
using k8s.Models;

namespace GatewayApi.Cli.Requests;

/// <summary>Compiles the router from the computed status and asks it about one request.</summary>
internal static class RouteEvaluator
{
    public static RouteAnswer Evaluate(OfflineEngine engine, RouteQuery query)
    {
        // A repository rarely holds EndpointSlices; the Services whose slices it does hold are routed as they say.
        var slices = engine.Manifests.Select(m => m.Object).OfType<V1EndpointSlice>();
        var configuration = EndpointReadiness.Apply(RoutingConfigurationFromStatus.Create(engine.Status), slices);
        var router = Router.Compile(configuration);
        var random = new Random(query.Seed);
        return query.Gateway is { } gateway
            ? ThroughGateway(engine, configuration, router, query, gateway, random)
            : ToService(engine, router, query, random);
    }

    private static RouteAnswer ThroughGateway(OfflineEngine engine, RoutingConfiguration configuration, Router router, RouteQuery query, NamespacedName name, Random random)
    {
        var gateway = engine.Snapshot.Gateways.FirstOrDefault(g => ObjectDisplay.NamespaceOf(g) == name.Namespace && g.Metadata?.Name == name.Name);
        if (gateway is null)
        {
            var known = engine.Snapshot.Gateways.Select(g => ObjectDisplay.NamespaceOf(g) + "/" + g.Metadata?.Name).ToList();
            throw new CliInputException($"unknown gateway {name}: the inputs define {(known.Count == 0 ? "no Gateway" : string.Join(", ", known))}");
        }

        if (!engine.Status.Gateways.Any(g => g.Namespace == name.Namespace && g.Name == name.Name))
        {
            var className = gateway.Spec.GatewayClassName;
            var controller = engine.Snapshot.GatewayClasses.FirstOrDefault(c => c.Metadata?.Name == className)?.Spec.ControllerName;
            throw new CliInputException($"Gateway {name} is not handled: its GatewayClass {className} has controllerName {controller}, and gwapi acts as {string.Join(", ", engine.ControllerNames)} (--controller-name)");
        }

        // Listeners as written (this Gateway's and its ListenerSets'), for --listener and the default port.
        var written = (gateway.Spec.Listeners ?? []).Select(l => (l.Name, Port: l.Port ?? 0, Protocol: l.Protocol?.Value ?? string.Empty))
            .Concat(configuration.Gateways.Where(g => g.Namespace == name.Namespace && g.Name == name.Name).SelectMany(g => g.Listeners).Select(l => (Name: (string?)l.Name, l.Port, Protocol: l.Protocol.Value)))
            .DistinctBy(l => l.Name)
            .ToList();
        var line = query.Line;
        var protocol = line.Scheme == "https" ? "HTTPS" : "HTTP";
        int port;
        string portChoice;
        if (query.Listener is { } listenerName)
        {
            var listener = written.FirstOrDefault(l => l.Name == listenerName);
            if (listener.Name is null)
            {
                throw new CliInputException($"Gateway {name} has no listener '{listenerName}'; its listeners are {string.Join(", ", written.Select(l => l.Name))}");
            }

            if (!string.Equals(listener.Protocol, protocol, StringComparison.OrdinalIgnoreCase))
            {
                throw new CliInputException($"listener '{listenerName}' speaks {listener.Protocol}, but the URL is {line.Scheme}");
            }

            port = query.Port ?? listener.Port;
            portChoice = $"port {port} of listener '{listenerName}'";
        }
        else if ((query.Port ?? line.Port) is { } explicitPort)
        {
            port = explicitPort;
            portChoice = query.Port is null ? $"port {port} from the URL" : $"port {port} (--port)";
        }
        else
        {
            var wellKnown = line.Scheme == "https" ? 443 : 80;
            var ports = written.Where(l => string.Equals(l.Protocol, protocol, StringComparison.OrdinalIgnoreCase)).Select(l => l.Port).Distinct().Order().ToList();
            if (ports.Count == 0 || ports.Contains(wellKnown))
            {
                port = wellKnown;
                portChoice = $"port {port}, the {line.Scheme} default";
            }
            else if (ports.Count == 1)
            {
                port = ports[0];
                portChoice = $"port {port}, the only {protocol} port of the Gateway";
            }
            else
            {
                throw new CliInputException($"Gateway {name} has {protocol} listeners on ports {string.Join(", ", ports)}; choose one with --port or --listener");
            }
        }

        var request = new HttpRoutingRequest
        {
            Gateway = name,
            Port = port,
            Scheme = line.Scheme,
            ServerName = line.Scheme == "https" ? query.ServerName ?? line.Host : null,
            Authority = query.Authority,
            Method = query.Grpc ? "POST" : line.Method,
            Path = line.PathAndQuery,
            Headers = WithGrpcContentType(query),
        };

        var notes = new List<string>();
        RoutingExplanation? explanation = null;
        if (query.Explain)
        {
            if (query.Grpc)
            {
                notes.Add("--explain lists HTTPRoute candidates only; the gRPC decision is shown without them");
            }
            else
            {
                explanation = router.ExplainHttp(request);
            }
        }

        HttpRouteDecision? http = null;
        GrpcRouteDecision? grpc = null;
        string? answered;
        if (query.Grpc)
        {
            grpc = router.RouteGrpc(request, random);
            answered = grpc.ListenerName;
        }
        else
        {
            http = router.RouteHttp(request, random);
            answered = http.ListenerName;
        }

        if (query.Listener is { } asked && answered is not null && answered != asked)
        {
            notes.Add($"listener '{answered}' answered, not '{asked}': a listener with a more specific hostname on port {port} matches the host");
        }

        return new RouteAnswer { Query = query, Request = request, PortChoice = portChoice, Http = http, Grpc = grpc, Explanation = explanation, Notes = notes };
    }

    private static RouteAnswer ToService(OfflineEngine engine, Router router, RouteQuery query, Random random)
    {
        var service = query.Service!.Value;
        if (!engine.Snapshot.Services.Any(s => ObjectDisplay.NamespaceOf(s) == service.Namespace && s.Metadata?.Name == service.Name))
        {
            var known = engine.Snapshot.Services.Select(s => ObjectDisplay.NamespaceOf(s) + "/" + s.Metadata?.Name).ToList();
            throw new CliInputException($"unknown Service {service}: the inputs define {(known.Count == 0 ? "no Service (--assume-backends makes up referenced ones)" : string.Join(", ", known))}");
        }

        var destination = new MeshDestination(query.FromNamespace ?? service.Namespace, service, query.ServicePort);
        var request = new HttpRoutingRequest
        {
            Scheme = query.Line.Scheme,
            Port = query.ServicePort,
            Authority = query.Authority,
            Method = query.Grpc ? "POST" : query.Line.Method,
            Path = query.Line.PathAndQuery,
            Headers = WithGrpcContentType(query),
        };
        var notes = query.Explain ? new List<string> { "--explain lists the candidates of Gateway listeners; mesh decisions are shown without them" } : [];
        return query.Grpc
            ? new RouteAnswer { Query = query, Request = request, Grpc = router.RouteMeshGrpc(destination, request, random), Notes = notes }
            : new RouteAnswer { Query = query, Request = request, Http = router.RouteMeshHttp(destination, request, random), Notes = notes };
    }

    private static IReadOnlyList<KeyValuePair<string, string>> WithGrpcContentType(RouteQuery query)
        => query.Grpc && !query.Headers.Any(h => string.Equals(h.Key, "content-type", StringComparison.OrdinalIgnoreCase))
            ? [.. query.Headers, new("content-type", "application/grpc")]
            : query.Headers;
}
