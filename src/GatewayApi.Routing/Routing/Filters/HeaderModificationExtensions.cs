namespace GatewayApi.Routing;

/// <summary>Applies a decision's header changes to a header list, so an embedding proxy writes no header logic (§4.1).</summary>
public static class HeaderModificationExtensions
{
    /// <summary>
    /// Applies the changes in order to <paramref name="headers"/> (names compared without regard to case):
    /// <c>Set</c> removes every value and adds one; <c>Add</c> appends to the last existing value with <c>,</c> (or adds
    /// the header); <c>Remove</c> removes every value.
    /// </summary>
    /// <param name="modifications">The changes, for example <see cref="HttpRouteDecision.RequestHeaderModifications"/>.</param>
    /// <param name="headers">The headers to change, in place.</param>
    public static void ApplyTo(this IEnumerable<HeaderModification> modifications, IList<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(modifications);
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var modification in modifications)
        {
            switch (modification.Kind)
            {
                case HeaderModificationKind.Set:
                    RemoveAll(headers, modification.Name);
                    headers.Add(new(modification.Name, modification.Value ?? ""));
                    break;
                case HeaderModificationKind.Add:
                    var last = -1;
                    for (var i = 0; i < headers.Count; i++)
                    {
                        if (string.Equals(headers[i].Key, modification.Name, StringComparison.OrdinalIgnoreCase))
                        {
                            last = i;
                        }
                    }

                    if (last < 0)
                    {
                        headers.Add(new(modification.Name, modification.Value ?? ""));
                    }
                    else
                    {
                        headers[last] = new(headers[last].Key, headers[last].Value + "," + modification.Value);
                    }

                    break;
                case HeaderModificationKind.Remove:
                    RemoveAll(headers, modification.Name);
                    break;
            }
        }
    }

    private static void RemoveAll(IList<KeyValuePair<string, string>> headers, string name)
    {
        for (var i = headers.Count - 1; i >= 0; i--)
        {
            if (string.Equals(headers[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                headers.RemoveAt(i);
            }
        }
    }
}
