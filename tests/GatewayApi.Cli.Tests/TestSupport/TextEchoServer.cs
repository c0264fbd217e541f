using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Cli.Tests.TestSupport;

/// <summary>A loopback backend on a dynamic port that answers <c>NAME PATH</c> (its name and the path it received).</summary>
internal sealed class TextEchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TextEchoServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<TextEchoServer> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsync($"{name} {context.Request.Path}{context.Request.QueryString}"));
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        return new TextEchoServer(app, port);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
