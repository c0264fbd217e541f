using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests.Streams;

/// <summary>
/// HTTPS and TLS listeners on one port, told apart by hostname: the SNI picks the listener (the most specific
/// hostname, whatever its protocol), so one connection is terminated and routed as HTTP, another is passed through to
/// its TLSRoute's backend untouched.
/// </summary>
public sealed class SharedHttpsTlsPortTests(EchoBackends backends) : IClassFixture<EchoBackends>, IAsyncLifetime
{
    private const string Gateway = """

        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: default}
        spec:
          gatewayClassName: yarp
          listeners:
          - {name: web, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: {certificateRefs: [{name: web-cert}]}}
          - {name: pass, port: 443, protocol: TLS, hostname: pass.example.com, tls: {mode: Passthrough}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: default}
        spec:
          parentRefs: [{name: gw, sectionName: web}]
          rules: [{backendRefs: [{name: echo-a, port: 8080}]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: {name: pass, namespace: default}
        spec:
          parentRefs: [{name: gw, sectionName: pass}]
          hostnames: [pass.example.com]
          rules: [{backendRefs: [{name: tls-echo, port: 443}]}]
        ---
        """;

    private StreamEchoBackend _tlsEcho = null!;
    private TestProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _tlsEcho = StreamEchoBackend.Start("tls-echo", tls: true);
        backends.Resolver.Add("default", "tls-echo", 443, _tlsEcho.Endpoint);
        _proxy = await TestProxy.StartAsync(
            Manifests.GatewayClass + Gateway + TestCertificates.Secret("web-cert", "*.example.com") + Manifests.Services("echo-a") + Manifests.Service("tls-echo", port: 443),
            backends.Resolver);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _tlsEcho.DisposeAsync();
    }

    [Fact]
    public void The_port_is_bound_once_as_HTTPS()
    {
        Assert.Equal("HTTPS", Assert.Single(_proxy.Listeners.Bound, b => b.ListenerPort == 443).Protocol);
    }

    [Fact]
    public async Task An_SNI_of_the_HTTPS_listener_is_terminated_and_routed_as_HTTP()
    {
        var (certificate, stream) = await ConnectAsync("www.example.com");
        await using (stream)
        {
            Assert.Equal("CN=*.example.com", certificate);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /page HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n"));
            var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync();
            Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
            Assert.Contains("\"backend\":\"echo-a\"", answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_more_specific_TLS_listener_gets_its_SNI_and_the_connection_is_passed_through()
    {
        // pass.example.com also matches *.example.com (HTTPS); the exact TLS listener is more specific and wins.
        var (certificate, stream) = await ConnectAsync("pass.example.com");
        await using (stream)
        {
            Assert.Equal("CN=tls-echo", certificate); // the backend's own certificate: the proxy did not terminate
            await stream.WriteAsync(Encoding.ASCII.GetBytes("hello\n"));
            Assert.Equal("tls-echo tls=true got hello", await new StreamReader(stream, Encoding.ASCII).ReadLineAsync());
        }
    }

    private async Task<(string Certificate, SslStream Stream)> ConnectAsync(string serverName)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _proxy.Listeners.GetUri(443).Port);
        var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        string? subject = null;
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = serverName,
            ApplicationProtocols = [SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                subject = certificate?.Subject;
                return true;
            },
        });
        return (subject!, tls);
    }
}
