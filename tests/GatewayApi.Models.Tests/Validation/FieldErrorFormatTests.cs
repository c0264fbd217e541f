using System.Text.Json.Nodes;
using GatewayApi.Models.Tests.Validation.Support;
using GatewayApi.Models.Validation;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// Errors render exactly as the API server writes them (Kubernetes <c>field.Error.Error()</c> and the
/// apiextensions conversion of OpenAPI errors; validation digest §1).
/// </summary>
public class FieldErrorFormatTests
{
    [Theory]
    [InlineData(FieldErrorType.Required, "spec.x", null, "", "spec.x: Required value")]
    [InlineData(FieldErrorType.Forbidden, "spec.x", null, "not allowed", "spec.x: Forbidden: not allowed")]
    [InlineData(FieldErrorType.TooLong, "spec.x", "aaaa", "may not be more than 3 bytes", "spec.x: Too long: may not be more than 3 bytes")]
    [InlineData(FieldErrorType.Invalid, "spec.rules[0].matches[0].path.value", "foo", "bad", "spec.rules[0].matches[0].path.value: Invalid value: \"foo\": bad")]
    [InlineData(FieldErrorType.TypeInvalid, "spec.port", "string", "spec.port in body must be of type integer: \"string\"", "spec.port: Invalid value: \"string\": spec.port in body must be of type integer: \"string\"")]
    [InlineData(FieldErrorType.NotSupported, "spec.y", "Z", "supported values: \"A\", \"B\"", "spec.y: Unsupported value: \"Z\": supported values: \"A\", \"B\"")]
    [InlineData(FieldErrorType.Duplicate, "spec.z[1]", "a", "", "spec.z[1]: Duplicate value: \"a\"")]
    [InlineData(FieldErrorType.Invalid, "spec.q", "tab\there \"quoted\"", "x", "spec.q: Invalid value: \"tab\\there \\\"quoted\\\"\": x")]
    public void ToString_RendersLikeTheApiServer(FieldErrorType type, string field, string? value, string detail, string expected)
    {
        var error = new FieldError { Type = type, Field = field, BadValue = value, Detail = detail, Origin = FieldErrorOrigin.Schema };
        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void TooMany_ShowsTheCount()
    {
        var refs = Docs.FlowList(33, i => $"{{name: gw{i}}}");
        var error = Assert.Single(Validate("HTTPRoute", "parentRefs: " + refs).Errors);
        Assert.Equal("spec.parentRefs: Too many: 33: must have at most 32 items", error.ToString());
        Assert.Equal(FieldErrorType.TooMany, error.Type);
        Assert.Equal(33L, error.BadValue);
    }

    [Fact]
    public void SchemaErrors_UseTheOpenApiMessages()
    {
        var result = Validate("Gateway", "gatewayClassName: ''\nlisteners:\n- {name: Bad_Name, port: 0, protocol: HTTP, hostname: " + new string('a', 254) + "}\n- {name: b, port: 70000, protocol: HTTP, allowedRoutes: {namespaces: {from: Everywhere}}}");
        var rendered = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("spec.gatewayClassName: Invalid value: \"\": spec.gatewayClassName in body should be at least 1 chars long", rendered);
        Assert.Contains("spec.listeners[0].name: Invalid value: \"Bad_Name\": spec.listeners[0].name in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'", rendered);
        Assert.Contains("spec.listeners[0].port: Invalid value: 0: spec.listeners[0].port in body should be greater than or equal to 1", rendered);
        Assert.Contains("spec.listeners[0].hostname: Too long: may not be more than 253 bytes", rendered);
        Assert.Contains("spec.listeners[1].port: Invalid value: 70000: spec.listeners[1].port in body should be less than or equal to 65535", rendered);
        Assert.Contains("spec.listeners[1].allowedRoutes.namespaces.from: Unsupported value: \"Everywhere\": supported values: \"All\", \"Selector\", \"Same\"", rendered);
        Assert.All(result.Errors, e => Assert.Equal(FieldErrorOrigin.Schema, e.Origin));
    }

    [Fact]
    public void MissingRequiredFields_AreAllReported()
    {
        var result = Validate("Gateway", "listeners:\n- {name: a}");
        Assert.Equal(
            ["spec.gatewayClassName: Required value", "spec.listeners[0].port: Required value", "spec.listeners[0].protocol: Required value"],
            result.Errors.Where(e => e.Origin == FieldErrorOrigin.Schema).Select(e => e.ToString()).Order(StringComparer.Ordinal));
        var noSpec = GatewayApiValidator.Validate(YamlJson.Read("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}"), ReleaseChannel.Standard);
        Assert.Equal("spec: Required value", Assert.Single(noSpec.Errors).ToString());
    }

    [Fact]
    public void WrongJsonTypes_AreTypeErrors()
    {
        var result = Validate("HTTPRoute", "hostnames: a.example.com\nparentRefs: [{name: gw, port: '80'}, {name: 7}]\nrules: [{matches: [{path: {value: 1.5}}]}]");
        var rendered = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("spec.hostnames: Invalid value: \"string\": spec.hostnames in body must be of type array: \"string\"", rendered);
        Assert.Contains("spec.parentRefs[0].port: Invalid value: \"string\": spec.parentRefs[0].port in body must be of type integer: \"string\"", rendered);
        Assert.Contains("spec.parentRefs[1].name: Invalid value: \"integer\": spec.parentRefs[1].name in body must be of type string: \"integer\"", rendered);
        Assert.Contains("spec.rules[0].matches[0].path.value: Invalid value: \"number\": spec.rules[0].matches[0].path.value in body must be of type string: \"number\"", rendered);
        Assert.All(result.Errors.Where(e => e.Detail.Contains("must be of type", StringComparison.Ordinal)), e => Assert.Equal(FieldErrorType.TypeInvalid, e.Type));
    }

    [Fact]
    public void IntegerEnum_ListsItsValuesAsJson()
    {
        var error = Assert.Single(Validate("HTTPRoute", "rules: [{filters: [{type: RequestRedirect, requestRedirect: {statusCode: 304}}]}]").Errors);
        Assert.Equal("spec.rules[0].filters[0].requestRedirect.statusCode: Unsupported value: 304: supported values: \"301\", \"302\", \"303\", \"307\", \"308\"", error.ToString());
    }

    [Fact]
    public void ListMapDuplicates_ReportTheKeyFields_AndSetDuplicates_TheValue()
    {
        var result = Validate("HTTPRoute", "rules: [{matches: [{headers: [{name: x-a, value: '1'}, {name: x-a, value: '2'}]}], filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {remove: [server, server]}}]}]");
        var rendered = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("spec.rules[0].matches[0].headers[1]: Duplicate value: map[string]interface {}{\"name\":\"x-a\"}", rendered);
        Assert.Contains("spec.rules[0].filters[0].responseHeaderModifier.remove[1]: Duplicate value: \"server\"", rendered);
    }

    [Fact]
    public void MaxProperties_IsTooMany()
    {
        var labels = string.Join(", ", Enumerable.Range(0, 9).Select(i => $"l{i}: v"));
        var error = Assert.Single(Validate("Gateway", "gatewayClassName: gc\ninfrastructure: {labels: {" + labels + "}}\nlisteners: [{name: a, port: 80, protocol: HTTP}]").Errors);
        Assert.Equal("spec.infrastructure.labels: Too many: 9: must have at most 8 items", error.ToString());
    }

    [Fact]
    public void IpAddressWithoutIpFormat_FailsTheAddressOneOf()
    {
        var result = Validate("Gateway", "gatewayClassName: gc\naddresses: [{value: 10.0.0.256}, {value: '::ffff:10.0.0.1'}, {type: Hostname, value: gw.example.com}]\nlisteners: [{name: a, port: 80, protocol: HTTP}]");
        Assert.Equal(
            [
                "spec.addresses[0]: Invalid value: \"\": spec.addresses[0] in body must validate one and only one schema (oneOf). Found none valid",
                "spec.addresses[0].value: Invalid value: \"\": spec.addresses[0].value in body must validate at least one schema (anyOf)",
                "spec.addresses[0].value: Invalid value: \"10.0.0.256\": spec.addresses[0].value in body must be of type ipv4: \"10.0.0.256\"",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void DateTimeFormat_IsChecked()
    {
        var result = GatewayApiValidator.Validate(
            YamlJson.Read(Docs.Manifest("GatewayClass", "controllerName: example.com/c", status: "conditions: [{type: Accepted, status: 'True', reason: Accepted, message: '', lastTransitionTime: yesterday}, {type: Other, status: 'False', reason: R, message: '', lastTransitionTime: '2024-02-30T10:00:00Z'}, {type: Third, status: Unknown, reason: R, message: '', lastTransitionTime: '2024-02-29T23:59:59.123+01:00'}]")),
            ReleaseChannel.Standard);
        Assert.Equal(
            [
                "status.conditions[0].lastTransitionTime: Invalid value: \"yesterday\": status.conditions[0].lastTransitionTime in body must be of type date-time: \"yesterday\"",
                "status.conditions[1].lastTransitionTime: Invalid value: \"2024-02-30T10:00:00Z\": status.conditions[1].lastTransitionTime in body must be of type date-time: \"2024-02-30T10:00:00Z\"",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void JsonBuiltInCode_WithDotNetIntegers_IsReadLikeParsedJson()
    {
        // JsonValue.Create(80) holds an int; it must be an integer for the schema and for CEL (regression).
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "parentRefs: [{name: gw}, {name: gw}]"));
        route["spec"]!["parentRefs"]![0]!["port"] = 80;
        route["spec"]!["parentRefs"]![1]!["port"] = 443;
        route["spec"]!["rules"] = new JsonArray(new JsonObject { ["backendRefs"] = new JsonArray(new JsonObject { ["name"] = "svc", ["port"] = 8080, ["weight"] = (short)2 }) });
        Assert.Empty(GatewayApiValidator.Validate(route, ReleaseChannel.Experimental).Errors);
    }

    private static ValidationResult Validate(string kind, string spec)
        => GatewayApiValidator.Validate(YamlJson.Read(Docs.Manifest(kind, spec)), ReleaseChannel.Standard);
}
