using System.Text.Json.Nodes;
using GatewayApi.Models.Validation.Schema;

namespace GatewayApi.Models.Validation.Rules;

/// <summary>HTTPRoute rule, match, path and timeout rules (digest §4.5).</summary>
internal static partial class CelRules
{
    private static readonly SchemaPattern PathCharacters = SchemaPattern.Of(@"^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$");

    public static readonly CelRule R21 = new(
        "R21",
        "While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128",
        c => TotalMatches(c.Self, guardWithHas: false) <= 128);

    public static readonly CelRule R22 = new(
        "R22",
        "RequestRedirect filter must not be used together with backendRefs",
        c => !(Cel.Has(c.Self, "backendRefs") && Cel.Size(Cel.Get(c.Self, "backendRefs")) > 0)
            || !Cel.Has(c.Self, "filters")
            || Cel.All(Cel.Get(c.Self, "filters"), static f => !Cel.Has(f, "requestRedirect")));

    public static readonly CelRule R23 = new(
        "R23",
        "When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified",
        c => !(Cel.Has(c.Self, "filters") && Cel.ExistsOne(Cel.Get(c.Self, "filters"), static f => ReplacesPrefix(f, "requestRedirect")))
            || HasExactlyOnePathPrefixMatch(c.Self));

    public static readonly CelRule R24 = new(
        "R24",
        "When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified",
        c => !(Cel.Has(c.Self, "filters") && Cel.ExistsOne(Cel.Get(c.Self, "filters"), static f => ReplacesPrefix(f, "urlRewrite")))
            || HasExactlyOnePathPrefixMatch(c.Self));

    public static readonly CelRule R25 = new(
        "R25",
        "Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified",
        c => !(Cel.Has(c.Self, "backendRefs") && Cel.ExistsOne(Cel.Get(c.Self, "backendRefs"), static b => Cel.Has(b, "filters") && Cel.ExistsOne(Cel.Get(b, "filters"), static f => ReplacesPrefix(f, "requestRedirect"))))
            || HasExactlyOnePathPrefixMatch(c.Self));

    public static readonly CelRule R26 = new(
        "R26",
        "Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified",
        c => !(Cel.Has(c.Self, "backendRefs") && Cel.ExistsOne(Cel.Get(c.Self, "backendRefs"), static b => Cel.Has(b, "filters") && Cel.ExistsOne(Cel.Get(b, "filters"), static f => ReplacesPrefix(f, "urlRewrite"))))
            || HasExactlyOnePathPrefixMatch(c.Self));

    public static readonly CelRule R57 = PathRule("R57", "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']", v => v.StartsWith('/'));

    public static readonly CelRule R58 = PathRule("R58", "must not contain '//' when type one of ['Exact', 'PathPrefix']", v => !v.Contains("//", StringComparison.Ordinal));

    public static readonly CelRule R59 = PathRule("R59", "must not contain '/./' when type one of ['Exact', 'PathPrefix']", v => !v.Contains("/./", StringComparison.Ordinal));

    public static readonly CelRule R60 = PathRule("R60", "must not contain '/../' when type one of ['Exact', 'PathPrefix']", v => !v.Contains("/../", StringComparison.Ordinal));

    public static readonly CelRule R61 = PathRule("R61", "must not contain '%2f' when type one of ['Exact', 'PathPrefix']", v => !v.Contains("%2f", StringComparison.Ordinal));

    public static readonly CelRule R62 = PathRule("R62", "must not contain '%2F' when type one of ['Exact', 'PathPrefix']", v => !v.Contains("%2F", StringComparison.Ordinal));

    public static readonly CelRule R63 = PathRule("R63", "must not contain '#' when type one of ['Exact', 'PathPrefix']", v => !v.Contains('#', StringComparison.Ordinal));

    public static readonly CelRule R64 = PathRule("R64", "must not end with '/..' when type one of ['Exact', 'PathPrefix']", v => !v.EndsWith("/..", StringComparison.Ordinal));

    public static readonly CelRule R65 = PathRule("R65", "must not end with '/.' when type one of ['Exact', 'PathPrefix']", v => !v.EndsWith("/.", StringComparison.Ordinal));

    public static readonly CelRule R66 = new(
        "R66",
        "type must be one of ['Exact', 'PathPrefix', 'RegularExpression']",
        c => Cel.Str(c.Self, "type") is "Exact" or "PathPrefix" or "RegularExpression");

    public static readonly CelRule R67 = PathRule(
        "R67",
        "must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']",
        value => PathCharacters.IsMatch(value));

    /// <summary>
    /// <c>!(has(request) &amp;&amp; has(backendRequest) &amp;&amp; duration(request) != duration('0s') &amp;&amp; duration(backendRequest) &gt; duration(request))</c>.
    /// </summary>
    public static readonly CelRule R68 = new(
        "R68",
        "backendRequest timeout cannot be longer than request timeout",
        c => !(Cel.Has(c.Self, "request") && Cel.Has(c.Self, "backendRequest")
            && GoDuration.Parse(Cel.Str(c.Self, "request")) != 0
            && GoDuration.Parse(Cel.Str(c.Self, "backendRequest")) > GoDuration.Parse(Cel.Str(c.Self, "request"))));

    // (self.type in ['Exact','PathPrefix']) ? <condition on self.value> : true
    private static CelRule PathRule(string id, string message, Func<string, bool> condition)
        => new(id, message, c => Cel.Str(c.Self, "type") is not ("Exact" or "PathPrefix") || condition(Cel.Str(c.Self, "value")));

    // has(f.X) && has(f.X.path) && f.X.path.type == 'ReplacePrefixMatch' && has(f.X.path.replacePrefixMatch)
    private static bool ReplacesPrefix(JsonNode filter, string member)
    {
        if (!Cel.Has(filter, member) || !Cel.Has(Cel.Get(filter, member), "path"))
        {
            return false;
        }

        var path = Cel.Get(Cel.Get(filter, member), "path");
        return Cel.Str(path, "type") == "ReplacePrefixMatch" && Cel.Has(path, "replacePrefixMatch");
    }

    // (size(self.matches) != 1 || !has(self.matches[0].path) || self.matches[0].path.type != 'PathPrefix') ? false : true
    private static bool HasExactlyOnePathPrefixMatch(JsonNode rule)
    {
        var matches = Cel.Get(rule, "matches");
        if (Cel.Size(matches) != 1)
        {
            return false;
        }

        var first = ((JsonArray)matches)[0];
        return Cel.Has(first, "path") && Cel.Str(Cel.Get(first, "path"), "type") == "PathPrefix";
    }
}
