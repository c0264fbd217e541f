using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Attachment;

/// <summary>
/// The attachment graph the router compiles: for every listener of our Gateways (merged with their ListenerSets), the
/// route rules accepted on it, with their effective hostnames and resolved backends; and the mesh routes bound to
/// Services. Immutable; built once per status computation.
/// </summary>
internal sealed record AttachmentGraph
{
    public required IReadOnlyList<ListenerAttachment> Listeners { get; init; }

    public required IReadOnlyList<MeshRouteAttachment> MeshRoutes { get; init; }

    /// <summary>Per Gateway (<c>{namespace}/{name}</c>), the resolved backend client certificate Secret.</summary>
    public IReadOnlyDictionary<string, NamespacedName> BackendClientCertificates { get; init; } = new Dictionary<string, NamespacedName>();

    public static AttachmentGraph Build(IEnumerable<GatewayState> gateways, IReadOnlyList<ParentEvaluation> parents)
    {
        // For each listener, the routes accepted on it and their intersected hostnames (first parentRef that reached it).
        var byListener = new Dictionary<ListenerState, List<AcceptedRoute>>();
        var seen = new HashSet<(ListenerState, RouteObject)>();
        foreach (var parent in parents.Where(p => p.Accepted && p.Kind != ParentKind.Service))
        {
            foreach (var verdict in parent.AttachedListeners)
            {
                if (!seen.Add((verdict.Listener, parent.Route)))
                {
                    continue;
                }

                if (!byListener.TryGetValue(verdict.Listener, out var routes))
                {
                    byListener[verdict.Listener] = routes = [];
                }

                routes.Add(AcceptedRoute.From(parent, verdict.Hostnames ?? []));
            }
        }

        var listeners = new List<ListenerAttachment>();
        foreach (var gateway in gateways)
        {
            foreach (var listener in gateway.MergedListeners)
            {
                listeners.Add(new ListenerAttachment
                {
                    GatewayNamespace = gateway.Namespace,
                    GatewayName = gateway.Name,
                    ListenerSetNamespace = listener.ListenerSet?.Namespace,
                    ListenerSetName = listener.ListenerSet?.Name,
                    ListenerName = listener.Name,
                    Protocol = listener.Protocol,
                    Port = listener.Port,
                    Hostname = listener.Hostname,
                    TlsMode = listener.TlsMode,
                    ClientCertificateValidation = listener.ClientCertificateValidation,
                    Accepted = listener.IsAccepted,
                    Programmed = listener.IsProgrammed,
                    Routes = byListener.TryGetValue(listener, out var routes) ? routes : [],
                });
            }
        }

        var mesh = parents
            .Where(p => p.Accepted && p.Kind == ParentKind.Service)
            .Select(p => new MeshRouteAttachment
            {
                ServiceNamespace = ObjectNames.NamespaceOf(p.Service!),
                ServiceName = ObjectNames.NameOf(p.Service!),
                Ports = [.. p.MeshPorts],
                IsConsumerRoute = ObjectNames.NamespaceOf(p.Service!) != p.Route.Namespace,
                Route = AcceptedRoute.From(p, []),
            })
            .ToList();

        var clientCertificates = new Dictionary<string, NamespacedName>(StringComparer.Ordinal);
        foreach (var gateway in gateways)
        {
            if (gateway.BackendClientCertificate is { } secret)
            {
                clientCertificates[gateway.Key] = secret;
            }
        }

        return new AttachmentGraph { Listeners = listeners, MeshRoutes = mesh, BackendClientCertificates = clientCertificates };
    }
}

/// <summary>One listener with the routes accepted on it.</summary>
internal sealed record ListenerAttachment
{
    public required string GatewayNamespace { get; init; }

    public required string GatewayName { get; init; }

    /// <summary>The ListenerSet contributing the listener, or null for the Gateway's own.</summary>
    public string? ListenerSetNamespace { get; init; }

    public string? ListenerSetName { get; init; }

    public required string ListenerName { get; init; }

    public required string Protocol { get; init; }

    public required int Port { get; init; }

    public string? Hostname { get; init; }

    public string? TlsMode { get; init; }

    public ClientCertificateValidation? ClientCertificateValidation { get; init; }

    public required bool Accepted { get; init; }

    public required bool Programmed { get; init; }

    public required IReadOnlyList<AcceptedRoute> Routes { get; init; }
}

/// <summary>A mesh route bound to a Service frontend.</summary>
internal sealed record MeshRouteAttachment
{
    public required string ServiceNamespace { get; init; }

    public required string ServiceName { get; init; }

    /// <summary>The Service ports the route applies to.</summary>
    public required IReadOnlyList<int> Ports { get; init; }

    /// <summary>Whether the route lives in another namespace than the Service (it applies only to its namespace's clients).</summary>
    public required bool IsConsumerRoute { get; init; }

    public required AcceptedRoute Route { get; init; }
}
