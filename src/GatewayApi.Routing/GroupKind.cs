using GatewayApi.Models;

namespace GatewayApi.Routing;

/// <summary>
/// An API group and kind, as Gateway API compares them: exact, case-sensitive strings, with <c>""</c> for the
/// core group. Used for route kinds, reference targets and referrers.
/// </summary>
/// <param name="Group">The API group; <c>""</c> is the core group (Service, Secret, ConfigMap).</param>
/// <param name="Kind">The kind, for example <c>HTTPRoute</c>.</param>
public readonly record struct GroupKind(string Group, string Kind)
{
    /// <summary>The core <c>Service</c> kind.</summary>
    public static GroupKind Service { get; } = new(string.Empty, "Service");

    /// <summary>The core <c>Secret</c> kind.</summary>
    public static GroupKind Secret { get; } = new(string.Empty, "Secret");

    /// <summary>The core <c>ConfigMap</c> kind.</summary>
    public static GroupKind ConfigMap { get; } = new(string.Empty, "ConfigMap");

    /// <summary>The <c>HTTPRoute</c> kind.</summary>
    public static GroupKind HttpRoute { get; } = new(GatewayApiGroups.Group, Models.HttpRoute.KindName);

    /// <summary>The <c>GRPCRoute</c> kind.</summary>
    public static GroupKind GrpcRoute { get; } = new(GatewayApiGroups.Group, Models.GrpcRoute.KindName);

    /// <summary>The <c>TLSRoute</c> kind.</summary>
    public static GroupKind TlsRoute { get; } = new(GatewayApiGroups.Group, Models.TlsRoute.KindName);

    /// <summary>The <c>TCPRoute</c> kind.</summary>
    public static GroupKind TcpRoute { get; } = new(GatewayApiGroups.Group, Models.TcpRoute.KindName);

    /// <summary>The <c>UDPRoute</c> kind.</summary>
    public static GroupKind UdpRoute { get; } = new(GatewayApiGroups.Group, Models.UdpRoute.KindName);

    /// <summary>The <c>Gateway</c> kind.</summary>
    public static GroupKind Gateway { get; } = new(GatewayApiGroups.Group, Models.Gateway.KindName);

    /// <summary>The <c>ListenerSet</c> kind.</summary>
    public static GroupKind ListenerSet { get; } = new(GatewayApiGroups.Group, Models.ListenerSet.KindName);

    /// <inheritdoc />
    public override string ToString() => Group.Length == 0 ? Kind : Kind + "." + Group;
}
