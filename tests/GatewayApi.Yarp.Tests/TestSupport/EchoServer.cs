using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp.Tests.TestSupport;

/// <summary>
/// A real Kestrel backend on loopback port 0 that answers every request with JSON describing what it received
/// (<see cref="EchoedRequest"/>), and echoes WebSocket messages. Self-contained (depends on ASP.NET Core only) so
/// other test projects (the conformance harness) can link this file.
/// </summary>
/// <remarks>
/// Request headers steer it: <c>x-echo-delay-ms: N</c> waits before answering; <c>x-echo-status: N</c> answers
/// with that status; <c>x-echo-fail-first: key:N</c> answers 503 to the first N requests carrying that key.
/// </remarks>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    private EchoServer(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    /// <summary>The name the server reports in every answer (<see cref="EchoedRequest.Backend"/>).</summary>
    public string Name { get; }

    /// <summary>The bound port.</summary>
    public int Port { get; private set; }

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<EchoedRequest> Received { get; } = new();

    /// <summary>
    /// Starts a server on 127.0.0.1 with a dynamic port: HTTP/1.1 and h2c, or, with a certificate, HTTPS (HTTP/1.1
    /// and HTTP/2 by ALPN) that reports the SNI it was asked for (<see cref="EchoedRequest.ServerName"/>).
    /// </summary>
    public static async Task<EchoServer> StartAsync(string name, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null, System.Security.Authentication.SslProtocols protocols = System.Security.Authentication.SslProtocols.None)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            l.Protocols = HttpProtocols.Http1AndHttp2;
            if (certificate is not null)
            {
                l.UseHttps(new Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions
                {
                    // Asks for a client certificate and reports it (any is accepted): what a gateway presents.
                    SslProtocols = protocols,
                    ClientCertificateMode = Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                    // The selector sees the SNI; keep it with the connection for the echo.
                    ServerCertificateSelector = (connection, serverName) =>
                    {
                        if (connection is not null)
                        {
                            connection.Items["sni"] = serverName;
                        }

                        return certificate;
                    },
                });
            }
        }));
        var app = builder.Build();
        var server = new EchoServer(name, app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await EchoWebSocketAsync(socket, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var echoed = new EchoedRequest
        {
            Backend = Name,
            Method = context.Request.Method,
            Path = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString,
            Host = context.Request.Host.Value ?? "",
            Protocol = context.Request.Protocol,
            ClientCertificate = context.Connection.ClientCertificate?.Subject,
            ServerName = context.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionItemsFeature>()?.Items.TryGetValue("sni", out var sni) == true ? sni as string : null,
            Headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
        };
        Received.Enqueue(echoed);

        var headers = context.Request.Headers;
        if (int.TryParse(headers["x-echo-delay-ms"], CultureInfo.InvariantCulture, out var delay))
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (headers["x-echo-fail-first"].ToString() is { Length: > 0 } failFirst && failFirst.Split(':') is [var key, var countText]
            && int.TryParse(countText, CultureInfo.InvariantCulture, out var count)
            && _failures.AddOrUpdate(key, 1, (_, seen) => seen + 1) <= count)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (int.TryParse(headers["x-echo-status"], CultureInfo.InvariantCulture, out var status))
        {
            context.Response.StatusCode = status;
        }

        context.Response.Headers["x-echo-backend"] = Name;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(echoed, EchoJson.Default.EchoedRequest), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task EchoWebSocketAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken).ConfigureAwait(false);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>What an <see cref="EchoServer"/> received.</summary>
internal sealed record EchoedRequest
{
    public string Backend { get; init; } = "";

    public string Method { get; init; } = "";

    /// <summary>The raw request target: path and query as received.</summary>
    public string Path { get; init; } = "";

    public string Host { get; init; } = "";

    public string Protocol { get; init; } = "";

    /// <summary>The SNI of the TLS connection the request came on; null for plain connections.</summary>
    public string? ServerName { get; init; }

    /// <summary>The subject of the client certificate the caller presented on a TLS connection, if any.</summary>
    public string? ClientCertificate { get; init; }

    /// <summary>Header names in lower case; repeated headers joined with <c>,</c>.</summary>
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string Body { get; init; } = "";

    public static EchoedRequest Parse(string json) =>
        JsonSerializer.Deserialize(json, EchoJson.Default.EchoedRequest) ?? throw new InvalidOperationException("Not an echo answer: " + json);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EchoedRequest))]
internal sealed partial class EchoJson : JsonSerializerContext;
