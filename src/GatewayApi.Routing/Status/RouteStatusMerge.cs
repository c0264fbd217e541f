using GatewayApi.Models;
using k8s.Models;

namespace GatewayApi.Routing.Status;

/// <summary>
/// Merges one controller's route parent entries into a route's current <c>status.parents</c> without disturbing any
/// other controller's entries.
/// </summary>
/// <remarks>
/// Spec: <c>attachment-and-status.md</c> §8 (upstream <c>apis/v1/shared_types.go</c> RouteStatus, RouteParentStatus):
/// <c>status.parents</c> is a map keyed by (<c>parentRef</c>, <c>controllerName</c>); a controller touches only entries
/// carrying its own name, keeps one entry per parentRef, removes its entries that are no longer relevant and never edits,
/// removes, duplicates or reorders another controller's entries. ParentRefs are compared with <c>group</c> defaulting
/// to <c>gateway.networking.k8s.io</c>, <c>kind</c> to <c>Gateway</c>, and absent and empty <c>namespace</c> and
/// <c>sectionName</c> treated alike.
/// </remarks>
public static class RouteStatusMerge
{
    /// <summary>The most entries <c>status.parents</c> may hold.</summary>
    public const int MaxParents = 32;

    /// <summary>
    /// Returns a new status: <paramref name="current"/>'s entries in their order, with those of
    /// <paramref name="controllerName"/> replaced by the matching entry of <paramref name="ours"/> or removed when
    /// <paramref name="ours"/> has none, and the remaining entries of <paramref name="ours"/> appended in order.
    /// </summary>
    /// <param name="current">The route's current status; null when it has none.</param>
    /// <param name="ours">This controller's entries, at most one per parentRef (later duplicates are ignored).</param>
    /// <param name="controllerName">This controller's name; entries of <paramref name="ours"/> carrying another name are ignored.</param>
    /// <remarks>
    /// A condition keeps its current <c>lastTransitionTime</c> when its <c>status</c> did not change. Inputs are not
    /// modified. When the result would exceed <see cref="MaxParents"/> entries, the last of our new entries are left out.
    /// </remarks>
    public static RouteStatus Merge(RouteStatus? current, IEnumerable<RouteParentStatus> ours, string controllerName)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentException.ThrowIfNullOrEmpty(controllerName);
        var pending = new List<RouteParentStatus>();
        foreach (var entry in ours)
        {
            if (entry?.ParentRef is not null && entry.ControllerName == controllerName && !pending.Exists(p => SameParent(p.ParentRef!, entry.ParentRef)))
            {
                pending.Add(entry);
            }
        }

        var result = new List<RouteParentStatus>();
        foreach (var existing in current?.Parents ?? [])
        {
            if (existing?.ControllerName != controllerName)
            {
                if (existing is not null)
                {
                    result.Add(existing);
                }

                continue;
            }

            var index = existing.ParentRef is null ? -1 : pending.FindIndex(p => SameParent(p.ParentRef!, existing.ParentRef));
            if (index < 0)
            {
                continue; // Ours, and no longer relevant (or a duplicate of an entry already placed).
            }

            result.Add(WithKeptTimes(pending[index], existing));
            pending.RemoveAt(index);
        }

        foreach (var entry in pending)
        {
            if (result.Count >= MaxParents)
            {
                break;
            }

            result.Add(WithKeptTimes(entry, null));
        }

        return new RouteStatus { Parents = result, ExtensionData = current?.ExtensionData };
    }

    /// <summary>Whether two parentRefs name the same parent section (group/kind defaulted, empty and absent alike).</summary>
    /// <param name="left">One parentRef.</param>
    /// <param name="right">The other.</param>
    public static bool SameParent(ParentReference left, ParentReference right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return (left.Group ?? GatewayApiGroups.Group) == (right.Group ?? GatewayApiGroups.Group)
            && (left.Kind ?? Gateway.KindName) == (right.Kind ?? Gateway.KindName)
            && (left.Namespace ?? string.Empty) == (right.Namespace ?? string.Empty)
            && left.Name == right.Name
            && (left.SectionName ?? string.Empty) == (right.SectionName ?? string.Empty)
            && left.Port == right.Port;
    }

    private static RouteParentStatus WithKeptTimes(RouteParentStatus entry, RouteParentStatus? existing)
    {
        var conditions = (entry.Conditions ?? [])
            .Select(c => Conditions.KeepTransitionTime(existing?.Conditions?.FirstOrDefault(e => e.Type == c.Type), c))
            .ToList();
        return new RouteParentStatus
        {
            ParentRef = entry.ParentRef,
            ControllerName = entry.ControllerName,
            Conditions = conditions,
            ExtensionData = entry.ExtensionData,
        };
    }
}
