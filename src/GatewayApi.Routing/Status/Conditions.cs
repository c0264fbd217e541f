using k8s.Models;

namespace GatewayApi.Routing.Status;

/// <summary>
/// Building conditions and merging them into an object's current conditions the Kubernetes way: a map keyed by
/// <c>type</c>, <c>lastTransitionTime</c> kept while the status does not change, other writers' types left alone.
/// </summary>
/// <remarks>Spec: <c>attachment-and-status.md</c> §8 (conditions are a map by type; never duplicate, never remove or
/// reorder conditions owned by others; change <c>lastTransitionTime</c> only when <c>status</c> changes).</remarks>
internal static class Conditions
{
    public const string True = "True";
    public const string False = "False";

    public static V1Condition Create(string type, bool status, string reason, string message, long? observedGeneration, DateTime now)
        => new()
        {
            Type = type,
            Status = status ? True : False,
            Reason = reason,
            Message = Truncate(message),
            ObservedGeneration = observedGeneration,
            LastTransitionTime = now,
        };

    /// <summary>
    /// Merges <paramref name="desired"/> into <paramref name="current"/>: conditions of a type we manage are replaced in
    /// place (keeping <c>lastTransitionTime</c> when the status is unchanged) or removed when we no longer write them;
    /// other types keep their place; new types are appended in <paramref name="desired"/> order.
    /// </summary>
    /// <param name="current">The object's current conditions (null when none).</param>
    /// <param name="desired">The conditions we want, one per type.</param>
    /// <param name="managedTypes">The condition types this controller owns on this object.</param>
    public static List<V1Condition> Merge(IEnumerable<V1Condition>? current, IReadOnlyList<V1Condition> desired, IReadOnlySet<string>? managedTypes)
    {
        var result = new List<V1Condition>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var existing in current ?? [])
        {
            if (existing?.Type is null)
            {
                continue;
            }

            var wanted = desired.FirstOrDefault(d => d.Type == existing.Type);
            if (wanted is not null)
            {
                if (placed.Add(existing.Type))
                {
                    result.Add(KeepTransitionTime(existing, wanted));
                }
            }
            else if (managedTypes is not null && !managedTypes.Contains(existing.Type) && placed.Add(existing.Type))
            {
                result.Add(existing);
            }
        }

        foreach (var wanted in desired)
        {
            if (placed.Add(wanted.Type))
            {
                result.Add(wanted);
            }
        }

        return result;
    }

    /// <summary>The desired condition, with the existing <c>lastTransitionTime</c> when the status did not change.</summary>
    public static V1Condition KeepTransitionTime(V1Condition? existing, V1Condition wanted)
        => existing is not null && existing.Type == wanted.Type && existing.Status == wanted.Status
            ? wanted with { LastTransitionTime = existing.LastTransitionTime }
            : wanted;

    /// <summary>Kubernetes limits condition messages to 32768 characters.</summary>
    private static string Truncate(string message) => message.Length <= 32768 ? message : message[..32765] + "...";
}
