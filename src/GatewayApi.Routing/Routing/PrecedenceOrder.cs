namespace GatewayApi.Routing;

/// <summary>
/// The criteria HTTPRoute (§2.2) and GRPCRoute (§3.2) precedence share, written once: hostname specificity first, and
/// after the kind's own match criteria the route and position tie-breaks (oldest route, <c>{namespace}/{name}</c>, rule
/// order, match order, then the hostname's name so the exported order is total). Negative means x takes precedence.
/// </summary>
internal static class PrecedenceOrder
{
    /// <summary>Characters of a matching non-wildcard hostname, then characters of the matching hostname: more wins.</summary>
    public static int Hostname(int xNonWildcard, int xCharacters, int yNonWildcard, int yCharacters)
    {
        var c = yNonWildcard.CompareTo(xNonWildcard);
        return c != 0 ? c : yCharacters.CompareTo(xCharacters);
    }

    /// <summary>The oldest route, then <c>{namespace}/{name}</c> (ordinal), then rule order, then match order.</summary>
    public static int RouteAndPosition(long xTicks, string xRoute, int xRule, int xMatch, long yTicks, string yRoute, int yRule, int yMatch)
    {
        var c = xTicks.CompareTo(yTicks);
        if (c != 0) return c;
        c = string.CompareOrdinal(xRoute, yRoute);
        if (c != 0) return c;
        c = xRule.CompareTo(yRule);
        return c != 0 ? c : xMatch.CompareTo(yMatch);
    }

    /// <summary>
    /// Two hostnames of one route with equal specificity never match the same host; ordering them by name only makes
    /// the exported order total.
    /// </summary>
    public static int HostnameName(string x, string y) => string.CompareOrdinal(x, y);

    /// <summary>The first shared tie-break on which two candidates differ, in words (for explanations).</summary>
    public static string RouteAndPositionDifference(long xTicks, string xRoute, int xRule, long yTicks, string yRoute, int yRule) =>
        xTicks != yTicks ? "creation timestamp"
        : xRoute != yRoute ? "{namespace}/{name}"
        : xRule != yRule ? "rule order"
        : "match order";
}
