using GatewayApi.Models.Tests.Validation.Support;
using GatewayApi.Models.Validation;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// What differs between the channels and versions (resources digest §1, validation digest §1): unknown and
/// experimental-only fields are pruned with a warning, kinds and versions not served are refused, the
/// v1alpha2 L4 route schemas differ from v1, and transition rules need the old object.
/// </summary>
public class ChannelAndVersionTests
{
    [Fact]
    public void ExperimentalOnlyField_InTheStandardChannel_IsPrunedWithAWarning_NotAnError()
    {
        // retry is experimental-only; its invalid attempts would be an error if the field were kept.
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "useDefaultGateways: All\nrules: [{retry: {attempts: 0}}]"));
        var standard = GatewayApiValidator.Validate(route, ReleaseChannel.Standard);
        Assert.Empty(standard.Errors);
        Assert.Equal(["unknown field \"spec.useDefaultGateways\"", "unknown field \"spec.rules[0].retry\""], standard.Warnings);

        var experimental = GatewayApiValidator.Validate(route, ReleaseChannel.Experimental);
        Assert.Empty(experimental.Warnings);
        Assert.Equal("spec.rules[0].retry.attempts: Invalid value: 0: spec.rules[0].retry.attempts in body should be greater than or equal to 1", Assert.Single(experimental.Errors).ToString());
    }

    [Fact]
    public void PrunedFields_AreInvisibleToRules()
    {
        // An ExternalAuth filter member is pruned in the standard channel, so the filter union sees no member;
        // and the type ExternalAuth is not in the standard enum.
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {}, externalAuth: {protocol: HTTP, http: {}, backendRef: {name: a, port: 1}}}]}]"));
        var standard = GatewayApiValidator.Validate(route, ReleaseChannel.Standard);
        Assert.Empty(standard.Errors);
        Assert.Equal(["unknown field \"spec.rules[0].filters[0].externalAuth\""], standard.Warnings);
        var experimental = GatewayApiValidator.Validate(route, ReleaseChannel.Experimental);
        Assert.Equal("spec.rules[0].filters[0]: Invalid value: \"object\": filter.externalAuth must be nil if the filter.type is not ExternalAuth", Assert.Single(experimental.Errors).ToString());
    }

    [Fact]
    public void ExperimentalEnumValueAndPattern_DifferByChannel()
    {
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "rules: [{matches: [{headers: [{name: x-a, value: ' padded'}]}], filters: [{type: ExternalAuth}]}]"));
        var standard = GatewayApiValidator.Validate(route, ReleaseChannel.Standard).Errors.Select(e => e.ToString()).ToList();
        var experimental = GatewayApiValidator.Validate(route, ReleaseChannel.Experimental).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(standard, e => e.StartsWith("spec.rules[0].filters[0].type: Unsupported value: \"ExternalAuth\"", StringComparison.Ordinal));
        Assert.DoesNotContain(standard, e => e.StartsWith("spec.rules[0].matches[0].headers[0].value", StringComparison.Ordinal));
        Assert.DoesNotContain(experimental, e => e.Contains("Unsupported value", StringComparison.Ordinal));
        Assert.Contains(experimental, e => e.StartsWith("spec.rules[0].matches[0].headers[0].value: Invalid value: \" padded\": spec.rules[0].matches[0].headers[0].value in body should match", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownFieldsAndNulls_ArePruned()
    {
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "hostnames: null\nfutureField: {a: 1}\nrules: [{backendRefs: [{name: svc, port: 80, weight: null}]}]") + "extra: true\n");
        var result = GatewayApiValidator.Validate(route, ReleaseChannel.Experimental);
        Assert.Empty(result.Errors);
        Assert.Equal(["unknown field \"extra\"", "unknown field \"spec.futureField\""], result.Warnings.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("gateway.networking.k8s.io/v1alpha2", "TLSRoute", ReleaseChannel.Standard, "apiVersion")]
    [InlineData("gateway.networking.k8s.io/v1alpha3", "BackendTLSPolicy", ReleaseChannel.Standard, "apiVersion")]
    [InlineData("gateway.networking.k8s.io/v2", "HTTPRoute", ReleaseChannel.Experimental, "apiVersion")]
    [InlineData("gateway.networking.x-k8s.io/v1alpha1", "XBackend", ReleaseChannel.Standard, "kind")]
    [InlineData("v1", "Service", ReleaseChannel.Experimental, "kind")]
    public void KindsAndVersionsTheChannelDoesNotServe_AreRefused(string apiVersion, string kind, ReleaseChannel channel, string field)
    {
        var manifest = YamlJson.Read($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: x}}\nspec: {{}}");
        var error = Assert.Single(GatewayApiValidator.Validate(manifest, channel).Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal($"no matches for kind \"{kind}\" in version \"{apiVersion}\"", error.Detail);
    }

    [Fact]
    public void DeprecatedVersions_AreServedByTheExperimentalChannel_WithTheirOwnSchema()
    {
        // v1alpha2 TLSRoute: hostnames optional, up to 16 rules; v1: hostnames required, exactly one rule.
        const string Spec = "rules: [{backendRefs: [{name: a, port: 443}]}, {backendRefs: [{name: b, port: 443}]}]";
        var alpha = YamlJson.Read(Docs.Manifest("TLSRoute", Spec, apiVersion: "gateway.networking.k8s.io/v1alpha2"));
        var v1 = YamlJson.Read(Docs.Manifest("TLSRoute", Spec));
        Assert.Empty(GatewayApiValidator.Validate(alpha, ReleaseChannel.Experimental).Errors);
        Assert.Equal(
            ["spec.hostnames: Required value", "spec.rules: Too many: 2: must have at most 1 items"],
            GatewayApiValidator.Validate(v1, ReleaseChannel.Experimental).Errors.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TransitionRules_RunOnlyOnUpdate_AndCompareWithTheOldValue()
    {
        var old = YamlJson.Read(Docs.Manifest("GatewayClass", "controllerName: example.com/a"));
        var changed = YamlJson.Read(Docs.Manifest("GatewayClass", "controllerName: example.com/b\ndescription: new"));
        var same = YamlJson.Read(Docs.Manifest("GatewayClass", "controllerName: example.com/a\ndescription: new"));
        Assert.True(GatewayApiValidator.Validate(changed, ReleaseChannel.Standard).IsValid);
        Assert.True(GatewayApiValidator.Validate(same, old, ReleaseChannel.Standard).IsValid);
        Assert.Equal(
            "spec.controllerName: Invalid value: \"string\": Value is immutable",
            Assert.Single(GatewayApiValidator.Validate(changed, old, ReleaseChannel.Standard).Errors).ToString());
    }

    [Fact]
    public void TypedModelsAndUnknownObjects_AreValidatedLikeTheirJson()
    {
        var text = Docs.Manifest("HTTPRoute", "parentRefs: [{name: gw}, {name: gw}]\nrules: [{backendRefs: [{name: svc}]}]");
        var typed = GatewayApi.Models.Serialization.ManifestReader.ReadSingle<HttpRoute>(text);
        var unknown = new UnknownObject(YamlJson.Read(text));
        var expected = GatewayApiValidator.Validate(YamlJson.Read(text), ReleaseChannel.Standard).Errors.Select(e => e.ToString()).ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, GatewayApiValidator.Validate(typed, ReleaseChannel.Standard).Errors.Select(e => e.ToString()));
        Assert.Equal(expected, GatewayApiValidator.Validate(unknown, ReleaseChannel.Standard).Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_NeverModifiesItsInput()
    {
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "extra: 1\nrules: [{}]"));
        var before = route.ToJsonString();
        GatewayApiValidator.Validate(route, ReleaseChannel.Standard);
        Assert.Equal(before, route.ToJsonString());
    }
}
