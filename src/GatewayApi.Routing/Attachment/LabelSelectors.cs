using k8s.Models;

namespace GatewayApi.Routing.Attachment;

/// <summary>Kubernetes label selector semantics (<c>matchLabels</c> AND <c>matchExpressions</c>), used on Namespace labels.</summary>
internal static class LabelSelectors
{
    /// <summary>Whether every expression uses a known operator with the values it requires.</summary>
    public static bool IsValid(V1LabelSelector selector, out string? problem)
    {
        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var values = requirement.Values ?? [];
            switch (requirement.OperatorProperty)
            {
                case "In" or "NotIn" when values.Count == 0:
                    problem = $"the selector expression on '{requirement.Key}' uses '{requirement.OperatorProperty}' without values";
                    return false;
                case "In" or "NotIn":
                    break;
                case "Exists" or "DoesNotExist" when values.Count > 0:
                    problem = $"the selector expression on '{requirement.Key}' uses '{requirement.OperatorProperty}' with values";
                    return false;
                case "Exists" or "DoesNotExist":
                    break;
                default:
                    problem = $"the selector expression on '{requirement.Key}' uses the unknown operator '{requirement.OperatorProperty}'";
                    return false;
            }
        }

        problem = null;
        return true;
    }

    /// <summary>Whether the labels satisfy the selector; an empty selector matches everything, a null one nothing.</summary>
    public static bool Matches(V1LabelSelector? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null || !IsValid(selector, out _))
        {
            return false;
        }

        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(requirement.Key ?? string.Empty, out var actual);
            var values = requirement.Values ?? [];
            var ok = requirement.OperatorProperty switch
            {
                "In" => has && values.Contains(actual!, StringComparer.Ordinal),
                "NotIn" => !has || !values.Contains(actual!, StringComparer.Ordinal),
                "Exists" => has,
                _ => !has,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The selector as Kubernetes writes it, for messages: <c>a=b,c in (d,e)</c>.</summary>
    public static string Describe(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return "(no selector)";
        }

        var parts = (selector.MatchLabels ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}").ToList();
        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            parts.Add(requirement.OperatorProperty switch
            {
                "In" => $"{requirement.Key} in ({string.Join(",", requirement.Values ?? [])})",
                "NotIn" => $"{requirement.Key} notin ({string.Join(",", requirement.Values ?? [])})",
                "Exists" => requirement.Key ?? string.Empty,
                "DoesNotExist" => "!" + requirement.Key,
                _ => $"{requirement.Key} {requirement.OperatorProperty} ({string.Join(",", requirement.Values ?? [])})",
            });
        }

        return parts.Count == 0 ? "(everything)" : string.Join(",", parts);
    }
}
