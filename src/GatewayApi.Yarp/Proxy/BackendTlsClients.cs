using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using GatewayApi.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace GatewayApi.Yarp;

/// <summary>
/// One HTTP client per distinct BackendTLSPolicy setting, so connections verified for one policy (its SNI, trust and
/// identity) are never pooled with another's. The handler's URI stays <c>http://</c>: TLS is opened underneath, in
/// the connect callback, where SNI and verification are entirely ours (SocketsHttpHandler would otherwise take the
/// SNI from the forwarded Host header).
/// </summary>
internal sealed class BackendTlsClients(ProxyHttpClient plain) : IDisposable
{
    private static readonly List<SslApplicationProtocol> Http11 = [SslApplicationProtocol.Http11];
    private static readonly List<SslApplicationProtocol> Http2 = [SslApplicationProtocol.Http2];

    private readonly ConcurrentDictionary<string, HttpMessageInvoker> _clients = new(StringComparer.Ordinal);

    /// <summary>
    /// The client for a backend: the plain one, or the one for its BackendTLSPolicy and the client certificate of the
    /// Gateway the request came through.
    /// </summary>
    public HttpMessageInvoker For(RoutedBackend backend, GatewayApiProxyState state, NamespacedName gateway) =>
        backend.Tls is { } settings ? For(settings, BackendClientCertificates.Find(state, gateway)) : plain.Invoker;

    private HttpMessageInvoker For(BackendTlsSettings settings, X509Certificate2? clientCertificate) =>
        _clients.GetOrAdd(Key(settings, clientCertificate), _ => Create(settings, clientCertificate));

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    // Everything that changes how a connection is opened or verified; not the policy's name.
    private static string Key(BackendTlsSettings settings, X509Certificate2? clientCertificate) => string.Join(
        '\n',
        [settings.Hostname, settings.SystemCaCertificates ? "system" : "custom", settings.Problem ?? string.Empty, clientCertificate?.Thumbprint ?? "-",
            .. settings.SubjectAltNames.Select(n => n.Type + "=" + n.Value), .. settings.CaCertificates,
            .. settings.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => "option " + o.Key + "=" + o.Value)]);

    private static HttpMessageInvoker Create(BackendTlsSettings settings, X509Certificate2? clientCertificate)
    {
        var handler = ProxyHttpClient.CreateHandler();
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            // gRPC and h2c backends are asked for HTTP/2 (ALPN h2); everything else, WebSockets included, HTTP/1.1.
            var protocols = context.InitialRequestMessage.Version.Major >= 2 ? Http2 : Http11;
            return await BackendTls.AuthenticateAsync(new NetworkStream(socket, ownsSocket: true), settings, protocols, clientCertificate, cancellationToken).ConfigureAwait(false);
        };
        return new HttpMessageInvoker(handler, disposeHandler: true);
    }
}
