using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp.Tests.BadInput;

/// <summary>
/// A loopback backend for the disconnect cases. <c>/upload</c> reads the whole request body and answers its length;
/// <c>/stream</c> sends a first chunk, then holds the response open until the client goes away (or 2 minutes pass),
/// then the rest; anything else answers <c>ok</c>. It records what it saw so a test can wait for it.
/// </summary>
internal sealed class DisconnectBackend : IAsyncDisposable
{
    public const string FirstChunk = "first-chunk\n";

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _uploadStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _uploadEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _streamAborted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DisconnectBackend(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Completes when the backend has started reading an upload body.</summary>
    public Task UploadStarted => _uploadStarted.Task;

    /// <summary>Completes when an upload ended, whether the body arrived whole or the read failed.</summary>
    public Task UploadEnded => _uploadEnded.Task;

    /// <summary>Whether the first upload arrived whole (false when its body was cut off).</summary>
    public bool UploadCompleted { get; private set; }

    /// <summary>Completes when the proxy abandoned a <c>/stream</c> response (the backend saw RequestAborted).</summary>
    public Task StreamAborted => _streamAborted.Task;

    public static async Task<DisconnectBackend> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var backend = new DisconnectBackend(app);
        app.Run(backend.HandleAsync);
        await app.StartAsync();
        backend.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return backend;
    }

    private async Task HandleAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/upload":
                _uploadStarted.TrySetResult();
                long length = 0;
                try
                {
                    var buffer = new byte[16384];
                    int read;
                    while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                    {
                        length += read;
                    }
                }
                catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
                {
                    _uploadEnded.TrySetResult();
                    return;
                }

                if (!_uploadEnded.Task.IsCompleted)
                {
                    UploadCompleted = true;
                }

                _uploadEnded.TrySetResult();
                await context.Response.WriteAsync(length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;

            case "/stream":
                await context.Response.WriteAsync(FirstChunk);
                await context.Response.Body.FlushAsync();
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(2), context.RequestAborted);
                    await context.Response.WriteAsync("rest\n");
                }
                catch (OperationCanceledException)
                {
                    _streamAborted.TrySetResult();
                }

                return;

            default:
                await context.Response.WriteAsync("ok");
                return;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
