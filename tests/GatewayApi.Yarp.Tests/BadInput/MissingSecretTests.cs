using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using GatewayApi.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GatewayApi.Yarp.Tests.BadInput;

/// <summary>
/// An HTTPS listener whose certificateRef names a Secret that does not exist: the configuration is still applied
/// (it is valid), the listener reports ResolvedRefs=False/InvalidCertificateRef, a TLS handshake on it fails
/// without a certificate, CertificateNotFound (event id 30, Warning) names the Secret, and the HTTP listener of the
/// same Gateway keeps serving.
/// </summary>
public sealed class MissingSecretTests
{
    private const string Listeners = """
          - name: http
            protocol: HTTP
            port: 80
            allowedRoutes:
              namespaces:
                from: All
          - name: https
            protocol: HTTPS
            port: 443
            hostname: secure.bad.test
            tls:
              mode: Terminate
              certificateRefs:
              - name: missing-cert
            allowedRoutes:
              namespaces:
                from: All

        """;

    [Fact]
    public async Task HttpsListenerWithoutItsSecret_HandshakeFails_Logged_HttpListenerServes()
    {
        await using var backend = await DisconnectBackend.StartAsync();
        var resolver = new StaticBackendEndpointResolver().Add(BadInputProxy.Namespace, "echo", 8080, new BackendEndpoint(backend.Address.Host, backend.Address.Port));
        await using var proxy = await BadInputProxy.StartAsync(BadInputProxy.Infrastructure(Listeners, "echo") + BadInputProxy.Route("ok", "/ok", "echo"), resolver);

        // The status says why the listener cannot serve.
        var gateway = Assert.Single(proxy.Configuration.Current.Status.Gateways);
        var https = Assert.Single(gateway.Status!.Listeners!, l => l.Name == "https");
        var resolved = Assert.Single(https.Conditions!, c => c.Type == "ResolvedRefs");
        Assert.Equal("False", resolved.Status);
        Assert.Equal("InvalidCertificateRef", resolved.Reason);

        // A TLS client asking for the listener's hostname gets no certificate: the handshake fails, the host lives on.
        var secure = proxy.App.Services.GetRequiredService<GatewayApiProxyListeners>().GetUri(443);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => HandshakeAsync(secure, "secure.bad.test"));
        Assert.True(failure is AuthenticationException or IOException, failure.ToString());

        var logged = await proxy.WaitForEventAsync(30, "https");
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("missing-cert", logged.Message, StringComparison.Ordinal);

        using var client = proxy.HttpClient();
        Assert.Equal("ok", await client.GetStringAsync("/ok"));

        // A second handshake fails the same way (nothing was left half-broken by the first).
        await Assert.ThrowsAnyAsync<Exception>(() => HandshakeAsync(secure, "secure.bad.test"));
        Assert.Equal("ok", await client.GetStringAsync("/ok"));
    }

    private static async Task HandshakeAsync(Uri address, string serverName)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = serverName }, cancel.Token);
    }
}
