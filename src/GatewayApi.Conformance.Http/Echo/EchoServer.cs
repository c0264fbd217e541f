using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Conformance.Http.Echo;

/// <summary>
/// The echo backend of one Service: a Kestrel server with one loopback port per Service port. It records what it
/// received in the <see cref="EchoLedger"/> and answers with the receipt: a JSON body for HTTP, one message and
/// <c>grpc-status: 0</c> for gRPC (any service and method).
/// </summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EchoLedger _ledger;
    private readonly BackendName _service;
    private readonly Dictionary<int, int> _servicePortByLocal = [];

    private EchoServer(WebApplication app, EchoLedger ledger, BackendName service, string signature)
    {
        _app = app;
        _ledger = ledger;
        _service = service;
        Signature = signature;
    }

    /// <summary>The ports and protocols it was started for (a changed Service gets a new server).</summary>
    public string Signature { get; }

    public List<EchoBackendEndpoint> Endpoints { get; } = [];

    public static async Task<EchoServer> StartAsync(BackendName service, IReadOnlyList<(int Port, bool Http2Only)> ports, EchoLedger ledger, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        var listenOptions = new List<(int Port, bool Http2Only, ListenOptions Options)>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var (port, http2Only) in ports)
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen =>
                {
                    listen.Protocols = http2Only ? HttpProtocols.Http2 : HttpProtocols.Http1AndHttp2;
                    listen.Use(EchoTls.Middleware);
                    listenOptions.Add((port, http2Only, listen));
                });
            }
        });
        var app = builder.Build();
        var server = new EchoServer(app, ledger, service, Describe(ports));
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (port, http2Only, listen) in listenOptions)
        {
            // Kestrel writes the bound port back into the endpoint it was given.
            var bound = (IPEndPoint)listen.EndPoint;
            server._servicePortByLocal[bound.Port] = port;
            server.Endpoints.Add(new EchoBackendEndpoint(service.Namespace, service.Name, port, new IPEndPoint(IPAddress.Loopback, bound.Port), http2Only));
        }

        return server;
    }

    public static string Describe(IEnumerable<(int Port, bool Http2Only)> ports) =>
        string.Join(",", ports.OrderBy(p => p.Port).Select(p => p.Port + (p.Http2Only ? "h2" : "")));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var requestId = request.Headers[EchoLedger.RequestIdHeader].ToString();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith(':') || name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                headers.Add(new(name, value ?? ""));
            }
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var echoed = new EchoedRequest
        {
            Service = _service,
            Method = request.Method,
            Host = request.Host.Value ?? "",
            Path = raw is { Length: > 0 } && raw[0] == '/' ? raw : request.Path.Value + request.QueryString.Value,
            Headers = headers,
        };
        var receipt = _ledger.Record(requestId, echoed);
        var instructions = _ledger.InstructionsFor(requestId);
        if (instructions?.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
        }

        var response = context.Response;
        foreach (var (name, value) in instructions?.ResponseHeaders ?? [])
        {
            response.Headers.Append(name, value);
        }

        response.Headers[EchoLedger.ReceiptHeader] = receipt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.WebSockets.IsWebSocketRequest)
        {
            // Complete the opening handshake (101), then close: the case checks that the upgrade got through.
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "echo", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var body = Json(echoed, _servicePortByLocal.GetValueOrDefault(context.Connection.LocalPort));
        if (request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            // One length-prefixed message (flag 0 = not compressed), then the status in the trailers.
            response.ContentType = "application/grpc";
            var frame = new byte[5 + body.Length];
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
            body.CopyTo(frame, 5);
            await response.Body.WriteAsync(frame, context.RequestAborted).ConfigureAwait(false);
            response.AppendTrailer("grpc-status", "0");
            return;
        }

        response.ContentType = "application/json";
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    // For people reading a captured exchange; the target itself reads the ledger.
    private static byte[] Json(EchoedRequest echoed, int servicePort)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("service", echoed.Service.ToString());
            writer.WriteNumber("port", servicePort);
            writer.WriteString("method", echoed.Method);
            writer.WriteString("host", echoed.Host);
            writer.WriteString("path", echoed.Path);
            writer.WriteStartArray("headers");
            foreach (var (name, value) in echoed.Headers)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteString("value", value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
