using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayApi.Models.Tests.Validation.Support;
using GatewayApi.Models.Validation.Schema;
using Xunit.Abstractions;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// The hand-written schema is the validator's source of truth; these tests prove it says exactly what the
/// upstream CRDs say, node by node, for every kind, version and channel (resources digest §1–§17).
/// </summary>
public class SchemaMatchesCrdsTests(ITestOutputHelper output)
{
    // Schema keywords the comparison understands; any other keyword in a CRD fails the test, so a construct
    // the hand-written schema cannot express is noticed instead of silently ignored.
    private static readonly HashSet<string> KnownKeywords =
    [
        "type", "description", "properties", "required", "items", "additionalProperties", "default",
        "maxLength", "minLength", "pattern", "format", "enum", "minimum", "maximum", "minItems", "maxItems",
        "maxProperties", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
        "x-kubernetes-validations", "oneOf",
    ];

    public static TheoryData<ReleaseChannel> Channels => [ReleaseChannel.Standard, ReleaseChannel.Experimental];

    [Theory]
    [MemberData(nameof(Channels))]
    public void EveryCrdVersion_HasASchema_WithTheSameServedFlag(ReleaseChannel channel)
    {
        var crd = Crds.Of(channel).Select(v => (v.Group, v.Kind, v.Version, v.Served)).Order().ToList();
        var ours = GatewayApiSchemas.For(channel).Select(s => (s.Group, s.Kind, s.Version, s.Served)).Order().ToList();
        Assert.Equal(crd, ours);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void EveryCrdSchemaNode_MatchesTheHandWrittenSchema(ReleaseChannel channel)
    {
        var differences = new List<string>();
        var nodes = 0;
        foreach (var crd in Crds.Of(channel))
        {
            var ours = GatewayApiSchemas.Find(channel, crd.Group, crd.Kind, crd.Version);
            if (ours is null)
            {
                differences.Add($"{crd}: no schema");
                continue;
            }

            var counted = Compare(crd.Schema, ours.Root, $"{crd.Kind}/{crd.Version}:", differences);
            output.WriteLine($"{crd}: {counted} nodes");
            nodes += counted;
        }

        foreach (var difference in differences)
        {
            output.WriteLine(difference);
        }

        output.WriteLine($"{nodes} schema nodes compared");
        Assert.True(nodes > 1000, "the comparison walked suspiciously few nodes");
        Assert.Empty(differences);
    }

    [Fact]
    public void Comparison_DetectsADifference()
    {
        // A guard against a comparison that passes everything: a changed maxLength must be reported.
        var crd = Crds.Find(ReleaseChannel.Standard, "HTTPRoute", "v1");
        var schema = (JsonObject)crd.Schema.DeepClone();
        schema["properties"]!["spec"]!["properties"]!["hostnames"]!["maxItems"] = 17;
        var differences = new List<string>();
        Compare(schema, GatewayApiSchemas.Find(ReleaseChannel.Standard, crd.Group, "HTTPRoute", "v1")!.Root, "HTTPRoute:", differences);
        Assert.Contains(differences, d => d.Contains("spec.hostnames", StringComparison.Ordinal) && d.Contains("maxItems", StringComparison.Ordinal));
    }

    private static int Compare(JsonObject crd, SchemaNode ours, string path, List<string> differences)
    {
        var count = 1;
        void Differ(string what, object? expected, object? actual) => differences.Add($"{path} {what}: CRD {Show(expected)}, ours {Show(actual)}");

        foreach (var (key, _) in crd)
        {
            if (!KnownKeywords.Contains(key))
            {
                differences.Add($"{path} unsupported keyword {key}");
            }
        }

        var type = (string?)crd["type"];
        if (type != ours.TypeName)
        {
            Differ("type", type, ours.TypeName);
            return count;
        }

        if (!JsonNode.DeepEquals(crd["default"], ours.Default))
        {
            Differ("default", crd["default"]?.ToJsonString(), ours.Default?.ToJsonString());
        }

        var crdRules = crd["x-kubernetes-validations"]?.AsArray().Select(r => (Message: (string)r!["message"]!, FieldPath: (string?)r["fieldPath"], Reason: (string?)r["reason"])).ToList() ?? [];
        var ourRules = ours.Rules.Select(r => (r.Message, r.FieldPath, r.Reason)).ToList();
        if (!crdRules.SequenceEqual(ourRules))
        {
            Differ("x-kubernetes-validations", string.Join(" | ", crdRules), string.Join(" | ", ourRules));
        }

        switch (ours)
        {
            case ObjectSchema obj:
                count += CompareObject(crd, obj, path, differences, Differ);
                break;
            case ArraySchema array:
                Check("minItems", Int(crd, "minItems"), array.MinItems);
                Check("maxItems", Int(crd, "maxItems"), array.MaxItems);
                Check("x-kubernetes-list-type", (string?)crd["x-kubernetes-list-type"] ?? "atomic", array.ListType);
                Check("x-kubernetes-list-map-keys", Join(crd["x-kubernetes-list-map-keys"]), string.Join(",", array.MapKeys));
                count += crd["items"] is JsonObject items
                    ? Compare(items, array.Items, path + "[]", differences)
                    : Fail("items missing");
                break;
            case StringSchema text:
                Check("minLength", Int(crd, "minLength"), text.MinLength);
                Check("maxLength", Int(crd, "maxLength"), text.MaxLength);
                Check("pattern", (string?)crd["pattern"], text.Pattern?.Source);
                Check("enum", Join(crd["enum"]), text.Enum is null ? string.Empty : string.Join(",", text.Enum));
                Check("format", (string?)crd["format"], text.Format);
                break;
            case IntegerSchema integer:
                Check("minimum", Long(crd, "minimum"), integer.Minimum);
                Check("maximum", Long(crd, "maximum"), integer.Maximum);
                Check("enum", Join(crd["enum"]), integer.Enum is null ? string.Empty : string.Join(",", integer.Enum));
                Check("format", (string?)crd["format"], integer.Format);
                break;
        }

        return count;

        void Check<T>(string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                Differ(what, expected, actual);
            }
        }

        int Fail(string what)
        {
            differences.Add($"{path} {what}");
            return 0;
        }
    }

    private static int CompareObject(JsonObject crd, ObjectSchema obj, string path, List<string> differences, Action<string, object?, object?> differ)
    {
        var count = 0;
        if (path.EndsWith(":metadata", StringComparison.Ordinal) || path.EndsWith(".metadata", StringComparison.Ordinal))
        {
            if (!obj.Opaque || crd["properties"] is not null)
            {
                differ("metadata", "opaque object", "described object");
            }

            return count;
        }

        var crdRequired = Join(crd["required"]);
        var ourRequired = string.Join(",", obj.Required.Order(StringComparer.Ordinal));
        if (string.Join(",", crdRequired.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)) != ourRequired)
        {
            differ("required", crdRequired, ourRequired);
        }

        if (Int(crd, "maxProperties") != obj.MaxProperties)
        {
            differ("maxProperties", Int(crd, "maxProperties"), obj.MaxProperties);
        }

        if ((string?)crd["x-kubernetes-map-type"] != obj.MapType)
        {
            differ("x-kubernetes-map-type", (string?)crd["x-kubernetes-map-type"], obj.MapType);
        }

        var hasOneOf = crd["oneOf"] is not null;
        if (hasOneOf != obj.IpAddressValueOneOf)
        {
            differ("oneOf", hasOneOf, obj.IpAddressValueOneOf);
        }
        else if (hasOneOf && !JsonNode.DeepEquals(crd["oneOf"], IpAddressOneOf))
        {
            differ("oneOf", crd["oneOf"]!.ToJsonString(), IpAddressOneOf.ToJsonString());
        }

        if (crd["additionalProperties"] is JsonObject additional)
        {
            count += obj.AdditionalProperties is null
                ? Missing("additionalProperties")
                : Compare(additional, obj.AdditionalProperties, path + "{}", differences);
        }
        else if (obj.AdditionalProperties is not null)
        {
            differ("additionalProperties", null, "map");
        }

        var crdProperties = crd["properties"]?.AsObject() ?? [];
        foreach (var (name, child) in crdProperties)
        {
            var childPath = path.EndsWith(':') ? path + name : path + "." + name;
            count += obj.Property(name) is { } ours ? Compare(child!.AsObject(), ours, childPath, differences) : Missing("property " + name);
        }

        foreach (var (name, _) in obj.Properties)
        {
            if (!crdProperties.ContainsKey(name))
            {
                differences.Add($"{path} extra property {name}");
            }
        }

        return count;

        int Missing(string what)
        {
            differences.Add($"{path} missing {what}");
            return 0;
        }
    }

    // The one composition construct of the v1.6.1 CRDs (Gateway addresses), which IpAddressValueOneOf stands for.
    private static readonly JsonNode IpAddressOneOf = JsonNode.Parse("""
        [{"properties":{"type":{"enum":["IPAddress"]},"value":{"anyOf":[{"format":"ipv4"},{"format":"ipv6"}]}}},
         {"properties":{"type":{"not":{"enum":["IPAddress"]}}}}]
        """)!;

    private static int? Int(JsonObject node, string name) => node[name] is JsonValue value ? value.GetValue<int>() : null;

    private static long? Long(JsonObject node, string name) => node[name] is JsonValue value ? value.GetValue<long>() : null;

    private static string Join(JsonNode? array)
        => array is JsonArray items ? string.Join(",", items.Select(i => i!.GetValueKind() == JsonValueKind.String ? (string)i! : i!.ToJsonString())) : string.Empty;

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        string text => "'" + text + "'",
        _ => value.ToString() ?? string.Empty,
    };
}
