using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace GatewayApi.Conformance.Http.Sending;

/// <summary>
/// Sends requests to a listener endpoint, whatever name the request carries: the connection always goes to the
/// endpoint, the Host header (or <c>:authority</c>) and the TLS server name are set independently. TLS is done
/// here, not by the handler, so SNI can differ from Host or be absent; the certificate is not checked (the
/// conformance certificates are self-signed). One pooled handler per endpoint, TLS name and HTTP version.
/// </summary>
internal sealed class HttpSender : IDisposable
{
    private readonly ConcurrentDictionary<(IPEndPoint EndPoint, bool Tls, string? ServerName, bool Http2), HttpMessageInvoker> _clients = new();

    public async Task<HttpResponseMessage> SendAsync(IPEndPoint endPoint, bool tls, string? serverName, bool http2, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var client = _clients.GetOrAdd((endPoint, tls, serverName, http2), key => new HttpMessageInvoker(CreateHandler(key.EndPoint, key.Tls, key.ServerName, key.Http2)));
        request.RequestUri = new Uri($"http://{FormatEndPoint(endPoint)}{request.RequestUri?.OriginalString}");
        request.Version = http2 ? HttpVersion.Version20 : HttpVersion.Version11;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
    }

    private static string FormatEndPoint(IPEndPoint endPoint) =>
        endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]:{endPoint.Port}" : $"{endPoint.Address}:{endPoint.Port}";

    private static SocketsHttpHandler CreateHandler(IPEndPoint endPoint, bool tls, string? serverName, bool http2) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
                var stream = new NetworkStream(socket, ownsSocket: true);
                if (!tls)
                {
                    return stream;
                }

                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                try
                {
                    await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                    {
                        // An empty name sends no SNI at all.
                        TargetHost = serverName ?? "",
                        ApplicationProtocols = [http2 ? SslApplicationProtocol.Http2 : SslApplicationProtocol.Http11],
                        RemoteCertificateValidationCallback = (_, _, _, _) => true,
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await ssl.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                return ssl;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
