using GatewayApi.Models;
using GatewayApi.Routing.Attachment;
using GatewayApi.Routing.Snapshots;
using GatewayApi.Routing.Status;

namespace GatewayApi.Routing;

/// <summary>
/// Computes, from a snapshot of cluster objects, every status a conformant Gateway API v1.6.1 controller must write:
/// GatewayClasses, Gateways with their listeners, ListenerSets, the route parent entries for our parents, and
/// BackendTLSPolicy ancestors. A pure function: the same snapshot and options give the same result, whatever the order
/// of the objects.
/// </summary>
/// <remarks>
/// The data flows one way: snapshot → Gateways and listeners (validity, conflicts, ListenerSet merge) → routes per
/// parentRef (kinds, namespaces, hostnames, rules, references) → policies → status objects. <c>docs/status.md</c> lists
/// every condition and reason written, the rule behind it, and each implementation-specific choice.
/// </remarks>
public static class GatewayApiStatusEngine
{
    /// <summary>Computes the statuses.</summary>
    /// <param name="snapshot">The cluster objects.</param>
    /// <param name="options">Who we are and what we support.</param>
    /// <exception cref="ArgumentException"><see cref="StatusEngineOptions.ControllerNames"/> is empty.</exception>
    public static StatusResult Compute(ResourceSnapshot snapshot, StatusEngineOptions options)
    {
        var context = new EngineContext(snapshot, options);

        // Gateways, their listeners and ListenerSets, conflicts.
        var (classes, gateways) = GatewayAttachment.Build(context);
        var gatewaysByKey = gateways.ToDictionary(g => g.Key, StringComparer.Ordinal);
        var listenerSetsByKey = gateways.SelectMany(g => g.ListenerSets).ToDictionary(s => s.Key, StringComparer.Ordinal);
        var defaultGateways = gateways.Where(g => g.Gateway.Spec.DefaultScope?.Value == GatewayDefaultScope.All.Value).ToList();

        // Routes, one parentRef at a time.
        var parents = new List<ParentEvaluation>();
        var parentsByRoute = new Dictionary<RouteObject, List<ParentEvaluation>>();
        foreach (var route in snapshot.Routes)
        {
            var rules = RouteRules.Validate(context, route);
            var gatewayBackends = new Lazy<BackendResolution>(() => BackendReferences.Resolve(context, route, requireGrants: true), isThreadSafe: false);
            var meshBackends = new Lazy<BackendResolution>(() => BackendReferences.Resolve(context, route, context.Options.MeshRequiresReferenceGrants), isThreadSafe: false);
            var evaluations = RouteAttachment.Evaluate(context, route, gatewaysByKey, listenerSetsByKey, defaultGateways, rules, gatewayBackends);
            evaluations.AddRange(MeshAttachment.Evaluate(context, route, rules, meshBackends));
            if (evaluations.Count > 0)
            {
                parentsByRoute[route] = evaluations;
                parents.AddRange(evaluations);
            }
        }

        MeshAttachment.ResolveConflicts(parents);
        HttpGrpcExclusivity.Resolve(context, parents);

        // attachedRoutes: routes Accepted=True on a parentRef that reaches the listener (§2.9).
        foreach (var parent in parents)
        {
            if (parent.Accepted)
            {
                foreach (var verdict in parent.AttachedListeners)
                {
                    verdict.Listener.AttachedRoutes.Add(parent.Route);
                }
            }
        }

        var policies = PolicyAttachment.Evaluate(context, parents);

        // Status objects.
        var controllerNames = context.Options.ControllerNames.Distinct(StringComparer.Ordinal).ToList();
        if (context.MeshControllerName is { } mesh && !controllerNames.Contains(mesh))
        {
            controllerNames.Add(mesh);
        }

        var classUpdates = classes.Select(c => StatusWriter.GatewayClass(context, c)).ToList();
        var gatewayUpdates = gateways.Select(g => StatusWriter.Gateway(context, g)).ToList();
        var listenerSetUpdates = gateways.SelectMany(g => g.ListenerSets)
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => StatusWriter.ListenerSet(context, s))
            .ToList();
        var routeUpdates = new List<StatusUpdate<RouteStatus>>();
        foreach (var route in snapshot.Routes)
        {
            var evaluations = parentsByRoute.TryGetValue(route, out var list) ? list : [];
            if (evaluations.Count > 0 || (route.Status?.Parents?.Any(p => p is not null && controllerNames.Contains(p.ControllerName ?? string.Empty)) ?? false))
            {
                routeUpdates.Add(StatusWriter.Route(context, route, evaluations, controllerNames));
            }
        }

        var policyUpdates = policies
            .Where(p => p.Ancestors.Count > 0 || (p.Policy.Status?.Ancestors?.Any(a => a is not null && controllerNames.Contains(a.ControllerName ?? string.Empty)) ?? false))
            .Select(p => StatusWriter.Policy(context, p, controllerNames))
            .ToList();

        // XMesh (GEP-3949): only the mesh controller named in spec.controllerName writes it.
        var meshUpdates = context.MeshControllerName is { } meshController
            ? snapshot.OtherObjects.OfType<XMesh>()
                .Where(m => m.Spec?.ControllerName == meshController && (context.Options.MeshName is null || m.Metadata?.Name == context.Options.MeshName))
                .OrderBy(m => m.Metadata?.Name, StringComparer.Ordinal)
                .Select(m => StatusWriter.Mesh(context, m))
                .ToList()
            : [];

        return new StatusResult(classUpdates, gatewayUpdates, listenerSetUpdates, routeUpdates, policyUpdates, meshUpdates, parents, AttachmentGraph.Build(gateways, parents), PolicyAttachment.Settings(policies));
    }
}
