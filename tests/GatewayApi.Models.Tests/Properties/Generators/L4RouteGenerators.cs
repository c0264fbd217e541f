using FsCheck;
using FsCheck.Fluent;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>Generators of the layer-4 routes: TLSRoute, TCPRoute and UDPRoute.</summary>
/// <remarks>Declared in dependency order (specs first, kinds last): static initializers run top to bottom.</remarks>
internal static class L4RouteGenerators
{
    public static Gen<TlsRouteSpec> TlsRouteSpec { get; } = (
        from parentRefs in Any.MaybeList(SharedGenerators.ParentReference)
        from useDefaultGateways in Any.MaybeEnum<GatewayDefaultScope>()
        from hostnames in Any.MaybeTexts
        from rules in Any.MaybeList(SharedGenerators.L4RouteRule)
        select new TlsRouteSpec { ParentRefs = parentRefs, UseDefaultGateways = useDefaultGateways, Hostnames = hostnames, Rules = rules })
        .WithUnknownFields();

    public static Gen<TcpRouteSpec> TcpRouteSpec { get; } = (
        from parentRefs in Any.MaybeList(SharedGenerators.ParentReference)
        from useDefaultGateways in Any.MaybeEnum<GatewayDefaultScope>()
        from rules in Any.MaybeList(SharedGenerators.L4RouteRule)
        select new TcpRouteSpec { ParentRefs = parentRefs, UseDefaultGateways = useDefaultGateways, Rules = rules })
        .WithUnknownFields();

    public static Gen<UdpRouteSpec> UdpRouteSpec { get; } = (
        from parentRefs in Any.MaybeList(SharedGenerators.ParentReference)
        from useDefaultGateways in Any.MaybeEnum<GatewayDefaultScope>()
        from rules in Any.MaybeList(SharedGenerators.L4RouteRule)
        select new UdpRouteSpec { ParentRefs = parentRefs, UseDefaultGateways = useDefaultGateways, Rules = rules })
        .WithUnknownFields();

    public static Gen<TlsRoute> TlsRoute { get; } =
        from apiVersion in Any.ApiVersion<TlsRoute>()
        from metadata in Any.Metadata
        from spec in TlsRouteSpec
        from status in Any.Maybe(SharedGenerators.RouteStatus)
        from unknown in Any.TopLevelUnknownFields
        select new TlsRoute { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };

    public static Gen<TcpRoute> TcpRoute { get; } =
        from apiVersion in Any.ApiVersion<TcpRoute>()
        from metadata in Any.Metadata
        from spec in TcpRouteSpec
        from status in Any.Maybe(SharedGenerators.RouteStatus)
        from unknown in Any.TopLevelUnknownFields
        select new TcpRoute { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };

    public static Gen<UdpRoute> UdpRoute { get; } =
        from apiVersion in Any.ApiVersion<UdpRoute>()
        from metadata in Any.Metadata
        from spec in UdpRouteSpec
        from status in Any.Maybe(SharedGenerators.RouteStatus)
        from unknown in Any.TopLevelUnknownFields
        select new UdpRoute { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };
}
