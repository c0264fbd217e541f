using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Status;

/// <summary>GatewayClass status: attachment-and-status.md §6.1 (upstream apis/v1/gatewayclass_types.go).</summary>
public class GatewayClassStatusTests
{
    [Fact]
    public void ClassOfOurController_IsAccepted_WithSortedGatewaySideFeatures()
    {
        var result = Scenario.Run(string.Empty, Scenario.Options([GatewayApiFeatures.HttpRoute, GatewayApiFeatures.Gateway, GatewayApiFeatures.Mesh, GatewayApiFeatures.ReferenceGrant]));
        var status = result.GatewayClass("gw-class");
        var accepted = status.Conditions.Condition("Accepted");
        accepted.Is("True", "Accepted");
        Assert.Equal(1, accepted.ObservedGeneration);
        Assert.Equal(Scenario.Now.UtcDateTime, accepted.LastTransitionTime);
        // §1.4 of conformance.md: sorted by name; mesh features belong on XMesh, not on a GatewayClass.
        Assert.Equal(["Gateway", "HTTPRoute", "ReferenceGrant"], status.SupportedFeatures!.Select(f => f.Name));
    }

    [Fact]
    public void ClassOfAnotherController_IsLeftAlone()
    {
        var result = Scenario.Run("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: theirs}
            spec: {controllerName: other.io/controller}
            """);
        Assert.DoesNotContain(result.GatewayClasses, u => u.Name == "theirs");
    }

    [Theory]
    [InlineData("{group: '', kind: ConfigMap, name: missing, namespace: infra}", "does not exist")]
    [InlineData("{group: acme.io, kind: Parameters, name: p}", "not a supported parameters kind")]
    [InlineData("{group: '', kind: ConfigMap, name: params}", "without a namespace")] // namespaced referent without namespace
    public void BadParametersRef_IsInvalidParameters(string parametersRef, string expected)
    {
        var result = Scenario.Run($$"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: with-params}
            spec:
              controllerName: example.com/gateway-controller
              parametersRef: {{parametersRef}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: params, namespace: infra}
            """);
        var accepted = result.GatewayClass("with-params").Conditions.Condition("Accepted");
        accepted.Is("False", "InvalidParameters");
        Assert.Contains(expected, accepted.Message);
    }

    [Fact]
    public void ExistingConfigMapParameters_AreAccepted()
    {
        var result = Scenario.Run("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: with-params}
            spec:
              controllerName: example.com/gateway-controller
              parametersRef: {group: '', kind: ConfigMap, name: params, namespace: infra}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: params, namespace: infra}
            """);
        result.GatewayClass("with-params").Conditions.Condition("Accepted").Is("True", "Accepted");
    }

    [Theory]
    [InlineData("v1.6.1", "True", "SupportedVersion")]
    [InlineData("v1.2.0", "False", "UnsupportedVersion")]
    public void SupportedVersion_IsWrittenFromTheInstalledCrdBundleVersions(string bundleVersion, string status, string reason)
    {
        // §6.1 SupportedVersion (experimental): False when a Gateway API CRD has an unrecognised bundle version.
        var result = Scenario.Run($$"""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: gateways.gateway.networking.k8s.io
              annotations: {gateway.networking.k8s.io/bundle-version: {{bundleVersion}}}
            """);
        var conditions = result.GatewayClass("gw-class").Conditions;
        conditions.Condition("SupportedVersion").Is(status, reason);
        conditions.Condition("Accepted").Is("True", "Accepted"); // best effort: still accepted
    }

    [Fact]
    public void WithoutCrdsInTheSnapshot_SupportedVersionIsNotWritten()
        => Assert.False(Scenario.Run(string.Empty).GatewayClass("gw-class").Conditions.HasCondition("SupportedVersion"));
}
