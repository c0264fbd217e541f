using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using GatewayApi.Routing;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp;

/// <summary>
/// Serves TLS and TCP listener ports as byte streams. A TLS connection is routed by the SNI of its ClientHello
/// (read without consuming it): a Passthrough listener's route gets the client's bytes unchanged, a Terminate
/// listener's TLS is ended here with the listener's certificate and the plaintext goes to the backend. A TCP
/// connection goes to the listener's route. A connection nothing may carry is closed (TLSRoute/TCPRoute reject
/// connections rather than answer them).
/// </summary>
internal sealed class StreamProxy(
    GatewayApiProxyConfiguration configuration,
    IBackendEndpointResolver resolver,
    ListenerCertificates certificates,
    GatewayApiProxyOptions options,
    ILogger logger)
{
    public ConnectionDelegate Handler(int listenerPort, ListenerPortKind kind) =>
        connection => ServeAsync(connection, listenerPort, kind == ListenerPortKind.Tls);

    /// <summary>
    /// On an HTTPS port shared with TLS listeners: a connection whose SNI picks a TLS listener (the most specific
    /// hostname of either protocol) is routed as a TLS stream, any other goes on to Kestrel's HTTPS. The ClientHello is
    /// only peeked, so HTTPS reads it again; the decision uses the state current at the connection.
    /// </summary>
    public ConnectionDelegate SharedHttpsHandler(int listenerPort, ConnectionDelegate https) => async connection =>
    {
        if (!ListenerPorts.Of(configuration.Current).TryGetValue(listenerPort, out var port) || port.SharedWithTls.Count == 0)
        {
            await https(connection).ConfigureAwait(false);
            return;
        }

        using var helloDeadline = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        helloDeadline.CancelAfter(options.StreamHandshakeTimeout);
        var hello = await ReadClientHelloAsync(connection.Transport.Input, helloDeadline.Token, consume: false).ConfigureAwait(false);
        if (hello is { } peeked && ChoosesTls(port, peeked.ServerName))
        {
            await ServeAsync(connection, listenerPort, tls: true).ConfigureAwait(false);
            return;
        }

        await https(connection).ConfigureAwait(false);
    };

    private static bool ChoosesTls(ListenerPort port, string? serverName)
    {
        var bestRank = -1;
        var tls = false;
        foreach (var (hostname, isTls) in port.SharedWithTls)
        {
            var rank = ListenerCertificates.Rank(hostname, serverName);
            if (rank > bestRank)
            {
                (bestRank, tls) = (rank, isTls);
            }
        }

        return tls;
    }

    private async Task ServeAsync(ConnectionContext connection, int listenerPort, bool tls)
    {
        // One state for the connection's whole life, as for an HTTP request.
        var state = configuration.Current;
        var protocol = tls ? "TLS" : "TCP";
        if (!ListenerPorts.Of(state).TryGetValue(listenerPort, out var port))
        {
            ProxyLog.StreamRejected(logger, protocol, listenerPort, null, "NoListener");
            return;
        }

        var input = connection.Transport.Input;
        byte[] prefix = [];
        string? serverName = null;
        if (tls)
        {
            using var helloDeadline = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
            helloDeadline.CancelAfter(options.StreamHandshakeTimeout);
            var hello = await ReadClientHelloAsync(input, helloDeadline.Token).ConfigureAwait(false);
            if (hello is null)
            {
                ProxyLog.StreamRejected(logger, protocol, listenerPort, null, "NotTlsClientHello");
                return;
            }

            (prefix, serverName) = hello.Value;
        }

        var decision = options.Decide(random => tls
            ? state.Router.RouteTls(port.Gateway, listenerPort, serverName, random)
            : state.Router.RouteTcp(port.Gateway, listenerPort, random));
        if (!decision.Forward || decision.Backend is not { } backend)
        {
            ProxyLog.StreamRejected(logger, protocol, listenerPort, serverName, decision.RejectReason ?? decision.Result.ToString());
            return;
        }

        var endpoints = resolver.Resolve(backend, state);
        if (endpoints.Count == 0)
        {
            ProxyLog.StreamRejected(logger, protocol, listenerPort, serverName, $"NoEndpoints: backend {backend} has no ready endpoints");
            return;
        }

        var endpoint = RoundRobin.Next(endpoints);
        using var socket = new Socket(SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var connectDeadline = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
            connectDeadline.CancelAfter(options.StreamConnectTimeout);
            await socket.ConnectAsync(endpoint.Host, endpoint.Port, connectDeadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            ProxyLog.StreamBackendFailed(logger, protocol, listenerPort, serverName, backend.ToString(), endpoint.ToString(), exception.Message);
            return;
        }

        Stream upstream = new NetworkStream(socket, ownsSocket: false);
        if (backend.Tls is { } backendTls)
        {
            // BackendTLSPolicy (Terminate and TCP listeners): our own TLS to the backend, verified as the policy says.
            try
            {
                using var handshakeDeadline = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
                handshakeDeadline.CancelAfter(options.StreamHandshakeTimeout);
                upstream = await BackendTls.AuthenticateAsync(upstream, backendTls, null, BackendClientCertificates.Find(state, port.Gateway), handshakeDeadline.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
            {
                ProxyLog.StreamBackendFailed(logger, protocol, listenerPort, serverName, backend.ToString(), endpoint.ToString(), "TLS to the backend failed: " + exception.Message);
                return;
            }
        }

        await using var ownedUpstream = upstream;
        if (tls && string.Equals(decision.TlsMode, "Terminate", StringComparison.Ordinal))
        {
            await TerminateAsync(connection, listenerPort, serverName, prefix, socket, upstream).ConfigureAwait(false);
            return;
        }

        // Passthrough (and TCP): the peeked bytes first, then whatever the client sends.
        var clientToBackend = PumpAsync(async token =>
        {
            await upstream.WriteAsync(prefix, token).ConfigureAwait(false);
            await input.CopyToAsync(upstream, token).ConfigureAwait(false);
        }, upstream, socket, connection.ConnectionClosed);
        await CopyBackAsync(() => upstream.CopyToAsync(connection.Transport.Output, connection.ConnectionClosed), socket).ConfigureAwait(false);

        // The backend is done: stop waiting for the client (which may be waiting for us to close) and close.
        connection.Transport.Input.CancelPendingRead();
        await clientToBackend.ConfigureAwait(false);
    }

    private async Task TerminateAsync(ConnectionContext connection, int listenerPort, string? serverName, byte[] prefix, Socket socket, Stream upstream)
    {
        if (certificates.Select(listenerPort, serverName) is not { } listenerTls)
        {
            ProxyLog.StreamRejected(logger, "TLS", listenerPort, serverName, "NoCertificate: the listener has no usable certificate");
            return;
        }

        var transport = new PrefixedStream(prefix, connection.Transport.Input.AsStream(), connection.Transport.Output.AsStream());
        await using var tls = new SslStream(transport, leaveInnerStreamOpen: false);
        try
        {
            using var handshakeDeadline = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
            handshakeDeadline.CancelAfter(options.StreamHandshakeTimeout);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = listenerTls.Certificate, EnabledSslProtocols = listenerTls.Protocols }, handshakeDeadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            ProxyLog.StreamRejected(logger, "TLS", listenerPort, serverName, "HandshakeFailed: " + exception.Message);
            return;
        }

        var clientToBackend = PumpAsync(token => tls.CopyToAsync(upstream, token), upstream, socket, connection.ConnectionClosed);
        await CopyBackAsync(async () =>
        {
            await upstream.CopyToAsync(tls, connection.ConnectionClosed).ConfigureAwait(false);
            await tls.ShutdownAsync().ConfigureAwait(false);
        }, socket).ConfigureAwait(false);
        connection.Transport.Input.CancelPendingRead();
        await clientToBackend.ConfigureAwait(false);
    }

    // Client to backend: when the client finishes sending, the backend is told (half-close) and may still answer;
    // when the client breaks off, the backend connection is dropped.
    private static async Task PumpAsync(Func<CancellationToken, Task> copy, Stream upstream, Socket socket, CancellationToken closed)
    {
        try
        {
            await copy(closed).ConfigureAwait(false);
            if (upstream is SslStream backendTls)
            {
                await backendTls.ShutdownAsync().ConfigureAwait(false); // close_notify before the half-close
            }

            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            socket.Close();
        }
    }

    // Backend to client: when the backend finishes (or fails), the exchange is over and the client connection closes.
    private static async Task CopyBackAsync(Func<Task> copy, Socket socket)
    {
        try
        {
            await copy().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client or the backend went away; closing both is all that is left to do.
        }
        finally
        {
            socket.Close();
        }
    }

    // Reads the ClientHello. Consumed, its bytes come back as the prefix to replay to the backend; peeked (consume:
    // false), they stay in the pipe for whoever reads next and the prefix is empty.
    private static async Task<(byte[] Prefix, string? ServerName)?> ReadClientHelloAsync(PipeReader input, CancellationToken cancellationToken, bool consume = true)
    {
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                var outcome = ClientHello.TryRead(buffer, out var serverName);
                if (outcome == ClientHello.Outcome.NeedMoreData && !result.IsCompleted && buffer.Length <= ClientHello.MaxLength + 1024)
                {
                    input.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                byte[] prefix = [];
                if (consume)
                {
                    prefix = buffer.ToArray();
                    input.AdvanceTo(buffer.End);
                }
                else
                {
                    input.AdvanceTo(buffer.Start);
                }

                return outcome == ClientHello.Outcome.Parsed ? (prefix, serverName) : null;
            }
        }
        catch (OperationCanceledException)
        {
            return null; // no hello within the handshake timeout, or the client left
        }
    }
}
