using System.Text.Json.Nodes;
using GatewayApi.Models.Serialization;
using GatewayApi.Models.Tests.Validation.Support;
using GatewayApi.Models.Validation;
using Xunit.Abstractions;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>Structural defaulting (validation digest §5): what is filled in, where, and what is never touched.</summary>
public class DefaultingTests(ITestOutputHelper output)
{
    public static TheoryData<ReleaseChannel, string, string> ServedVersions => SchemaBoundaryTests.ServedVersions;

    /// <summary>
    /// Generated from the CRDs: for every <c>default</c>, an object whose parent of that field exists but which
    /// lacks the field gets exactly the CRD's default there.
    /// </summary>
    [Theory]
    [MemberData(nameof(ServedVersions))]
    public void EveryCrdDefault_IsAppliedWhereItsParentExists(ReleaseChannel channel, string kind, string version)
    {
        var crd = Crds.Find(channel, kind, version);
        var failures = new List<string>();
        var checks = 0;
        foreach (var (node, path) in SchemaBoundaryTests.Nodes(crd.Schema, []))
        {
            if (node["default"] is not { } expected || path.Count == 0)
            {
                continue;
            }

            checks++;
            var document = MinimalObjects.For(crd.Group, kind, version);
            var (parent, fieldPath, last) = CreateParents(document, crd.Schema, path);
            RemoveTarget(parent, last);
            var defaulted = GatewayApiDefaults.ApplyDefaults(document, channel);
            var actual = Locate(defaulted, path);
            if (!JsonNode.DeepEquals(actual, expected))
            {
                failures.Add($"{fieldPath}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "(absent)"}");
            }
        }

        failures.ForEach(output.WriteLine);
        output.WriteLine($"{checks} defaults checked");
        Assert.Empty(failures);
    }

    [Fact]
    public void HttpRouteWithoutRules_GetsTheCatchAllRule()
    {
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "parentRefs: [{name: gw}]"));
        var defaulted = GatewayApiDefaults.ApplyDefaults(route, ReleaseChannel.Standard);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"matches":[{"path":{"type":"PathPrefix","value":"/"}}]}]"""), defaulted["spec"]!["rules"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"name":"gw","group":"gateway.networking.k8s.io","kind":"Gateway"}]"""), defaulted["spec"]!["parentRefs"]));
    }

    [Fact]
    public void ExplicitEmptyRules_AreKept_AndThenRejectedByMinItems()
    {
        // An explicit [] is a present value: defaulting keeps it, and rules has minItems 1 (validation digest §2).
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "rules: []"));
        Assert.Empty(GatewayApiDefaults.ApplyDefaults(route, ReleaseChannel.Standard)["spec"]!["rules"]!.AsArray());
        var error = Assert.Single(GatewayApiValidator.Validate(route, ReleaseChannel.Standard).Errors);
        Assert.Equal("spec.rules: Invalid value: 0: spec.rules in body should have at least 1 items", error.ToString());
    }

    [Fact]
    public void PresentValues_AreNeverOverridden()
    {
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "rules:\n- matches: [{path: {type: Exact, value: /a}, headers: [{name: x, type: RegularExpression, value: 'b.*'}]}]\n  backendRefs: [{name: svc, port: 80, weight: 5, group: example.com, kind: Bucket}]"));
        var defaulted = GatewayApiDefaults.ApplyDefaults(route, ReleaseChannel.Standard);
        var rule = defaulted["spec"]!["rules"]![0]!;
        Assert.Equal("Exact", (string)rule["matches"]![0]!["path"]!["type"]!);
        Assert.Equal("RegularExpression", (string)rule["matches"]![0]!["headers"]![0]!["type"]!);
        Assert.Equal(5, (int)rule["backendRefs"]![0]!["weight"]!);
        Assert.Equal("example.com", (string)rule["backendRefs"]![0]!["group"]!);
    }

    [Fact]
    public void NestedDefaults_FillPartlyPresentObjects()
    {
        // allowedRoutes: {} gets namespaces {from: Same}; namespaces: {} gets from: Same (validation digest §5.1).
        var gateway = YamlJson.Read(Docs.Manifest("Gateway", "gatewayClassName: gc\nlisteners:\n- {name: a, port: 80, protocol: HTTP, allowedRoutes: {}}\n- {name: b, port: 81, protocol: HTTP, allowedRoutes: {namespaces: {}}}\n- {name: c, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}"));
        var listeners = GatewayApiDefaults.ApplyDefaults(gateway, ReleaseChannel.Standard)["spec"]!["listeners"]!;
        Assert.Equal("Same", (string)listeners[0]!["allowedRoutes"]!["namespaces"]!["from"]!);
        Assert.Equal("Same", (string)listeners[1]!["allowedRoutes"]!["namespaces"]!["from"]!);
        Assert.Equal("Terminate", (string)listeners[2]!["tls"]!["mode"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"name":"cert","group":"","kind":"Secret"}"""), listeners[2]!["tls"]!["certificateRefs"]![0]));
    }

    [Fact]
    public void Status_GetsPendingConditions_ObjectDefaultAndListDefaultDiffer_ForXMesh()
    {
        // XMesh quirk (resources digest §15): status absent -> Accepted only; status {} -> Accepted and Programmed.
        var absent = GatewayApiDefaults.ApplyDefaults(YamlJson.Read(Docs.Manifest("XMesh", "controllerName: example.com/mesh")), ReleaseChannel.Experimental);
        var empty = GatewayApiDefaults.ApplyDefaults(YamlJson.Read(Docs.Manifest("XMesh", "controllerName: example.com/mesh", status: "{}")), ReleaseChannel.Experimental);
        Assert.Equal(["Accepted"], absent["status"]!["conditions"]!.AsArray().Select(c => (string)c!["type"]!));
        Assert.Equal(["Accepted", "Programmed"], empty["status"]!["conditions"]!.AsArray().Select(c => (string)c!["type"]!));
        var condition = absent["status"]!["conditions"]![0]!;
        Assert.Equal("Unknown", (string)condition["status"]!);
        Assert.Equal("Pending", (string)condition["reason"]!);
        Assert.Equal("Waiting for controller", (string)condition["message"]!);
        Assert.Equal("1970-01-01T00:00:00Z", (string)condition["lastTransitionTime"]!);
    }

    [Fact]
    public void ExperimentalFields_AreDefaultedOnlyInTheExperimentalChannel()
    {
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "rules:\n- sessionPersistence: {sessionName: s}"));
        var standard = GatewayApiDefaults.ApplyDefaults(route, ReleaseChannel.Standard);
        var experimental = GatewayApiDefaults.ApplyDefaults(route, ReleaseChannel.Experimental);
        Assert.Null(standard["spec"]!["rules"]![0]!["sessionPersistence"]!["type"]);
        Assert.Equal("Cookie", (string)experimental["spec"]!["rules"]![0]!["sessionPersistence"]!["type"]!);
    }

    [Fact]
    public void TypedModel_ComesBackAsANewDefaultedModel_AndTheInputIsUnchanged()
    {
        var route = new HttpRoute
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "r", NamespaceProperty = "default" },
            Spec = new HttpRouteSpec { Rules = [new HttpRouteRule { BackendRefs = [new HttpBackendRef { Name = "svc", Port = 80 }] }] },
        };
        var before = GatewayApiJson.Serialize(route);
        var defaulted = GatewayApiDefaults.ApplyDefaults(route, ReleaseChannel.Standard);
        Assert.NotSame(route, defaulted);
        Assert.Equal(before, GatewayApiJson.Serialize(route));
        var rule = Assert.Single(defaulted.Spec.Rules!);
        Assert.Equal(1, rule.BackendRefs![0].Weight);
        Assert.Equal("/", rule.Matches![0].Path!.Value);
    }

    [Fact]
    public void UnknownFields_AreKept_ByDefaulting()
    {
        var route = YamlJson.Read(Docs.Manifest("HTTPRoute", "futureField: 1\nrules: [{retry: {attempts: 2}}]"));
        var defaulted = GatewayApiDefaults.ApplyDefaults(route, ReleaseChannel.Standard);
        Assert.Equal(1, (int)defaulted["spec"]!["futureField"]!);
        Assert.Equal(2, (int)defaulted["spec"]!["rules"]![0]!["retry"]!["attempts"]!);
    }

    private static (JsonNode Parent, string FieldPath, SchemaBoundaryTests.Segment Last) CreateParents(JsonObject document, JsonObject crdRoot, IReadOnlyList<SchemaBoundaryTests.Segment> path)
    {
        JsonNode current = document;
        var schema = crdRoot;
        var fieldPath = string.Empty;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var segment = path[i];
            if (segment.Kind == SchemaBoundaryTests.SegmentKind.Property)
            {
                schema = schema["properties"]![segment.Name]!.AsObject();
                fieldPath += (fieldPath.Length == 0 ? string.Empty : ".") + segment.Name;
                current = current.AsObject()[segment.Name] ??= Synthesize(schema);
            }
            else
            {
                schema = schema["items"]!.AsObject();
                fieldPath += "[0]";
                var array = current.AsArray();
                if (array.Count == 0)
                {
                    array.Add(Synthesize(schema));
                }

                current = array[0]!;
            }
        }

        return (current, fieldPath + "." + path[^1].Name, path[^1]);
    }

    // Parents made here must not carry their own default, or the field under test would come from the parent's.
    private static JsonNode Synthesize(JsonObject schema)
        => (string?)schema["type"] == "array" ? new JsonArray(CrdSynthesizer.Value(schema["items"]!.AsObject(), 0)) : CrdSynthesizer.Value(schema, 0);

    private static void RemoveTarget(JsonNode parent, SchemaBoundaryTests.Segment last)
    {
        if (last.Kind == SchemaBoundaryTests.SegmentKind.Property)
        {
            parent.AsObject().Remove(last.Name);
        }
    }

    private static JsonNode? Locate(JsonNode root, IReadOnlyList<SchemaBoundaryTests.Segment> path)
    {
        JsonNode? current = root;
        foreach (var segment in path)
        {
            current = segment.Kind == SchemaBoundaryTests.SegmentKind.Property ? current?[segment.Name] : current is JsonArray array && array.Count > 0 ? array[0] : null;
        }

        return current;
    }
}
