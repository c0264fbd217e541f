using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Attachment;

/// <summary>
/// Route → Service parent attachment for the mesh (GAMMA), written under <see cref="StatusEngineOptions.MeshControllerName"/>.
/// </summary>
/// <remarks>
/// Spec: <c>mesh.md</c> §1 (a Service parent binds the route to the Service frontend; <c>port</c> and <c>sectionName</c>
/// select Service ports, none meaning all), §3 (consumer routes need <c>MeshConsumerRoute</c>), §4 (routes of different
/// kinds on one Service port: GRPCRoute &gt; HTTPRoute &gt; TLSRoute &gt; TCPRoute, the losers <c>Accepted=False</c> with reason
/// <c>Conflicted</c>, which has no Go constant). There is no <c>allowedRoutes</c> handshake and hostnames are ignored.
/// Our choices (A1 for mesh): a missing Service, or one without a cluster IP (headless, ExternalName), is
/// <c>NoMatchingParent</c>.
/// </remarks>
internal static class MeshAttachment
{
    /// <summary>The reason for routes that lose a cross-kind conflict on a Service port (GEP-1294; no Go constant).</summary>
    public const string ConflictedReason = "Conflicted";

    public static List<ParentEvaluation> Evaluate(EngineContext context, RouteObject route, RuleValidity rules, Lazy<BackendResolution> meshBackends)
    {
        var evaluations = new List<ParentEvaluation>();
        if (context.MeshControllerName is not { } controllerName)
        {
            return evaluations;
        }

        for (var index = 0; index < route.ParentRefs.Count; index++)
        {
            var parentRef = route.ParentRefs[index];
            if (parentRef.Group != string.Empty || parentRef.Kind != GroupKind.Service.Kind)
            {
                continue;
            }

            var @namespace = string.IsNullOrEmpty(parentRef.Namespace) ? route.Namespace : parentRef.Namespace;
            var service = context.Snapshot.FindService(@namespace, parentRef.Name);
            var evaluation = new ParentEvaluation
            {
                Route = route,
                ParentRefIndex = index,
                StatusParentRef = new ParentReference
                {
                    Group = string.Empty, Kind = GroupKind.Service.Kind, Namespace = parentRef.Namespace, Name = parentRef.Name, SectionName = parentRef.SectionName, Port = parentRef.Port,
                },
                ControllerName = controllerName,
                Kind = ParentKind.Service,
                Service = service,
                Rules = rules,
                ParentDisplayName = $"Service {@namespace}/{parentRef.Name}",
                Backends = meshBackends.Value,
            };
            evaluations.Add(evaluation);

            if (service is null)
            {
                Reject(evaluation, RouteConditionReason.NoMatchingParent.Value, $"{evaluation.ParentDisplayName} does not exist.");
                continue;
            }

            if (service.Spec?.ClusterIP == "None" || service.Spec?.Type == "ExternalName")
            {
                Reject(evaluation, RouteConditionReason.NoMatchingParent.Value, $"{evaluation.ParentDisplayName} has no cluster IP, so mesh routes cannot bind to it.");
                continue;
            }

            var ports = (service.Spec?.Ports ?? [])
                .Where(p => (string.IsNullOrEmpty(parentRef.SectionName) || p.Name == parentRef.SectionName) && (parentRef.Port is null || p.Port == parentRef.Port))
                .Select(p => p.Port)
                .ToList();
            if (ports.Count == 0)
            {
                Reject(evaluation, RouteConditionReason.NoMatchingParent.Value, $"{evaluation.ParentDisplayName} has no port matching the parentRef's sectionName/port.");
                continue;
            }

            if (@namespace != route.Namespace && !context.Supports(GatewayApiFeatures.MeshConsumerRoute))
            {
                Reject(evaluation, RouteConditionReason.NotAllowedByListeners.Value, "Consumer routes (a route in another namespace than its Service parent) are not supported.");
                continue;
            }

            if (rules.AllInvalid)
            {
                Reject(evaluation, rules.Reason, "Every rule is invalid. " + rules.Describe());
                continue;
            }

            evaluation.Accepted = true;
            evaluation.MeshPorts.AddRange(ports);
        }

        return evaluations;
    }

    /// <summary>Cross-kind conflicts on one Service port, among the producer routes or among one namespace's consumer routes (§4).</summary>
    public static void ResolveConflicts(IReadOnlyList<ParentEvaluation> evaluations)
    {
        var accepted = evaluations.Where(e => e.Kind == ParentKind.Service && e.Accepted && e.Route.Kind != RouteKind.Udp).ToList();
        var best = new Dictionary<(string Service, string Scope, int Port), int>();
        foreach (var evaluation in accepted)
        {
            foreach (var port in evaluation.MeshPorts)
            {
                var key = Key(evaluation, port);
                var rank = Rank(evaluation.Route.Kind);
                best[key] = best.TryGetValue(key, out var current) ? Math.Min(current, rank) : rank;
            }
        }

        foreach (var evaluation in accepted)
        {
            evaluation.MeshPorts.RemoveAll(port => best[Key(evaluation, port)] < Rank(evaluation.Route.Kind));
            if (evaluation.MeshPorts.Count == 0)
            {
                Reject(evaluation, ConflictedReason, $"Routes of a more specific kind bind every selected port of {evaluation.ParentDisplayName} (GRPCRoute > HTTPRoute > TLSRoute > TCPRoute).");
            }
            else
            {
                evaluation.AcceptedMessage = $"Accepted by {evaluation.ParentDisplayName} on port(s) {string.Join(", ", evaluation.MeshPorts)}.";
            }
        }
    }

    private static (string Service, string Scope, int Port) Key(ParentEvaluation evaluation, int port)
    {
        var service = ObjectNames.KeyOf(evaluation.Service!);
        var producer = ObjectNames.NamespaceOf(evaluation.Service!) == evaluation.Route.Namespace;
        return (service, producer ? string.Empty : evaluation.Route.Namespace, port);
    }

    private static int Rank(RouteKind kind) => kind switch
    {
        RouteKind.Grpc => 0,
        RouteKind.Http => 1,
        RouteKind.Tls => 2,
        _ => 3,
    };

    private static void Reject(ParentEvaluation evaluation, string reason, string message)
    {
        evaluation.Accepted = false;
        evaluation.AcceptedReason = reason;
        evaluation.AcceptedMessage = message;
    }
}
