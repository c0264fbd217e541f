using System.Diagnostics;
using System.Net;
using Yarp.ReverseProxy.Forwarder;

namespace GatewayApi.Yarp;

/// <summary>The one HTTP client every forwarded request and mirror copy uses, configured as YARP recommends.</summary>
internal sealed class ProxyHttpClient : IDisposable
{
    public HttpMessageInvoker Invoker { get; } = new(CreateHandler(), disposeHandler: true);

    /// <summary>The handler settings every backend client shares (the BackendTLSPolicy clients add their own connect step).</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
        ConnectTimeout = TimeSpan.FromSeconds(15),

        // DNS backends change addresses; pooled connections are renewed now and then.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    public void Dispose() => Invoker.Dispose();
}
