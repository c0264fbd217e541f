using System.Collections.Frozen;
using System.Net;
using GatewayApi.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace GatewayApi.Yarp;

/// <summary>
/// How to speak to a backend: HTTP/2 with prior knowledge for gRPC and for Service ports with
/// <c>appProtocol: kubernetes.io/h2c</c>, otherwise HTTP/1.1 (which also carries WebSocket upgrades).
/// </summary>
internal static class BackendProtocols
{
    private static readonly object CacheKey = new();

    public static ForwarderRequestConfig Http1(TimeSpan activityTimeout) => new()
    {
        ActivityTimeout = activityTimeout,
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    public static ForwarderRequestConfig Http2(TimeSpan activityTimeout) => new()
    {
        ActivityTimeout = activityTimeout,
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public static bool IsH2c(GatewayApiProxyState state, RoutedBackend backend)
    {
        var h2c = state.Cache.GetOrAdd(CacheKey, () => state.Snapshot.Services
            .SelectMany(s => (s.Spec?.Ports ?? []).Where(p => p.AppProtocol == "kubernetes.io/h2c")
                .Select(p => (s.Metadata?.NamespaceProperty ?? "default") + "/" + s.Metadata?.Name + ":" + p.Port))
            .ToFrozenSet(StringComparer.Ordinal));
        return h2c.Count > 0 && backend.Kind == "Service" && h2c.Contains(backend.Namespace + "/" + backend.Name + ":" + backend.Port);
    }
}
