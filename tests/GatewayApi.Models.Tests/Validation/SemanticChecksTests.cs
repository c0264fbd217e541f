using GatewayApi.Models.Tests.Validation.Support;
using GatewayApi.Models.Validation;
using GatewayApi.Models.Validation.Semantic;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>Checks beyond the CRDs (origin <see cref="FieldErrorOrigin.Semantic"/>; documented in docs/validation.md).</summary>
public class SemanticChecksTests
{
    [Fact]
    public void RegularExpressions_OutsideTheRe2Subset_AreReported_ForEveryRegexMatch()
    {
        var route = Validate("HTTPRoute", "rules: [{matches: [{path: {type: RegularExpression, value: '/a(?=b)'}, headers: [{name: x-a, type: RegularExpression, value: '(a'}], queryParams: [{name: q, type: RegularExpression, value: '\\1'}]}]}]");
        Assert.Equal(
            [
                "spec.rules[0].matches[0].headers[0].value: Invalid value: \"(a\": must be a valid RE2 regular expression: error parsing regexp: missing closing ): `(a`",
                "spec.rules[0].matches[0].path.value: Invalid value: \"/a(?=b)\": must be a valid RE2 regular expression: error parsing regexp: invalid or unsupported Perl syntax: `(?=`",
                "spec.rules[0].matches[0].queryParams[0].value: Invalid value: \"\\\\1\": must be a valid RE2 regular expression: error parsing regexp: invalid escape sequence: `\\1`",
            ],
            route.Errors.Select(e => e.ToString()).Order(StringComparer.Ordinal));
        Assert.All(route.Errors, e => Assert.Equal(FieldErrorOrigin.Semantic, e.Origin));

        var grpc = Validate("GRPCRoute", "rules: [{matches: [{method: {type: RegularExpression, service: 'a**', method: 'Get.*'}, headers: [{name: x-b, type: RegularExpression, value: '[z-a]'}]}]}]");
        Assert.Equal(["spec.rules[0].matches[0].headers[0].value", "spec.rules[0].matches[0].method.service"], grpc.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ExactMatchValues_AreNotTreatedAsRegularExpressions()
        => Assert.Empty(Validate("HTTPRoute", "rules: [{matches: [{headers: [{name: x-a, value: '(a'}], queryParams: [{name: q, value: '(b'}]}]}]").Errors);

    [Fact]
    public void HeaderMatchNames_DifferingOnlyInCase_AreValid()
    {
        // v1.6.1 HTTPHeaderMatch.Name: equivalent names after the first MUST be ignored, so the object is valid; only the
        // exact same name twice is an error (the CRD's list-map key).
        Assert.Empty(Validate("HTTPRoute", "rules: [{matches: [{headers: [{name: X-Tenant, value: a}, {name: x-tenant, value: b}]}]}]").Errors);
        Assert.NotEmpty(Validate("HTTPRoute", "rules: [{matches: [{headers: [{name: x-tenant, value: a}, {name: x-tenant, value: b}]}]}]").Errors);
    }

    [Fact]
    public void HeaderModifier_MustNotActTwiceOnOneHeader()
    {
        var result = Validate("HTTPRoute", "rules: [{backendRefs: [{name: s, port: 80, filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-A, value: '1'}], add: [{name: x-b, value: '2'}], remove: [x-a, x-c]}}]}]}]");
        Assert.Equal(
            "spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.remove: Invalid value: \"x-a\": " + SemanticChecks.MultipleHeaderActions,
            Assert.Single(result.Errors).ToString());
        Assert.Empty(Validate("GRPCRoute", "rules: [{filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {set: [{name: a, value: '1'}], add: [{name: b, value: '2'}], remove: [c]}}]}]").Errors);
    }

    [Fact]
    public void RouteHostnames_MustNotBeIpAddresses()
    {
        var result = Validate("HTTPRoute", "hostnames: [10.1.2.3, a.example.com, 1.2.3]");
        Assert.Equal("spec.hostnames[0]: Invalid value: \"10.1.2.3\": " + SemanticChecks.HostnameIsIp, Assert.Single(result.Errors).ToString());
    }

    private static ValidationResult Validate(string kind, string spec)
        => GatewayApiValidator.Validate(YamlJson.Read(Docs.Manifest(kind, spec)), ReleaseChannel.Standard);
}
