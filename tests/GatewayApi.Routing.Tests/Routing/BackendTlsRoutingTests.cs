using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>
/// BackendTLSPolicy reaches the data plane through the decision (routing-semantics.md §10): the backend a request
/// goes to carries the settings of the policy that governs its Service port, a policy that cannot verify anything
/// makes the backend answer 5xx instead of carrying traffic unprotected, and conflicts and namespaces decide which
/// policy that is.
/// </summary>
public class BackendTlsRoutingTests
{
    private const string World = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: gw-class
          listeners:
          - {name: http, port: 80, protocol: HTTP}
          - {name: tcp, port: 9000, protocol: TCP}
          - {name: pass, port: 8443, protocol: TLS, hostname: pass.example.com, tls: {mode: Passthrough}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: backend, namespace: infra}
        spec: {ports: [{name: https, port: 443}, {name: other, port: 8443}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: mirror, namespace: infra}
        spec: {ports: [{name: https, port: 443}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: infra}
        spec:
          parentRefs: [{name: gw, sectionName: http}]
          rules:
          - matches: [{path: {type: PathPrefix, value: /one}}]
            filters: [{type: RequestMirror, requestMirror: {backendRef: {name: mirror, port: 443}}}]
            backendRefs: [{name: backend, port: 443}]
          - matches: [{path: {type: PathPrefix, value: /two}}]
            backendRefs: [{name: backend, port: 8443}]
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TCPRoute
        metadata: {name: t, namespace: infra}
        spec:
          parentRefs: [{name: gw, sectionName: tcp}]
          rules: [{backendRefs: [{name: backend, port: 443}]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: {name: p, namespace: infra}
        spec:
          parentRefs: [{name: gw, sectionName: pass}]
          hostnames: [pass.example.com]
          rules: [{backendRefs: [{name: backend, port: 443}]}]
        """;

    private static readonly NamespacedName Gateway = new("infra", "gw");

    private static string Policy(string name, string target = "{group: \"\", kind: Service, name: backend}", string validation = "caCertificateRefs: [{group: \"\", kind: ConfigMap, name: ca}]", string created = "2024-01-01T00:00:00Z", string @namespace = "infra", string hostname = "backend.example.com") => $$"""

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: BackendTLSPolicy
        metadata: {name: {{name}}, namespace: {{@namespace}}, creationTimestamp: "{{created}}"}
        spec:
          targetRefs: [{{target}}]
          validation:
            hostname: {{hostname}}
            {{validation}}
        """;

    private static Router Compile(string policies, StatusEngineOptions? options = null)
    {
        var status = Scenario.Run(World + policies, options, extra: [Scenario.CaBundle("infra", "ca"), Scenario.CaBundle("infra", "broken", valid: false), Scenario.CaBundle("apps", "ca")]);
        return Router.Compile(RoutingConfigurationFromStatus.Create(status));
    }

    private static RoutedBackend Backend(Router router, string path) =>
        router.RouteHttp(RouteFixtures.Request("any.example.com", path)).Backend!;

    [Fact]
    public void WithoutPolicy_TheBackendIsPlain()
    {
        var backend = Backend(Compile(string.Empty), "/one");
        Assert.Null(backend.Tls);
        Assert.True(backend.Usable);
    }

    [Fact]
    public void ValidPolicy_TheBackendCarriesSniTrustAndIdentity()
    {
        var router = Compile(Policy("p", validation: """
            caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]
                subjectAltNames: [{type: Hostname, hostname: "*.example.com"}, {type: URI, uri: "spiffe://cluster/ns/infra/sa/backend"}]
            """));
        var decision = router.RouteHttp(RouteFixtures.Request("any.example.com", "/one"));
        Assert.Equal(HttpAction.Forward, decision.Action);
        var tls = decision.Backend!.Tls!;
        Assert.Equal("backend.example.com", tls.Hostname);
        Assert.Equal(new NamespacedName("infra", "p"), tls.Policy);
        Assert.Null(tls.Port);
        Assert.Contains("BEGIN CERTIFICATE", Assert.Single(tls.CaCertificates), StringComparison.Ordinal);
        Assert.False(tls.SystemCaCertificates);
        Assert.Equal([new BackendTlsSubjectAltName("Hostname", "*.example.com"), new BackendTlsSubjectAltName("URI", "spiffe://cluster/ns/infra/sa/backend")], tls.SubjectAltNames);
        Assert.Null(tls.Problem);
        Assert.True(decision.Backend.Usable);
    }

    [Fact]
    public void WellKnownSystemCertificates_AreCarriedAsSuch()
    {
        var tls = Backend(Compile(Policy("p", validation: "wellKnownCACertificates: System")), "/one").Tls!;
        Assert.True(tls.SystemCaCertificates);
        Assert.Empty(tls.CaCertificates);
    }

    [Fact]
    public void SectionPolicy_GovernsItsPort_AndTheWholeServicePolicyTheOthers()
    {
        // §10 Conflicts: a section-specific policy and a whole-Service policy do not conflict; the specific one governs its port.
        var router = Compile(Policy("whole", hostname: "whole.example.com") + Policy("section", "{group: \"\", kind: Service, name: backend, sectionName: https}", hostname: "section.example.com", created: "2024-06-01T00:00:00Z"));
        var https = Backend(router, "/one").Tls!;
        Assert.Equal(("section.example.com", 443), (https.Hostname, https.Port!.Value));
        Assert.Equal("whole.example.com", Backend(router, "/two").Tls!.Hostname);
    }

    [Fact]
    public void SectionPolicy_LeavesOtherPortsPlain()
    {
        var router = Compile(Policy("section", "{group: \"\", kind: Service, name: backend, sectionName: https}"));
        Assert.NotNull(Backend(router, "/one").Tls);
        Assert.Null(Backend(router, "/two").Tls);
    }

    [Fact]
    public void ConflictingPolicies_TheOlderGoverns()
    {
        var router = Compile(Policy("young", hostname: "young.example.com", created: "2024-06-01T00:00:00Z") + Policy("old", hostname: "old.example.com", created: "2024-01-01T00:00:00Z"));
        Assert.Equal("old.example.com", Backend(router, "/one").Tls!.Hostname);
    }

    [Theory]
    [InlineData("caCertificateRefs: [{group: \"\", kind: ConfigMap, name: missing}]")]
    [InlineData("caCertificateRefs: [{group: \"\", kind: ConfigMap, name: broken}]")]
    [InlineData("caCertificateRefs: [{group: \"\", kind: Secret, name: ca}]")]
    public void PolicyWithoutAValidCaCertificate_MakesTheBackendAnswer500(string validation)
    {
        // §10 Trust: all CA references invalid => Accepted=False/NoValidCACertificate, and connections MUST fail with a 5xx.
        var decision = Compile(Policy("p", validation: validation)).RouteHttp(RouteFixtures.Request("any.example.com", "/one"));
        Assert.Equal((HttpAction.Respond, 500), (decision.Action, decision.StatusCode));
        Assert.False(decision.Backend!.Usable);
        Assert.Equal("BackendTLSPolicyNotUsable", decision.Backend.Problem);
        Assert.NotNull(decision.Backend.Tls!.Problem);
    }

    [Fact]
    public void OneValidCaReferenceOfTwo_IsEnough()
    {
        var backend = Backend(Compile(Policy("p", validation: "caCertificateRefs: [{group: \"\", kind: ConfigMap, name: missing}, {group: \"\", kind: ConfigMap, name: ca}]")), "/one");
        Assert.True(backend.Usable);
        Assert.Single(backend.Tls!.CaCertificates);
    }

    [Fact]
    public void InvalidPolicy_DoesNotOverrideAValidOne()
    {
        var router = Compile(Policy("valid", created: "2024-06-01T00:00:00Z") + Policy("broken", validation: "caCertificateRefs: [{group: \"\", kind: ConfigMap, name: missing}]", created: "2024-01-01T00:00:00Z"));
        var backend = Backend(router, "/one");
        Assert.True(backend.Usable);
        Assert.Equal(new NamespacedName("infra", "valid"), backend.Tls!.Policy);
    }

    [Fact]
    public void PolicyInAnotherNamespace_DoesNotGovernTheService()
    {
        // §10 Target: targetRefs name objects in the policy's namespace.
        Assert.Null(Backend(Compile(Policy("p", @namespace: "apps")), "/one").Tls);
    }

    [Fact]
    public void MirrorBackends_CarryTheirPolicyToo()
    {
        var router = Compile(Policy("m", "{group: \"\", kind: Service, name: mirror}", hostname: "mirror.example.com"));
        var mirror = Assert.Single(router.RouteHttp(RouteFixtures.Request("any.example.com", "/one")).Mirrors);
        Assert.Equal("mirror.example.com", mirror.Backend.Tls!.Hostname);
    }

    [Fact]
    public void TcpBackends_CarryThePolicy_PassthroughBackendsDoNot()
    {
        // Passthrough carries the client's own TLS end to end; originating TLS inside it is not done (documented choice).
        var router = Compile(Policy("p"));
        Assert.Equal("backend.example.com", router.RouteTcp(Gateway, 9000).Backend!.Tls!.Hostname);
        var passthrough = router.RouteTls(Gateway, 8443, "pass.example.com");
        Assert.True(passthrough.Forward);
        Assert.Null(passthrough.Backend!.Tls);
    }

    [Fact]
    public void WithoutTheFeature_PoliciesAreIgnored()
    {
        var router = Compile(Policy("p"), Scenario.Without(GatewayApiFeatures.BackendTlsPolicy, GatewayApiFeatures.BackendTlsPolicySanValidation));
        Assert.Null(Backend(router, "/one").Tls);
    }

    [Theory]
    [InlineData("{name: client, namespace: infra}", "infra/client")]
    [InlineData("{name: client}", "infra/client")]
    [InlineData("{name: elsewhere, namespace: apps}", null)] // no ReferenceGrant: not resolved, so not presented
    [InlineData("{name: missing}", null)]
    public void TheGatewaysBackendClientCertificate_IsHandedOverOnlyWhenItResolves(string reference, string? expected)
    {
        // GEP-3155: spec.tls.backend.clientCertificateRef, presented on every TLS connection to a backend.
        var yaml = World.Replace("""
              listeners:
              - {name: http, port: 80, protocol: HTTP}
            """, $$$"""
              tls: {backend: {clientCertificateRef: {{{reference}}}}}
              listeners:
              - {name: http, port: 80, protocol: HTTP}
            """, StringComparison.Ordinal);
        Assert.NotEqual(World, yaml);
        var status = Scenario.Run(yaml, extra: [Scenario.TlsSecret("infra", "client", "gw.example.com"), Scenario.TlsSecret("apps", "elsewhere", "gw.example.com")]);
        var gateway = RoutingConfigurationFromStatus.Create(status).Gateways.Single();
        Assert.Equal(expected, gateway.BackendClientCertificate?.ToString());
    }
}
