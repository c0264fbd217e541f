using GatewayApi.Models;
using k8s;
using k8s.Models;

namespace GatewayApi.Routing.Snapshots;

/// <summary>
/// One route of any kind, seen through what attachment needs: kind, identity, parentRefs, hostnames and the
/// current status. The typed object stays available for the rule-level checks.
/// </summary>
internal sealed class RouteObject
{
    private RouteObject(GatewayApiObject value, RouteKind kind, IList<ParentReference>? parentRefs, GatewayDefaultScope? useDefaultGateways, IList<string>? hostnames)
    {
        Object = value;
        Kind = kind;
        Namespace = ObjectNames.NamespaceOf(value);
        Name = ObjectNames.NameOf(value);
        ParentRefs = parentRefs is null ? [] : [.. parentRefs];
        UseDefaultGateways = useDefaultGateways;
        Hostnames = hostnames is null ? [] : [.. hostnames];
    }

    public GatewayApiObject Object { get; }

    public RouteKind Kind { get; }

    public string Namespace { get; }

    public string Name { get; }

    public string Key => ObjectNames.Key(Namespace, Name);

    public long? Generation => Object.Metadata?.Generation;

    public IReadOnlyList<ParentReference> ParentRefs { get; }

    public GatewayDefaultScope? UseDefaultGateways { get; }

    /// <summary>The route's hostnames; empty for TCP and UDP routes and for HTTP/GRPC routes that match every host.</summary>
    public IReadOnlyList<string> Hostnames { get; }

    /// <summary>The route's current status, read from the object.</summary>
    public RouteStatus? Status => Object switch
    {
        HttpRoute r => r.Status,
        GrpcRoute r => r.Status,
        TlsRoute r => r.Status,
        TcpRoute r => r.Status,
        UdpRoute r => r.Status,
        _ => null,
    };

    /// <summary>A readable name for messages, for example <c>HTTPRoute app/web</c>.</summary>
    public string DisplayName => Kind.KindName() + " " + Key;

    public static RouteObject? From(IKubernetesObject<V1ObjectMeta> value) => value switch
    {
        HttpRoute route => new RouteObject(route, RouteKind.Http, route.Spec.ParentRefs, route.Spec.UseDefaultGateways, route.Spec.Hostnames),
        GrpcRoute route => new RouteObject(route, RouteKind.Grpc, route.Spec.ParentRefs, route.Spec.UseDefaultGateways, route.Spec.Hostnames),
        TlsRoute route => new RouteObject(route, RouteKind.Tls, route.Spec.ParentRefs, route.Spec.UseDefaultGateways, route.Spec.Hostnames),
        TcpRoute route => new RouteObject(route, RouteKind.Tcp, route.Spec.ParentRefs, route.Spec.UseDefaultGateways, null),
        UdpRoute route => new RouteObject(route, RouteKind.Udp, route.Spec.ParentRefs, route.Spec.UseDefaultGateways, null),
        _ => null,
    };
}
