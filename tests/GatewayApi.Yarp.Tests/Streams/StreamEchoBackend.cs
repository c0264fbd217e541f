using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests.Streams;

/// <summary>
/// A loopback TCP backend for TLSRoute/TCPRoute tests. It reads one line and answers
/// <c>{name} tls={true|false} got {line}</c>, then closes. With <c>tls</c> it ends TLS itself with its own
/// certificate (CN={name}), as a backend behind a Passthrough listener does.
/// </summary>
internal sealed class StreamEchoBackend : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2? _certificate;
    private readonly Task _accepting;

    private StreamEchoBackend(string name, bool tls)
    {
        Name = name;
        if (tls)
        {
            var (certificate, key) = TestCertificates.Create(name);
            using var pem = X509Certificate2.CreateFromPem(certificate, key);
            _certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Name { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public BackendEndpoint Endpoint => new("127.0.0.1", Port);

    public int Connections => Volatile.Read(ref _connections);

    private int _connections;

    public static StreamEchoBackend Start(string name, bool tls = false) => new(name, tls);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate });
                    stream = tls;
                }

                await using (stream)
                {
                    using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                    var line = await reader.ReadLineAsync(_stop.Token);
                    var answer = Encoding.ASCII.GetBytes($"{Name} tls={(_certificate is not null ? "true" : "false")} got {line}\n");
                    await stream.WriteAsync(answer, _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                // A client that gives up is no concern of the echo.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _certificate?.Dispose();
        _stop.Dispose();
    }
}
