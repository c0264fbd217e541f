using System.Net;
using Grpc.Core;
using GatewayApi.Yarp.Tests.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp.Tests.TestSupport;

/// <summary>A real Grpc.AspNetCore backend (h2c on loopback port 0) that says which backend and method answered.</summary>
internal sealed class GrpcEchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcEchoServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<GrpcEchoServer> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new BackendName(name));
        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        app.MapGrpcService<OtherService>();
        await app.StartAsync();
        return new GrpcEchoServer(app, new Uri(app.Urls.First()).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record BackendName(string Value);

    private static EchoReply Reply(EchoRequest request, ServerCallContext context, BackendName name) => new()
    {
        Message = request.Message,
        Backend = name.Value,
        Method = context.Method,
        Header = context.RequestHeaders.GetValue("x-test") ?? "",
    };

    private sealed class EchoService(BackendName name) : Echo.EchoBase
    {
        public override Task<EchoReply> Say(EchoRequest request, ServerCallContext context) => Task.FromResult(Reply(request, context, name));

        public override Task<EchoReply> Shout(EchoRequest request, ServerCallContext context) =>
            Task.FromResult(Reply(new EchoRequest { Message = request.Message.ToUpperInvariant() }, context, name));
    }

    private sealed class OtherService(BackendName name) : Other.OtherBase
    {
        public override Task<EchoReply> Say(EchoRequest request, ServerCallContext context) => Task.FromResult(Reply(request, context, name));
    }
}
