using GatewayApi.Models;

namespace GatewayApi.Routing.Status;

/// <summary>
/// Merges one controller's policy ancestor entries into a policy's current <c>status.ancestors</c>, keyed by
/// (<c>ancestorRef</c>, <c>controllerName</c>), with the same guarantees as <see cref="RouteStatusMerge"/>.
/// </summary>
/// <remarks>Spec: <c>attachment-and-status.md</c> §6.6 and §8 (upstream <c>apis/v1/policy_types.go</c>). At most 16 entries.</remarks>
public static class PolicyStatusMerge
{
    /// <summary>The most entries <c>status.ancestors</c> may hold.</summary>
    public const int MaxAncestors = 16;

    /// <summary>
    /// Returns a new status: the current entries in order, ours replaced or removed, our new entries appended.
    /// </summary>
    /// <param name="current">The policy's current status; null when it has none.</param>
    /// <param name="ours">This controller's entries, at most one per ancestorRef.</param>
    /// <param name="controllerName">This controller's name.</param>
    public static PolicyStatus Merge(PolicyStatus? current, IEnumerable<PolicyAncestorStatus> ours, string controllerName)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentException.ThrowIfNullOrEmpty(controllerName);
        var pending = new List<PolicyAncestorStatus>();
        foreach (var entry in ours)
        {
            if (entry?.AncestorRef is not null && entry.ControllerName == controllerName && !pending.Exists(p => RouteStatusMerge.SameParent(p.AncestorRef!, entry.AncestorRef)))
            {
                pending.Add(entry);
            }
        }

        var result = new List<PolicyAncestorStatus>();
        foreach (var existing in current?.Ancestors ?? [])
        {
            if (existing?.ControllerName != controllerName)
            {
                if (existing is not null)
                {
                    result.Add(existing);
                }

                continue;
            }

            var index = existing.AncestorRef is null ? -1 : pending.FindIndex(p => RouteStatusMerge.SameParent(p.AncestorRef!, existing.AncestorRef));
            if (index < 0)
            {
                continue;
            }

            result.Add(WithKeptTimes(pending[index], existing));
            pending.RemoveAt(index);
        }

        foreach (var entry in pending)
        {
            if (result.Count >= MaxAncestors)
            {
                break;
            }

            result.Add(WithKeptTimes(entry, null));
        }

        return new PolicyStatus { Ancestors = result, ExtensionData = current?.ExtensionData };
    }

    private static PolicyAncestorStatus WithKeptTimes(PolicyAncestorStatus entry, PolicyAncestorStatus? existing)
        => new()
        {
            AncestorRef = entry.AncestorRef,
            ControllerName = entry.ControllerName,
            Conditions = (entry.Conditions ?? []).Select(c => Conditions.KeepTransitionTime(existing?.Conditions?.FirstOrDefault(e => e.Type == c.Type), c)).ToList(),
            ExtensionData = entry.ExtensionData,
        };
}
