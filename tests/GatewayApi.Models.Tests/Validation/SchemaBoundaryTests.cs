using System.Text.Json.Nodes;
using GatewayApi.Models.Tests.Validation.Support;
using GatewayApi.Models.Validation;
using Xunit.Abstractions;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// Boundary tests generated from the CRDs at test time (issue 4, "Must show" 2): for every maxLength, minLength,
/// maxItems, minItems, maxProperties, pattern, enum, minimum and maximum of every served version of both
/// channels, a minimal valid object with a value just inside the bound has no schema error at that field, and
/// one with a value just outside fails at exactly that field path with the API server's error type.
/// </summary>
public class SchemaBoundaryTests(ITestOutputHelper output)
{
    public static TheoryData<ReleaseChannel, string, string> ServedVersions
    {
        get
        {
            var data = new TheoryData<ReleaseChannel, string, string>();
            foreach (var crd in Crds.All.Where(c => c.Served))
            {
                data.Add(crd.Channel, crd.Kind, crd.Version);
            }

            return data;
        }
    }

    [Fact]
    public void EveryCrdPattern_HasSamples()
    {
        var patterns = Crds.All.SelectMany(c => Nodes(c.Schema, []))
            .Select(n => (string?)n.Node["pattern"])
            .OfType<string>()
            .Distinct()
            .ToList();
        Assert.All(patterns, p => Assert.True(PatternSamples.IsKnown(p), "no samples for " + p));
        Assert.True(patterns.Count >= 18);
    }

    [Fact]
    public void PatternSamples_MatchAndMismatchTheirPatterns_AsRe2Would()
    {
        // The samples are checked with the validator's own pattern engine here and through the validator in the
        // boundary tests; the mismatching sample must also be rejected at its field, which those tests prove.
        foreach (var pattern in Crds.All.SelectMany(c => Nodes(c.Schema, [])).Select(n => (string?)n.Node["pattern"]).OfType<string>().Distinct())
        {
            var compiled = GatewayApi.Models.Validation.Schema.SchemaPattern.Of(pattern);
            Assert.True(compiled.IsMatch(PatternSamples.Valid(pattern, 20, 3)), pattern);
            Assert.False(compiled.IsMatch(PatternSamples.Invalid(pattern)), pattern);
        }
    }

    [Theory]
    [MemberData(nameof(ServedVersions))]
    public void EveryBound_IsEnforcedAtExactlyItsField(ReleaseChannel channel, string kind, string version)
    {
        var crd = Crds.Find(channel, kind, version);
        var baseObject = MinimalObjects.For(crd.Group, kind, version);
        var baseResult = GatewayApiValidator.Validate(baseObject, channel);
        Assert.True(baseResult.IsValid, string.Join("\n", baseResult.Errors));

        var failures = new List<string>();
        var checks = 0;
        foreach (var (node, path) in Nodes(crd.Schema, []))
        {
            if (path.Count == 0 || path[0].Name is "metadata")
            {
                continue;
            }

            foreach (var (bound, inside, outside, expected) in Bounds(node, path))
            {
                checks++;
                if (inside is not null)
                {
                    var (fieldPath, result) = ValidateWith(baseObject, crd.Schema, path, inside, channel);
                    var errors = result.Errors.Where(e => e.Origin == FieldErrorOrigin.Schema && (e.Field == fieldPath || e.Field.StartsWith(fieldPath + ".", StringComparison.Ordinal) || e.Field.StartsWith(fieldPath + "[", StringComparison.Ordinal))).ToList();
                    if (errors.Count > 0)
                    {
                        failures.Add($"{fieldPath} {bound} inside: {string.Join("; ", errors)}");
                    }
                }

                if (outside is not null)
                {
                    var (fieldPath, result) = ValidateWith(baseObject, crd.Schema, path, outside, channel);
                    if (!result.Errors.Any(e => e.Field == fieldPath && e.Type == expected && e.Origin == FieldErrorOrigin.Schema))
                    {
                        failures.Add($"{fieldPath} {bound} outside: expected {expected}, got {string.Join("; ", result.Errors)}");
                    }
                }
            }
        }

        foreach (var failure in failures)
        {
            output.WriteLine(failure.Length > 400 ? failure[..400] + "..." : failure);
        }

        output.WriteLine($"{checks} bounds checked");
        Assert.True(checks > 10, "suspiciously few bounds");
        Assert.Empty(failures);
    }

    /// <summary>Every constraint of a node, with a value just inside, one just outside, and the expected error type outside.</summary>
    private static IEnumerable<(string Bound, JsonNode? Inside, JsonNode? Outside, FieldErrorType Expected)> Bounds(JsonObject node, IReadOnlyList<Segment> path)
    {
        var type = (string?)node["type"];
        var pattern = (string?)node["pattern"];
        if (type == "string")
        {
            if (node["maxLength"] is JsonValue maxLength)
            {
                var max = maxLength.GetValue<int>();
                yield return ($"maxLength {max}", PatternSamples.Valid(pattern, max, 0), PatternSamples.Valid(pattern, max + 1, 0), FieldErrorType.TooLong);
            }

            if (node["minLength"] is JsonValue minLength && minLength.GetValue<int>() > 0)
            {
                var min = minLength.GetValue<int>();
                yield return ($"minLength {min}", PatternSamples.Valid(pattern, min, 0), new string('a', min - 1), FieldErrorType.Invalid);
            }

            if (pattern is not null)
            {
                var length = Math.Min(CrdSynthesizer.Int(node, "maxLength", 20), 20);
                yield return ($"pattern {pattern}", PatternSamples.Valid(pattern, length, 1), PatternSamples.Invalid(pattern), FieldErrorType.Invalid);
            }

            if (node["enum"] is JsonArray values)
            {
                foreach (var value in values)
                {
                    yield return ($"enum {value}", value!.DeepClone(), null, default);
                }

                yield return ("enum", null, "NotInTheEnum", FieldErrorType.NotSupported);
            }
        }
        else if (type == "integer")
        {
            if (node["minimum"] is JsonValue minimum)
            {
                var min = minimum.GetValue<long>();
                yield return ($"minimum {min}", min, min - 1, FieldErrorType.Invalid);
            }

            if (node["maximum"] is JsonValue maximum)
            {
                var max = maximum.GetValue<long>();
                yield return ($"maximum {max}", max, max + 1, FieldErrorType.Invalid);
            }

            if (node["enum"] is JsonArray values)
            {
                foreach (var value in values)
                {
                    yield return ($"enum {value}", value!.DeepClone(), null, default);
                }

                yield return ("enum", null, values.Max(v => v!.GetValue<long>()) + 1, FieldErrorType.NotSupported);
            }
        }
        else if (type == "array")
        {
            var items = node["items"]!.AsObject();
            if (node["maxItems"] is JsonValue maxItems)
            {
                var max = maxItems.GetValue<int>();
                yield return ($"maxItems {max}", Items(items, max), Items(items, max + 1), FieldErrorType.TooMany);
            }

            if (node["minItems"] is JsonValue minItems && minItems.GetValue<int>() > 0)
            {
                var min = minItems.GetValue<int>();
                yield return ($"minItems {min}", Items(items, min), Items(items, min - 1), FieldErrorType.Invalid);
            }
        }
        else if (type == "object" && node["maxProperties"] is JsonValue maxProperties && node["additionalProperties"] is JsonObject valueSchema)
        {
            var max = maxProperties.GetValue<int>();
            yield return ($"maxProperties {max}", Map(valueSchema, max), Map(valueSchema, max + 1), FieldErrorType.TooMany);
        }

        _ = path;
    }

    private static JsonArray Items(JsonObject items, int count)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(CrdSynthesizer.Value(items, i));
        }

        return array;
    }

    private static JsonObject Map(JsonObject values, int count)
    {
        var map = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            map["example.com/k" + i] = CrdSynthesizer.Value(values, i);
        }

        return map;
    }

    /// <summary>Copies the base object, creates the parents of the path (valid, from the CRD), sets the value, validates.</summary>
    private static (string FieldPath, ValidationResult Result) ValidateWith(JsonObject baseObject, JsonObject crdRoot, IReadOnlyList<Segment> path, JsonNode value, ReleaseChannel channel)
    {
        var document = (JsonObject)baseObject.DeepClone();
        JsonNode current = document;
        var schema = crdRoot;
        var fieldPath = string.Empty;
        for (var i = 0; i < path.Count; i++)
        {
            var segment = path[i];
            var last = i == path.Count - 1;
            switch (segment.Kind)
            {
                case SegmentKind.Property:
                    schema = schema["properties"]![segment.Name]!.AsObject();
                    fieldPath = fieldPath.Length == 0 ? segment.Name : fieldPath + "." + segment.Name;
                    var obj = current.AsObject();
                    if (last)
                    {
                        obj[segment.Name] = value.DeepClone();
                        break;
                    }

                    if (!obj.ContainsKey(segment.Name))
                    {
                        obj[segment.Name] = CrdSynthesizer.Value(schema, 0);
                    }

                    current = obj[segment.Name]!;
                    break;
                case SegmentKind.Item:
                    schema = schema["items"]!.AsObject();
                    fieldPath += "[0]";
                    var array = current.AsArray();
                    if (array.Count == 0)
                    {
                        array.Add(CrdSynthesizer.Value(schema, 0));
                    }

                    if (last)
                    {
                        array[0] = value.DeepClone();
                        break;
                    }

                    current = array[0]!;
                    break;
                case SegmentKind.MapValue:
                    schema = schema["additionalProperties"]!.AsObject();
                    fieldPath += ".example.com/k";
                    var map = current.AsObject();
                    map["example.com/k"] = last ? value.DeepClone() : CrdSynthesizer.Value(schema, 0);
                    current = map["example.com/k"]!;
                    break;
            }
        }

        return (fieldPath, GatewayApiValidator.Validate(document, channel));
    }

    internal enum SegmentKind
    {
        Property,
        Item,
        MapValue,
    }

    internal readonly record struct Segment(SegmentKind Kind, string Name);

    /// <summary>Every schema node with its path (properties, items, map values; not the oneOf alternatives).</summary>
    internal static IEnumerable<(JsonObject Node, IReadOnlyList<Segment> Path)> Nodes(JsonObject node, IReadOnlyList<Segment> path)
    {
        yield return (node, path);
        foreach (var (name, child) in node["properties"]?.AsObject() ?? [])
        {
            foreach (var inner in Nodes(child!.AsObject(), [.. path, new Segment(SegmentKind.Property, name)]))
            {
                yield return inner;
            }
        }

        if (node["items"] is JsonObject items)
        {
            foreach (var inner in Nodes(items, [.. path, new Segment(SegmentKind.Item, string.Empty)]))
            {
                yield return inner;
            }
        }

        if (node["additionalProperties"] is JsonObject values)
        {
            foreach (var inner in Nodes(values, [.. path, new Segment(SegmentKind.MapValue, string.Empty)]))
            {
                yield return inner;
            }
        }
    }
}
