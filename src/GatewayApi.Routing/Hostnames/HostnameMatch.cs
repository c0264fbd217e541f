namespace GatewayApi.Routing.Hostnames;

/// <summary>
/// Gateway API hostname rules, in one place for the status engine and the router: how a precise or wildcard
/// hostname matches a host, and how a listener hostname and a route hostname intersect.
/// </summary>
/// <remarks>
/// <para>Spec: <c>attachment-and-status.md</c> §2.6 and <c>routing-semantics.md</c> §1.1 (upstream
/// <c>site/content/en/docs/concepts/hostnames.md</c>, <c>apis/v1/httproute_types.go</c> Hostnames,
/// <c>apis/v1/gateway_types.go</c> Listener.hostname).</para>
/// <para>A <c>null</c> (or empty, or <c>*</c>) hostname is the universal name: an absent listener hostname, or a route
/// without hostnames. A wildcard <c>*.suffix</c> stands for one or more whole labels in front of <c>suffix</c>, so
/// <c>*.example.com</c> covers <c>a.example.com</c> and <c>a.b.example.com</c> but not <c>example.com</c>. Comparison
/// ignores ASCII case (the schema admits only lower case; hosts from requests may not be).</para>
/// </remarks>
internal static class HostnameMatch
{
    /// <summary>Whether the hostname stands for every host (absent, empty or <c>*</c>).</summary>
    public static bool IsUniversal(string? hostname) => string.IsNullOrEmpty(hostname) || hostname == "*";

    /// <summary>Whether the hostname is a wildcard <c>*.suffix</c>.</summary>
    public static bool IsWildcard(string? hostname) => hostname is not null && hostname.Length > 2 && hostname[0] == '*' && hostname[1] == '.';

    /// <summary>Whether a hostname pattern (universal, precise or wildcard) matches a concrete host.</summary>
    /// <param name="pattern">A listener or route hostname; null matches everything.</param>
    /// <param name="host">A concrete host name, without port.</param>
    public static bool Matches(string? pattern, string host)
    {
        if (IsUniversal(pattern))
        {
            return true;
        }

        if (IsWildcard(pattern))
        {
            // "*.s" needs at least one whole label before ".s": the host is longer than ".s" and ends with it.
            var dotSuffix = pattern.AsSpan(1);
            return host.Length > dotSuffix.Length && host.AsSpan().EndsWith(dotSuffix, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The intersection of a listener hostname and one route hostname (the table of §2.6): the hostname that governs
    /// traffic for that pair, or no intersection.
    /// </summary>
    /// <param name="listenerHostname">The listener's hostname; null for none.</param>
    /// <param name="routeHostname">One route hostname; null when the route has none.</param>
    /// <param name="intersection">The intersection; null when it is the universal name.</param>
    /// <returns>Whether the two intersect.</returns>
    public static bool TryIntersect(string? listenerHostname, string? routeHostname, out string? intersection)
    {
        if (IsUniversal(listenerHostname))
        {
            intersection = IsUniversal(routeHostname) ? null : routeHostname;
            return true;
        }

        if (IsUniversal(routeHostname))
        {
            intersection = listenerHostname;
            return true;
        }

        var listenerWildcard = IsWildcard(listenerHostname);
        var routeWildcard = IsWildcard(routeHostname);
        intersection = (listenerWildcard, routeWildcard) switch
        {
            (false, false) => string.Equals(listenerHostname, routeHostname, StringComparison.OrdinalIgnoreCase) ? routeHostname : null,
            (true, false) => Matches(listenerHostname, routeHostname!) ? routeHostname : null,
            (false, true) => Matches(routeHostname, listenerHostname!) ? listenerHostname : null,
            // Both wildcards: the more specific one, when one suffix is the other or a dot-suffix of it.
            (true, true) => MoreSpecificWildcard(listenerHostname!, routeHostname!),
        };
        return intersection is not null;
    }

    /// <summary>
    /// The hostnames a route serves on a listener: the intersections of the listener hostname with each route
    /// hostname (duplicates removed, in route order), or null when none intersects.
    /// </summary>
    /// <param name="listenerHostname">The listener's hostname; null for none.</param>
    /// <param name="routeHostnames">The route's hostnames; empty means every host.</param>
    /// <returns>Null for no intersection; an empty list for "every host"; otherwise the intersected hostnames.</returns>
    public static IReadOnlyList<string>? EffectiveHostnames(string? listenerHostname, IReadOnlyList<string> routeHostnames)
    {
        if (routeHostnames.Count == 0)
        {
            return IsUniversal(listenerHostname) ? [] : [listenerHostname!];
        }

        List<string>? result = null;
        var universal = false;
        foreach (var routeHostname in routeHostnames)
        {
            if (!TryIntersect(listenerHostname, routeHostname, out var intersection))
            {
                continue;
            }

            if (intersection is null)
            {
                universal = true;
                continue;
            }

            result ??= [];
            if (!result.Contains(intersection, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(intersection);
            }
        }

        return universal ? [] : result;
    }

    /// <summary>Whether some host is matched by both hostnames (they intersect).</summary>
    public static bool Overlap(string? left, string? right) => TryIntersect(left, right, out _);

    /// <summary>Whether two hostnames are the same for listener distinctness (both absent, or equal ignoring case).</summary>
    public static bool SameHostname(string? left, string? right)
        => IsUniversal(left) ? IsUniversal(right) : !IsUniversal(right) && string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private static string? MoreSpecificWildcard(string left, string right)
    {
        var leftSuffix = left.AsSpan(1);
        var rightSuffix = right.AsSpan(1);
        if (leftSuffix.Equals(rightSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return right;
        }

        if (rightSuffix.Length > leftSuffix.Length && rightSuffix.EndsWith(leftSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return right;
        }

        return leftSuffix.Length > rightSuffix.Length && leftSuffix.EndsWith(rightSuffix, StringComparison.OrdinalIgnoreCase) ? left : null;
    }
}
