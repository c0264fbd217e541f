using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Status;

/// <summary>Gateway conditions: attachment-and-status.md §6.2 and §3.2 (upstream apis/v1/gateway_types.go).</summary>
public class GatewayStatusTests
{
    private const string Http = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra, generation: 7}
        spec:
          gatewayClassName: gw-class
          listeners:
          - {name: http, port: 80, protocol: HTTP}
        """;

    [Fact]
    public void ValidGateway_IsAcceptedProgrammedAndResolved_AtItsGeneration()
    {
        var status = Scenario.Run(Http).Gateway("infra", "gw");
        status.Conditions.Condition("Accepted").Is("True", "Accepted");
        status.Conditions.Condition("Programmed").Is("True", "Programmed");
        status.Conditions.Condition("ResolvedRefs").Is("True", "ResolvedRefs");
        // §8: every condition carries observedGeneration = metadata.generation (conformance *-observed-generation-bump.go).
        Assert.All(status.Conditions!.Concat(status.Listeners!.SelectMany(l => l.Conditions!)), c => Assert.Equal(7, c.ObservedGeneration));
        Assert.DoesNotContain(status.Conditions!, c => c.Type is "Ready" or "InsecureFrontendValidationMode" or "DefaultGateway");
    }

    [Fact]
    public void GatewayOfAnotherClass_IsNotOurs()
    {
        var result = Scenario.Run(Http.Replace("gw-class", "someone-elses"));
        Assert.Empty(result.Gateways);
    }

    [Fact]
    public void SomeListenersInvalid_IsAcceptedTrue_ListenersNotValid()
    {
        // §3.2 and conformance gateway-invalid-listeners-unsupported-protocol.go: one invalid and one valid listener.
        var status = Scenario.Run(Http + "\n  - {name: bad, port: 81, protocol: example.com/custom}").Gateway("infra", "gw");
        var accepted = status.Conditions.Condition("Accepted");
        accepted.Is("True", "ListenersNotValid");
        Assert.Contains("'bad'", accepted.Message);
        status.Conditions.Condition("Programmed").Is("True", "Programmed");
    }

    [Fact]
    public void OnlyInvalidListeners_IsAcceptedFalse_ListenersNotValid_AndNotProgrammed()
    {
        var status = Scenario.Run(Http.Replace("protocol: HTTP", "protocol: example.com/custom")).Gateway("infra", "gw");
        status.Conditions.Condition("Accepted").Is("False", "ListenersNotValid");
        status.Conditions.Condition("Programmed").Is("False", "Invalid");
    }

    [Fact]
    public void MissingInfrastructureParameters_IsInvalidParameters()
    {
        // Conformance gateway-invalid-parameters-ref.go.
        var status = Scenario.Run(Http + "\n  infrastructure:\n    parametersRef: {group: '', kind: ConfigMap, name: missing}").Gateway("infra", "gw");
        status.Conditions.Condition("Accepted").Is("False", "InvalidParameters");
    }

    [Fact]
    public void UnsupportedAddressType_IsUnsupportedAddress()
    {
        var status = Scenario.Run(Http + "\n  addresses:\n  - {type: example.com/pool, value: p1}").Gateway("infra", "gw");
        status.Conditions.Condition("Accepted").Is("False", "UnsupportedAddress");
    }

    [Fact]
    public void StaticAddresses_AreReported_WhenSupported_AndNotUsableOtherwise()
    {
        var yaml = Http + "\n  addresses:\n  - {type: IPAddress, value: 10.0.0.1}";
        var supported = Scenario.Run(yaml).Gateway("infra", "gw");
        Assert.Equal("10.0.0.1", Assert.Single(supported.Addresses!).Value);
        supported.Conditions.Condition("Programmed").Is("True", "Programmed");

        var unsupported = Scenario.Run(yaml, Scenario.Without(GatewayApiFeatures.GatewayStaticAddresses)).Gateway("infra", "gw");
        unsupported.Conditions.Condition("Programmed").Is("False", "AddressNotUsable");
        unsupported.Conditions.Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void EmptyAddressValue_WithoutGatewayAddressEmpty_IsAddressNotAssigned()
    {
        var status = Scenario.Run(Http + "\n  addresses:\n  - {type: IPAddress}", Scenario.Without(GatewayApiFeatures.GatewayAddressEmpty)).Gateway("infra", "gw");
        status.Conditions.Condition("Programmed").Is("False", "AddressNotAssigned");
    }

    [Fact]
    public void ClassNotAccepted_GatewayIsInvalid()
    {
        var result = Scenario.Run("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: broken}
            spec:
              controllerName: example.com/gateway-controller
              parametersRef: {group: '', kind: ConfigMap, name: nope, namespace: x}
            ---
            """ + "\n" + Http.Replace("gw-class", "broken"));
        var status = result.Gateway("infra", "gw");
        status.Conditions.Condition("Accepted").Is("False", "Invalid");
        status.Conditions.Condition("Programmed").Is("False", "Invalid");
    }

    [Theory]
    // Conformance gateway-invalid-tls-backend-configuration.go: the Gateway stays Accepted while ResolvedRefs is False.
    [InlineData("{name: missing}", "InvalidClientCertificateRef")]
    [InlineData("{name: cert, kind: ConfigMap}", "InvalidClientCertificateRef")]
    [InlineData("{name: not-tls}", "InvalidClientCertificateRef")]
    [InlineData("{name: cert, namespace: other}", "RefNotPermitted")]
    [InlineData("{name: missing, namespace: other}", "RefNotPermitted")] // §7: RefNotPermitted hides existence
    public void BackendClientCertificateProblems_AreGatewayResolvedRefsFalse(string reference, string reason)
    {
        var extra = new k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>[]
        {
            Scenario.TlsSecret("infra", "cert"), Scenario.TlsSecret("other", "cert"),
            new k8s.Models.V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new() { Name = "not-tls", NamespaceProperty = "infra" }, StringData = new Dictionary<string, string> { ["foo"] = "bar" } },
        };
        var status = Scenario.Run(Http + $"\n  tls:\n    backend:\n      clientCertificateRef: {reference}", extra: extra).Gateway("infra", "gw");
        status.Conditions.Condition("ResolvedRefs").Is("False", reason);
        status.Conditions.Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void ValidBackendClientCertificate_Resolves()
    {
        var status = Scenario.Run(Http + "\n  tls:\n    backend:\n      clientCertificateRef: {name: cert}", extra: [Scenario.TlsSecret("infra", "cert")]).Gateway("infra", "gw");
        status.Conditions.Condition("ResolvedRefs").Is("True", "ResolvedRefs");
    }

    [Fact]
    public void ListenerWithUnresolvedRefs_IsGatewayListenersNotResolved()
    {
        var status = Scenario.Run(Http.Replace("{name: http, port: 80, protocol: HTTP}", "{name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: missing}]}}")).Gateway("infra", "gw");
        status.Conditions.Condition("ResolvedRefs").Is("False", "ListenersNotResolved");
    }

    [Fact]
    public void InsecureFallback_SetsInsecureFrontendValidationMode()
    {
        // GEP-91, conformance gateway-with-clientcertificate-validation-insecure-fallback.go.
        var yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra}
            spec:
              gatewayClassName: gw-class
              listeners:
              - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}
              tls:
                frontend:
                  default:
                    validation:
                      caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]
                      mode: AllowInsecureFallback
            """;
        var extra = new k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>[] { Scenario.TlsSecret("infra", "cert"), Scenario.CaBundle("infra", "ca") };
        var status = Scenario.Run(yaml, extra: extra).Gateway("infra", "gw");
        status.Conditions.Condition("InsecureFrontendValidationMode").Is("True", "ConfigurationChanged");

        var strict = Scenario.Run(yaml.Replace("AllowInsecureFallback", "AllowValidOnly"), extra: extra).Gateway("infra", "gw");
        Assert.False(strict.Conditions.HasCondition("InsecureFrontendValidationMode"));
    }

    [Fact]
    public void DefaultScope_SetsDefaultGateway_OnlyWhenPresent()
    {
        // GEP-3793: only Gateways with spec.defaultScope carry DefaultGateway.
        var status = Scenario.Run(Http + "\n  defaultScope: All").Gateway("infra", "gw");
        Assert.Equal("True", status.Conditions.Condition("DefaultGateway").Status);
        Assert.False(Scenario.Run(Http).Gateway("infra", "gw").Conditions.HasCondition("DefaultGateway"));
        Assert.Equal("False", Scenario.Run(Http + "\n  defaultScope: None").Gateway("infra", "gw").Conditions.Condition("DefaultGateway").Status);
    }

    [Fact]
    public void OtherWritersConditions_AreKeptInPlace_AndStaleManagedOnesRemoved()
    {
        // §8: conditions are a map by type; never remove or reorder conditions owned by others.
        var yaml = Http + """

            status:
              conditions:
              - {type: example.com/Custom, status: "True", reason: Mine, message: keep me, lastTransitionTime: "2020-01-01T00:00:00Z"}
              - {type: Accepted, status: "True", reason: Accepted, message: old, lastTransitionTime: "2020-01-01T00:00:00Z"}
              - {type: Ready, status: "True", reason: Ready, message: reserved, lastTransitionTime: "2020-01-01T00:00:00Z"}
            """;
        var status = Scenario.Run(yaml).Gateway("infra", "gw");
        Assert.Equal(["example.com/Custom", "Accepted", "Programmed", "ResolvedRefs"], status.Conditions!.Select(c => c.Type));
        // Accepted kept its status, so it keeps its lastTransitionTime.
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), status.Conditions.Condition("Accepted").LastTransitionTime);
        Assert.Equal(Scenario.Now.UtcDateTime, status.Conditions.Condition("Programmed").LastTransitionTime);
    }
}
