using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;
using k8s;
using k8s.Models;

namespace GatewayApi.Routing.Tests.Attachment;

/// <summary>
/// One listener's validity, supportedKinds and references: attachment-and-status.md §2.3, §3.5, §5.1, §6.3
/// (upstream apis/v1/gateway_types.go ListenerStatus and listener condition reasons).
/// </summary>
public class ListenerValidationTests
{
    private static string Gateway(string listeners, string extraSpec = "") => $$"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: gw-class
          listeners:
        {{listeners}}
        {{extraSpec}}
        """;

    private static ListenerStatus Listener(string listeners, string name, StatusEngineOptions? options = null, IEnumerable<IKubernetesObject<V1ObjectMeta>>? extra = null, string extraSpec = "")
        => Scenario.Run(Gateway(listeners, extraSpec), options, extra).Gateway("infra", "gw").Listener(name);

    private static string Kinds(ListenerStatus listener) => string.Join(",", listener.SupportedKinds!.Select(k => k.Kind));

    [Fact]
    public void HttpListener_SupportsHttpRoute_AndGrpcRouteWhenSupported()
    {
        // §2.3 table, A10: GRPCRoute is implied on HTTP listeners only when the implementation supports it.
        Assert.Equal("HTTPRoute,GRPCRoute", Kinds(Listener("  - {name: http, port: 80, protocol: HTTP}", "http")));
        Assert.Equal("HTTPRoute", Kinds(Listener("  - {name: http, port: 80, protocol: HTTP}", "http", Scenario.Without(GatewayApiFeatures.GrpcRoute))));
        var listener = Listener("  - {name: http, port: 80, protocol: HTTP}", "http");
        Assert.All(listener.SupportedKinds!, k => Assert.Equal(GatewayApiGroups.Group, k.Group));
        listener.Condition("Accepted").Is("True", "Accepted");
        listener.Condition("ResolvedRefs").Is("True", "ResolvedRefs");
        listener.Condition("Programmed").Is("True", "Programmed");
        listener.Condition("Conflicted").Is("False", "NoConflicts");
        Assert.Equal(0, listener.AttachedRoutes);
    }

    [Fact]
    public void CoreProtocols_CompareCaseInsensitively()
        => Listener("  - {name: http, port: 80, protocol: http}", "http").Condition("Accepted").Is("True", "Accepted");

    [Theory]
    [InlineData("example.com/custom", null)]
    [InlineData("TCP", GatewayApiFeatures.TcpRoute)]   // TCP listeners need the TCPRoute feature
    [InlineData("UDP", GatewayApiFeatures.UdpRoute)]
    [InlineData("TLS", GatewayApiFeatures.TlsRoute)]
    public void UnsupportedProtocol_IsNotAccepted_WithNoSupportedKinds(string protocol, string? missingFeature)
    {
        // §3.5, conformance gateway-invalid-listeners-unsupported-protocol.go: supportedKinds [] and UnsupportedProtocol.
        var options = missingFeature is null ? Scenario.Options() : Scenario.Without(missingFeature);
        var tls = protocol == "TLS" ? ", tls: {mode: Passthrough}" : string.Empty;
        var listener = Listener($"  - {{name: l, port: 9000, protocol: {protocol}{tls}}}", "l", options);
        listener.Condition("Accepted").Is("False", "UnsupportedProtocol");
        listener.Condition("Programmed").Is("False", "Invalid");
        Assert.Empty(listener.SupportedKinds!);
    }

    [Fact]
    public void UnavailablePort_IsPortUnavailable()
    {
        var options = Scenario.Options() with { UnavailablePorts = [80] };
        Listener("  - {name: http, port: 80, protocol: HTTP}", "http", options).Condition("Accepted").Is("False", "PortUnavailable");
    }

    [Fact]
    public void TlsTerminate_WithoutTLSRouteModeTerminate_IsUnsupportedValue_WithNoKinds()
    {
        // Conformance tlsroute-listener-terminate-not-supported.go: Accepted=False/UnsupportedValue, supportedKinds [].
        var listener = Listener("  - {name: tls, port: 443, protocol: TLS, hostname: a.example.com, tls: {mode: Terminate, certificateRefs: [{name: cert}]}}", "tls",
            Scenario.Without(GatewayApiFeatures.TlsRouteModeTerminate), [Scenario.TlsSecret("infra", "cert", "a.example.com")]);
        listener.Condition("Accepted").Is("False", "UnsupportedValue");
        Assert.Empty(listener.SupportedKinds!);
    }

    [Fact]
    public void TlsTerminate_WithTheFeature_SupportsTlsRoute()
    {
        // Conformance tlsroute-listener-terminate-supported-kinds.go.
        var listener = Listener("  - {name: tls, port: 443, protocol: TLS, hostname: a.example.com, tls: {mode: Terminate, certificateRefs: [{name: cert}]}}", "tls",
            extra: [Scenario.TlsSecret("infra", "cert", "a.example.com")]);
        listener.Condition("Accepted").Is("True", "Accepted");
        Assert.Equal("TLSRoute", Kinds(listener));
    }

    [Fact]
    public void HttpsPassthrough_IsUnsupportedValue()
        => Listener("  - {name: https, port: 443, protocol: HTTPS, tls: {mode: Passthrough}}", "https").Condition("Accepted").Is("False", "UnsupportedValue");

    [Fact]
    public void PassthroughWithTcpRouteInKinds_IsInvalidRouteKinds_AndKeepsTlsRoute()
    {
        // Worked example 6 / conformance tlsroute-listener-passthrough-supported-kinds.go.
        var listener = Listener("  - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}, allowedRoutes: {kinds: [{kind: TCPRoute}, {kind: TLSRoute}]}}", "tls");
        listener.Condition("ResolvedRefs").Is("False", "InvalidRouteKinds");
        Assert.Equal("TLSRoute", Kinds(listener));
        listener.Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void OnlyInvalidKinds_LeaveSupportedKindsEmpty()
    {
        // Conformance gateway-invalid-route-kind.go: supportedKinds [] and attachedRoutes 0.
        var listener = Listener("  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {kinds: [{group: example.com, kind: FooRoute}]}}", "http");
        listener.Condition("ResolvedRefs").Is("False", "InvalidRouteKinds");
        Assert.Empty(listener.SupportedKinds!);
    }

    [Fact]
    public void NamedKinds_WithOmittedGroup_AreGatewayApiKinds()
        => Assert.Equal("HTTPRoute", Kinds(Listener("  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {kinds: [{kind: HTTPRoute}]}}", "http")));

    public static TheoryData<string, string> BadCertificates() => new()
    {
        // Conformance gateway-invalid-tls-configuration.go: each of these is InvalidCertificateRef.
        { "{name: nonexistent}", "does not exist" },
        { "{group: wrong.group, kind: Secret, name: cert}", "not supported" },
        { "{kind: WrongKind, name: cert}", "not supported" },
        { "{name: malformed}", "valid PEM" },
    };

    [Theory]
    [MemberData(nameof(BadCertificates))]
    public void BadCertificateRef_IsInvalidCertificateRef_AndNotProgrammed(string reference, string message)
    {
        var malformed = new V1Secret
        {
            ApiVersion = "v1", Kind = "Secret", Type = "kubernetes.io/tls", Metadata = new() { Name = "malformed", NamespaceProperty = "infra" },
            StringData = new Dictionary<string, string> { ["tls.crt"] = "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----", ["tls.key"] = "nope" },
        };
        var listener = Listener($"  - {{name: https, port: 443, protocol: HTTPS, tls: {{certificateRefs: [{reference}]}}}}", "https", extra: [Scenario.TlsSecret("infra", "cert"), malformed]);
        var resolved = listener.Condition("ResolvedRefs");
        resolved.Is("False", "InvalidCertificateRef");
        Assert.Contains(message, resolved.Message);
        listener.Condition("Accepted").Is("True", "Accepted");
        listener.Condition("Programmed").Is("False", "Invalid");
        Assert.Equal("HTTPRoute,GRPCRoute", Kinds(listener));
    }

    [Fact]
    public void ValidCertificate_Resolves_AndIsProgrammed()
    {
        var listener = Listener("  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}", "https", extra: [Scenario.TlsSecret("infra", "cert")]);
        listener.Condition("ResolvedRefs").Is("True", "ResolvedRefs");
        listener.Condition("Programmed").Is("True", "Programmed");
    }

    [Theory]
    // Conformance gateway-secret-missing-reference-grant.go, gateway-secret-invalid-reference-grant.go,
    // gateway-secret-reference-grant-all-in-namespace.go, gateway-secret-reference-grant-specific.go.
    [InlineData(null, "RefNotPermitted")]
    [InlineData("{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}|{group: '', kind: Secret, name: not-this-one}", "RefNotPermitted")]
    [InlineData("{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}|{group: '', kind: Secret}", "ResolvedRefs")]
    [InlineData("{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}|{group: '', kind: Secret, name: cert}", "ResolvedRefs")]
    [InlineData("{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}|{group: '', kind: Secret}", "RefNotPermitted")]
    public void CrossNamespaceCertificate_NeedsAGrantFromGatewayToSecret(string? grant, string reason)
    {
        var grantYaml = grant is null ? string.Empty : $$"""

            ---
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata: {name: g, namespace: certs}
            spec:
              from: [{{grant.Split('|')[0]}}]
              to: [{{grant.Split('|')[1]}}]
            """;
        var result = Scenario.Run(Gateway("  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert, namespace: certs}]}}") + grantYaml, extra: [Scenario.TlsSecret("certs", "cert")]);
        var listener = result.Gateway("infra", "gw").Listener("https");
        Assert.Equal(reason, listener.Condition("ResolvedRefs").Reason);
    }

    [Fact]
    public void CrossNamespaceMissingSecretWithoutGrant_IsRefNotPermitted_NotInvalidCertificateRef()
    {
        // §7 / §5.4: RefNotPermitted wins, and the message must not reveal whether the Secret exists.
        var listener = Listener("  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: nothing, namespace: certs}]}}", "https");
        var resolved = listener.Condition("ResolvedRefs");
        resolved.Is("False", "RefNotPermitted");
        Assert.DoesNotContain("does not exist", resolved.Message);
    }

    private const string Frontend = """
          tls:
            frontend:
              default:
                validation:
                  caCertificateRefs: [REFS]
        """;

    [Theory]
    // GEP-91, conformance gateway-with-invalid-clientcertificate-validation.go.
    [InlineData("{group: '', kind: ConfigMap, name: missing}", "InvalidCACertificateRef")]
    [InlineData("{group: '', kind: ConfigMap, name: no-bundle}", "InvalidCACertificateRef")]
    [InlineData("{group: '', kind: Secret, name: ca}", "InvalidCACertificateKind")]
    [InlineData("{group: '', kind: ConfigMap, name: ca, namespace: other}", "RefNotPermitted")]
    public void InvalidFrontendCaRefs_AreUnresolved_AndNoValidCACertificate(string reference, string reason)
    {
        var extra = new IKubernetesObject<V1ObjectMeta>[] { Scenario.TlsSecret("infra", "cert"), Scenario.CaBundle("other", "ca"), Scenario.CaBundle("infra", "no-bundle", valid: false) };
        var gateway = Scenario.Run(Gateway("  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}\n  - {name: http, port: 80, protocol: HTTP}", Frontend.Replace("REFS", reference)), extra: extra).Gateway("infra", "gw");
        var https = gateway.Listener("https");
        https.Condition("ResolvedRefs").Is("False", reason);
        https.Condition("Accepted").Is("False", "NoValidCACertificate");
        https.Condition("Programmed").Is("False", "Invalid");
        // Non-HTTPS listeners are unaffected (gateway-invalid-default-frontend-client-certificate-validation.go).
        gateway.Listener("http").Condition("Accepted").Is("True", "Accepted");
        gateway.Conditions.Condition("Accepted").Is("True", "ListenersNotValid");
    }

    [Fact]
    public void OneValidFrontendCaRef_KeepsTheListenerAccepted()
    {
        var extra = new IKubernetesObject<V1ObjectMeta>[] { Scenario.TlsSecret("infra", "cert"), Scenario.CaBundle("infra", "ca") };
        var https = Scenario.Run(Gateway("  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}", Frontend.Replace("REFS", "{group: '', kind: ConfigMap, name: ca}, {group: '', kind: ConfigMap, name: missing}")), extra: extra)
            .Gateway("infra", "gw").Listener("https");
        https.Condition("ResolvedRefs").Is("False", "InvalidCACertificateRef");
        https.Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void FrontendValidation_WithoutTheFeature_IsUnsupportedValue()
    {
        var extra = new IKubernetesObject<V1ObjectMeta>[] { Scenario.TlsSecret("infra", "cert"), Scenario.CaBundle("infra", "ca") };
        Scenario.Run(Gateway("  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}", Frontend.Replace("REFS", "{group: '', kind: ConfigMap, name: ca}")),
                Scenario.Without(GatewayApiFeatures.GatewayFrontendClientCertificateValidation), extra)
            .Gateway("infra", "gw").Listener("https").Condition("Accepted").Is("False", "UnsupportedValue");
    }

    [Fact]
    public void SelectorWithUnknownOperator_IsUnsupportedValue()
        => Listener("  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchExpressions: [{key: a, operator: Near, values: [b]}]}}}}", "http")
            .Condition("Accepted").Is("False", "UnsupportedValue");
}
