using FsCheck;
using FsCheck.Fluent;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>Generators of GRPCRoute: rules, method and header matches, filters, backends.</summary>
/// <remarks>Declared in dependency order (parts first, the kind last): static initializers run top to bottom.</remarks>
internal static class GrpcRouteGenerators
{
    public static Gen<GrpcMethodMatch> GrpcMethodMatch { get; } = (
        from type in Any.MaybeEnum<GrpcMethodMatchType>()
        from service in Any.MaybeText
        from method in Any.MaybeText
        select new GrpcMethodMatch { Type = type, Service = service, Method = method })
        .WithUnknownFields();

    public static Gen<GrpcHeaderMatch> GrpcHeaderMatch { get; } = (
        from type in Any.MaybeEnum<GrpcHeaderMatchType>()
        from name in Any.MaybeText
        from value in Any.MaybeText
        select new GrpcHeaderMatch { Type = type, Name = name, Value = value })
        .WithUnknownFields();

    public static Gen<GrpcRouteMatch> GrpcRouteMatch { get; } = (
        from method in Any.Maybe(GrpcMethodMatch)
        from headers in Any.MaybeList(GrpcHeaderMatch)
        select new GrpcRouteMatch { Method = method, Headers = headers })
        .WithUnknownFields();

    /// <summary>A filter whose type names its one settings field, or an unknown type with none.</summary>
    public static Gen<GrpcRouteFilter> ConsistentGrpcRouteFilter { get; } = Gen.OneOf(
        HttpRouteGenerators.HttpHeaderFilter.Select(settings => new GrpcRouteFilter { Type = GrpcRouteFilterType.RequestHeaderModifier, RequestHeaderModifier = settings }),
        HttpRouteGenerators.HttpHeaderFilter.Select(settings => new GrpcRouteFilter { Type = GrpcRouteFilterType.ResponseHeaderModifier, ResponseHeaderModifier = settings }),
        HttpRouteGenerators.HttpRequestMirrorFilter.Select(settings => new GrpcRouteFilter { Type = GrpcRouteFilterType.RequestMirror, RequestMirror = settings }),
        SharedGenerators.LocalObjectReference.Select(settings => new GrpcRouteFilter { Type = GrpcRouteFilterType.ExtensionRef, ExtensionRef = settings }),
        Gen.Elements("FutureFilter", "example.com/Custom").Select(type => new GrpcRouteFilter { Type = GrpcRouteFilterType.Create(type) }));

    /// <summary>Any combination of type and settings fields: a reader must keep whatever it was given.</summary>
    public static Gen<GrpcRouteFilter> AnyCombinationGrpcRouteFilter { get; } =
        from type in Any.MaybeEnum<GrpcRouteFilterType>()
        from requestHeaderModifier in Any.Maybe(HttpRouteGenerators.HttpHeaderFilter)
        from responseHeaderModifier in Any.Maybe(HttpRouteGenerators.HttpHeaderFilter)
        from requestMirror in Any.Maybe(HttpRouteGenerators.HttpRequestMirrorFilter)
        from extensionRef in Any.Maybe(SharedGenerators.LocalObjectReference)
        select new GrpcRouteFilter
        {
            Type = type,
            RequestHeaderModifier = requestHeaderModifier,
            ResponseHeaderModifier = responseHeaderModifier,
            RequestMirror = requestMirror,
            ExtensionRef = extensionRef,
        };

    public static Gen<GrpcRouteFilter> GrpcRouteFilter { get; } =
        Gen.Frequency((3, ConsistentGrpcRouteFilter), (1, AnyCombinationGrpcRouteFilter)).WithUnknownFields();

    public static Gen<GrpcBackendRef> GrpcBackendRef { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        from @namespace in Any.MaybeText
        from port in Any.MaybeInt
        from weight in Any.MaybeInt
        from filters in Any.MaybeList(GrpcRouteFilter)
        select new GrpcBackendRef { Group = @group, Kind = kind, Name = name, Namespace = @namespace, Port = port, Weight = weight, Filters = filters })
        .WithUnknownFields();

    public static Gen<GrpcRouteRule> GrpcRouteRule { get; } = (
        from name in Any.MaybeText
        from matches in Any.MaybeList(GrpcRouteMatch)
        from filters in Any.MaybeList(GrpcRouteFilter)
        from backendRefs in Any.MaybeList(GrpcBackendRef)
        from sessionPersistence in Any.Maybe(SharedGenerators.SessionPersistence)
        select new GrpcRouteRule { Name = name, Matches = matches, Filters = filters, BackendRefs = backendRefs, SessionPersistence = sessionPersistence })
        .WithUnknownFields();

    public static Gen<GrpcRouteSpec> GrpcRouteSpec { get; } = (
        from parentRefs in Any.MaybeList(SharedGenerators.ParentReference)
        from useDefaultGateways in Any.MaybeEnum<GatewayDefaultScope>()
        from hostnames in Any.MaybeTexts
        from rules in Any.MaybeList(GrpcRouteRule)
        select new GrpcRouteSpec { ParentRefs = parentRefs, UseDefaultGateways = useDefaultGateways, Hostnames = hostnames, Rules = rules })
        .WithUnknownFields();

    public static Gen<GrpcRoute> GrpcRoute { get; } =
        from apiVersion in Any.ApiVersion<GrpcRoute>()
        from metadata in Any.Metadata
        from spec in GrpcRouteSpec
        from status in Any.Maybe(SharedGenerators.RouteStatus)
        from unknown in Any.TopLevelUnknownFields
        select new GrpcRoute { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };
}
