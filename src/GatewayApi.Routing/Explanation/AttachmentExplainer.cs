using GatewayApi.Models;
using GatewayApi.Routing.Attachment;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Explanation;

/// <summary>Turns the per-listener verdicts of route attachment into sentences a user understands.</summary>
internal static class AttachmentExplainer
{
    public static RouteAttachmentExplanation? Explain(IReadOnlyList<ParentEvaluation> parents, string routeKind, string routeNamespace, string routeName)
    {
        var mine = parents.Where(p => IsRoute(p.Route, routeKind, routeNamespace, routeName)).ToList();
        if (mine.Count == 0)
        {
            return null;
        }

        return new RouteAttachmentExplanation
        {
            Route = mine[0].Route.DisplayName,
            Parents = mine.Select(p => new ParentAttachmentExplanation
            {
                Parent = ParentName(p),
                Accepted = p.Accepted,
                Reason = p.AcceptedReason,
                Summary = (p.Accepted ? "Attached. " : "Not attached (" + p.AcceptedReason + "). ") + p.AcceptedMessage + Advice(p),
                Listeners = p.Verdicts.Select(v => new ListenerAttachmentExplanation
                {
                    Listener = v.Listener.Name,
                    Attached = v.Outcome == ListenerOutcome.Attached && p.Accepted,
                    Sentence = Sentence(p, v),
                }).ToList(),
            }).ToList(),
        };
    }

    public static string ExplainListener(IReadOnlyList<ParentEvaluation> parents, string routeKind, string routeNamespace, string routeName, string parentNamespace, string parentName, string listenerName)
    {
        var mine = parents.Where(p => IsRoute(p.Route, routeKind, routeNamespace, routeName)).ToList();
        var display = $"{routeKind} {routeNamespace}/{routeName}";
        if (mine.Count == 0)
        {
            return $"{display} names no Gateway, ListenerSet or Service managed by this controller (or does not exist).";
        }

        foreach (var parent in mine)
        {
            foreach (var verdict in parent.Verdicts)
            {
                var owner = verdict.Listener.ListenerSet is { } set ? (set.Namespace, set.Name) : (verdict.Listener.Gateway.Namespace, verdict.Listener.Gateway.Name);
                if (owner == (parentNamespace, parentName) && verdict.Listener.Name == listenerName)
                {
                    return Sentence(parent, verdict);
                }
            }
        }

        var direct = mine.FirstOrDefault(p => p.Gateway is { } g && g.Namespace == parentNamespace && g.Name == parentName && p.Kind == ParentKind.Gateway);
        if (direct is not null && direct.Verdicts.Count == 0)
        {
            return $"{display} is not attached to {direct.ParentDisplayName}: {direct.AcceptedMessage}";
        }

        return $"{display} does not name {parentNamespace}/{parentName} in its parentRefs, so it cannot attach to listener '{listenerName}' (a Gateway parentRef reaches only the Gateway's own listeners, a ListenerSet parentRef only the ListenerSet's).";
    }

    private static bool IsRoute(RouteObject route, string kind, string @namespace, string name)
        => route.Kind.KindName() == kind && route.Namespace == @namespace && route.Name == name;

    private static string ParentName(ParentEvaluation parent)
    {
        var reference = parent.StatusParentRef;
        var section = reference.SectionName is { Length: > 0 } s ? $" section '{s}'" : string.Empty;
        var port = reference.Port is { } p ? $" port {p}" : string.Empty;
        var claimed = parent.ParentRefIndex < 0 ? " (default Gateway)" : string.Empty;
        return parent.ParentDisplayName + section + port + claimed;
    }

    private static string Advice(ParentEvaluation parent) => parent.AcceptedReason switch
    {
        "NoMatchingParent" => " Check the parentRef's sectionName and port against the parent's listener names and ports.",
        "NotAllowedByListeners" => " Change the listener's allowedRoutes (namespaces or kinds), or move the route.",
        "NoMatchingListenerHostname" => " Give the route a hostname that the listener's hostname covers, or remove the route's hostnames.",
        "UnsupportedValue" or "IncompatibleFilters" => " Remove or change the unsupported parts of the rules.",
        HttpGrpcExclusivity.Reason when parent.Kind != ParentKind.Service => " Give the HTTPRoute and the GRPCRoute hostnames that do not overlap, or attach them to different listeners.",
        _ => string.Empty,
    };

    private static string Sentence(ParentEvaluation parent, ListenerVerdict verdict)
    {
        var listener = verdict.Listener;
        var route = parent.Route;
        var name = $"listener '{listener.Name}' of {listener.OwnerDisplayName}";
        switch (verdict.Outcome)
        {
            case ListenerOutcome.Attached when !parent.Accepted:
                return $"{name} would take the route, but the parent does not accept it: {parent.AcceptedMessage}";
            case ListenerOutcome.Attached:
                var hosts = verdict.Hostnames is { Count: > 0 } h ? "for hostname(s) " + string.Join(", ", h) : "for every hostname";
                return $"Attached to {name} ({listener.Protocol} on port {listener.Port}) {hosts}.";
            case ListenerOutcome.NotSelectedBySectionName:
                return $"Not attached to {name}: the parentRef names section '{parent.StatusParentRef.SectionName}', not this listener.";
            case ListenerOutcome.NotSelectedByPort:
                return $"Not attached to {name}: the parentRef names port {parent.StatusParentRef.Port}, and this listener listens on port {listener.Port}.";
            case ListenerOutcome.KindNotAllowed:
                return listener.SupportedKinds.Count == 0
                    ? $"Not attached to {name}: it accepts no route kinds ({(listener.ProtocolSupported ? "its allowedRoutes.kinds names none this implementation supports for " + listener.Protocol : "protocol '" + listener.Protocol + "' is not supported")})."
                    : $"Not attached to {name}: it accepts only {string.Join(", ", listener.SupportedKinds.Select(k => k.Kind))}, and this is a {route.Kind.KindName()}.";
            case ListenerOutcome.NamespaceNotAllowed:
                return listener.From switch
                {
                    "Same" => $"Not attached to {name}: it accepts routes only from its own namespace '{listener.OwnerNamespace}' (allowedRoutes.namespaces.from: Same, the default), and the route is in '{route.Namespace}'.",
                    "Selector" => $"Not attached to {name}: it accepts routes only from namespaces whose labels match '{LabelSelectors.Describe(listener.Selector)}', and namespace '{route.Namespace}' does not.",
                    "None" => $"Not attached to {name}: it accepts routes from no namespace (allowedRoutes.namespaces.from: None).",
                    var other => $"Not attached to {name}: allowedRoutes.namespaces.from '{other}' is not supported.",
                };
            case ListenerOutcome.HostnameTakenByOtherKind:
                return $"Not attached to {name}: {verdict.TakenBy} serves overlapping hostnames there and takes precedence (an HTTPRoute and a GRPCRoute cannot share a hostname on one listener; the older route, then the first by namespace/name, keeps it).";
            case ListenerOutcome.ListenerNotUsable:
                return $"Not attached to {name}: the listener is not accepted ({listener.AcceptedProblem()?.Reason}), and routes are kept off listeners that are not accepted.";
            default:
                return $"Not attached to {name}: none of the route's hostnames ({string.Join(", ", route.Hostnames)}) is covered by the listener hostname '{listener.Hostname}' ('*.example.com' covers one or more labels before example.com, but not example.com itself).";
        }
    }
}
