using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Http.Echo;
using GatewayApi.Conformance.Http.Sending;
using GatewayApi.Conformance.Targets;
using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.Http.Targets;

/// <summary>
/// A live conformance target: the implementation (<see cref="ILiveImplementation"/>) serves the Gateways on
/// loopback, the target runs an echo backend for every Service it is given and sends each request over the
/// network (HTTP/1.1; HTTP/2 for gRPC; TLS with the case's server name for HTTPS, for TLS listeners (TLSRoute,
/// Passthrough or Terminate) and for gRPC with a server name).
/// </summary>
/// <remarks>
/// Every request carries a request id header; the echo backends record what they received under it, so the
/// target reports which Service answered (the receipt on the answer) and which Services got mirrored copies (the
/// other receipts of that id, waiting <see cref="HttpTargetOptions.MirrorGrace"/> for late ones). The echo
/// backends accept TLS as well as plaintext on every port, so a TLS Passthrough listener's backend ends the
/// client's TLS itself. Mesh requests are not sent by this target: those cases fail with a clear reason.
/// </remarks>
public sealed class HttpConformanceTarget : IConformanceTarget, IAsyncDisposable
{
    private readonly ILiveImplementation _implementation;
    private readonly HttpTargetOptions _options;
    private readonly EchoBackendPool _echo = new();
    private readonly HttpSender _sender = new();
    private long _nextRequest;

    /// <summary>Creates the target.</summary>
    /// <param name="implementation">The implementation under test.</param>
    /// <param name="options">Settings (defaults when null).</param>
    public HttpConformanceTarget(ILiveImplementation implementation, HttpTargetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        _implementation = implementation;
        _options = options ?? new HttpTargetOptions();
    }

    /// <inheritdoc />
    public string ControllerName => _implementation.ControllerName;

    /// <inheritdoc />
    public bool IsLive => true;

    /// <summary>The echo backends of the last applied case.</summary>
    public EchoBackendDirectory Backends { get; private set; } = new([]);

    /// <inheritdoc />
    public async ValueTask ApplyAsync(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> resources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);

        Backends = await _echo.EnsureAsync(resources, cancellationToken).ConfigureAwait(false);
        await _implementation.ApplyAsync(resources, Backends, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> ReadStatusAsync(CancellationToken cancellationToken) =>
        _implementation.ReadStatusAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken) => _implementation.ClearAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask<TargetResponse> SendAsync(TargetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Gateway is not { } gateway)
        {
            throw new NotSupportedException("the HTTP target sends requests through Gateways only, not from mesh clients");
        }

        if (_implementation.FindListener(gateway, request.Port) is not { } endPoint)
        {
            return new TargetResponse { Rejected = true, Diagnostics = $"the implementation serves no listener port {request.Port} of Gateway {gateway}" };
        }

        var requestId = "r" + Interlocked.Increment(ref _nextRequest).ToString(CultureInfo.InvariantCulture);
        _echo.Ledger.Expect(requestId, new EchoInstructions(request.BackendResponseHeaders, request.BackendDelay));
        try
        {
            return await SendAsync(request, endPoint, requestId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _echo.Ledger.Forget(requestId);
        }
    }

    /// <summary>Stops the echo backends and closes the connections (the implementation is the caller's to dispose).</summary>
    public async ValueTask DisposeAsync()
    {
        _sender.Dispose();
        await _echo.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<TargetResponse> SendAsync(TargetRequest request, IPEndPoint endPoint, string requestId, CancellationToken cancellationToken)
    {
        var grpc = request.Protocol == RequestProtocol.Grpc;
        // TLS (TLSRoute) sends HTTP/1.1 inside the TLS stream: the echo backend answers it whether the listener
        // passes the client's TLS through (the echo ends it) or terminates it (plaintext reaches the echo).
        var tls = request.Protocol is RequestProtocol.Https or RequestProtocol.Tls || (grpc && request.ServerName is not null);
        using var message = new HttpRequestMessage(new HttpMethod(grpc ? "POST" : request.Method), new Uri(request.Path, UriKind.Relative));
        message.Headers.Host = request.Host ?? endPoint.Address.ToString();
        message.Headers.TryAddWithoutValidation(EchoLedger.RequestIdHeader, requestId);
        HttpContent? content = null;
        if (grpc)
        {
            // One empty, uncompressed message: the echo service needs no input.
            content = new ByteArrayContent(new byte[5]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            message.Headers.TryAddWithoutValidation("te", "trailers");
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                content ??= new ByteArrayContent([]);
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Content = content;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _sender.SendAsync(endPoint, tls, request.ServerName, http2: grpc, message, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (IsRefusal(exception))
        {
            return new TargetResponse { Rejected = true, Diagnostics = $"connection to {endPoint} refused or reset: {exception.InnerException?.Message ?? exception.Message}" };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer from {endPoint} within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }

        using (response)
        {
            // Read the whole answer, so the trailers (grpc-status) have arrived; after 101 the body is the upgraded stream.
            if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
            {
                await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            }

            var headers = new List<KeyValuePair<string, string>>();
            AddHeaders(headers, response.Headers);
            AddHeaders(headers, response.Content.Headers);
            string? grpcStatus = null;
            if (grpc)
            {
                var code = First(response.TrailingHeaders, "grpc-status") ?? First(response.Headers, "grpc-status");
                grpcStatus = code is not null ? GrpcStatusNames.FromCode(code)
                    : response.StatusCode == HttpStatusCode.OK ? "INTERNAL"
                    : GrpcStatusNames.FromHttpStatus((int)response.StatusCode);
            }

            var (backend, mirrored) = await ReceiptsAsync(requestId, First(response.Headers, EchoLedger.ReceiptHeader), cancellationToken).ConfigureAwait(false);
            return new TargetResponse
            {
                StatusCode = (int)response.StatusCode,
                Headers = headers,
                GrpcStatus = grpcStatus,
                Backend = backend,
                Mirrored = mirrored,
                Diagnostics = $"HTTP/{response.Version} {(int)response.StatusCode} from {endPoint}{(tls ? $" (TLS, SNI '{request.ServerName}')" : "")}; request id {requestId}",
            };
        }
    }

    private async Task<(EchoedRequest? Backend, IReadOnlyList<EchoedRequest> Mirrored)> ReceiptsAsync(string requestId, string? receiptText, CancellationToken cancellationToken)
    {
        long? receipt = long.TryParse(receiptText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        var received = _echo.Ledger.ReceivedFor(requestId);
        var expected = receipt is null ? 0 : 1;
        if (_options.MirrorGrace > TimeSpan.Zero && receipt is not null && received.Count <= expected)
        {
            // Copies are not awaited by the implementation: give late ones a moment.
            await Task.Delay(_options.MirrorGrace, cancellationToken).ConfigureAwait(false);
            received = _echo.Ledger.ReceivedFor(requestId);
        }

        var backend = receipt is null ? null : received.FirstOrDefault(item => item.Receipt == receipt).Request;
        return (backend, [.. received.Where(item => item.Receipt != receipt).Select(item => item.Request)]);
    }

    private static bool IsRefusal(HttpRequestException exception) =>
        exception.InnerException is SocketException or AuthenticationException or IOException
        || exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;

    private static void AddHeaders(List<KeyValuePair<string, string>> list, HttpHeaders headers)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                list.Add(new(name, value));
            }
        }
    }

    private static string? First(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
