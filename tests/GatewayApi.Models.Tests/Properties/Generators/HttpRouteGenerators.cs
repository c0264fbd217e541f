using FsCheck;
using FsCheck.Fluent;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>Generators of HTTPRoute: rules, matches, every filter, backends, timeouts, retries.</summary>
/// <remarks>Declared in dependency order (parts first, the kind last): static initializers run top to bottom.</remarks>
internal static class HttpRouteGenerators
{
    public static Gen<HttpHeader> HttpHeader { get; } = (
        from name in Any.MaybeText
        from value in Any.MaybeText
        select new HttpHeader { Name = name, Value = value })
        .WithUnknownFields();

    /// <summary>Header changes; HTTPRoute and GRPCRoute filters share the shape.</summary>
    public static Gen<HttpHeaderFilter> HttpHeaderFilter { get; } = (
        from set in Any.MaybeList(HttpHeader)
        from add in Any.MaybeList(HttpHeader)
        from remove in Any.MaybeTexts
        select new HttpHeaderFilter { Set = set, Add = add, Remove = remove })
        .WithUnknownFields();

    /// <summary>Request mirroring; HTTPRoute and GRPCRoute filters share the shape.</summary>
    public static Gen<HttpRequestMirrorFilter> HttpRequestMirrorFilter { get; } = (
        from backendRef in Any.Maybe(SharedGenerators.BackendObjectReference)
        from percent in Any.MaybeInt
        from fraction in Any.Maybe(SharedGenerators.Fraction)
        select new HttpRequestMirrorFilter { BackendRef = backendRef, Percent = percent, Fraction = fraction })
        .WithUnknownFields();

    public static Gen<HttpPathModifier> HttpPathModifier { get; } = (
        from type in Any.MaybeEnum<HttpPathModifierType>()
        from replaceFullPath in Any.MaybeText
        from replacePrefixMatch in Any.MaybeText
        select new HttpPathModifier { Type = type, ReplaceFullPath = replaceFullPath, ReplacePrefixMatch = replacePrefixMatch })
        .WithUnknownFields();

    /// <summary>Mostly the codes the API allows, sometimes any integer.</summary>
    public static Gen<int?> RedirectStatusCode { get; } =
        Any.MaybeValue(Gen.Frequency((3, Gen.Elements(301, 302, 303, 307, 308)), (1, Any.Int)));

    public static Gen<HttpRequestRedirectFilter> HttpRequestRedirectFilter { get; } = (
        from scheme in Any.MaybeEnum<HttpRedirectScheme>()
        from hostname in Any.MaybeText
        from path in Any.Maybe(HttpPathModifier)
        from port in Any.MaybeInt
        from statusCode in RedirectStatusCode
        select new HttpRequestRedirectFilter { Scheme = scheme, Hostname = hostname, Path = path, Port = port, StatusCode = statusCode })
        .WithUnknownFields();

    public static Gen<HttpUrlRewriteFilter> HttpUrlRewriteFilter { get; } = (
        from hostname in Any.MaybeText
        from path in Any.Maybe(HttpPathModifier)
        select new HttpUrlRewriteFilter { Hostname = hostname, Path = path })
        .WithUnknownFields();

    public static Gen<IList<HttpMethodWithWildcard>?> CorsMethods { get; } = Any.MaybeList(Any.OpenEnum<HttpMethodWithWildcard>());

    public static Gen<HttpCorsFilter> HttpCorsFilter { get; } = (
        from allowOrigins in Any.MaybeTexts
        from allowCredentials in Any.MaybeValue(Any.Bool)
        from allowMethods in CorsMethods
        from allowHeaders in Any.MaybeTexts
        from exposeHeaders in Any.MaybeTexts
        from maxAge in Any.MaybeInt
        select new HttpCorsFilter
        {
            AllowOrigins = allowOrigins,
            AllowCredentials = allowCredentials,
            AllowMethods = allowMethods,
            AllowHeaders = allowHeaders,
            ExposeHeaders = exposeHeaders,
            MaxAge = maxAge,
        })
        .WithUnknownFields();

    public static Gen<GrpcAuthConfig> GrpcAuthConfig { get; } =
        Any.MaybeTexts.Select(allowedHeaders => new GrpcAuthConfig { AllowedHeaders = allowedHeaders }).WithUnknownFields();

    public static Gen<HttpAuthConfig> HttpAuthConfig { get; } = (
        from path in Any.MaybeText
        from allowedHeaders in Any.MaybeTexts
        from allowedResponseHeaders in Any.MaybeTexts
        select new HttpAuthConfig { Path = path, AllowedHeaders = allowedHeaders, AllowedResponseHeaders = allowedResponseHeaders })
        .WithUnknownFields();

    public static Gen<ForwardBodyConfig> ForwardBodyConfig { get; } =
        Any.MaybeInt.Select(maxSize => new ForwardBodyConfig { MaxSize = maxSize }).WithUnknownFields();

    public static Gen<HttpExternalAuthFilter> HttpExternalAuthFilter { get; } = (
        from protocol in Any.MaybeEnum<HttpRouteExternalAuthProtocol>()
        from backendRef in Any.Maybe(SharedGenerators.BackendObjectReference)
        from grpc in Any.Maybe(GrpcAuthConfig)
        from http in Any.Maybe(HttpAuthConfig)
        from forwardBody in Any.Maybe(ForwardBodyConfig)
        select new HttpExternalAuthFilter { Protocol = protocol, BackendRef = backendRef, Grpc = grpc, Http = http, ForwardBody = forwardBody })
        .WithUnknownFields();

    /// <summary>A filter whose type names its one settings field, or an unknown type with none.</summary>
    public static Gen<HttpRouteFilter> ConsistentHttpRouteFilter { get; } = Gen.OneOf(
        HttpHeaderFilter.Select(settings => new HttpRouteFilter { Type = HttpRouteFilterType.RequestHeaderModifier, RequestHeaderModifier = settings }),
        HttpHeaderFilter.Select(settings => new HttpRouteFilter { Type = HttpRouteFilterType.ResponseHeaderModifier, ResponseHeaderModifier = settings }),
        HttpRequestMirrorFilter.Select(settings => new HttpRouteFilter { Type = HttpRouteFilterType.RequestMirror, RequestMirror = settings }),
        HttpRequestRedirectFilter.Select(settings => new HttpRouteFilter { Type = HttpRouteFilterType.RequestRedirect, RequestRedirect = settings }),
        HttpUrlRewriteFilter.Select(settings => new HttpRouteFilter { Type = HttpRouteFilterType.UrlRewrite, UrlRewrite = settings }),
        HttpCorsFilter.Select(settings => new HttpRouteFilter { Type = HttpRouteFilterType.Cors, Cors = settings }),
        HttpExternalAuthFilter.Select(settings => new HttpRouteFilter { Type = HttpRouteFilterType.ExternalAuth, ExternalAuth = settings }),
        SharedGenerators.LocalObjectReference.Select(settings => new HttpRouteFilter { Type = HttpRouteFilterType.ExtensionRef, ExtensionRef = settings }),
        Gen.Elements("FutureFilter", "example.com/Custom").Select(type => new HttpRouteFilter { Type = HttpRouteFilterType.Create(type) }));

    /// <summary>Any combination of type and settings fields: a reader must keep whatever it was given.</summary>
    public static Gen<HttpRouteFilter> AnyCombinationHttpRouteFilter { get; } =
        from type in Any.MaybeEnum<HttpRouteFilterType>()
        from requestHeaderModifier in Any.Maybe(HttpHeaderFilter)
        from responseHeaderModifier in Any.Maybe(HttpHeaderFilter)
        from requestMirror in Any.Maybe(HttpRequestMirrorFilter)
        from requestRedirect in Any.Maybe(HttpRequestRedirectFilter)
        from urlRewrite in Any.Maybe(HttpUrlRewriteFilter)
        from cors in Any.Maybe(HttpCorsFilter)
        from externalAuth in Any.Maybe(HttpExternalAuthFilter)
        from extensionRef in Any.Maybe(SharedGenerators.LocalObjectReference)
        select new HttpRouteFilter
        {
            Type = type,
            RequestHeaderModifier = requestHeaderModifier,
            ResponseHeaderModifier = responseHeaderModifier,
            RequestMirror = requestMirror,
            RequestRedirect = requestRedirect,
            UrlRewrite = urlRewrite,
            Cors = cors,
            ExternalAuth = externalAuth,
            ExtensionRef = extensionRef,
        };

    public static Gen<HttpRouteFilter> HttpRouteFilter { get; } =
        Gen.Frequency((3, ConsistentHttpRouteFilter), (1, AnyCombinationHttpRouteFilter)).WithUnknownFields();

    public static Gen<HttpPathMatch> HttpPathMatch { get; } = (
        from type in Any.MaybeEnum<PathMatchType>()
        from value in Any.MaybeText
        select new HttpPathMatch { Type = type, Value = value })
        .WithUnknownFields();

    public static Gen<HttpHeaderMatch> HttpHeaderMatch { get; } = (
        from type in Any.MaybeEnum<HeaderMatchType>()
        from name in Any.MaybeText
        from value in Any.MaybeText
        select new HttpHeaderMatch { Type = type, Name = name, Value = value })
        .WithUnknownFields();

    public static Gen<HttpQueryParamMatch> HttpQueryParamMatch { get; } = (
        from type in Any.MaybeEnum<QueryParamMatchType>()
        from name in Any.MaybeText
        from value in Any.MaybeText
        select new HttpQueryParamMatch { Type = type, Name = name, Value = value })
        .WithUnknownFields();

    public static Gen<HttpRouteMatch> HttpRouteMatch { get; } = (
        from path in Any.Maybe(HttpPathMatch)
        from headers in Any.MaybeList(HttpHeaderMatch)
        from queryParams in Any.MaybeList(HttpQueryParamMatch)
        from method in Any.MaybeEnum<HttpRequestMethod>()
        select new HttpRouteMatch { Path = path, Headers = headers, QueryParams = queryParams, Method = method })
        .WithUnknownFields();

    public static Gen<HttpBackendRef> HttpBackendRef { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        from @namespace in Any.MaybeText
        from port in Any.MaybeInt
        from weight in Any.MaybeInt
        from filters in Any.MaybeList(HttpRouteFilter)
        select new HttpBackendRef { Group = @group, Kind = kind, Name = name, Namespace = @namespace, Port = port, Weight = weight, Filters = filters })
        .WithUnknownFields();

    public static Gen<HttpRouteTimeouts> HttpRouteTimeouts { get; } = (
        from request in Any.MaybeDuration
        from backendRequest in Any.MaybeDuration
        select new HttpRouteTimeouts { Request = request, BackendRequest = backendRequest })
        .WithUnknownFields();

    /// <summary>Mostly HTTP error codes, sometimes any integer.</summary>
    public static Gen<IList<int>?> RetryCodes { get; } = Any.MaybeList(Gen.Frequency((3, Gen.Choose(400, 599)), (1, Any.Int)));

    public static Gen<HttpRouteRetry> HttpRouteRetry { get; } = (
        from codes in RetryCodes
        from attempts in Any.MaybeInt
        from backoff in Any.MaybeDuration
        select new HttpRouteRetry { Codes = codes, Attempts = attempts, Backoff = backoff })
        .WithUnknownFields();

    public static Gen<HttpRouteRule> HttpRouteRule { get; } = (
        from name in Any.MaybeText
        from matches in Any.MaybeList(HttpRouteMatch)
        from filters in Any.MaybeList(HttpRouteFilter)
        from backendRefs in Any.MaybeList(HttpBackendRef)
        from timeouts in Any.Maybe(HttpRouteTimeouts)
        from retry in Any.Maybe(HttpRouteRetry)
        from sessionPersistence in Any.Maybe(SharedGenerators.SessionPersistence)
        select new HttpRouteRule
        {
            Name = name,
            Matches = matches,
            Filters = filters,
            BackendRefs = backendRefs,
            Timeouts = timeouts,
            Retry = retry,
            SessionPersistence = sessionPersistence,
        })
        .WithUnknownFields();

    public static Gen<HttpRouteSpec> HttpRouteSpec { get; } = (
        from parentRefs in Any.MaybeList(SharedGenerators.ParentReference)
        from useDefaultGateways in Any.MaybeEnum<GatewayDefaultScope>()
        from hostnames in Any.MaybeTexts
        from rules in Any.MaybeList(HttpRouteRule)
        select new HttpRouteSpec { ParentRefs = parentRefs, UseDefaultGateways = useDefaultGateways, Hostnames = hostnames, Rules = rules })
        .WithUnknownFields();

    public static Gen<HttpRoute> HttpRoute { get; } =
        from apiVersion in Any.ApiVersion<HttpRoute>()
        from metadata in Any.Metadata
        from spec in HttpRouteSpec
        from status in Any.Maybe(SharedGenerators.RouteStatus)
        from unknown in Any.TopLevelUnknownFields
        select new HttpRoute { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };
}
