using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Attachment;

/// <summary>
/// BackendTLSPolicy status per ancestor Gateway: attachment-and-status.md §6.6, routing-semantics.md §10 (upstream
/// apis/v1/backendtlspolicy_types.go, apis/v1/policy_types.go; conformance backendtlspolicy*.go).
/// </summary>
public class PolicyAttachmentTests
{
    private const string World = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: gw-class
          listeners: [{name: http, port: 80, protocol: HTTP}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: backend, namespace: infra}
        spec: {ports: [{name: https, port: 443}, {name: other, port: 8443}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: infra}
        spec:
          parentRefs: [{name: gw}]
          rules: [{backendRefs: [{name: backend, port: 443}]}]
        """;

    private static string Policy(string name, string target = "{group: \"\", kind: Service, name: backend}", string validation = "caCertificateRefs: [{group: \"\", kind: ConfigMap, name: ca}]", string created = "2024-01-01T00:00:00Z") => $$"""

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: BackendTLSPolicy
        metadata: {name: {{name}}, namespace: infra, generation: 4, creationTimestamp: "{{created}}"}
        spec:
          targetRefs: [{{target}}]
          validation:
            hostname: backend.example.com
            {{validation}}
        """;

    private static StatusResult Run(string yaml) => Scenario.Run(World + yaml, extra: [Scenario.CaBundle("infra", "ca"), Scenario.CaBundle("infra", "broken", valid: false)]);

    private static PolicyAncestorStatus Ancestor(StatusResult result, string name)
    {
        var ancestor = Assert.Single(result.Policy("infra", name).Ancestors!);
        Assert.Equal(("Gateway", "infra", "gw", Scenario.Controller), (ancestor.AncestorRef!.Kind, ancestor.AncestorRef.Namespace, ancestor.AncestorRef.Name, ancestor.ControllerName));
        return ancestor;
    }

    [Fact]
    public void ValidPolicy_IsAcceptedAndResolved_PerAncestorGateway()
    {
        var ancestor = Ancestor(Run(Policy("p")), "p");
        ancestor.Conditions.Condition("Accepted").Is("True", "Accepted");
        ancestor.Conditions.Condition("ResolvedRefs").Is("True", "ResolvedRefs");
        Assert.All(ancestor.Conditions!, c => Assert.Equal(4, c.ObservedGeneration));
    }

    [Fact]
    public void OlderPolicyForTheSameTarget_Wins_TheOtherIsConflicted()
    {
        // Conformance backendtlspolicy-conflict-resolution.go.
        var result = Run(Policy("young", created: "2024-05-01T00:00:00Z") + Policy("old", created: "2024-01-01T00:00:00Z"));
        Ancestor(result, "old").Conditions.Condition("Accepted").Is("True", "Accepted");
        Ancestor(result, "young").Conditions.Condition("Accepted").Is("False", "Conflicted");
    }

    [Fact]
    public void SectionPolicy_AndWholeServicePolicy_DoNotConflict()
    {
        var result = Run(Policy("whole", created: "2024-01-01T00:00:00Z") + Policy("section", "{group: \"\", kind: Service, name: backend, sectionName: https}", created: "2024-05-01T00:00:00Z"));
        Ancestor(result, "section").Conditions.Condition("Accepted").Is("True", "Accepted");
        Ancestor(result, "whole").Conditions.Condition("Accepted").Is("True", "Accepted");
    }

    [Theory]
    [InlineData("caCertificateRefs: [{group: \"\", kind: ConfigMap, name: missing}]", "NoValidCACertificate", "InvalidCACertificateRef")] // backendtlspolicy-invalid-ca-certificate-ref.go
    [InlineData("caCertificateRefs: [{group: \"\", kind: ConfigMap, name: broken}]", "NoValidCACertificate", "InvalidCACertificateRef")]
    [InlineData("caCertificateRefs: [{group: \"\", kind: Secret, name: ca}]", "NoValidCACertificate", "InvalidKind")]                    // backendtlspolicy-invalid-kind.go
    [InlineData("wellKnownCACertificates: example.com/internal", "Invalid", "ResolvedRefs")]
    public void InvalidTrust_IsNotAccepted(string validation, string acceptedReason, string resolvedReason)
    {
        var ancestor = Ancestor(Run(Policy("p", validation: validation)), "p");
        ancestor.Conditions.Condition("Accepted").Is("False", acceptedReason);
        Assert.Equal(resolvedReason, ancestor.Conditions.Condition("ResolvedRefs").Reason);
    }

    [Fact]
    public void SystemCertificates_AreAcceptedUnlessTheOptionIsOff()
    {
        Ancestor(Run(Policy("p", validation: "wellKnownCACertificates: System")), "p").Conditions.Condition("Accepted").Is("True", "Accepted");
        var result = Scenario.Run(World + Policy("p", validation: "wellKnownCACertificates: System"), Scenario.Options() with { SupportsSystemCaCertificates = false });
        Ancestor(result, "p").Conditions.Condition("Accepted").Is("False", "Invalid");
    }

    [Fact]
    public void MissingTargetPort_IsTargetNotFound()
        => Ancestor(Run(Policy("p", "{group: \"\", kind: Service, name: backend, sectionName: nope}")), "p").Conditions.Condition("Accepted").Is("False", "TargetNotFound");

    [Fact]
    public void PolicyForAServiceNoRouteOfOursUses_GetsNoStatus()
        => Assert.DoesNotContain(Run(Policy("p", "{group: \"\", kind: Service, name: unrelated}")).BackendTlsPolicies, u => u.Name == "p");
}
