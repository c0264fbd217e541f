using System.Text.Json.Nodes;
using GatewayApi.Models.Validation.Schema;

namespace GatewayApi.Models.Validation.Rules;

/// <summary>Session persistence, GRPCRoute, TLSRoute, BackendTLSPolicy and experimental-kind rules (digest §4.8–§4.13).</summary>
internal static partial class CelRules
{
    private static readonly SchemaPattern GrpcService = SchemaPattern.Of(@"^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$");
    private static readonly SchemaPattern GrpcMethod = SchemaPattern.Of("^[A-Za-z_][A-Za-z_0-9]*$");
    private static readonly SchemaPattern Rfc1123Subdomain = SchemaPattern.Of(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$");
    private static readonly SchemaPattern Dns1123Label = SchemaPattern.Of("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

    public static readonly CelRule R78 = new(
        "R78",
        "AbsoluteTimeout must be specified when cookie lifetimeType is Permanent",
        c => !Cel.Has(c.Self, "cookieConfig")
            || !Cel.Has(Cel.Get(c.Self, "cookieConfig"), "lifetimeType")
            || Cel.Str(Cel.Get(c.Self, "cookieConfig"), "lifetimeType") != "Permanent"
            || Cel.Has(c.Self, "absoluteTimeout"));

    public static readonly CelRule R79 = new(
        "R79",
        "cookieConfig can only be set with type Cookie",
        c => !Cel.Has(c.Self, "cookieConfig") || Cel.Str(c.Self, "type") == "Cookie");

    public static readonly CelRule R80 = new(
        "R80",
        "While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128",
        c => TotalMatches(c.Self, guardWithHas: true) <= 128);

    public static readonly CelRule R81 = new(
        "R81",
        "One or both of 'service' or 'method' must be specified",
        c => !Cel.Has(c.Self, "type") || Cel.Has(c.Self, "service") || Cel.Has(c.Self, "method"));

    public static readonly CelRule R82 = new(
        "R82",
        @"service must only contain valid characters (matching ^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$)",
        c => !(IsExactOrUntyped(c.Self) && Cel.Has(c.Self, "service")) || GrpcService.IsMatch(Cel.Str(c.Self, "service")));

    public static readonly CelRule R83 = new(
        "R83",
        "method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)",
        c => !(IsExactOrUntyped(c.Self) && Cel.Has(c.Self, "method")) || GrpcMethod.IsMatch(Cel.Str(c.Self, "method")));

    public static readonly CelRule R84 = new(
        "R84",
        "Hostnames cannot contain an IP",
        c => Cel.All(c.Self, h => !GoNet.IsCelIP(Cel.AsString(h))));

    public static readonly CelRule R85 = new(
        "R85",
        "Hostnames must be valid based on RFC-1123",
        c => Cel.All(c.Self, h => Cel.AsString(h).Contains('*', StringComparison.Ordinal) || Rfc1123Subdomain.IsMatch(Cel.AsString(h))));

    public static readonly CelRule R86 = new(
        "R86",
        "Wildcards on hostnames must be the first label, and the rest of hostname must be valid based on RFC-1123",
        c => Cel.All(c.Self, h =>
        {
            var hostname = Cel.AsString(h);
            return !hostname.Contains('*', StringComparison.Ordinal)
                || (hostname.StartsWith("*.", StringComparison.Ordinal) && Rfc1123Subdomain.IsMatch(hostname[2..]));
        }));

    public static readonly CelRule R87 = new(
        "R87",
        "sectionName must be specified when targetRefs includes 2 or more references to the same target",
        c => Cel.All(c.Self, p1 => Cel.All(c.Self, p2 => !SameTarget(p1, p2)
            || Cel.IsUnsetOrEmpty(p1, "sectionName") == Cel.IsUnsetOrEmpty(p2, "sectionName"))));

    public static readonly CelRule R88 = new(
        "R88",
        "sectionName must be unique when targetRefs includes 2 or more references to the same target",
        c => Cel.All(c.Self, p1 => Cel.ExistsOne(c.Self, p2 => SameTarget(p1, p2) && SameOptionalString(p1, p2, "sectionName"))));

    public static readonly CelRule R89 = new(
        "R89",
        "must not contain both CACertificateRefs and WellKnownCACertificates",
        c => !(HasCaCertificateRefs(c.Self) && HasWellKnownCaCertificates(c.Self)));

    public static readonly CelRule R90 = new(
        "R90",
        "must specify either CACertificateRefs or WellKnownCACertificates",
        c => HasCaCertificateRefs(c.Self) || HasWellKnownCaCertificates(c.Self));

    public static readonly CelRule R91 = new(
        "R91",
        "SubjectAltName element must contain Hostname, if Type is set to Hostname",
        c => !(Cel.Str(c.Self, "type") == "Hostname" && Cel.IsUnsetOrEmpty(c.Self, "hostname")));

    public static readonly CelRule R92 = new(
        "R92",
        "SubjectAltName element must not contain Hostname, if Type is not set to Hostname",
        c => !(Cel.Str(c.Self, "type") != "Hostname" && !Cel.IsUnsetOrEmpty(c.Self, "hostname")));

    public static readonly CelRule R93 = new(
        "R93",
        "SubjectAltName element must contain URI, if Type is set to URI",
        c => !(Cel.Str(c.Self, "type") == "URI" && Cel.IsUnsetOrEmpty(c.Self, "uri")));

    public static readonly CelRule R94 = new(
        "R94",
        "SubjectAltName element must not contain URI, if Type is not set to URI",
        c => !(Cel.Str(c.Self, "type") != "URI" && !Cel.IsUnsetOrEmpty(c.Self, "uri")));

    public static readonly CelRule R95 = new(
        "R95",
        "interval cannot be greater than one hour or less than one second",
        c =>
        {
            var interval = GoDuration.Parse(Cel.AsString(c.Self));
            return !(interval < GoDuration.Seconds(1) || interval > GoDuration.Seconds(3600));
        });

    public static readonly CelRule R96 = new(
        "R96",
        "interval cannot be greater than one hour",
        c =>
        {
            var interval = GoDuration.Parse(Cel.AsString(c.Self));
            return !(interval == 0 || interval > GoDuration.Seconds(3600));
        });

    public static readonly CelRule R97 = new(
        "R97",
        "externalHostname must be set when type is ExternalHostname and must be unset otherwise",
        c => Cel.Str(c.Self, "type") == "ExternalHostname" ? Cel.Has(c.Self, "externalHostname") : !Cel.Has(c.Self, "externalHostname"));

    public static readonly CelRule R98 = new(
        "R98",
        "hostname must not be an IP address or end with .cluster.local",
        c => !Cel.AsString(c.Self).EndsWith(".cluster.local", StringComparison.Ordinal));

    /// <summary><c>size(self) == 0 || format.dns1123Label().validate(self) == null</c> (at most 63 characters, RFC 1123 label).</summary>
    public static readonly CelRule R99 = new(
        "R99",
        "Name must be a valid DNS label",
        c =>
        {
            var name = Cel.AsString(c.Self);
            return name.Length == 0 || (name.Length <= 63 && Dns1123Label.IsMatch(name));
        });

    public static readonly CelRule R100 = new(
        "R100",
        "clientCertificateRef must be set if and only if mode is ClientAndServer",
        c => Cel.Str(c.Self, "mode") == "ClientAndServer" ? Cel.Has(c.Self, "clientCertificateRef") : !Cel.Has(c.Self, "clientCertificateRef"));

    // (!has(self.type) || self.type == 'Exact')
    private static bool IsExactOrUntyped(JsonNode method) => !Cel.Has(method, "type") || Cel.Str(method, "type") == "Exact";

    // p1.group == p2.group && p1.kind == p2.kind && p1.name == p2.name
    private static bool SameTarget(JsonNode p1, JsonNode p2)
        => Cel.Equal(Cel.Get(p1, "group"), Cel.Get(p2, "group"))
            && Cel.Equal(Cel.Get(p1, "kind"), Cel.Get(p2, "kind"))
            && Cel.Equal(Cel.Get(p1, "name"), Cel.Get(p2, "name"));

    private static bool HasCaCertificateRefs(JsonNode validation)
        => Cel.Has(validation, "caCertificateRefs") && Cel.Size(Cel.Get(validation, "caCertificateRefs")) > 0;

    private static bool HasWellKnownCaCertificates(JsonNode validation)
        => Cel.Has(validation, "wellKnownCACertificates") && Cel.Str(validation, "wellKnownCACertificates") != string.Empty;

    /// <summary>Every rule of the catalogue, R1 to R100.</summary>
    public static IReadOnlyList<CelRule> All =>
    [
        R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14, R15, R16, R17, R18, R19, R20,
        R21, R22, R23, R24, R25, R26, R27, R28, R29, R30, R31, R32, R33, R34, R35, R36, R37, R38, R39, R40,
        R41, R42, R43, R44, R45, R46, R47, R48, R49, R50, R51, R52, R53, R54, R55, R56, R57, R58, R59, R60,
        R61, R62, R63, R64, R65, R66, R67, R68, R69, R70, R71, R72, R73, R74, R75, R76, R77, R78, R79, R80,
        R81, R82, R83, R84, R85, R86, R87, R88, R89, R90, R91, R92, R93, R94, R95, R96, R97, R98, R99, R100,
    ];
}
