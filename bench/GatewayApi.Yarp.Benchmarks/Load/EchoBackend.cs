using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GatewayApi.Yarp.Benchmarks.Load;

/// <summary>
/// The one Kestrel backend every target forwards to. It answers every request with a small fixed body and echoes
/// the <c>x-route</c> request header (set by the measured route's filter) so the run can check which route
/// forwarded a request before measuring it.
/// </summary>
internal sealed class EchoBackend : IAsyncDisposable
{
    /// <summary>The request header the measured HTTPRoute sets, echoed back as a response header.</summary>
    public const string RouteHeader = "x-route";

    private static readonly byte[] Body = Encoding.ASCII.GetBytes("hello from the echo backend\n");

    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the backend listens (<c>http://127.0.0.1:port</c>).</summary>
    public Uri Address { get; }

    public static async Task<EchoBackend> StartAsync()
    {
        var app = LoopbackHost.CreateBuilder().Build();
        app.Run(context =>
        {
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/plain";
            response.ContentLength = Body.Length;
            if (context.Request.Headers.TryGetValue(RouteHeader, out var route))
            {
                response.Headers[RouteHeader] = route;
            }

            return response.Body.WriteAsync(Body).AsTask();
        });
        await app.StartAsync().ConfigureAwait(false);
        return new EchoBackend(app, LoopbackHost.AddressOf(app));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
