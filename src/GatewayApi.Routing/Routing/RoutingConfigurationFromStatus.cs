using GatewayApi.Models;
using GatewayApi.Routing.Attachment;

namespace GatewayApi.Routing;

/// <summary>
/// The hand-over from the status engine to the router: what <see cref="GatewayApiStatusEngine.Compute"/> found
/// attached and accepted, as a <see cref="RoutingConfiguration"/>. Only accepted listeners are kept; each route
/// brings its intersected hostnames, its valid rules and its unresolved references.
/// </summary>
public static class RoutingConfigurationFromStatus
{
    /// <summary>Builds the router's input from a status computation.</summary>
    /// <param name="status">The status engine's result.</param>
    public static RoutingConfiguration Create(StatusResult status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var graph = status.Graph;
        var gateways = graph.Listeners
            .Where(l => l.Accepted)
            .GroupBy(l => (l.GatewayNamespace, l.GatewayName))
            .Select(g => new GatewayRoutes
            {
                Namespace = g.Key.GatewayNamespace,
                Name = g.Key.GatewayName,
                BackendClientCertificate = graph.BackendClientCertificates.TryGetValue(g.Key.GatewayNamespace + "/" + g.Key.GatewayName, out var secret) ? secret : null,
                Listeners = [.. g.Select(l => new ListenerRoutes
                {
                    Name = l.ListenerName,
                    Port = l.Port,
                    Protocol = new ProtocolType(l.Protocol),
                    Hostname = l.Hostname,
                    TlsMode = l.TlsMode,
                    ClientCertificateValidation = l.ClientCertificateValidation,
                    ListenerSet = l.ListenerSetName is null ? null : new NamespacedName(l.ListenerSetNamespace ?? "", l.ListenerSetName),
                    Routes = [.. l.Routes.Select(Adapt)],
                })],
            });
        var services = graph.MeshRoutes
            .GroupBy(m => (m.ServiceNamespace, m.ServiceName))
            .Select(g => new ServiceRoutes
            {
                Namespace = g.Key.ServiceNamespace,
                Name = g.Key.ServiceName,
                Ports = [.. g.SelectMany(m => m.Ports).Distinct().Order().Select(port => new ServicePortRoutes
                {
                    Port = port,
                    Routes = [.. g.Where(m => m.Ports.Contains(port)).Select(m => Adapt(m.Route))],
                })],
            });
        return new RoutingConfiguration { Gateways = [.. gateways], Services = [.. services], BackendTls = status.BackendTls };
    }

    private static AttachedRoute Adapt(AcceptedRoute route) => new()
    {
        Route = route.Route,
        Hostnames = route.Hostnames.Count == 0 ? null : route.Hostnames,
        RuleIndexes = route.RuleIndexes,
        UnusableReferences = [.. route.Backends.Where(b => !b.IsResolved).Select(Unusable)],
    };

    /// <summary>Locates an unresolved reference by the indexes the status engine recorded.</summary>
    private static UnusableReference Unusable(ResolvedBackendRef reference) => new()
    {
        RuleIndex = reference.RuleIndex,
        BackendRefIndex = reference.BackendRefIndex,
        FilterIndex = reference.FilterIndex,
        Reason = new RouteConditionReason(reference.Reason ?? RouteConditionReason.BackendNotFound.Value),
    };
}
