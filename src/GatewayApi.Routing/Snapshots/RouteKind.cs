using GatewayApi.Models;

namespace GatewayApi.Routing.Snapshots;

/// <summary>The five route kinds of Gateway API v1.6.1.</summary>
internal enum RouteKind
{
    Http,
    Grpc,
    Tls,
    Tcp,
    Udp,
}

internal static class RouteKinds
{
    public static GroupKind ToGroupKind(this RouteKind kind) => kind switch
    {
        RouteKind.Http => GroupKind.HttpRoute,
        RouteKind.Grpc => GroupKind.GrpcRoute,
        RouteKind.Tls => GroupKind.TlsRoute,
        RouteKind.Tcp => GroupKind.TcpRoute,
        _ => GroupKind.UdpRoute,
    };

    public static string KindName(this RouteKind kind) => kind.ToGroupKind().Kind;

    /// <summary>Whether the kind carries <c>hostnames</c> that must intersect the listener's (HTTP, GRPC, TLS).</summary>
    public static bool HasHostnames(this RouteKind kind) => kind is RouteKind.Http or RouteKind.Grpc or RouteKind.Tls;

    public static bool TryParse(GroupKind groupKind, out RouteKind kind)
    {
        kind = default;
        if (groupKind.Group != GatewayApiGroups.Group)
        {
            return false;
        }

        switch (groupKind.Kind)
        {
            case HttpRoute.KindName: kind = RouteKind.Http; return true;
            case GrpcRoute.KindName: kind = RouteKind.Grpc; return true;
            case TlsRoute.KindName: kind = RouteKind.Tls; return true;
            case TcpRoute.KindName: kind = RouteKind.Tcp; return true;
            case UdpRoute.KindName: kind = RouteKind.Udp; return true;
            default: return false;
        }
    }
}
