using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests.Streams;

/// <summary>
/// TLS and TCP listeners served as byte streams: TLSRoute by SNI with Passthrough (the backend's own TLS reaches
/// the client) and Terminate (the listener's certificate, plaintext to the backend) on one port (TLSRouteModeMixed),
/// TCPRoute by port, and the connections the spec says to reject.
/// </summary>
public sealed class StreamProxyTests : IAsyncLifetime
{
    private const string Gateway = """

        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: gw
          namespace: default
        spec:
          gatewayClassName: yarp
          listeners:
          - name: pass
            port: 443
            protocol: TLS
            hostname: "*.pass.example.com"
            tls:
              mode: Passthrough
          - name: term
            port: 443
            protocol: TLS
            hostname: term.example.org
            tls:
              mode: Terminate
              certificateRefs:
              - name: term-cert
          - name: tcp
            port: 9000
            protocol: TCP
        ---
        """;

    private const string Routes = """

        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata:
          name: pass-a
          namespace: default
        spec:
          parentRefs:
          - {name: gw, sectionName: pass}
          hostnames: [a.pass.example.com]
          rules:
          - backendRefs:
            - {name: tls-a, port: 443}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata:
          name: pass-wildcard
          namespace: default
        spec:
          parentRefs:
          - {name: gw, sectionName: pass}
          hostnames: ["*.pass.example.com"]
          rules:
          - backendRefs:
            - {name: tls-b, port: 443}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata:
          name: term
          namespace: default
        spec:
          parentRefs:
          - {name: gw, sectionName: term}
          hostnames: [term.example.org]
          rules:
          - backendRefs:
            - {name: plain, port: 8080}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: TCPRoute
        metadata:
          name: tcp
          namespace: default
        spec:
          parentRefs:
          - {name: gw, sectionName: tcp}
          rules:
          - backendRefs:
            - {name: tcp-echo, port: 7000}
        ---
        """;

    private StreamEchoBackend _tlsA = null!;
    private StreamEchoBackend _tlsB = null!;
    private StreamEchoBackend _plain = null!;
    private StreamEchoBackend _tcp = null!;
    private TestProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _tlsA = StreamEchoBackend.Start("tls-a", tls: true);
        _tlsB = StreamEchoBackend.Start("tls-b", tls: true);
        _plain = StreamEchoBackend.Start("plain");
        _tcp = StreamEchoBackend.Start("tcp-echo");
        var resolver = new StaticBackendEndpointResolver()
            .Add("default", "tls-a", 443, _tlsA.Endpoint)
            .Add("default", "tls-b", 443, _tlsB.Endpoint)
            .Add("default", "plain", 8080, _plain.Endpoint)
            .Add("default", "tcp-echo", 7000, _tcp.Endpoint);
        var manifests = Manifests.GatewayClass + Gateway + TestCertificates.Secret("term-cert", "term.example.org") + Routes
            + Manifests.Service("tls-a", port: 443) + Manifests.Service("tls-b", port: 443) + Manifests.Service("plain") + Manifests.Service("tcp-echo", port: 7000);
        _proxy = await TestProxy.StartAsync(manifests, resolver, listenerPorts: [443, 9000]);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _tlsA.DisposeAsync();
        await _tlsB.DisposeAsync();
        await _plain.DisposeAsync();
        await _tcp.DisposeAsync();
    }

    [Fact]
    public void The_ports_are_bound_as_TLS_and_TCP()
    {
        Assert.Equal("TLS", _proxy.Listeners.Bound.Single(b => b.ListenerPort == 443).Protocol);
        Assert.Equal("TCP", _proxy.Listeners.Bound.Single(b => b.ListenerPort == 9000).Protocol);
        Assert.StartsWith("tcp://127.0.0.1:", _proxy.Listeners.GetUri(9000).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passthrough_routes_by_SNI_and_the_client_talks_TLS_with_the_backend_itself()
    {
        // Exact hostname beats the wildcard route (TLSRoute hostname precedence); the certificate is the backend's.
        var (answer, certificate) = await SendOverTlsAsync("a.pass.example.com", "hello");
        Assert.Equal("tls-a tls=true got hello", answer);
        Assert.Equal("CN=tls-a", certificate);

        (answer, certificate) = await SendOverTlsAsync("other.pass.example.com", "hi");
        Assert.Equal("tls-b tls=true got hi", answer);
        Assert.Equal("CN=tls-b", certificate);
    }

    [Fact]
    public async Task Terminate_ends_TLS_with_the_listener_certificate_and_sends_plaintext_to_the_backend()
    {
        var (answer, certificate) = await SendOverTlsAsync("term.example.org", "in the clear");
        Assert.Equal("plain tls=false got in the clear", answer);
        Assert.Equal("CN=term.example.org", certificate);
    }

    [Fact]
    public async Task An_SNI_no_listener_or_route_serves_is_refused_and_logged()
    {
        var before = _tlsA.Connections + _tlsB.Connections + _plain.Connections;
        await Assert.ThrowsAnyAsync<IOException>(() => SendOverTlsAsync("nobody.example.net", "x"));
        var line = await WaitForLogAsync(15, "nobody.example.net");
        Assert.Contains("NoListenerForServerName", line, StringComparison.Ordinal);
        Assert.Equal(before, _tlsA.Connections + _tlsB.Connections + _plain.Connections);
    }

    [Fact]
    public async Task Bytes_that_are_not_a_ClientHello_are_refused()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _proxy.Listeners.GetUri(443).Port);
        var stream = client.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: term.example.org\r\n\r\n"u8.ToArray());
        var buffer = new byte[64];
        Assert.Equal(0, await ReadOrResetAsync(stream, buffer));
        var line = await WaitForLogAsync(15, "NotTlsClientHello");
        Assert.Contains("port 443", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TCPRoute_carries_every_connection_of_its_listener()
    {
        for (var i = 0; i < 3; i++)
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", _proxy.Listeners.GetUri(9000).Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"ping {i}\n"));
            using var reader = new StreamReader(stream);
            Assert.Equal($"tcp-echo tls=false got ping {i}", await reader.ReadLineAsync());
        }
    }

    [Fact]
    public async Task When_the_backend_closes_first_the_client_connection_closes_too()
    {
        // The echo answers one line and closes; the client never half-closes, yet must see the end of the stream.
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _proxy.Listeners.GetUri(9000).Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("one line\n"));
        using var reader = new StreamReader(stream);
        Assert.Equal("tcp-echo tls=false got one line", await reader.ReadLineAsync());
        Assert.Null(await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_TCP_backend_that_is_down_closes_the_connection_and_is_logged()
    {
        var port = _tcp.Port;
        await _tcp.DisposeAsync();
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _proxy.Listeners.GetUri(9000).Port);
        var stream = client.GetStream();
        await stream.WriteAsync("ping\n"u8.ToArray());
        Assert.Equal(0, await ReadOrResetAsync(stream, new byte[16]));
        var line = await WaitForLogAsync(16, $"127.0.0.1:{port}");
        Assert.Contains("tcp-echo", line, StringComparison.Ordinal);
        _tcp = StreamEchoBackend.Start("tcp-echo"); // DisposeAsync disposes it again
    }

    private async Task<(string Answer, string Certificate)> SendOverTlsAsync(string serverName, string line)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _proxy.Listeners.GetUri(443).Port);
        await using var tls = new SslStream(client.GetStream());
        string? subject = null;
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = serverName,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                subject = certificate?.Subject;
                return true;
            },
        });
        await tls.WriteAsync(Encoding.ASCII.GetBytes(line + "\n"));
        using var reader = new StreamReader(tls, Encoding.ASCII);
        var answer = await reader.ReadLineAsync() ?? throw new IOException("the connection closed without an answer");
        return (answer, subject!);
    }

    private async Task<string> WaitForLogAsync(int eventId, string containing)
    {
        string? found = null;
        await Eventually.TrueAsync(
            () => (found = _proxy.Logs.WithEventId(eventId).Select(e => e.Message).FirstOrDefault(m => m.Contains(containing, StringComparison.Ordinal))) is not null,
            $"a log line {eventId} containing '{containing}'");
        return found!;
    }

    private static async Task<int> ReadOrResetAsync(NetworkStream stream, byte[] buffer)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await stream.ReadAsync(buffer, timeout.Token);
        }
        catch (IOException)
        {
            return 0; // a reset is a refusal too
        }
    }
}
