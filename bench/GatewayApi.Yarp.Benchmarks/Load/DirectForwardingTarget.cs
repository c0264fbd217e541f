using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace GatewayApi.Yarp.Benchmarks.Load;

/// <summary>
/// Target (a), the baseline: plain YARP direct forwarding. Every request goes to <c>IHttpForwarder.SendAsync</c>
/// with the one backend as a fixed destination, from terminal middleware (no endpoint routing, no decision, no
/// transform beyond YARP's default), with the <c>HttpMessageInvoker</c> YARP's direct-forwarding documentation
/// recommends. This is the least work YARP can do per request, so the ratios are conservative.
/// </summary>
internal sealed class DirectForwardingTarget : ILoadTarget
{
    private readonly WebApplication _app;

    private DirectForwardingTarget(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public string Name => "(a) YARP IHttpForwarder, fixed destination (baseline)";

    public int Routes => 0;

    public Uri Address { get; }

    public static async Task<DirectForwardingTarget> StartAsync(Uri backend)
    {
        var builder = LoopbackHost.CreateBuilder();
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        });
        var destination = backend.ToString();
        app.Run(async context => await forwarder.SendAsync(context, destination, invoker));
        await app.StartAsync().ConfigureAwait(false);
        return new DirectForwardingTarget(app, LoopbackHost.AddressOf(app));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
