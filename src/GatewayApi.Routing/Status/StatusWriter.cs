using System.Collections.Frozen;
using GatewayApi.Models;
using GatewayApi.Routing.Attachment;
using GatewayApi.Routing.Snapshots;
using k8s.Models;

namespace GatewayApi.Routing.Status;

/// <summary>
/// Turns the attachment model into the status objects of <c>GatewayApi.Models</c>, condition by condition, each with the
/// reason the spec assigns (see <c>docs/status.md</c> for the full catalogue and the rule behind every entry).
/// </summary>
internal static class StatusWriter
{
    private static readonly FrozenSet<string> GatewayClassTypes = GatewayClassConditionType.KnownValues.Select(v => v.Value).ToFrozenSet();
    private static readonly FrozenSet<string> GatewayTypes = GatewayConditionType.KnownValues.Select(v => v.Value).ToFrozenSet();
    private static readonly FrozenSet<string> ListenerTypes = ListenerConditionType.KnownValues.Select(v => v.Value).ToFrozenSet();
    private static readonly FrozenSet<string> ListenerSetTypes = ListenerSetConditionType.KnownValues.Select(v => v.Value).ToFrozenSet();
    private static readonly FrozenSet<string> ListenerEntryTypes = ListenerEntryConditionType.KnownValues.Select(v => v.Value).Append(ListenerConditionType.OverlappingTlsConfig.Value).ToFrozenSet();

    private const int MaxSupportedFeatures = 64;

    // ---- GatewayClass (§6.1) ----

    public static StatusUpdate<GatewayClassStatus> GatewayClass(EngineContext context, GatewayClassState state)
    {
        var generation = state.Class.Metadata?.Generation;
        var now = context.Now;
        var desired = new List<V1Condition>
        {
            state.Problem is { } problem
                ? Conditions.Create(GatewayClassConditionType.Accepted.Value, false, problem.Reason, problem.Message, generation, now)
                : Conditions.Create(GatewayClassConditionType.Accepted.Value, true, GatewayClassConditionReason.Accepted.Value, $"Accepted by controller {state.Class.Spec.ControllerName}.", generation, now),
        };

        if (state.UnsupportedBundleVersions is { } unsupported)
        {
            // Experimental SupportedVersion: best effort, Accepted stays as it is (our documented choice).
            desired.Add(unsupported.Count == 0
                ? Conditions.Create(GatewayClassConditionType.SupportedVersion.Value, true, GatewayClassConditionReason.SupportedVersion.Value, "The installed Gateway API CRDs have a supported bundle version.", generation, now)
                : Conditions.Create(GatewayClassConditionType.SupportedVersion.Value, false, GatewayClassConditionReason.UnsupportedVersion.Value, $"Installed Gateway API CRDs have unsupported bundle versions {string.Join(", ", unsupported)}; supported: {string.Join(", ", context.Options.SupportedBundleVersions)}.", generation, now));
        }

        var current = state.Class.Status;
        var status = new GatewayClassStatus
        {
            Conditions = Conditions.Merge(current?.Conditions, desired, GatewayClassTypes),
            SupportedFeatures = context.Features
                .Where(f => !GatewayApiFeatures.IsMeshFeature(f))
                .Order(StringComparer.Ordinal)
                .Take(MaxSupportedFeatures)
                .Select(f => new SupportedFeature { Name = f })
                .ToList(),
            ExtensionData = current?.ExtensionData,
        };
        return new StatusUpdate<GatewayClassStatus>
        {
            Kind = Models.GatewayClass.KindName, Name = state.Name, Object = state.Class, Status = status, HasChanges = StatusChange.IsNeeded(current, status),
        };
    }

    // ---- XMesh (§6.7, mesh.md §7; GEP-3949) ----

    private static readonly FrozenSet<string> MeshTypes = [XMeshConditionType.Accepted.Value];

    /// <summary>
    /// The status of an XMesh whose <c>spec.controllerName</c> is our mesh controller: <c>Accepted</c> (with a message
    /// naming the mesh instance; <c>False/InvalidParameters</c> for an unusable <c>parametersRef</c>) and, when accepted,
    /// the mesh features we support. Only <c>Accepted</c> is ours: the schema may default a <c>Programmed=Unknown</c>
    /// condition, which no document gives a meaning, so it is left as it is.
    /// </summary>
    public static StatusUpdate<XMeshStatus> Mesh(EngineContext context, XMesh mesh)
    {
        var generation = mesh.Metadata?.Generation;
        var name = mesh.Metadata?.Name ?? string.Empty;
        var problem = GatewayAttachment.CheckParameters(context, mesh.Spec?.ParametersRef, null, "XMesh");
        var desired = new List<V1Condition>
        {
            problem is { } p
                ? Conditions.Create(XMeshConditionType.Accepted.Value, false, XMeshConditionReason.InvalidParameters.Value, p.Message, generation, context.Now)
                : Conditions.Create(XMeshConditionType.Accepted.Value, true, XMeshConditionReason.Accepted.Value, $"Mesh '{name}' is run by controller {mesh.Spec?.ControllerName}.", generation, context.Now),
        };
        var current = mesh.Status;
        var status = new XMeshStatus
        {
            Conditions = Conditions.Merge(current?.Conditions, desired, MeshTypes),
            SupportedFeatures = problem is null
                ? [.. context.Features.Where(GatewayApiFeatures.IsMeshFeature).Order(StringComparer.Ordinal).Take(MaxSupportedFeatures).Select(f => new SupportedFeature { Name = f })]
                : null,
            ExtensionData = current?.ExtensionData,
        };
        return new StatusUpdate<XMeshStatus>
        {
            Kind = XMesh.KindName, Name = name, Object = mesh, Status = status, HasChanges = StatusChange.IsNeeded(current, status),
        };
    }

    // ---- Gateway and its listeners (§6.2, §6.3) ----

    public static StatusUpdate<GatewayStatus> Gateway(EngineContext context, GatewayState gateway)
    {
        var generation = gateway.Generation;
        var now = context.Now;
        var desired = new List<V1Condition>();

        var accepted = gateway.AcceptedProblems.Count == 0;
        if (!accepted)
        {
            desired.Add(Conditions.Create(GatewayConditionType.Accepted.Value, false, gateway.AcceptedProblems[0].Reason, Join(gateway.AcceptedProblems), generation, now));
        }
        else
        {
            var invalid = gateway.Listeners.Where(l => !l.IsAccepted).Select(l => "'" + l.Name + "'").ToList();
            var valid = gateway.Listeners.Where(l => l.IsAccepted).Select(l => "'" + l.Name + "'").ToList();
            if (invalid.Count == 0)
            {
                desired.Add(Conditions.Create(GatewayConditionType.Accepted.Value, true, GatewayConditionReason.Accepted.Value, "The Gateway is accepted.", generation, now));
            }
            else
            {
                // §3.2: ListenersNotValid, True while some listeners are usable, False when none is.
                accepted = valid.Count > 0;
                var message = valid.Count > 0
                    ? $"Listener(s) {string.Join(", ", invalid)} are not valid; listener(s) {string.Join(", ", valid)} are accepted."
                    : $"No listener is valid: {string.Join(", ", invalid)}.";
                desired.Add(Conditions.Create(GatewayConditionType.Accepted.Value, accepted, GatewayConditionReason.ListenersNotValid.Value, message, generation, now));
            }
        }

        if (!accepted)
        {
            desired.Add(Conditions.Create(GatewayConditionType.Programmed.Value, false, GatewayConditionReason.Invalid.Value, "The Gateway is not accepted, so it is not programmed.", generation, now));
        }
        else if (gateway.ProgrammedProblems.Count > 0)
        {
            desired.Add(Conditions.Create(GatewayConditionType.Programmed.Value, false, gateway.ProgrammedProblems[0].Reason, Join(gateway.ProgrammedProblems), generation, now));
        }
        else
        {
            desired.Add(Conditions.Create(GatewayConditionType.Programmed.Value, true, GatewayConditionReason.Programmed.Value, "The Gateway is programmed.", generation, now));
        }

        if (gateway.RefProblems.Count > 0)
        {
            // RefNotPermitted first: it must hide whether the target exists (§5.4).
            var first = gateway.RefProblems.FirstOrDefault(p => p.Reason == GatewayConditionReason.RefNotPermitted.Value);
            desired.Add(Conditions.Create(GatewayConditionType.ResolvedRefs.Value, false, first.Reason ?? gateway.RefProblems[0].Reason, Join(gateway.RefProblems), generation, now));
        }
        else if (gateway.Listeners.Exists(l => l.HasUnresolvedRefs))
        {
            var names = gateway.Listeners.Where(l => l.HasUnresolvedRefs).Select(l => "'" + l.Name + "'");
            desired.Add(Conditions.Create(GatewayConditionType.ResolvedRefs.Value, false, GatewayConditionReason.ListenersNotResolved.Value, $"Listener(s) {string.Join(", ", names)} have unresolved references.", generation, now));
        }
        else
        {
            desired.Add(Conditions.Create(GatewayConditionType.ResolvedRefs.Value, true, GatewayConditionReason.ResolvedRefs.Value, "All references resolved.", generation, now));
        }

        if (gateway.InsecureFrontendValidation)
        {
            desired.Add(Conditions.Create(GatewayConditionType.InsecureFrontendValidationMode.Value, true, GatewayConditionReason.ConfigurationChanged.Value, "Client certificate validation uses AllowInsecureFallback: clients without a valid certificate are let in.", generation, now));
        }

        if (gateway.Gateway.Spec.DefaultScope is { } scope)
        {
            // GEP-3793: only Gateways with spec.defaultScope carry DefaultGateway; the reason is free-form.
            desired.Add(scope.Value == GatewayDefaultScope.All.Value
                ? Conditions.Create(GatewayConditionType.DefaultGateway.Value, true, "DefaultGateway", "The Gateway claims routes that ask for a default Gateway (defaultScope: All).", generation, now)
                : Conditions.Create(GatewayConditionType.DefaultGateway.Value, false, "NotDefaultGateway", $"defaultScope is '{scope.Value}'.", generation, now));
        }

        var current = gateway.Gateway.Status;
        var status = new GatewayStatus
        {
            Addresses = gateway.Addresses.Count == 0 ? null : [.. gateway.Addresses],
            Conditions = Conditions.Merge(current?.Conditions, desired, GatewayTypes),
            Listeners = gateway.Listeners.Select(l => Listener(context, l, current?.Listeners, isEntry: false)).ToList(),
            AttachedListenerSets = context.Supports(GatewayApiFeatures.ListenerSet) ? gateway.ListenerSets.Count(s => s.IsAccepted) : null,
            ExtensionData = current?.ExtensionData,
        };
        return new StatusUpdate<GatewayStatus>
        {
            Kind = Models.Gateway.KindName, Namespace = gateway.Namespace, Name = gateway.Name, Object = gateway.Gateway, Status = status,
            HasChanges = StatusChange.IsNeeded(current, status),
        };
    }

    private static ListenerStatus Listener(EngineContext context, ListenerState listener, IList<ListenerStatus>? currentListeners, bool isEntry)
    {
        var generation = listener.OwnerGeneration;
        var now = context.Now;
        var desired = new List<V1Condition>();
        var acceptedType = ListenerConditionType.Accepted.Value;

        if (listener.AcceptedProblem() is { } problem)
        {
            desired.Add(Conditions.Create(acceptedType, false, problem.Reason, problem.Message, generation, now));
        }
        else
        {
            desired.Add(Conditions.Create(acceptedType, true, ListenerConditionReason.Accepted.Value, "The listener is accepted.", generation, now));
        }

        desired.Add(listener.RefProblem() is { } refProblem
            ? Conditions.Create(ListenerConditionType.ResolvedRefs.Value, false, refProblem.Reason, refProblem.Message, generation, now)
            : Conditions.Create(ListenerConditionType.ResolvedRefs.Value, true, ListenerConditionReason.ResolvedRefs.Value, "All references resolved.", generation, now));

        if (listener.IsProgrammed)
        {
            desired.Add(Conditions.Create(ListenerConditionType.Programmed.Value, true, ListenerConditionReason.Programmed.Value, "The listener is programmed.", generation, now));
        }
        else
        {
            // Conformance pins the conflict reason on Programmed=False of conflicted listeners (§3.3).
            var reason = listener.ConflictReason ?? ListenerConditionReason.Invalid.Value;
            var message = !listener.IsAccepted ? "The listener is not accepted."
                : listener.MissingTlsMaterial ? "The listener has no usable TLS certificate."
                : $"Gateway {listener.Gateway.Key} is not programmed.";
            desired.Add(Conditions.Create(ListenerConditionType.Programmed.Value, false, reason, message, generation, now));
        }

        desired.Add(listener.ConflictReason is { } conflict
            ? Conditions.Create(ListenerConditionType.Conflicted.Value, true, conflict, listener.ConflictMessage!, generation, now)
            : Conditions.Create(ListenerConditionType.Conflicted.Value, false, ListenerConditionReason.NoConflicts.Value, "The listener has no conflicts.", generation, now));

        // Detected across the merged listener set; the message names no other listener, so entries may carry it too.
        if (listener.OverlapReason is { } overlap)
        {
            desired.Add(Conditions.Create(ListenerConditionType.OverlappingTlsConfig.Value, true, overlap, listener.OverlapMessage!, generation, now));
        }

        var current = currentListeners?.FirstOrDefault(l => l.Name == listener.Name);
        return new ListenerStatus
        {
            Name = listener.Name,
            SupportedKinds = listener.SupportedKinds.Select(k => new RouteGroupKind { Group = k.Group, Kind = k.Kind }).ToList(),
            AttachedRoutes = listener.AttachedRoutes.Count,
            Conditions = Conditions.Merge(current?.Conditions, desired, isEntry ? ListenerEntryTypes : ListenerTypes),
            ExtensionData = current?.ExtensionData,
        };
    }

    // ---- ListenerSet (§4, §6.4) ----

    public static StatusUpdate<ListenerSetStatus> ListenerSet(EngineContext context, ListenerSetState set)
    {
        var generation = set.Generation;
        var now = context.Now;
        var accepted = ListenerSetConditionType.Accepted.Value;
        var programmed = ListenerSetConditionType.Programmed.Value;
        var desired = new List<V1Condition>();
        // A listener whose references do not resolve (e.g. a certificate without a ReferenceGrant from this ListenerSet)
        // serves nothing, so it does not make the set valid: upstream ListenerSetReferenceGrant conformance.
        static bool IsValid(ListenerState l) => l.IsAccepted && l.RefProblem() is null;
        var valid = set.Listeners.Where(IsValid).Select(l => "'" + l.Name + "'").ToList();
        var invalid = set.Listeners.Where(l => !IsValid(l)).Select(l => "'" + l.Name + "'").ToList();

        if (!set.Allowed)
        {
            desired.Add(Conditions.Create(accepted, false, ListenerSetConditionReason.NotAllowed.Value, set.NotAllowedMessage!, generation, now));
            desired.Add(Conditions.Create(programmed, false, ListenerSetConditionReason.NotAllowed.Value, set.NotAllowedMessage!, generation, now));
        }
        else if (!set.Parent.IsAccepted)
        {
            desired.Add(Conditions.Create(accepted, false, ListenerSetConditionReason.ParentNotAccepted.Value, $"The parent Gateway {set.Parent.Key} is not accepted.", generation, now));
            desired.Add(Conditions.Create(programmed, false, ListenerSetConditionReason.ParentNotProgrammed.Value, $"The parent Gateway {set.Parent.Key} is not programmed.", generation, now));
        }
        else if (valid.Count == 0)
        {
            var message = $"No listener is valid: {string.Join(", ", invalid)}.";
            desired.Add(Conditions.Create(accepted, false, ListenerSetConditionReason.ListenersNotValid.Value, message, generation, now));
            desired.Add(Conditions.Create(programmed, false, ListenerSetConditionReason.ListenersNotValid.Value, message, generation, now));
        }
        else
        {
            desired.Add(invalid.Count == 0
                ? Conditions.Create(accepted, true, ListenerSetConditionReason.Accepted.Value, "The ListenerSet is accepted.", generation, now)
                : Conditions.Create(accepted, true, ListenerSetConditionReason.ListenersNotValid.Value, $"Listener(s) {string.Join(", ", invalid)} are not valid; listener(s) {string.Join(", ", valid)} are accepted.", generation, now));
            desired.Add(Conditions.Create(programmed, true, ListenerSetConditionReason.Programmed.Value, "The ListenerSet is programmed.", generation, now));
        }

        var current = set.ListenerSet.Status;
        var status = new ListenerSetStatus
        {
            Conditions = Conditions.Merge(current?.Conditions, desired, ListenerSetTypes),
            Listeners = set.Allowed ? set.Listeners.Select(l => Listener(context, l, current?.Listeners, isEntry: true)).ToList() : null,
            ExtensionData = current?.ExtensionData,
        };
        return new StatusUpdate<ListenerSetStatus>
        {
            Kind = Models.ListenerSet.KindName, Namespace = set.Namespace, Name = set.Name, Object = set.ListenerSet, Status = status,
            HasChanges = StatusChange.IsNeeded(current, status),
        };
    }

    // ---- Routes (§6.5, §8) ----

    public static RouteParentStatus RouteParent(EngineContext context, ParentEvaluation parent)
    {
        var generation = parent.Route.Generation;
        var now = context.Now;
        var conditions = new List<V1Condition>
        {
            Conditions.Create(RouteConditionType.Accepted.Value, parent.Accepted, parent.AcceptedReason, parent.AcceptedMessage, generation, now),
            parent.Backends.Problem() is { } problem
                ? Conditions.Create(RouteConditionType.ResolvedRefs.Value, false, problem.Reason, problem.Message, generation, now)
                : Conditions.Create(RouteConditionType.ResolvedRefs.Value, true, RouteConditionReason.ResolvedRefs.Value, "All references resolved.", generation, now),
        };

        if (parent.Accepted && parent.Rules.PartiallyInvalid)
        {
            // We drop invalid rules; the message must start with "Dropped Rule" (§6.5). Never written False.
            var indexes = string.Join(", ", parent.Rules.InvalidRules.Select(r => r.Index));
            conditions.Add(Conditions.Create(RouteConditionType.PartiallyInvalid.Value, true, parent.Rules.Reason, $"Dropped Rule(s) {indexes}: {parent.Rules.Describe()}", generation, now));
        }

        return new RouteParentStatus { ParentRef = parent.StatusParentRef, ControllerName = parent.ControllerName, Conditions = conditions };
    }

    public static StatusUpdate<RouteStatus> Route(EngineContext context, RouteObject route, IReadOnlyList<ParentEvaluation> parents, IEnumerable<string> controllerNames)
    {
        var status = route.Status;
        foreach (var controllerName in controllerNames)
        {
            var ours = parents.Where(p => p.ControllerName == controllerName).Select(p => RouteParent(context, p)).ToList();
            if (ours.Count > 0 || (status?.Parents?.Any(p => p?.ControllerName == controllerName) ?? false))
            {
                status = RouteStatusMerge.Merge(status, ours, controllerName);
            }
        }

        status ??= new RouteStatus { Parents = [] };
        return new StatusUpdate<RouteStatus>
        {
            Kind = route.Kind.KindName(), Namespace = route.Namespace, Name = route.Name, Object = route.Object, Status = status,
            HasChanges = StatusChange.IsNeeded(route.Status, status),
        };
    }

    // ---- BackendTLSPolicy (§6.6) ----

    public static StatusUpdate<PolicyStatus> Policy(EngineContext context, PolicyState policy, IEnumerable<string> controllerNames)
    {
        var generation = policy.Generation;
        var now = context.Now;
        var conditions = new List<V1Condition>
        {
            policy.AcceptedProblem is { } problem
                ? Conditions.Create(BackendTlsPolicyConditionType.Accepted.Value, false, problem.Reason, problem.Message, generation, now)
                : Conditions.Create(BackendTlsPolicyConditionType.Accepted.Value, true, BackendTlsPolicyConditionReason.Accepted.Value, "The policy is accepted.", generation, now),
            policy.RefProblem is { } refProblem
                ? Conditions.Create(BackendTlsPolicyConditionType.ResolvedRefs.Value, false, refProblem.Reason, refProblem.Message, generation, now)
                : Conditions.Create(BackendTlsPolicyConditionType.ResolvedRefs.Value, true, BackendTlsPolicyConditionReason.ResolvedRefs.Value, "All CA certificate references resolved.", generation, now),
        };

        var status = policy.Policy.Status;
        foreach (var controllerName in controllerNames)
        {
            var ours = policy.Ancestors
                .Where(g => g.ControllerName == controllerName)
                .Select(g => new PolicyAncestorStatus
                {
                    AncestorRef = new ParentReference { Group = GatewayApiGroups.Group, Kind = Models.Gateway.KindName, Namespace = g.Namespace, Name = g.Name },
                    ControllerName = controllerName,
                    Conditions = conditions.Select(c => c with { }).ToList(),
                })
                .ToList();
            if (ours.Count > 0 || (status?.Ancestors?.Any(a => a?.ControllerName == controllerName) ?? false))
            {
                status = PolicyStatusMerge.Merge(status, ours, controllerName);
            }
        }

        status ??= new PolicyStatus { Ancestors = [] };
        return new StatusUpdate<PolicyStatus>
        {
            Kind = BackendTlsPolicy.KindName, Namespace = policy.Namespace, Name = policy.Name, Object = policy.Policy, Status = status,
            HasChanges = StatusChange.IsNeeded(policy.Policy.Status, status),
        };
    }

    private static string Join(IEnumerable<(string Reason, string Message)> problems) => string.Join(" ", problems.Select(p => p.Message).Distinct(StringComparer.Ordinal));
}
