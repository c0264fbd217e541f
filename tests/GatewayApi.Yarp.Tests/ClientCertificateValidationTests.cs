using System.Net;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests;

/// <summary>
/// Client-certificate validation on HTTPS listeners (Gateway spec.tls.frontend, GEP-91; attachment-and-status.md
/// §3.5): with AllowValidOnly a connection needs a client certificate that chains to the configured CA, with
/// AllowInsecureFallback (here on one port, by perPort) any connection is served, and a reload changes the rule for
/// the next connection.
/// </summary>
public sealed class ClientCertificateValidationTests(EchoBackends backends) : IClassFixture<EchoBackends>
{
    private readonly TestAuthority _clients = new("client-ca");
    private readonly TestAuthority _stranger = new("stranger-ca");

    private const string Frontend = """
          tls:
            frontend:
              default:
                validation:
                  caCertificateRefs: [{group: "", kind: ConfigMap, name: client-ca}]
              perPort:
              - port: 8443
                tls:
                  validation:
                    mode: AllowInsecureFallback
                    caCertificateRefs: [{group: "", kind: ConfigMap, name: client-ca}]

        """;

    private const string Listeners = """
          listeners:
          - {name: strict, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: server}]}}
          - {name: lenient, port: 8443, protocol: HTTPS, tls: {certificateRefs: [{name: server}]}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: default}
        spec:
          parentRefs: [{name: gw}]
          rules: [{backendRefs: [{name: echo-a, port: 8080}]}]
        ---
        """;

    private string Manifests(bool validation) => TestSupport.Manifests.GatewayClass + """

        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: default}
        spec:
          gatewayClassName: yarp

        """ + (validation ? Frontend : string.Empty) + Listeners
        + TestCertificates.Secret("server", "gw.example.com") + TestCertificates.CaBundle("client-ca", _clients.Pem) + TestSupport.Manifests.Services("echo-a");

    private Task<TestProxy> StartAsync() => TestProxy.StartAsync(Manifests(validation: true), backends.Resolver, listenerPorts: [443, 8443]);

    [Fact]
    public async Task A_client_certificate_from_the_configured_CA_is_served()
    {
        await using var proxy = await StartAsync();
        var response = await GetAsync(proxy, 443, _clients.Issue("client.example.com"));
        Assert.Equal(HttpStatusCode.OK, response);
    }

    [Fact]
    public async Task Without_a_client_certificate_the_handshake_is_refused()
    {
        await using var proxy = await StartAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(proxy, 443, null));
    }

    [Fact]
    public async Task A_client_certificate_from_another_CA_is_refused()
    {
        await using var proxy = await StartAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(proxy, 443, _stranger.Issue("client.example.com")));
    }

    [Fact]
    public async Task AllowInsecureFallback_on_a_port_serves_clients_without_a_valid_certificate()
    {
        await using var proxy = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, await GetAsync(proxy, 8443, null));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(proxy, 8443, _stranger.Issue("client.example.com")));
    }

    [Fact]
    public async Task A_reload_that_removes_validation_applies_to_the_next_connection()
    {
        await using var proxy = await StartAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(proxy, 443, null));
        Assert.True(proxy.Configuration.Apply(Manifests(validation: false), "test").Accepted);
        Assert.Equal(HttpStatusCode.OK, await GetAsync(proxy, 443, null));
    }

    private static async Task<HttpStatusCode> GetAsync(TestProxy proxy, int listenerPort, X509Certificate2? clientCertificate)
    {
        using var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
                LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
            },
        };
        using var client = new HttpClient(handler);
        var uri = new UriBuilder(proxy.Uri(listenerPort)) { Scheme = "https", Host = "127.0.0.1" }.Uri;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Host = "gw.example.com";
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
