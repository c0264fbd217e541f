using System.Text.Json.Nodes;
using GatewayApi.Models.Validation.Schema;

namespace GatewayApi.Models.Validation.Rules;

/// <summary>Gateway and ListenerSet rules (validation digest §4.2, §4.3).</summary>
internal static partial class CelRules
{
    private static readonly SchemaPattern WildcardHostname = SchemaPattern.Of(@"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static readonly SchemaPattern QualifiedKey = SchemaPattern.Of(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$");

    public static readonly CelRule R2 = new("R2", "IPAddress values must be unique", c => AddressValuesUnique(c.Self, "IPAddress"));

    public static readonly CelRule R3 = new("R3", "Hostname values must be unique", c => AddressValuesUnique(c.Self, "Hostname"));

    public static readonly CelRule R4 = new(
        "R4",
        @"Hostname value must be empty or contain only valid characters (matching ^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)",
        c => Cel.Str(c.Self, "type") != "Hostname" || !Cel.Has(c.Self, "value") || WildcardHostname.IsMatch(Cel.Str(c.Self, "value")));

    public static readonly CelRule R5 = new(
        "R5",
        "Annotation keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.",
        c => Cel.All(c.Self, key => QualifiedKey.IsMatch(Cel.AsString(key))));

    public static readonly CelRule R6 = new(
        "R6",
        "If specified, the annotation key's prefix must be a DNS subdomain not longer than 253 characters in total.",
        c => Cel.All(c.Self, key => KeyPrefixShorterThan253(Cel.AsString(key))));

    public static readonly CelRule R7 = new(
        "R7",
        "Label keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.",
        c => Cel.All(c.Self, key => QualifiedKey.IsMatch(Cel.AsString(key))));

    public static readonly CelRule R8 = new(
        "R8",
        "If specified, the label key's prefix must be a DNS subdomain not longer than 253 characters in total.",
        c => Cel.All(c.Self, key => KeyPrefixShorterThan253(Cel.AsString(key))));

    public static readonly CelRule R9 = new(
        "R9",
        "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
        c => Cel.All(c.Self, l => Cel.Str(l, "protocol") is not ("HTTP" or "TCP" or "UDP") || !Cel.Has(l, "tls")));

    public static readonly CelRule R10 = new(
        "R10",
        "tls mode must be Terminate for protocol HTTPS",
        c => Cel.All(c.Self, static l => !Cel.And(l, static l => Cel.Str(l, "protocol") == "HTTPS", static l => Cel.Has(l, "tls"))
            || Cel.Or(l, static l => Cel.Str(Cel.Get(l, "tls"), "mode") == string.Empty, static l => Cel.Str(Cel.Get(l, "tls"), "mode") == "Terminate")));

    public static readonly CelRule R11 = new(
        "R11",
        "tls mode must be set for protocol TLS",
        c => Cel.All(c.Self, l => Cel.Str(l, "protocol") != "TLS"
            || (Cel.Has(l, "tls") && Cel.Has(Cel.Get(l, "tls"), "mode") && Cel.Str(Cel.Get(l, "tls"), "mode") != string.Empty)));

    public static readonly CelRule R12 = new(
        "R12",
        "hostname must not be specified for protocols ['TCP', 'UDP']",
        c => Cel.All(c.Self, l => Cel.Str(l, "protocol") is not ("TCP" or "UDP") || Cel.IsUnsetOrEmpty(l, "hostname")));

    public static readonly CelRule R13 = new(
        "R13",
        "Listener name must be unique within the Gateway",
        c => Cel.All(c.Self, l1 => Cel.ExistsOne(c.Self, l2 => Cel.Equal(Cel.Get(l1, "name"), Cel.Get(l2, "name")))));

    public static readonly CelRule R14 = new(
        "R14",
        "Combination of port, protocol and hostname must be unique for each listener",
        c => Cel.All(c.Self, l1 => Cel.ExistsOne(c.Self, l2 => SamePortProtocolHostname(l1, l2))));

    public static readonly CelRule R15 = new(
        "R15",
        "certificateRefs or options must be specified when mode is Terminate",
        c => Cel.Str(c.Self, "mode") != "Terminate"
            || Cel.Or(c.Self, static tls => Cel.Size(Cel.Get(tls, "certificateRefs")) > 0, static tls => Cel.Size(Cel.Get(tls, "options")) > 0));

    public static readonly CelRule R16 = new(
        "R16",
        "Port for TLS configuration must be unique within the Gateway",
        c => Cel.All(c.Self, t1 => Cel.ExistsOne(c.Self, t2 => Cel.Equal(Cel.Get(t1, "port"), Cel.Get(t2, "port")))));

    public static readonly CelRule R17 = new(
        "R17",
        @"Hostname value must only contain valid characters (matching ^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)",
        c => Cel.Str(c.Self, "type") != "Hostname" || WildcardHostname.IsMatch(Cel.Str(c.Self, "value")));

    public static readonly CelRule R18 = new(
        "R18",
        "Combination of port, protocol and hostname must be unique for each listener",
        c => Cel.All(c.Self, l1 => !Cel.Has(l1, "port")
            || Cel.ExistsOne(c.Self, l2 => Cel.Has(l2, "port") && SamePortProtocolHostname(l1, l2))));

    // a1.type == T && has(a1.value) ? self.exists_one(a2, a2.type == a1.type && has(a2.value) && a2.value == a1.value) : true
    private static bool AddressValuesUnique(JsonNode self, string type)
        => Cel.All(self, (self, type), static (a1, state) => !Cel.And((a1, state.type), static s => Cel.Str(s.a1, "type") == s.type, static s => Cel.Has(s.a1, "value"))
            || Cel.ExistsOne(state.self, a1, static (a2, a1) => Cel.Equal(Cel.Get(a2, "type"), Cel.Get(a1, "type")) && Cel.Has(a2, "value") && Cel.Equal(Cel.Get(a2, "value"), Cel.Get(a1, "value"))));

    // key.split("/")[0].size() < 253
    private static bool KeyPrefixShorterThan253(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash < 0 ? key : key[..slash];
        return Cel.Size(JsonValue.Create(prefix)) < 253;
    }

    // l1.port == l2.port && l1.protocol == l2.protocol && (both hostnames set ? equal : neither set)
    private static bool SamePortProtocolHostname(JsonNode l1, JsonNode l2)
        => Cel.Equal(Cel.Get(l1, "port"), Cel.Get(l2, "port"))
            && Cel.Equal(Cel.Get(l1, "protocol"), Cel.Get(l2, "protocol"))
            && (Cel.Has(l1, "hostname") && Cel.Has(l2, "hostname")
                ? Cel.Equal(Cel.Get(l1, "hostname"), Cel.Get(l2, "hostname"))
                : !Cel.Has(l1, "hostname") && !Cel.Has(l2, "hostname"));
}
