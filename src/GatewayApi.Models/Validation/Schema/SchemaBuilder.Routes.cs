using GatewayApi.Models.Validation.Rules;
using static GatewayApi.Models.Validation.Schema.SchemaDsl;

namespace GatewayApi.Models.Validation.Schema;

/// <summary>HTTPRoute, GRPCRoute, TLSRoute, TCPRoute and UDPRoute (resources digest §7–§11).</summary>
internal sealed partial class SchemaBuilder
{
    private const string PathPrefixSlash = """{"type":"PathPrefix","value":"/"}""";

    // HTTPRoute filters (resources digest §7, HTTPRouteFilter table).
    private ObjectSchema HttpPathModifier => field ??= Object(
        Optional("replaceFullPath", String(maxLength: 1024)),
        Optional("replacePrefixMatch", String(maxLength: 1024)),
        Required("type", Enum("ReplaceFullPath", "ReplacePrefixMatch")))
        .Rules(CelRules.R53, CelRules.R54, CelRules.R55, CelRules.R56);

    private ObjectSchema HttpCorsFilter => field ??= Object(
        Optional("allowCredentials", Boolean()),
        Optional("allowHeaders", Set(HeaderName, 64).Rules(CelRules.R48)),
        Optional("allowMethods", Set(Enum("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "*"), 9).Rules(CelRules.R49)),
        Optional("allowOrigins", Set(CorsOrigin, 64).Rules(CelRules.R50)),
        Optional("exposeHeaders", Set(HeaderName, 64)),
        Optional("maxAge", Int32(1).Default("5")));

    private ObjectSchema HttpExternalAuthFilter => field ??= Object(
        Required("backendRef", BackendObjectReference),
        Optional("forwardBody", Object(Optional("maxSize", Integer()))),
        Optional("grpc", Object(Optional("allowedHeaders", Set(String(), 64)))),
        Optional("http", Object(
            Optional("allowedHeaders", Set(String(), 64)),
            Optional("allowedResponseHeaders", Set(String(), 64)),
            Optional("path", String(maxLength: 1024, pattern: Patterns.PathValue)))),
        Required("protocol", Enum("HTTP", "GRPC")))
        .Rules(CelRules.R74, CelRules.R75, CelRules.R76, CelRules.R77);

    private ObjectSchema HttpRouteFilter => field ??= Object(
        Optional("cors", HttpCorsFilter),
        Optional("extensionRef", ExtensionRef),
        Optional("externalAuth", HttpExternalAuthFilter).Experimental(),
        Optional("requestHeaderModifier", HttpHeaderFilter),
        Optional("requestMirror", RequestMirrorFilter),
        Optional("requestRedirect", Object(
            Optional("hostname", PreciseHostname),
            Optional("path", HttpPathModifier),
            Optional("port", PortNumber),
            Optional("scheme", Enum("http", "https")),
            Optional("statusCode", new IntegerSchema { Enum = [301L, 302L, 303L, 307L, 308L] }.Default("302")))),
        Optional("responseHeaderModifier", HttpHeaderFilter),
        Required("type", IsExperimental
            ? Enum("RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "RequestRedirect", "URLRewrite", "ExtensionRef", "CORS", "ExternalAuth")
            : Enum("RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "RequestRedirect", "URLRewrite", "ExtensionRef", "CORS")),
        Optional("urlRewrite", Object(
            Optional("hostname", PreciseHostname),
            Optional("path", HttpPathModifier))))
        .Rules(
        [
            CelRules.R34, CelRules.R35, CelRules.R36, CelRules.R37, CelRules.R38, CelRules.R39, CelRules.R40,
            CelRules.R41, CelRules.R42, CelRules.R43, CelRules.R44, CelRules.R45, CelRules.R46, CelRules.R47,
            .. IsExperimental ? [CelRules.R72, CelRules.R73] : Array.Empty<CelRule>(),
        ]);

    private ArraySchema HttpRouteFilters => field ??= List(HttpRouteFilter, 16)
        .Rules(CelRules.R28, CelRules.R29, CelRules.R30, CelRules.R31, CelRules.R32, CelRules.R33);

    // HTTPRoute rules and matches.
    private ObjectSchema HttpRouteMatch => field ??= Object(
        Optional("headers", MapList(
            Object(
                Required("name", HeaderName),
                Optional("type", MatchType),
                Required("value", HeaderValue)),
            ["name"],
            16)),
        Optional("method", Enum("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH")),
        Optional("path", Object(
            Optional("type", Enum("Exact", "PathPrefix", "RegularExpression").DefaultString("PathPrefix")),
            Optional("value", String(maxLength: 1024).DefaultString("/")))
            .Default(PathPrefixSlash)
            .Rules(
                CelRules.R57, CelRules.R58, CelRules.R59, CelRules.R60, CelRules.R61, CelRules.R62,
                CelRules.R63, CelRules.R64, CelRules.R65, CelRules.R66, CelRules.R67)),
        Optional("queryParams", MapList(
            Object(
                Required("name", HeaderName),
                Optional("type", MatchType),
                Required("value", String(1, 1024))),
            ["name"],
            16)));

    private ObjectSchema HttpRouteRule => field ??= Object(
        Optional("backendRefs", List(
            Object([.. BackendObjectReferenceFields, Optional("filters", HttpRouteFilters), Weight]).Rules(CelRules.R27),
            16)),
        Optional("filters", HttpRouteFilters),
        Optional("matches", List(HttpRouteMatch, 64).Default("[" + PathPrefixMatch + "]")),
        Optional("name", SectionName),
        Optional("retry", Object(
            Optional("attempts", Integer(1)),
            Optional("backoff", Duration),
            Optional("codes", Set(Integer(400, 599))))).Experimental(),
        Optional("sessionPersistence", SessionPersistence).Experimental(),
        Optional("timeouts", Object(
            Optional("backendRequest", Duration),
            Optional("request", Duration)).Rules(CelRules.R68)))
        .Rules(CelRules.R22, CelRules.R23, CelRules.R24, CelRules.R25, CelRules.R26);

    private const string PathPrefixMatch = """{"path":""" + PathPrefixSlash + "}";

    private ObjectSchema HttpRouteSpec => field ??= Object(
        Optional("hostnames", RouteHostnames),
        Optional("parentRefs", ParentRefs),
        Optional("rules", List(HttpRouteRule, 16, 1)
            .Default("[{\"matches\":[" + PathPrefixMatch + "]}]")
            .Rules(IsExperimental ? [CelRules.R21, CelRules.R71] : [CelRules.R21])),
        UseDefaultGateways);

    // GRPCRoute (resources digest §8).
    private ObjectSchema GrpcRouteFilter => field ??= Object(
        Optional("extensionRef", ExtensionRef),
        Optional("requestHeaderModifier", HttpHeaderFilter),
        Optional("requestMirror", RequestMirrorFilter),
        Optional("responseHeaderModifier", HttpHeaderFilter),
        Required("type", Enum("ResponseHeaderModifier", "RequestHeaderModifier", "RequestMirror", "ExtensionRef")))
        .Rules(CelRules.R36, CelRules.R37, CelRules.R38, CelRules.R39, CelRules.R40, CelRules.R41, CelRules.R46, CelRules.R47);

    private ArraySchema GrpcRouteFilters => field ??= List(GrpcRouteFilter, 16).Rules(CelRules.R30, CelRules.R31);

    private ObjectSchema GrpcRouteRule => field ??= Object(
        Optional("backendRefs", List(
            Object([.. BackendObjectReferenceFields, Optional("filters", GrpcRouteFilters), Weight]).Rules(CelRules.R27),
            16)),
        Optional("filters", GrpcRouteFilters),
        Optional("matches", List(
            Object(
                Optional("headers", MapList(
                    Object(
                        Required("name", HeaderName),
                        Optional("type", MatchType),
                        Required("value", String(1, 4096))),
                    ["name"],
                    16)),
                Optional("method", Object(
                    Optional("method", String(maxLength: 1024)),
                    Optional("service", String(maxLength: 1024)),
                    Optional("type", MatchType))
                    .Rules(CelRules.R81, CelRules.R82, CelRules.R83))),
            64)),
        Optional("name", SectionName),
        Optional("sessionPersistence", SessionPersistence).Experimental());

    private ObjectSchema GrpcRouteSpec => field ??= Object(
        Optional("hostnames", RouteHostnames),
        Optional("parentRefs", ParentRefs),
        Optional("rules", List(GrpcRouteRule, 16).Rules(IsExperimental ? [CelRules.R80, CelRules.R71] : [CelRules.R80])),
        UseDefaultGateways);

    // TLSRoute, TCPRoute, UDPRoute (resources digest §9–§11): v1 allows one rule, v1alpha2 up to 16.
    private ObjectSchema L4RouteRule => field ??= Object(
        Required("backendRefs", List(BackendRef, 16, 1)),
        Optional("name", SectionName));

    private ArraySchema L4RouteRules(bool v1Alpha2)
        => v1Alpha2
            ? List(L4RouteRule, 16, 1).Rules(IsExperimental ? [CelRules.R71] : [])
            : List(L4RouteRule, 1, 1);

    private ObjectSchema TlsRouteSpec(bool v1Alpha2) => Object(
        v1Alpha2
            ? Optional("hostnames", List(Hostname, 1024))
            : Required("hostnames", List(Hostname, 1024, 1).Rules(CelRules.R84, CelRules.R85, CelRules.R86)),
        Optional("parentRefs", ParentRefs),
        Required("rules", L4RouteRules(v1Alpha2)),
        UseDefaultGateways);

    private ObjectSchema L4RouteSpec(bool v1Alpha2) => Object(
        Optional("parentRefs", ParentRefs),
        Required("rules", L4RouteRules(v1Alpha2)),
        UseDefaultGateways);
}
