using GatewayApi.Cli.Engine;
using GatewayApi.Models;
using GatewayApi.Routing.Explanation;
using k8s.Models;

namespace GatewayApi.Cli.Commands;

/// <summary>One thing that is not accepted, not attached or not resolved, in words.</summary>
/// <param name="Subject">The object (and listener or parent), for example <c>HTTPRoute shop/web</c>.</param>
/// <param name="Sentence">What is wrong, with the condition's reason and message.</param>
/// <param name="Details">Per-listener explanations, when there are any.</param>
internal sealed record StatusProblem(string Subject, string Sentence, IReadOnlyList<string> Details);

/// <summary>Reads the computed status for what is wrong: the summary of <c>gwapi status</c> and its exit code.</summary>
internal static class StatusProblems
{
    public static IReadOnlyList<StatusProblem> Find(OfflineEngine engine)
    {
        var problems = new List<StatusProblem>();
        var status = engine.Status;
        foreach (var update in status.GatewayClasses)
        {
            NotTrue(problems, $"GatewayClass {update.Name}", update.Status.Conditions, "Accepted", "is not accepted");
        }

        foreach (var update in status.Gateways)
        {
            var subject = $"Gateway {update.Namespace}/{update.Name}";
            if (!NotTrue(problems, subject, update.Status.Conditions, "Accepted", "is not accepted"))
            {
                NotTrue(problems, subject, update.Status.Conditions, "Programmed", "is not programmed");
            }

            Listeners(problems, subject, update.Status.Listeners);
        }

        foreach (var update in status.ListenerSets)
        {
            var subject = $"{update.Kind} {update.Namespace}/{update.Name}";
            NotTrue(problems, subject, update.Status.Conditions, "Accepted", "is not accepted");
            Listeners(problems, subject, update.Status.Listeners);
        }

        foreach (var update in status.Routes)
        {
            var subject = $"{update.Kind} {update.Namespace}/{update.Name}";
            var explanation = status.ExplainRoute(update.Kind, update.Namespace!, update.Name);
            var ours = (update.Status.Parents ?? []).Where(p => engine.ControllerNames.Contains(p.ControllerName ?? string.Empty) || p.ControllerName == OfflineEngine.MeshControllerName).ToList();
            var reportedResolution = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < ours.Count; i++)
            {
                var parent = ours[i];
                var parentText = StatusCommand.ParentText(parent.ParentRef, update.Namespace);
                var accepted = StatusCommand.Find(parent.Conditions, "Accepted");
                if (accepted is { Status: not "True" })
                {
                    var explained = explanation is not null && explanation.Parents.Count == ours.Count ? explanation.Parents[i] : null;
                    problems.Add(new StatusProblem(subject, $"is not attached to {parentText} ({accepted.Reason}): {accepted.Message}", ListenerDetails(explained)));
                }

                var resolved = StatusCommand.Find(parent.Conditions, "ResolvedRefs");
                if (resolved is { Status: not "True" } && reportedResolution.Add(resolved.Reason + resolved.Message))
                {
                    problems.Add(new StatusProblem(subject, $"has references that do not resolve ({resolved.Reason}): {resolved.Message}", []));
                }

                var partially = StatusCommand.Find(parent.Conditions, "PartiallyInvalid");
                if (partially is { Status: "True" })
                {
                    problems.Add(new StatusProblem(subject, $"has rules that are dropped on {parentText} ({partially.Reason}): {partially.Message}", []));
                }
            }
        }

        foreach (var update in status.BackendTlsPolicies)
        {
            foreach (var ancestor in update.Status.Ancestors ?? [])
            {
                NotTrue(problems, $"{update.Kind} {update.Namespace}/{update.Name} for {StatusCommand.ParentText(ancestor.AncestorRef, update.Namespace)}", ancestor.Conditions, "Accepted", "is not accepted");
            }
        }

        // Routes that no parent of ours answers for: without parentRefs nothing ever routes to them.
        var reported = status.Routes.Select(r => (r.Kind, r.Namespace, r.Name)).ToHashSet();
        foreach (var manifest in engine.Manifests)
        {
            if (manifest.Object is not GatewayApiObject route || route.Kind is not ("HTTPRoute" or "GRPCRoute" or "TLSRoute" or "TCPRoute" or "UDPRoute"))
            {
                continue;
            }

            var key = (route.Kind, Inputs.ObjectDisplay.NamespaceOf(route), route.Metadata?.Name ?? string.Empty);
            if (!reported.Contains(key!) && HasNoParents(route))
            {
                problems.Add(new StatusProblem(manifest.DisplayName, "names no parent (spec.parentRefs is empty), so no Gateway or Service routes to it.", []));
            }
        }

        return problems;
    }

    private static bool HasNoParents(GatewayApiObject route) => route switch
    {
        HttpRoute r => (r.Spec.ParentRefs?.Count ?? 0) == 0 && r.Spec.UseDefaultGateways is null,
        GrpcRoute r => (r.Spec.ParentRefs?.Count ?? 0) == 0 && r.Spec.UseDefaultGateways is null,
        _ => false,
    };

    private static IReadOnlyList<string> ListenerDetails(ParentAttachmentExplanation? explained)
        => explained is null ? [] : [.. explained.Listeners.Where(l => !l.Attached).Select(l => $"listener {l.Listener}: {l.Sentence}")];

    private static void Listeners(List<StatusProblem> problems, string owner, IList<ListenerStatus>? listeners)
    {
        foreach (var listener in listeners ?? [])
        {
            var subject = $"{owner} listener {listener.Name}";
            if (StatusCommand.Find(listener.Conditions, "Conflicted") is { Status: "True" } conflicted)
            {
                problems.Add(new StatusProblem(subject, $"is conflicted ({conflicted.Reason}): {conflicted.Message}", []));
                continue;
            }

            if (NotTrue(problems, subject, listener.Conditions, "Accepted", "is not accepted"))
            {
                continue;
            }

            if (!NotTrue(problems, subject, listener.Conditions, "ResolvedRefs", "has references that do not resolve"))
            {
                NotTrue(problems, subject, listener.Conditions, "Programmed", "is not programmed");
            }
        }
    }

    private static bool NotTrue(List<StatusProblem> problems, string subject, IList<V1Condition>? conditions, string type, string words)
    {
        var condition = StatusCommand.Find(conditions, type);
        if (condition is null || condition.Status == "True")
        {
            return false;
        }

        problems.Add(new StatusProblem(subject, $"{words} ({condition.Reason}): {condition.Message}", []));
        return true;
    }
}
