using GatewayApi.Conformance.Definitions;
using GatewayApi.Models;
using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.Running;

/// <summary>
/// Compares statuses with a case's expectations, as upstream's helpers do: conditions by type with status and reason
/// when given, extra conditions allowed; route parents matched on controllerName, group, kind, namespace and name
/// (and sectionName/port when the case names them); listeners by name with exact attachedRoutes.
/// </summary>
internal static class StatusVerifier
{
    public static List<string> Verify(StatusExpectations expected, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects, string controllerName)
    {
        var failures = new List<string>();
        foreach (var gatewayClass in expected.GatewayClasses)
        {
            var where = $"GatewayClass {gatewayClass.Name}";
            if (Find<GatewayClass>(objects, null, gatewayClass.Name) is not { } actual)
            {
                failures.Add($"{where}: not found");
                continue;
            }

            CheckGeneration(where, actual, actual.Status?.Conditions, failures);
            CheckConditions(where, gatewayClass.Conditions, actual.Status?.Conditions, failures);
        }

        foreach (var gateway in expected.Gateways)
        {
            var actual = Find<Gateway>(objects, gateway.Namespace, gateway.Name);
            CheckListenerOwner($"Gateway {gateway.Namespace}/{gateway.Name}", gateway, actual, actual?.Status?.Conditions, actual?.Status?.Listeners, failures);
        }

        foreach (var listenerSet in expected.ListenerSets)
        {
            var actual = Find<ListenerSet>(objects, listenerSet.Namespace, listenerSet.Name);
            CheckListenerOwner($"ListenerSet {listenerSet.Namespace}/{listenerSet.Name}", listenerSet, actual, actual?.Status?.Conditions, actual?.Status?.Listeners, failures);
        }

        foreach (var policy in expected.BackendTlsPolicies)
        {
            var where = $"BackendTLSPolicy {policy.Namespace}/{policy.Name}";
            if (Find<BackendTlsPolicy>(objects, policy.Namespace, policy.Name) is not { } actual)
            {
                failures.Add($"{where}: not found");
                continue;
            }

            var ancestors = (actual.Status?.Ancestors ?? []).Where(entry => entry.ControllerName == controllerName)
                .Select(entry => (Reference: entry.AncestorRef, entry.Conditions)).ToArray();
            CheckParents(where, "ancestor", "status.ancestors", actual, policy.Namespace, policy.Ancestors, ancestors, controllerName, failures);
        }

        foreach (var route in expected.Routes)
        {
            var where = $"{route.Kind} {route.Namespace}/{route.Name}";
            var actual = objects.FirstOrDefault(item => item.Kind == route.Kind && item.Metadata?.Name == route.Name && (item.Metadata?.NamespaceProperty ?? "default") == route.Namespace);
            if (actual is not IStatus<RouteStatus?> withStatus)
            {
                failures.Add($"{where}: not found");
                continue;
            }

            var parents = (withStatus.Status?.Parents ?? []).Where(parent => parent.ControllerName == controllerName).ToArray();
            if (route.NoAcceptedParents)
            {
                var accepted = parents.Where(parent => Condition(parent.Conditions, "Accepted")?.Status == "True").ToArray();
                if (accepted.Length > 0)
                {
                    failures.Add($"{where}: expected no accepted parents, actual Accepted=True for {string.Join(", ", accepted.Select(parent => Describe(parent.ParentRef, route.Namespace)))}");
                }
            }

            CheckParents(where, "parent", "status.parents", actual, route.Namespace, route.Parents,
                parents.Select(entry => (Reference: entry.ParentRef, entry.Conditions)).ToArray(), controllerName, failures);
        }

        return failures;
    }

    private static void CheckListenerOwner(
        string where,
        GatewayExpectation expected,
        IKubernetesObject<V1ObjectMeta>? actual,
        IList<V1Condition>? conditions,
        IList<ListenerStatus>? listenerStatuses,
        List<string> failures)
    {
        if (actual is null)
        {
            failures.Add($"{where}: not found");
            return;
        }

        CheckGeneration(where, actual, conditions, failures);
        CheckConditions(where, expected.Conditions, conditions, failures);
        var listeners = listenerStatuses ?? [];
        if (expected.ListenerCount is { } count && listeners.Count != count)
        {
            failures.Add($"{where}: status.listeners: expected {count} entries, actual {listeners.Count} ({string.Join(", ", listeners.Select(item => item.Name))})");
        }

        foreach (var listener in expected.Listeners)
        {
            var listenerWhere = $"{where} listener {listener.Name}";
            var status = listeners.FirstOrDefault(item => item.Name == listener.Name);
            if (status is null)
            {
                failures.Add($"{listenerWhere}: no status.listeners entry (entries: {string.Join(", ", listeners.Select(item => item.Name))})");
                continue;
            }

            if (listener.AttachedRoutes is { } attached && status.AttachedRoutes != attached)
            {
                failures.Add($"{listenerWhere}: attachedRoutes: expected {attached}, actual {status.AttachedRoutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(unset)"}");
            }

            if (listener.SupportedKinds is { } kinds)
            {
                var actualKinds = (status.SupportedKinds ?? []).Select(kind => kind.Kind ?? "").ToArray();
                if (kinds.Count == 0 && actualKinds.Length > 0)
                {
                    failures.Add($"{listenerWhere}: supportedKinds: expected none, actual [{string.Join(", ", actualKinds)}]");
                }
                else if (kinds.Except(actualKinds, StringComparer.Ordinal).Any())
                {
                    failures.Add($"{listenerWhere}: supportedKinds: expected to include [{string.Join(", ", kinds)}], actual [{string.Join(", ", actualKinds)}]");
                }
            }

            CheckConditions(listenerWhere, listener.Conditions, status.Conditions, failures);
        }
    }

    private static void CheckParents(
        string where,
        string noun,
        string field,
        IKubernetesObject<V1ObjectMeta> owner,
        string ownerNamespace,
        IReadOnlyList<RouteParentExpectation> expected,
        (ParentReference? Reference, IList<V1Condition>? Conditions)[] entries,
        string controllerName,
        List<string> failures)
    {
        foreach (var parent in expected)
        {
            var parentWhere = $"{where} {noun} {parent}";
            var candidates = entries.Where(entry => Matches(entry.Reference, parent, ownerNamespace)).ToArray();
            if (candidates.Length == 0)
            {
                failures.Add($"{parentWhere}: no {field} entry of controller {controllerName} (entries: " +
                    (entries.Length == 0 ? "none" : string.Join(", ", entries.Select(entry => Describe(entry.Reference, ownerNamespace)))) + ")");
                continue;
            }

            // Several entries for one parent (different sectionNames): pass when one of them holds.
            List<string>? best = null;
            foreach (var candidate in candidates)
            {
                var attempt = new List<string>();
                CheckGeneration(parentWhere, owner, candidate.Conditions, attempt);
                CheckConditions(parentWhere, parent.Conditions, candidate.Conditions, attempt);
                if (best is null || attempt.Count < best.Count)
                {
                    best = attempt;
                }
            }

            failures.AddRange(best!);
        }
    }

    private static T? Find<T>(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects, string? @namespace, string name)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        objects.OfType<T>().FirstOrDefault(item => item.Metadata?.Name == name && (@namespace is null || (item.Metadata?.NamespaceProperty ?? "default") == @namespace));

    private static bool Matches(ParentReference? actual, RouteParentExpectation expected, string routeNamespace)
    {
        if (actual is null)
        {
            return false;
        }

        var group = actual.Group ?? "gateway.networking.k8s.io";
        var kind = actual.Kind ?? "Gateway";
        var @namespace = actual.Namespace ?? routeNamespace;
        return group == expected.Group && kind == expected.Kind && @namespace == expected.Namespace && actual.Name == expected.Name
            && (expected.SectionName is null || actual.SectionName == expected.SectionName)
            && (expected.Port is null || actual.Port == expected.Port);
    }

    private static string Describe(ParentReference? reference, string routeNamespace) =>
        reference is null
            ? "(no parentRef)"
            : $"{reference.Kind ?? "Gateway"} {reference.Namespace ?? routeNamespace}/{reference.Name}"
              + (reference.SectionName is null ? "" : "/" + reference.SectionName) + (reference.Port is null ? "" : ":" + reference.Port);

    private static V1Condition? Condition(IList<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(condition => condition.Type == type);

    private static void CheckConditions(string where, IReadOnlyList<ConditionExpectation> expected, IList<V1Condition>? actual, List<string> failures)
    {
        foreach (var condition in expected)
        {
            var found = Condition(actual, condition.Type);
            if (found is null)
            {
                var present = actual is null || actual.Count == 0 ? "none" : string.Join(", ", actual.Select(item => $"{item.Type}={item.Status}/{item.Reason}"));
                failures.Add($"{where}: condition {condition.Type}: expected {condition.Status ?? "any"}/{condition.Reason ?? "any"}, actual missing (present: {present})");
                continue;
            }

            if ((condition.Status is not null && found.Status != condition.Status) || (condition.Reason is not null && found.Reason != condition.Reason))
            {
                failures.Add($"{where}: condition {condition.Type}: expected {condition.Status ?? "any"}/{condition.Reason ?? "any"}, actual {found.Status}/{found.Reason} (\"{found.Message}\")");
            }
        }
    }

    private static void CheckGeneration(string where, IKubernetesObject<V1ObjectMeta> owner, IList<V1Condition>? conditions, List<string> failures)
    {
        // Upstream requires conditions to be written for the object's current generation.
        if (owner.Metadata?.Generation is not { } generation)
        {
            return;
        }

        foreach (var condition in conditions ?? [])
        {
            if (condition.ObservedGeneration != generation)
            {
                failures.Add($"{where}: condition {condition.Type}: observedGeneration expected {generation}, actual {condition.ObservedGeneration?.ToString() ?? "(unset)"}");
            }
        }
    }
}
