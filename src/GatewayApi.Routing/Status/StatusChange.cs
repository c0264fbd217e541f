using System.Text.Json;
using GatewayApi.Models;
using GatewayApi.Models.Serialization;

namespace GatewayApi.Routing.Status;

/// <summary>
/// Tells whether writing a computed status would change anything but timestamps, so a controller can skip needless
/// writes (each write bumps <c>resourceVersion</c> and wakes every watcher).
/// </summary>
public static class StatusChange
{
    private const string LastTransitionTime = "lastTransitionTime";

    /// <summary>
    /// Whether <paramref name="desired"/> differs from <paramref name="current"/> in anything but
    /// <c>lastTransitionTime</c>: compares their JSON, with absent and empty lists alike.
    /// </summary>
    /// <param name="current">The object's current status; null when it has none.</param>
    /// <param name="desired">The status to write.</param>
    public static bool IsNeeded(SchemaObject? current, SchemaObject? desired)
    {
        if (current is null || desired is null)
        {
            return !ReferenceEquals(current, desired) && !IsEmpty(current ?? desired!);
        }

        return !JsonEquals(GatewayApiJson.SerializeToElement(current), GatewayApiJson.SerializeToElement(desired));
    }

    private static bool IsEmpty(SchemaObject value) => value switch
    {
        // The common cases without serializing: statuses the engine builds always have (or lack) these lists.
        RouteStatus route when route.ExtensionData is null or { Count: 0 } => route.Parents is null or { Count: 0 },
        PolicyStatus policy when policy.ExtensionData is null or { Count: 0 } => policy.Ancestors is null or { Count: 0 },
        GatewayClassStatus { Conditions.Count: > 0 } or GatewayStatus { Conditions.Count: > 0 } or ListenerSetStatus { Conditions.Count: > 0 } => false,
        _ => GatewayApiJson.SerializeToElement(value).EnumerateObject().All(p => IsEmptyValue(p.Value)),
    };

    private static bool IsEmptyValue(JsonElement value)
        => value.ValueKind is JsonValueKind.Null || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0);

    private static bool JsonEquals(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var leftProperties = left.EnumerateObject().Where(p => p.Name != LastTransitionTime && !IsEmptyValue(p.Value)).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var rightProperties = right.EnumerateObject().Where(p => p.Name != LastTransitionTime && !IsEmptyValue(p.Value)).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                return leftProperties.Count == rightProperties.Count
                    && leftProperties.All(p => rightProperties.TryGetValue(p.Key, out var other) && JsonEquals(p.Value, other));
            }

            case JsonValueKind.Array:
            {
                if (left.GetArrayLength() != right.GetArrayLength())
                {
                    return false;
                }

                using var leftItems = left.EnumerateArray().GetEnumerator();
                using var rightItems = right.EnumerateArray().GetEnumerator();
                while (leftItems.MoveNext() && rightItems.MoveNext())
                {
                    if (!JsonEquals(leftItems.Current, rightItems.Current))
                    {
                        return false;
                    }
                }

                return true;
            }

            default:
                return left.GetRawText() == right.GetRawText();
        }
    }
}
