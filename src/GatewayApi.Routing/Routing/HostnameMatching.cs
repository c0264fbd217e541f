using GatewayApi.Routing.Hostnames;

namespace GatewayApi.Routing;

/// <summary>
/// The hostname rules the router adds to the status engine's <see cref="HostnameMatch"/> (which it uses for matching
/// and intersection, §1.1 and <c>attachment-and-status.md</c> §2.6): the universal name, the spec's specificity
/// ranking (§2.2 criterion 1, §1.2 listener order) and removing the port from a Host header (§1.1). The reference
/// router restates all of this on purpose.
/// </summary>
internal static class HostnameMatching
{
    /// <summary>The universal hostname: an absent listener hostname or absent route hostnames.</summary>
    public const string Any = "*";

    /// <summary>Whether <paramref name="hostname"/> is absent or <c>*</c>: it matches every host.</summary>
    public static bool IsAny(string? hostname) => HostnameMatch.IsUniversal(hostname);

    /// <summary>Whether <paramref name="hostname"/> is a wildcard (<c>*.suffix</c>).</summary>
    public static bool IsWildcard(string? hostname) => HostnameMatch.IsWildcard(hostname);

    /// <summary>
    /// The spec's hostname specificity (§2.2 criterion 1): characters of a matching non-wildcard hostname,
    /// then characters of the matching hostname. <c>*</c> counts as (0, 0), a wildcard as (0, length).
    /// </summary>
    public static (int NonWildcardCharacters, int Characters) Specificity(string? hostname)
    {
        if (IsAny(hostname))
        {
            return (0, 0);
        }

        return IsWildcard(hostname) ? (0, hostname!.Length) : (hostname!.Length, hostname.Length);
    }

    /// <summary>
    /// The host part of a <c>Host</c>/<c>:authority</c> value: the port is ignored for matching (§1.1), and an
    /// IPv6 literal keeps its brackets.
    /// </summary>
    public static ReadOnlySpan<char> HostWithoutPort(ReadOnlySpan<char> authority)
    {
        if (authority.Length > 0 && authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            return close < 0 ? authority : authority[..(close + 1)];
        }

        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }
}
