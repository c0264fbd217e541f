using GatewayApi.Models;
using GatewayApi.Routing.Hostnames;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Attachment;

/// <summary>
/// Route → parent attachment for Gateway and ListenerSet parents: the algorithm of <c>attachment-and-status.md</c> §2.1,
/// one parentRef at a time, each independent of the others.
/// </summary>
/// <remarks>
/// For each parentRef (group defaulting to <c>gateway.networking.k8s.io</c>, kind to <c>Gateway</c>, namespace to the
/// route's): (1) parents we do not manage get nothing; (2) the relevant listeners are the direct parent's, narrowed by
/// <c>sectionName</c> and <c>port</c>, none ⇒ <c>NoMatchingParent</c>; (3) keep those whose <c>allowedRoutes</c> admit
/// the route's kind and namespace, none ⇒ <c>NotAllowedByListeners</c>; (4) keep those whose hostname intersects the
/// route's (HTTP, GRPC, TLS), none ⇒ <c>NoMatchingListenerHostname</c>; (5) every rule invalid ⇒ <c>UnsupportedValue</c>
/// or <c>IncompatibleFilters</c>; otherwise <c>Accepted</c>.
/// </remarks>
internal static class RouteAttachment
{
    public static List<ParentEvaluation> Evaluate(
        EngineContext context,
        RouteObject route,
        IReadOnlyDictionary<string, GatewayState> gateways,
        IReadOnlyDictionary<string, ListenerSetState> listenerSets,
        IReadOnlyList<GatewayState> defaultGateways,
        RuleValidity rules,
        Lazy<BackendResolution> gatewayBackends)
    {
        var evaluations = new List<ParentEvaluation>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < route.ParentRefs.Count; index++)
        {
            var parentRef = route.ParentRefs[index];
            var group = parentRef.Group ?? GatewayApiGroups.Group;
            var kind = parentRef.Kind ?? Gateway.KindName;
            var @namespace = string.IsNullOrEmpty(parentRef.Namespace) ? route.Namespace : parentRef.Namespace;
            var statusRef = new ParentReference
            {
                Group = group, Kind = kind, Namespace = parentRef.Namespace, Name = parentRef.Name, SectionName = parentRef.SectionName, Port = parentRef.Port,
            };

            if (group == GatewayApiGroups.Group && kind == Gateway.KindName)
            {
                claimed.Add(ObjectNames.Key(@namespace, parentRef.Name ?? string.Empty));
                if (gateways.TryGetValue(ObjectNames.Key(@namespace, parentRef.Name ?? string.Empty), out var gateway))
                {
                    var evaluation = NewEvaluation(route, index, statusRef, gateway.ControllerName, ParentKind.Gateway, rules, gateway, null, gateway.DisplayName);
                    evaluation.Backends = gatewayBackends.Value;
                    Attach(context, evaluation, gateway.Listeners, parentRef, null);
                    evaluations.Add(evaluation);
                }
                else if (context.Options.ReportMissingGatewayParents && context.Snapshot.FindGateway(@namespace, parentRef.Name) is null)
                {
                    // Ambiguity A1, opted in: a missing Gateway is reported by our first controller name.
                    var evaluation = NewEvaluation(route, index, statusRef, context.Options.ControllerNames[0], ParentKind.Gateway, rules, null, null, $"Gateway {@namespace}/{parentRef.Name}");
                    evaluation.Backends = gatewayBackends.Value;
                    Reject(evaluation, RouteConditionReason.NoMatchingParent.Value, $"Gateway {@namespace}/{parentRef.Name} does not exist.");
                    evaluations.Add(evaluation);
                }
            }
            else if (group == GatewayApiGroups.Group && kind == ListenerSet.KindName
                     && listenerSets.TryGetValue(ObjectNames.Key(@namespace, parentRef.Name ?? string.Empty), out var listenerSet))
            {
                var evaluation = NewEvaluation(route, index, statusRef, listenerSet.Parent.ControllerName, ParentKind.ListenerSet, rules, listenerSet.Parent, listenerSet, listenerSet.DisplayName);
                evaluation.Backends = gatewayBackends.Value;
                Attach(context, evaluation, listenerSet.Allowed ? listenerSet.Listeners : [], parentRef, listenerSet.Allowed ? null : listenerSet.NotAllowedMessage);
                evaluations.Add(evaluation);
            }
        }

        // GEP-3793: a default Gateway claims routes asking for one, as if they named it in parentRefs.
        if (route.UseDefaultGateways?.Value == GatewayDefaultScope.All.Value)
        {
            foreach (var gateway in defaultGateways)
            {
                if (!claimed.Add(gateway.Key))
                {
                    continue;
                }

                var parentRef = new ParentReference { Group = GatewayApiGroups.Group, Kind = Gateway.KindName, Namespace = gateway.Namespace, Name = gateway.Name };
                var evaluation = NewEvaluation(route, -1, parentRef, gateway.ControllerName, ParentKind.Gateway, rules, gateway, null, gateway.DisplayName);
                evaluation.Backends = gatewayBackends.Value;
                Attach(context, evaluation, gateway.Listeners, parentRef, null);
                evaluations.Add(evaluation);
            }
        }

        return evaluations;
    }

    private static ParentEvaluation NewEvaluation(RouteObject route, int index, ParentReference statusRef, string controllerName, ParentKind kind, RuleValidity rules, GatewayState? gateway, ListenerSetState? listenerSet, string display)
        => new()
        {
            Route = route, ParentRefIndex = index, StatusParentRef = statusRef, ControllerName = controllerName, Kind = kind, Rules = rules,
            Gateway = gateway, ListenerSet = listenerSet, ParentDisplayName = display,
        };

    private static void Reject(ParentEvaluation evaluation, string reason, string message)
    {
        evaluation.Accepted = false;
        evaluation.AcceptedReason = reason;
        evaluation.AcceptedMessage = message;
    }

    /// <summary>Steps 2–6 of §2.1 against the direct parent's listeners.</summary>
    private static void Attach(EngineContext context, ParentEvaluation evaluation, IReadOnlyList<ListenerState> listeners, ParentReference parentRef, string? parentNotAttached)
    {
        var route = evaluation.Route;
        var sectionName = string.IsNullOrEmpty(parentRef.SectionName) ? null : parentRef.SectionName;
        var port = parentRef.Port;

        // Step 2: relevant listeners.
        var relevant = new List<ListenerState>();
        foreach (var listener in listeners)
        {
            if (sectionName is not null && listener.Name != sectionName)
            {
                evaluation.Verdicts.Add(new(listener, ListenerOutcome.NotSelectedBySectionName, null));
            }
            else if (port is not null && listener.Port != port)
            {
                evaluation.Verdicts.Add(new(listener, ListenerOutcome.NotSelectedByPort, null));
            }
            else
            {
                relevant.Add(listener);
            }
        }

        if (relevant.Count == 0)
        {
            Reject(evaluation, RouteConditionReason.NoMatchingParent.Value, parentNotAttached is not null
                ? $"{evaluation.ParentDisplayName} is not attached to its Gateway: {parentNotAttached}"
                : NoRelevantListenerMessage(evaluation.ParentDisplayName, sectionName, port));
            return;
        }

        // Step 3: kinds and namespaces.
        var kind = route.Kind.ToGroupKind();
        var admitting = new List<ListenerState>();
        foreach (var listener in relevant)
        {
            if (!listener.SupportedKinds.Contains(kind))
            {
                evaluation.Verdicts.Add(new(listener, ListenerOutcome.KindNotAllowed, null));
            }
            else if (!ListenerValidation.AdmitsNamespace(context.Snapshot, listener, route.Namespace))
            {
                evaluation.Verdicts.Add(new(listener, ListenerOutcome.NamespaceNotAllowed, null));
            }
            else if (!context.Options.AcceptRoutesOnInvalidListeners && !listener.IsAccepted)
            {
                evaluation.Verdicts.Add(new(listener, ListenerOutcome.ListenerNotUsable, null));
            }
            else
            {
                admitting.Add(listener);
            }
        }

        if (admitting.Count == 0)
        {
            Reject(evaluation, RouteConditionReason.NotAllowedByListeners.Value, $"No listener of {evaluation.ParentDisplayName} that the parentRef selects allows this route: {DescribeRefusals(evaluation, route)}");
            return;
        }

        // Step 4: hostname intersection (HTTPRoute, GRPCRoute, TLSRoute).
        var attached = 0;
        foreach (var listener in admitting)
        {
            IReadOnlyList<string>? hostnames = route.Kind.HasHostnames()
                ? HostnameMatch.EffectiveHostnames(listener.Hostname, route.Hostnames)
                : [];
            if (hostnames is null)
            {
                evaluation.Verdicts.Add(new(listener, ListenerOutcome.NoHostnameIntersection, null));
            }
            else
            {
                evaluation.Verdicts.Add(new(listener, ListenerOutcome.Attached, hostnames));
                attached++;
            }
        }

        if (attached == 0)
        {
            Reject(evaluation, RouteConditionReason.NoMatchingListenerHostname.Value, $"None of the route's hostnames ({string.Join(", ", route.Hostnames)}) intersects the hostname of a listener of {evaluation.ParentDisplayName} that allows it.");
            return;
        }

        // Step 5: rule content.
        if (evaluation.Rules.AllInvalid)
        {
            Reject(evaluation, evaluation.Rules.Reason, "Every rule is invalid. " + evaluation.Rules.Describe());
            return;
        }

        evaluation.Accepted = true;
        evaluation.AcceptedReason = RouteConditionReason.Accepted.Value;
        var names = evaluation.AttachedListeners.Select(v => "'" + v.Listener.Name + "'");
        evaluation.AcceptedMessage = $"Accepted by {evaluation.ParentDisplayName} on listener(s) {string.Join(", ", names)}.";
    }

    private static string NoRelevantListenerMessage(string parent, string? sectionName, int? port)
        => (sectionName, port) switch
        {
            ({ } name, { } number) => $"{parent} has no listener named '{name}' on port {number}.",
            ({ } name, null) => $"{parent} has no listener named '{name}'.",
            (null, { } number) => $"{parent} has no listener on port {number}.",
            _ => $"{parent} has no listeners.",
        };

    private static string DescribeRefusals(ParentEvaluation evaluation, RouteObject route)
    {
        var parts = evaluation.Verdicts
            .Where(v => v.Outcome is ListenerOutcome.KindNotAllowed or ListenerOutcome.NamespaceNotAllowed or ListenerOutcome.ListenerNotUsable)
            .Select(v => v.Outcome switch
            {
                ListenerOutcome.KindNotAllowed => $"listener '{v.Listener.Name}' does not allow {route.Kind.KindName()}",
                ListenerOutcome.NamespaceNotAllowed => $"listener '{v.Listener.Name}' does not allow routes from namespace '{route.Namespace}'",
                _ => $"listener '{v.Listener.Name}' is not accepted",
            });
        return string.Join("; ", parts) + ".";
    }
}
