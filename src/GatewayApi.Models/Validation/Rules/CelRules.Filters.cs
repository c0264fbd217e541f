using System.Text.Json.Nodes;

namespace GatewayApi.Models.Validation.Rules;

/// <summary>Filter-list, filter-union, CORS, mirror, path-modifier and ExternalAuth rules (digest §4.7).</summary>
internal static partial class CelRules
{
    public static readonly CelRule R28 = new(
        "R28",
        "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both",
        c => !Cel.And(c.Self, static self => Cel.Exists(self, static f => Cel.Str(f, "type") == "RequestRedirect"), static self => Cel.Exists(self, static f => Cel.Str(f, "type") == "URLRewrite")));

    public static readonly CelRule R29 = NotRepeated("R29", "CORS");

    public static readonly CelRule R30 = NotRepeated("R30", "RequestHeaderModifier");

    public static readonly CelRule R31 = NotRepeated("R31", "ResponseHeaderModifier");

    public static readonly CelRule R32 = NotRepeated("R32", "RequestRedirect");

    public static readonly CelRule R33 = NotRepeated("R33", "URLRewrite");

    public static readonly CelRule R34 = MemberOnlyWithType("R34", "cors", "CORS");

    public static readonly CelRule R35 = TypeNeedsMember("R35", "cors", "CORS");

    public static readonly CelRule R36 = MemberOnlyWithType("R36", "requestHeaderModifier", "RequestHeaderModifier");

    public static readonly CelRule R37 = TypeNeedsMember("R37", "requestHeaderModifier", "RequestHeaderModifier");

    public static readonly CelRule R38 = MemberOnlyWithType("R38", "responseHeaderModifier", "ResponseHeaderModifier");

    public static readonly CelRule R39 = TypeNeedsMember("R39", "responseHeaderModifier", "ResponseHeaderModifier");

    public static readonly CelRule R40 = MemberOnlyWithType("R40", "requestMirror", "RequestMirror");

    public static readonly CelRule R41 = TypeNeedsMember("R41", "requestMirror", "RequestMirror");

    public static readonly CelRule R42 = MemberOnlyWithType("R42", "requestRedirect", "RequestRedirect");

    public static readonly CelRule R43 = TypeNeedsMember("R43", "requestRedirect", "RequestRedirect");

    public static readonly CelRule R44 = MemberOnlyWithType("R44", "urlRewrite", "URLRewrite");

    public static readonly CelRule R45 = TypeNeedsMember("R45", "urlRewrite", "URLRewrite");

    public static readonly CelRule R46 = MemberOnlyWithType("R46", "extensionRef", "ExtensionRef");

    public static readonly CelRule R47 = TypeNeedsMember("R47", "extensionRef", "ExtensionRef");

    public static readonly CelRule R48 = WildcardAlone("R48", "AllowHeaders cannot contain '*' alongside other methods");

    public static readonly CelRule R49 = WildcardAlone("R49", "AllowMethods cannot contain '*' alongside other methods");

    public static readonly CelRule R50 = WildcardAlone("R50", "AllowOrigins cannot contain '*' alongside other origins");

    public static readonly CelRule R51 = new(
        "R51",
        "Only one of percent or fraction may be specified in HTTPRequestMirrorFilter",
        c => !(Cel.Has(c.Self, "percent") && Cel.Has(c.Self, "fraction")));

    public static readonly CelRule R52 = new(
        "R52",
        "numerator must be less than or equal to denominator",
        c => Cel.Int(c.Self, "numerator") <= Cel.Int(c.Self, "denominator"));

    public static readonly CelRule R53 = new(
        "R53",
        "replaceFullPath must be specified when type is set to 'ReplaceFullPath'",
        c => Cel.Str(c.Self, "type") != "ReplaceFullPath" || Cel.Has(c.Self, "replaceFullPath"));

    public static readonly CelRule R54 = new(
        "R54",
        "type must be 'ReplaceFullPath' when replaceFullPath is set",
        c => !Cel.Has(c.Self, "replaceFullPath") || Cel.Str(c.Self, "type") == "ReplaceFullPath");

    public static readonly CelRule R55 = new(
        "R55",
        "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'",
        c => Cel.Str(c.Self, "type") != "ReplacePrefixMatch" || Cel.Has(c.Self, "replacePrefixMatch"));

    public static readonly CelRule R56 = new(
        "R56",
        "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set",
        c => !Cel.Has(c.Self, "replacePrefixMatch") || Cel.Str(c.Self, "type") == "ReplacePrefixMatch");

    public static readonly CelRule R72 = MemberOnlyWithType("R72", "externalAuth", "ExternalAuth");

    public static readonly CelRule R73 = TypeNeedsMember("R73", "externalAuth", "ExternalAuth");

    public static readonly CelRule R74 = new(
        "R74",
        "grpc must be specified when protocol is set to 'GRPC'",
        c => Cel.Str(c.Self, "protocol") != "GRPC" || Cel.Has(c.Self, "grpc"));

    public static readonly CelRule R75 = new(
        "R75",
        "protocol must be 'GRPC' when grpc is set",
        c => !Cel.Has(c.Self, "grpc") || Cel.Str(c.Self, "protocol") == "GRPC");

    public static readonly CelRule R76 = new(
        "R76",
        "http must be specified when protocol is set to 'HTTP'",
        c => Cel.Str(c.Self, "protocol") != "HTTP" || Cel.Has(c.Self, "http"));

    public static readonly CelRule R77 = new(
        "R77",
        "protocol must be 'HTTP' when http is set",
        c => !Cel.Has(c.Self, "http") || Cel.Str(c.Self, "protocol") == "HTTP");

    // self.filter(f, f.type == '<type>').size() <= 1
    private static CelRule NotRepeated(string id, string type)
        => new(id, type + " filter cannot be repeated", c => Cel.CountWhere(c.Self, type, static (f, t) => Cel.Str(f, "type") == t) <= 1);

    // !(has(self.<member>) && self.type != '<type>'); has() cannot fail, so C#'s && gives CEL's result.
    private static CelRule MemberOnlyWithType(string id, string member, string type)
        => new(id, $"filter.{member} must be nil if the filter.type is not {type}", c => !(Cel.Has(c.Self, member) && Cel.Str(c.Self, "type") != type));

    // !(!has(self.<member>) && self.type == '<type>')
    private static CelRule TypeNeedsMember(string id, string member, string type)
        => new(id, $"filter.{member} must be specified for {type} filter.type", c => !(!Cel.Has(c.Self, member) && Cel.Str(c.Self, "type") == type));

    // !('*' in self && self.size() > 1)
    private static CelRule WildcardAlone(string id, string message)
        => new(id, message, c => !(Cel.Exists(c.Self, static item => item is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>() == "*") && Cel.Size(c.Self) > 1));
}
