namespace GatewayApi.Yarp;

/// <summary>
/// Dot-segment removal (RFC 3986 §5.2.4) on a raw request target, before routing, so the path a request is routed
/// by is the path the backend receives. Without it, <c>/public/../admin</c> would be routed by the <c>/public</c>
/// rule while a backend (or <see cref="System.Uri"/>) resolves it to <c>/admin</c>: the rule that decided would not be
/// the rule the path belongs to. Percent-encoded dots (<c>%2e</c>) count as dots; nothing else is decoded, and
/// <c>//</c> is kept (the spec leaves normalisation to implementations, R3).
/// </summary>
internal static class PathNormalization
{
    /// <summary>The path and query with <c>.</c> and <c>..</c> segments resolved; the query is untouched.</summary>
    public static string RemoveDotSegments(string pathAndQuery)
    {
        var queryAt = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? pathAndQuery : pathAndQuery[..queryAt];
        if (!path.StartsWith('/') || (!path.Contains('.', StringComparison.Ordinal) && !path.Contains("%2", StringComparison.Ordinal)))
        {
            return pathAndQuery;
        }

        var segments = path.Split('/');
        var output = new List<string>(segments.Length);
        var changed = false;
        var endsInDirectory = false;
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (IsDot(segment))
            {
                (changed, endsInDirectory) = (true, last);
            }
            else if (IsDotDot(segment))
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                (changed, endsInDirectory) = (true, last);
            }
            else
            {
                output.Add(segment);
            }
        }

        if (!changed)
        {
            return pathAndQuery;
        }

        var normalized = "/" + string.Join('/', output) + (endsInDirectory && output.Count > 0 ? "/" : "");
        return queryAt < 0 ? normalized : normalized + pathAndQuery[queryAt..];
    }

    private static bool IsDot(string segment) => segment == "." || string.Equals(segment, "%2e", StringComparison.OrdinalIgnoreCase);

    private static bool IsDotDot(string segment) => segment.Length is 2 or 4 or 6
        && segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase) == "..";
}
