using System.Security.Authentication;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests;

/// <summary>TLS termination with certificates from Secrets, chosen by SNI per listener hostname; the SNI picks the listener.</summary>
public sealed class TlsTests(EchoBackends backends) : IClassFixture<EchoBackends>
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
          - name: a
            port: 443
            protocol: HTTPS
            hostname: a.example.com
            tls:
              mode: Terminate
              certificateRefs:
              - name: cert-a
          - name: b
            port: 443
            protocol: HTTPS
            hostname: b.example.com
            tls:
              mode: Terminate
              certificateRefs:
              - name: cert-b
        ---
        """;

    private static string Route(string name, string section, string backend) => $"""

        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: {name}
          namespace: default
        spec:
          parentRefs:
          - name: gw
            sectionName: {section}
          rules:
          - backendRefs:
            - name: {backend}
              port: 8080
        ---
        """;

    private Task<TestProxy> StartAsync(string certA = "a.example.com", string certB = "b.example.com") => TestProxy.StartAsync(
        Manifests.GatewayClass + Gateway + TestCertificates.Secret("cert-a", certA) + TestCertificates.Secret("cert-b", certB)
        + Manifests.Services("echo-a", "echo-b") + Route("route-a", "a", "echo-a") + Route("route-b", "b", "echo-b"),
        backends.Resolver);

    [Fact]
    public async Task The_sni_chooses_the_certificate_and_the_listener()
    {
        await using var proxy = await StartAsync();
        var port = proxy.Uri(443).Port;

        var a = await RawHttpsAsync(port, "a.example.com", "a.example.com");
        Assert.Equal("CN=a.example.com", a.Certificate);
        Assert.StartsWith("HTTP/1.1 200", a.Response, StringComparison.Ordinal);
        Assert.Contains("\"backend\":\"echo-a\"", a.Response, StringComparison.Ordinal);

        var b = await RawHttpsAsync(port, "b.example.com", "b.example.com");
        Assert.Equal("CN=b.example.com", b.Certificate);
        Assert.Contains("\"backend\":\"echo-b\"", b.Response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_of_another_listener_than_the_sni_is_misdirected()
    {
        await using var proxy = await StartAsync();
        var misdirected = await RawHttpsAsync(proxy.Uri(443).Port, "a.example.com", "b.example.com");
        Assert.StartsWith("HTTP/1.1 421", misdirected.Response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http2_is_negotiated_with_alpn()
    {
        await using var proxy = await StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", proxy.Uri(443).Port);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "a.example.com",
            ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        Assert.Equal(SslApplicationProtocol.Http2, tls.NegotiatedApplicationProtocol);
    }

    [Fact]
    public async Task A_reload_changes_the_certificate_without_a_restart()
    {
        await using var proxy = await StartAsync();
        var port = proxy.Uri(443).Port;
        Assert.Equal("CN=a.example.com", (await RawHttpsAsync(port, "a.example.com", "a.example.com")).Certificate);

        // Same listeners, new Secret content for cert-a: a certificate with another subject.
        var change = proxy.Configuration.Apply(
            Manifests.GatewayClass + Gateway + TestCertificates.Secret("cert-a", "renewed.a.example.com") + TestCertificates.Secret("cert-b", "b.example.com")
            + Manifests.Services("echo-a", "echo-b") + Route("route-a", "a", "echo-a") + Route("route-b", "b", "echo-b"));
        Assert.True(change.Accepted, change.Error);
        Assert.Equal("CN=renewed.a.example.com", (await RawHttpsAsync(port, "a.example.com", "a.example.com")).Certificate);
    }

    [Fact]
    public async Task A_ListenerSet_HTTPS_listener_is_bound_and_uses_the_Secret_of_the_ListenerSet_namespace()
    {
        // The Gateway admits ListenerSets of its namespace; the set's listener brings its own port and certificate,
        // and its certificateRef without a namespace means the ListenerSet's namespace (here "team", not the Gateway's).
        const string gateway = """

            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: default
            spec:
              gatewayClassName: yarp
              allowedListeners:
                namespaces:
                  from: All
              listeners:
              - name: http
                port: 80
                protocol: HTTP
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: ListenerSet
            metadata:
              name: team-listeners
              namespace: team
            spec:
              parentRef: {name: gw, namespace: default}
              listeners:
              - name: secure
                port: 443
                protocol: HTTPS
                hostname: team.example.com
                tls:
                  certificateRefs:
                  - name: team-cert
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: team-route
              namespace: team
            spec:
              parentRefs:
              - {group: gateway.networking.k8s.io, kind: ListenerSet, name: team-listeners, sectionName: secure}
              rules:
              - backendRefs:
                - name: echo-a
                  port: 8080
            ---
            """;
        var resolver = new StaticBackendEndpointResolver().Add("team", "echo-a", 8080, new BackendEndpoint("127.0.0.1", backends.A.Port));
        await using var proxy = await TestProxy.StartAsync(
            Manifests.GatewayClass + gateway + TestCertificates.Secret("team-cert", "team.example.com", "team") + Manifests.Service("echo-a", "team"),
            resolver);

        var answer = await RawHttpsAsync(proxy.Uri(443).Port, "team.example.com", "team.example.com");
        Assert.Equal("CN=team.example.com", answer.Certificate);
        Assert.StartsWith("HTTP/1.1 200", answer.Response, StringComparison.Ordinal);
        Assert.Contains("\"backend\":\"echo-a\"", answer.Response, StringComparison.Ordinal);
    }

    /// <summary>One HTTP/1.1 request over TLS with the given SNI and Host; returns the server certificate's subject and the raw response.</summary>
    [Fact]
    public async Task A_session_cookie_issued_over_https_is_Secure()
    {
        const string sticky = """

            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: sticky, namespace: default}
            spec:
              parentRefs: [{name: gw, sectionName: a}]
              rules:
              - matches: [{path: {type: PathPrefix, value: /tls}}]
                sessionPersistence: {sessionName: s}
                backendRefs: [{name: echo-a, port: 8080}]
            ---
            """;
        await using var proxy = await TestProxy.StartAsync(
            Manifests.GatewayClass + Gateway + TestCertificates.Secret("cert-a", "a.example.com") + TestCertificates.Secret("cert-b", "b.example.com")
            + Manifests.Services("echo-a", "echo-b") + Route("route-a", "a", "echo-a") + sticky,
            backends.Resolver);

        var (_, response) = await RawHttpsAsync(proxy.Uri(443).Port, "a.example.com", "a.example.com");
        var setCookie = response.Split("\r\n").Single(line => line.StartsWith("Set-Cookie:", StringComparison.OrdinalIgnoreCase));
        Assert.EndsWith("; Path=/tls; HttpOnly; SameSite=Strict; Secure", setCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listener_min_tls_version_option_refuses_older_clients_and_a_bad_value_refuses_all()
    {
        // Listener a asks for TLS 1.3; listener b names a version this proxy cannot honour.
        var gateway = WithTlsOption(WithTlsOption(Gateway, "cert-a", "1.3"), "cert-b", "1.0");
        Assert.Contains("\"1.3\"", gateway, StringComparison.Ordinal);
        await using var proxy = await TestProxy.StartAsync(
            Manifests.GatewayClass + gateway + TestCertificates.Secret("cert-a", "a.example.com") + TestCertificates.Secret("cert-b", "b.example.com")
            + Manifests.Services("echo-a", "echo-b") + Route("route-a", "a", "echo-a") + Route("route-b", "b", "echo-b"),
            backends.Resolver);
        var port = proxy.Uri(443).Port;

        var (_, response) = await RawHttpsAsync(port, "a.example.com", "a.example.com", SslProtocols.Tls13);
        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => RawHttpsAsync(port, "a.example.com", "a.example.com", SslProtocols.Tls12));
        await Assert.ThrowsAnyAsync<Exception>(() => RawHttpsAsync(port, "b.example.com", "b.example.com", SslProtocols.Tls13));
        Assert.Contains(proxy.Logs.WithEventId(30), e => e.Message.Contains("1.0", StringComparison.Ordinal));
    }

    // Adds tls.options (beside certificateRefs) to the listener whose certificate is named.
    private static string WithTlsOption(string yaml, string certificate, string minimumVersion)
    {
        var lines = yaml.Split('\n').ToList();
        var at = lines.FindIndex(l => l.Trim() == "- name: " + certificate);
        var refs = lines[at - 1];
        lines.Insert(at + 1, refs[..(refs.Length - refs.TrimStart().Length)] + $"options: {{\"{GatewayApiProxyOptions.MinimumTlsVersionOption}\": \"{minimumVersion}\"}}");
        return string.Join('\n', lines);
    }

    private static async Task<(string Certificate, string Response)> RawHttpsAsync(int port, string serverName, string host, SslProtocols protocols = SslProtocols.None)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = serverName,
            EnabledSslProtocols = protocols,
            ApplicationProtocols = [SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        var subject = new X509Certificate2(tls.RemoteCertificate!).Subject;
        await tls.WriteAsync(Encoding.ASCII.GetBytes($"GET /tls HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(tls, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (subject, response);
    }
}
