using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;
using k8s;
using k8s.Models;

namespace GatewayApi.Routing.Tests.Attachment;

/// <summary>
/// Listener distinctness, conflicts and overlapping TLS inside one Gateway: attachment-and-status.md §3.1, §3.2, §3.4
/// (upstream apis/v1/gateway_types.go GatewaySpec.Listeners, ListenerConditionConflicted/OverlappingTLSConfig; GEP-2644, GEP-3567).
/// </summary>
public class ListenerConflictTests
{
    private static GatewayStatus Gateway(string listeners, StatusEngineOptions? options = null, IEnumerable<IKubernetesObject<V1ObjectMeta>>? extra = null)
        => Scenario.Run($$"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra}
            spec:
              gatewayClassName: gw-class
              listeners:
            {{listeners}}
            """, options, extra).Gateway("infra", "gw");

    private static readonly IKubernetesObject<V1ObjectMeta>[] Certs =
    [
        Scenario.TlsSecret("infra", "foo", "foo.example.com"),
        Scenario.TlsSecret("infra", "wild", "*.example.com"),
        Scenario.TlsSecret("infra", "org", "foo.example.org"),
        Scenario.TlsSecret("infra", "bar", "bar.example.net"),
    ];

    private static void AssertConflicted(ListenerStatus listener, string reason)
    {
        listener.Condition("Conflicted").Is("True", reason);
        listener.Condition("Accepted").Is("False", reason);
        listener.Condition("Programmed").Is("False", reason);
    }

    [Fact]
    public void HttpAndHttpsOnOnePort_AreBothProtocolConflict_NoWinner()
    {
        // §3.2: indistinct listeners inside one Gateway are all conflicted; the Gateway stays accepted with the others.
        var gateway = Gateway("""
              - {name: http, port: 8443, protocol: HTTP}
              - {name: https, port: 8443, protocol: HTTPS, tls: {certificateRefs: [{name: foo}]}}
              - {name: other, port: 80, protocol: HTTP}
            """, extra: Certs);
        AssertConflicted(gateway.Listener("http"), "ProtocolConflict");
        AssertConflicted(gateway.Listener("https"), "ProtocolConflict");
        gateway.Listener("other").Condition("Conflicted").Is("False", "NoConflicts");
        gateway.Conditions.Condition("Accepted").Is("True", "ListenersNotValid");
    }

    [Fact]
    public void HttpsAndTlsWithTheSameHostnameOnOnePort_AreHostnameConflict()
    {
        var gateway = Gateway("""
              - {name: https, port: 443, protocol: HTTPS, hostname: foo.example.com, tls: {certificateRefs: [{name: foo}]}}
              - {name: tls, port: 443, protocol: TLS, hostname: foo.example.com, tls: {mode: Passthrough}}
            """, extra: Certs);
        AssertConflicted(gateway.Listener("https"), "HostnameConflict");
        AssertConflicted(gateway.Listener("tls"), "HostnameConflict");
        gateway.Conditions.Condition("Accepted").Is("False", "ListenersNotValid");
    }

    [Fact]
    public void HttpsAndTlsPassthroughWithDifferentHostnames_AreDistinct()
    {
        var gateway = Gateway("""
              - {name: https, port: 443, protocol: HTTPS, hostname: foo.example.com, tls: {certificateRefs: [{name: foo}]}}
              - {name: tls, port: 443, protocol: TLS, hostname: bar.example.com, tls: {mode: Passthrough}}
            """, extra: Certs);
        gateway.Listener("https").Condition("Conflicted").Is("False", "NoConflicts");
        gateway.Listener("tls").Condition("Conflicted").Is("False", "NoConflicts");
    }

    [Fact]
    public void TcpListener_MakesEveryHttpListenerOnItsPortIndistinct()
    {
        // GEP-2644: with TCP supported, HTTP/HTTPS/TLS listeners on a TCP listener's port are all conflicted.
        var gateway = Gateway("""
              - {name: tcp, port: 80, protocol: TCP}
              - {name: http, port: 80, protocol: HTTP}
              - {name: udp, port: 80, protocol: UDP}
            """);
        AssertConflicted(gateway.Listener("tcp"), "ProtocolConflict");
        AssertConflicted(gateway.Listener("http"), "ProtocolConflict");
        // TCP and UDP on the same port are distinct.
        gateway.Listener("udp").Condition("Conflicted").Is("False", "NoConflicts");
    }

    [Fact]
    public void UnsupportedTcpListener_IsNotAccepted_AndConflictsWithNothing()
    {
        // GEP-2644: without TCP support the TCP listener is simply not accepted.
        var gateway = Gateway("""
              - {name: tcp, port: 80, protocol: TCP}
              - {name: http, port: 80, protocol: HTTP}
            """, Scenario.Without(GatewayApiFeatures.TcpRoute));
        gateway.Listener("tcp").Condition("Accepted").Is("False", "UnsupportedProtocol");
        gateway.Listener("http").Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void TwoTcpListenersOnOnePort_Conflict()
        => AssertConflicted(Gateway("""
              - {name: a, port: 9000, protocol: TCP}
              - {name: b, port: 9000, protocol: TCP, hostname: ignored.example.com}
            """).Listener("a"), "HostnameConflict");

    [Fact]
    public void PassthroughAndTerminateOnOnePort_WithoutMixed_AreProtocolConflict()
    {
        // Conformance tlsroute-listener-mixed-termination-not-supported.go (ambiguity A6: follow conformance).
        const string listeners = """
              - {name: pass, port: 443, protocol: TLS, hostname: a.example.com, tls: {mode: Passthrough}}
              - {name: term, port: 443, protocol: TLS, hostname: b.example.com, tls: {mode: Terminate, certificateRefs: [{name: foo}]}}
            """;
        var gateway = Gateway(listeners, Scenario.Without(GatewayApiFeatures.TlsRouteModeMixed), Certs);
        AssertConflicted(gateway.Listener("pass"), "ProtocolConflict");
        AssertConflicted(gateway.Listener("term"), "ProtocolConflict");

        var mixed = Gateway(listeners, extra: Certs);
        mixed.Listener("pass").Condition("Conflicted").Is("False", "NoConflicts");
    }

    [Fact]
    public void OverlappingWildcardTlsListeners_AreNotConflicted()
    {
        // §3.2: app.user1.tld vs *.user1.tld are not conflicted (most specific wins at traffic time).
        var gateway = Gateway("""
              - {name: a, port: 443, protocol: TLS, hostname: app.user1.tld, tls: {mode: Passthrough}}
              - {name: b, port: 443, protocol: TLS, hostname: "*.user1.tld", tls: {mode: Passthrough}}
            """);
        gateway.Listener("a").Condition("Conflicted").Is("False", "NoConflicts");
        // Passthrough listeners hold no TLS configuration of ours, so no OverlappingTLSConfig either.
        Assert.False(gateway.Listener("a").Conditions.HasCondition("OverlappingTLSConfig"));
    }

    [Fact]
    public void OverlappingHttpsHostnames_AreOverlappingHostnames_OnBoth()
    {
        // §3.4: foo.example.com and *.example.com overlap; foo.example.org does not.
        var gateway = Gateway("""
              - {name: foo, port: 443, protocol: HTTPS, hostname: foo.example.com, tls: {certificateRefs: [{name: bar}]}}
              - {name: wild, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: {certificateRefs: [{name: bar}]}}
              - {name: org, port: 443, protocol: HTTPS, hostname: foo.example.org, tls: {certificateRefs: [{name: org}]}}
            """, Scenario.Options() with { DetectOverlappingCertificates = false }, Certs);
        gateway.Listener("foo").Condition("OverlappingTLSConfig").Is("True", "OverlappingHostnames");
        gateway.Listener("wild").Condition("OverlappingTLSConfig").Is("True", "OverlappingHostnames");
        Assert.False(gateway.Listener("org").Conditions.HasCondition("OverlappingTLSConfig")); // never written False
        gateway.Listener("foo").Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void OverlappingCertificates_WinOverOverlappingHostnames()
    {
        // §7: OverlappingCertificates over OverlappingHostnames when both are detected.
        var gateway = Gateway("""
              - {name: foo, port: 443, protocol: HTTPS, hostname: foo.example.com, tls: {certificateRefs: [{name: foo}]}}
              - {name: wild, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: {certificateRefs: [{name: wild}]}}
            """, extra: Certs);
        gateway.Listener("foo").Condition("OverlappingTLSConfig").Is("True", "OverlappingCertificates");
        gateway.Listener("wild").Condition("OverlappingTLSConfig").Is("True", "OverlappingCertificates");
    }

    [Fact]
    public void OverlappingCertificates_WithDistinctHostnames_AreStillReported()
    {
        var gateway = Gateway("""
              - {name: foo, port: 443, protocol: HTTPS, hostname: foo.example.com, tls: {certificateRefs: [{name: wild}]}}
              - {name: org, port: 443, protocol: HTTPS, hostname: foo.example.org, tls: {certificateRefs: [{name: wild}]}}
            """, extra: Certs);
        gateway.Listener("foo").Condition("OverlappingTLSConfig").Is("True", "OverlappingCertificates");
    }
}
