namespace GatewayApi.Routing;

/// <summary>
/// The spec's path rules for <c>Exact</c> and <c>PathPrefix</c> (§2.1) and the path modifier (§4.3), in one place
/// for the compiled router, its explain trace and the filters. The reference router restates them on purpose.
/// </summary>
internal static class PathMatching
{
    /// <summary>
    /// A <c>PathPrefix</c> value with one trailing <c>/</c> removed (<c>/</c> becomes empty): the form the
    /// segment-wise comparison uses. Returns null when the value cannot match any path (not absolute).
    /// </summary>
    public static string? NormalizePrefix(string value)
    {
        var prefix = value.EndsWith('/') ? value[..^1] : value;
        return prefix.Length == 0 || prefix[0] == '/' ? prefix : null;
    }

    /// <summary>
    /// Whether a request path matches a normalized prefix <paramref name="prefix"/>: the path equals it, or
    /// continues it with <c>/</c>. So <c>/foo</c> matches <c>/foo</c>, <c>/foo/</c>, <c>/foo/bar</c>, never <c>/foobar</c>.
    /// </summary>
    public static bool PrefixMatches(string prefix, ReadOnlySpan<char> path) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] == '/');

    /// <summary>
    /// <c>ReplacePrefixMatch</c> (§4.3): with p the matched prefix and r the replacement, each less one trailing
    /// <c>/</c>, the result is r followed by the rest of the path after p, or <c>/</c> when that is empty.
    /// </summary>
    public static string ReplacePrefix(ReadOnlySpan<char> path, string matchedPrefixValue, string replacement)
    {
        var prefix = matchedPrefixValue.EndsWith('/') ? matchedPrefixValue.AsSpan(0, matchedPrefixValue.Length - 1) : matchedPrefixValue.AsSpan();
        var rest = path.Length >= prefix.Length ? path[prefix.Length..] : ReadOnlySpan<char>.Empty;
        var head = replacement.EndsWith('/') ? replacement.AsSpan(0, replacement.Length - 1) : replacement.AsSpan();
        var result = string.Concat(head, rest);
        return result.Length == 0 ? "/" : result;
    }
}
