using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests;

/// <summary>
/// BackendTLSPolicy executed for real (routing-semantics.md §10): the proxy originates TLS to an HTTPS echo backend
/// whose certificate a test CA issued, sends the policy hostname as SNI, trusts only the policy's CA, and checks the
/// certificate's identity (hostname, or the policy's subjectAltNames). Every way verification can fail gets a 5xx,
/// never the backend's answer.
/// </summary>
public sealed class BackendTlsTests : IAsyncLifetime
{
    private const int BackendPort = 443;
    private static readonly string[] Services = ["verified", "mismatch", "san-uri", "san-miss", "wrong-ca", "no-ca", "system-ca", "tcp-tls", "tls12-min12", "tls12-min13", "tls12-bad-min"];

    private readonly TestAuthority _authority = new("backend-ca");
    private readonly TestAuthority _stranger = new("other-ca");
    private EchoServer _backend = null!;
    private EchoServer _tls12Backend = null!;
    private TestProxy _proxy = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _backend = await EchoServer.StartAsync("tls-echo", _authority.Issue("backend.example.com", "spiffe://cluster.local/ns/default/sa/backend"));
        _tls12Backend = await EchoServer.StartAsync("tls12-echo", _authority.Issue("backend.example.com"), System.Security.Authentication.SslProtocols.Tls12);
        var resolver = new StaticBackendEndpointResolver();
        foreach (var service in Services)
        {
            resolver.Add("default", service, BackendPort, new BackendEndpoint("127.0.0.1", service.StartsWith("tls12-", StringComparison.Ordinal) ? _tls12Backend.Port : _backend.Port));
        }

        _proxy = await TestProxy.StartAsync(Manifests(), resolver, listenerPorts: [80, 9000]);
        _client = _proxy.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _proxy.DisposeAsync();
        await _backend.DisposeAsync();
        await _tls12Backend.DisposeAsync();
    }

    [Fact]
    public async Task The_min_tls_version_option_is_honoured_and_a_bad_value_fails_closed()
    {
        // A backend that speaks TLS 1.2 only: reached when the policy allows 1.2, refused when it asks for 1.3.
        var (allowed, echo) = await _client.EchoGetAsync("/tls12-min12/x");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("tls12-echo", echo!.Backend);
        Assert.Equal(HttpStatusCode.BadGateway, (await _client.EchoGetAsync("/tls12-min13/x")).Response.StatusCode);

        // A value this data plane cannot honour never means "less than asked": the connection fails.
        Assert.Equal(HttpStatusCode.BadGateway, (await _client.EchoGetAsync("/tls12-bad-min/x")).Response.StatusCode);
        Assert.Contains(_proxy.Logs.WithEventId(10), e => e.Message.Contains("tls12-bad-min", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_verified_backend_is_reached_over_TLS_with_the_policy_hostname_as_SNI()
    {
        var (response, echo) = await _client.EchoGetAsync("/verified/x", "app.example.com");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("backend.example.com", echo!.ServerName);
        Assert.Equal("/verified/x", echo.Path);
        Assert.Equal("app.example.com", echo.Host); // the Host header is the client's, only the SNI is the policy's
    }

    [Fact]
    public async Task The_Gateway_presents_its_backend_client_certificate()
    {
        // GEP-3155: spec.tls.backend.clientCertificateRef is presented on the TLS connections the Gateway originates.
        var (response, echo) = await _client.EchoGetAsync("/verified/client");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CN=gateway.example.com", echo!.ClientCertificate);
    }

    [Fact]
    public async Task A_certificate_that_does_not_match_the_hostname_fails_with_a_5xx()
    {
        var (response, echo) = await _client.EchoGetAsync("/mismatch");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Null(echo);
        Assert.Contains(_proxy.Logs.WithEventId(10), e => e.Message.Contains("mismatch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_subjectAltNames_a_listed_URI_authenticates_and_the_hostname_is_only_the_SNI()
    {
        var (response, echo) = await _client.EchoGetAsync("/san-uri");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("other.example.com", echo!.ServerName);
    }

    [Fact]
    public async Task With_subjectAltNames_none_of_which_the_certificate_has_the_connection_fails()
    {
        // The hostname (backend.example.com) would match, but once subjectAltNames is set it is not used to authenticate.
        var (response, _) = await _client.EchoGetAsync("/san-miss");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task A_certificate_from_a_CA_the_policy_does_not_name_fails()
    {
        var (response, _) = await _client.EchoGetAsync("/wrong-ca");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task A_policy_without_a_valid_CA_reference_answers_500_without_connecting()
    {
        var (response, _) = await _client.EchoGetAsync("/no-ca");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(_backend.Received, r => r.Path == "/no-ca");
    }

    [Fact]
    public async Task System_roots_do_not_trust_a_private_CA()
    {
        var (response, _) = await _client.EchoGetAsync("/system-ca");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task A_TCPRoute_backend_under_a_policy_gets_TLS_too()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _proxy.Listeners.GetUri(9000).Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /over-tcp HTTP/1.1\r\nHost: tcp.example.com\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"/over-tcp\"", answer, StringComparison.Ordinal);
        Assert.Contains("\"serverName\":\"backend.example.com\"", answer, StringComparison.Ordinal);
        Assert.Contains("\"clientCertificate\":\"CN=gateway.example.com\"", answer, StringComparison.Ordinal);
    }

    private string Manifests()
    {
        var text = new StringBuilder(TestSupport.Manifests.GatewayClass);
        text.Append("""

            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: default}
            spec:
              gatewayClassName: yarp
              listeners:
              - {name: http, port: 80, protocol: HTTP}
              - {name: tcp, port: 9000, protocol: TCP}
              tls:
                backend:
                  clientCertificateRef: {name: gateway-client}
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: {name: tcp, namespace: default}
            spec:
              parentRefs: [{name: gw, sectionName: tcp}]
              rules: [{backendRefs: [{name: tcp-tls, port: 443}]}]
            ---
            """);
        text.Append(TestCertificates.Secret("gateway-client", "gateway.example.com"));
        text.Append(TestCertificates.CaBundle("backend-ca", _authority.Pem)).Append(TestCertificates.CaBundle("other-ca", _stranger.Pem));
        foreach (var service in Services)
        {
            text.Append(TestSupport.Manifests.Service(service, port: BackendPort));
            if (service != "tcp-tls")
            {
                text.Append($$$"""

                    apiVersion: gateway.networking.k8s.io/v1
                    kind: HTTPRoute
                    metadata: {name: {{{service}}}, namespace: default}
                    spec:
                      parentRefs: [{name: gw, sectionName: http}]
                      rules:
                      - matches: [{path: {type: PathPrefix, value: /{{{service}}}}}]
                        backendRefs: [{name: {{{service}}}, port: {{{BackendPort}}}}]
                    ---
                    """);
            }
        }

        text.Append(Policy("verified", "backend.example.com", "caCertificateRefs: [{group: \"\", kind: ConfigMap, name: backend-ca}]"));
        text.Append(Policy("mismatch", "mismatch.example.com", "caCertificateRefs: [{group: \"\", kind: ConfigMap, name: backend-ca}]"));
        text.Append(Policy("san-uri", "other.example.com", """
            caCertificateRefs: [{group: "", kind: ConfigMap, name: backend-ca}]
                subjectAltNames:
                - {type: Hostname, hostname: nothing.example.com}
                - {type: URI, uri: "spiffe://cluster.local/ns/default/sa/backend"}
            """));
        text.Append(Policy("san-miss", "backend.example.com", """
            caCertificateRefs: [{group: "", kind: ConfigMap, name: backend-ca}]
                subjectAltNames:
                - {type: Hostname, hostname: nothing.example.com}
                - {type: URI, uri: "spiffe://cluster.local/ns/default/sa/someone-else"}
            """));
        text.Append(Policy("wrong-ca", "backend.example.com", "caCertificateRefs: [{group: \"\", kind: ConfigMap, name: other-ca}]"));
        text.Append(Policy("no-ca", "backend.example.com", "caCertificateRefs: [{group: \"\", kind: ConfigMap, name: does-not-exist}]"));
        text.Append(Policy("system-ca", "backend.example.com", "wellKnownCACertificates: System"));
        text.Append(Policy("tcp-tls", "backend.example.com", "caCertificateRefs: [{group: \"\", kind: ConfigMap, name: backend-ca}]"));
        foreach (var (service, minimum) in new[] { ("tls12-min12", "\"1.2\""), ("tls12-min13", "\"1.3\""), ("tls12-bad-min", "\"1.1\"") })
        {
            text.Append(Policy(service, "backend.example.com", "caCertificateRefs: [{group: \"\", kind: ConfigMap, name: backend-ca}]", $"{GatewayApiProxyOptions.MinimumTlsVersionOption}: {minimum}"));
        }
        return text.ToString();
    }

    private static string Policy(string service, string hostname, string validation, string? option = null) => $$"""

        apiVersion: gateway.networking.k8s.io/v1
        kind: BackendTLSPolicy
        metadata: {name: {{service}}, namespace: default}
        spec:
          targetRefs: [{group: "", kind: Service, name: {{service}}}]
          {{(option is null ? "" : "options: {" + option + "}")}}
          validation:
            hostname: {{hostname}}
            {{validation}}
        ---
        """;
}
