using System.Globalization;

namespace GatewayApi.Models.Tests.Validation.Support;

/// <summary>
/// A small generator for the CRD patterns (resources digest §2): for each distinct pattern text, a matching
/// string of a requested length (made distinct by a variant number, for list items that must be unique) and a
/// string that does not match. Unknown patterns throw, so a new CRD pattern is noticed.
/// </summary>
internal static class PatternSamples
{
    private const string Dns = @"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

    private static readonly Dictionary<string, (Func<int, int, string> Valid, string Invalid)> Table = new(StringComparer.Ordinal)
    {
        // Lower-case alphanumerics satisfy every DNS-style pattern.
        ["^$|^" + Dns + "$"] = (Fill, "Invalid_Group"),
        ["^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$"] = (Fill, "1kind"),
        ["^" + Dns + "$"] = (Fill, "Bad_Name"),
        [@"^(\*\.)?" + Dns + "$"] = (Fill, "Bad_Host"),
        ["^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"] = (Fill, "bad.namespace"),
        ["^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|" + Dns + @"\/[A-Za-z0-9]+$"] = (Fill, "-bad-"),
        ["^" + Dns + @"\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$"] = ((length, variant) => Prefixed("example.com/", length, variant), "no-slash"),
        ["^Hostname|IPAddress|NamedAddress|" + Dns + @"\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$"] = ((length, variant) => Prefixed("example.com/", length, variant), "bad"),
        [@"^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$"] = (Fill, "bad header"),
        [@"^[!-~]+([\t ]?[!-~]+)*$"] = (Fill, " leading-space"),
        ["^([0-9]{1,5}(h|m|s|ms)){1,4}$"] = ((_, variant) => (variant + 1).ToString(CultureInfo.InvariantCulture) + "s", "10"),
        ["^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"] = (Fill, "-bad"),
        [@"^(([^:/?#]+):)(//([^/?#]*))([^?#]*)(\?([^#]*))?(#(.*))?"] = ((length, variant) => Prefixed("https://", length, variant), "no-scheme"),
        [@"(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9\-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)"] = ((length, variant) => length <= 1 ? "*" : Prefixed("https://", length, variant), "https://a.example.com/path"),
        ["^(System|(" + Dns + "/([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]))$"] = (WellKnown, "system"),
        ["^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$"] = (Fill, "/a b"),
        ["^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$"] = (Fill, "1bad"),
        ["^(" + Dns + "/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"] = (Fill, "bad type"),
    };

    public static bool IsKnown(string pattern) => Table.ContainsKey(pattern);

    /// <summary>A string matching the pattern (any string without one) of exactly <paramref name="length"/> characters where possible, otherwise the shortest one.</summary>
    public static string Valid(string? pattern, int length, int variant)
        => pattern is null ? Fill(length, variant) : Lookup(pattern).Valid(Math.Max(length, 0), variant);

    public static string Invalid(string pattern) => Lookup(pattern).Invalid;

    private static (Func<int, int, string> Valid, string Invalid) Lookup(string pattern)
        => Table.TryGetValue(pattern, out var entry) ? entry : throw new KeyNotFoundException("No samples for pattern " + pattern);

    // "a<variant>" padded with 'a' to the length (just 'a's when the variant does not fit).
    private static string Fill(int length, int variant)
    {
        var start = "a" + variant.ToString(CultureInfo.InvariantCulture);
        return length < start.Length ? new string('a', Math.Max(length, 1)) : start + new string('a', length - start.Length);
    }

    private static string Prefixed(string prefix, int length, int variant)
        => prefix + Fill(Math.Max(length - prefix.Length, 1 + variant.ToString(CultureInfo.InvariantCulture).Length), variant);

    // DNS prefix "/" name, the name at most 62 characters; "System" where that is all that fits.
    private static string WellKnown(int length, int variant)
    {
        if (length <= 6)
        {
            return "System";
        }

        var name = "n" + variant.ToString(CultureInfo.InvariantCulture);
        return Fill(length - name.Length - 1, 0) + "/" + name;
    }
}
