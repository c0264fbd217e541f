using GatewayApi.Conformance.Features;

namespace GatewayApi.Conformance.Profiles;

/// <summary>The conformance profiles of Gateway API v1.6.1 (<c>conformance/utils/suite/profiles.go</c>).</summary>
public static class ConformanceProfiles
{
    /// <summary>The name of the GATEWAY-HTTP profile.</summary>
    public const string GatewayHttpName = "GATEWAY-HTTP";

    /// <summary>The name of the GATEWAY-GRPC profile.</summary>
    public const string GatewayGrpcName = "GATEWAY-GRPC";

    /// <summary>The name of the GATEWAY-TLS profile.</summary>
    public const string GatewayTlsName = "GATEWAY-TLS";

    /// <summary>The name of the GATEWAY-TCP profile.</summary>
    public const string GatewayTcpName = "GATEWAY-TCP";

    /// <summary>The name of the GATEWAY-UDP profile.</summary>
    public const string GatewayUdpName = "GATEWAY-UDP";

    /// <summary>The name of the MESH-HTTP profile.</summary>
    public const string MeshHttpName = "MESH-HTTP";

    /// <summary>The name of the MESH-GRPC profile.</summary>
    public const string MeshGrpcName = "MESH-GRPC";

    private static readonly IReadOnlyList<string> GatewayExtended = ConformanceFeatures.InSet("GatewayExtendedFeatures");

    /// <summary>
    /// GATEWAY-HTTP: core Gateway, ReferenceGrant, HTTPRoute; extended every Gateway and HTTPRoute extended feature plus
    /// BackendTLSPolicy and BackendTLSPolicySANValidation.
    /// </summary>
    public static ConformanceProfile GatewayHttp { get; } = new(
        GatewayHttpName,
        [ConformanceFeatures.Gateway, ConformanceFeatures.ReferenceGrant, ConformanceFeatures.HttpRoute],
        [
            .. GatewayExtended,
            .. ConformanceFeatures.InSet("HTTPRouteExtendedFeatures"),
            .. ConformanceFeatures.InSet("BackendTLSPolicyCoreFeatures"),
            .. ConformanceFeatures.InSet("BackendTLSPolicyExtendedFeatures"),
        ]);

    /// <summary>GATEWAY-GRPC: core Gateway, ReferenceGrant, GRPCRoute; extended the Gateway extended features only (as upstream: no GRPCRouteNamedRouteRule).</summary>
    public static ConformanceProfile GatewayGrpc { get; } = new(
        GatewayGrpcName,
        [ConformanceFeatures.Gateway, ConformanceFeatures.ReferenceGrant, ConformanceFeatures.GrpcRoute],
        GatewayExtended);

    /// <summary>GATEWAY-TLS: core Gateway, ReferenceGrant, TLSRoute; extended the Gateway and TLSRoute extended features.</summary>
    public static ConformanceProfile GatewayTls { get; } = new(
        GatewayTlsName,
        [ConformanceFeatures.Gateway, ConformanceFeatures.ReferenceGrant, ConformanceFeatures.TlsRoute],
        [.. GatewayExtended, .. ConformanceFeatures.InSet("TLSRouteExtendedFeatures")]);

    /// <summary>GATEWAY-TCP: core Gateway, TCPRoute, ReferenceGrant; extended the Gateway extended features and TCPRoute.</summary>
    public static ConformanceProfile GatewayTcp { get; } = new(
        GatewayTcpName,
        [ConformanceFeatures.Gateway, ConformanceFeatures.TcpRoute, ConformanceFeatures.ReferenceGrant],
        [.. GatewayExtended, .. ConformanceFeatures.InSet("TCPRouteExtendedFeatures")]);

    /// <summary>GATEWAY-UDP: core Gateway, UDPRoute, ReferenceGrant; extended the Gateway extended features and UDPRoute.</summary>
    public static ConformanceProfile GatewayUdp { get; } = new(
        GatewayUdpName,
        [ConformanceFeatures.Gateway, ConformanceFeatures.UdpRoute, ConformanceFeatures.ReferenceGrant],
        [.. GatewayExtended, .. ConformanceFeatures.InSet("UDPRouteFeatures")]);

    /// <summary>MESH-HTTP: core Mesh, HTTPRoute; extended the Mesh extended features.</summary>
    public static ConformanceProfile MeshHttp { get; } = new(
        MeshHttpName,
        [ConformanceFeatures.Mesh, ConformanceFeatures.HttpRoute],
        ConformanceFeatures.InSet("MeshExtendedFeatures"));

    /// <summary>MESH-GRPC: core Mesh, GRPCRoute; extended the Mesh extended features.</summary>
    public static ConformanceProfile MeshGrpc { get; } = new(
        MeshGrpcName,
        [ConformanceFeatures.Mesh, ConformanceFeatures.GrpcRoute],
        ConformanceFeatures.InSet("MeshExtendedFeatures"));

    /// <summary>Every profile, sorted by name (the order reports list them in).</summary>
    public static IReadOnlyList<ConformanceProfile> All { get; } =
        new[] { GatewayHttp, GatewayGrpc, GatewayTls, GatewayTcp, GatewayUdp, MeshHttp, MeshGrpc }
            .OrderBy(profile => profile.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Finds a profile by its exact name.</summary>
    /// <param name="name">The profile name, for example <c>GATEWAY-HTTP</c>.</param>
    /// <returns>The profile, or null when no v1.6.1 profile has that name.</returns>
    public static ConformanceProfile? Find(string name) => All.FirstOrDefault(profile => profile.Name == name);
}
