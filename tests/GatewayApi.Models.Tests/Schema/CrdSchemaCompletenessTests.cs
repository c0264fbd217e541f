using GatewayApi.Models.Serialization;
using YamlDotNet.RepresentationModel;

namespace GatewayApi.Models.Tests.Schema;

/// <summary>
/// The models against the upstream v1.6.1 CRDs: every schema property has a model property with the same
/// JSON name and a compatible type, every enum value is a known value, and the models invent no fields.
/// One row per (channel, kind, version); a failing row lists every difference, one per line.
/// </summary>
public class CrdSchemaCompletenessTests
{
    public static TheoryData<string, string, string> AllCrdVersions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var crd in CrdSchemas.All)
        {
            data.Add(crd.Channel, crd.Kind, crd.Version);
        }

        return data;
    }

    public static TheoryData<string, string> ExperimentalCrdVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (var crd in CrdSchemas.All.Where(c => c.Channel == "experimental"))
        {
            data.Add(crd.Kind, crd.Version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCrdVersions))]
    public void EveryCrdProperty_HasAModelPropertyWithTheSameJsonNameAndACompatibleType(string channel, string kind, string version)
    {
        var crd = CrdSchemas.Find(channel, kind, version);
        var findings = Compare(crd).Where(f => f.Kind is SchemaFindingKind.MissingInModel or SchemaFindingKind.TypeMismatch);
        AssertNone(crd, findings);
    }

    [Theory]
    [MemberData(nameof(AllCrdVersions))]
    public void EveryCrdEnumValue_IsAKnownValueOfTheModelsExtensibleValueType(string channel, string kind, string version)
    {
        var crd = CrdSchemas.Find(channel, kind, version);
        AssertNone(crd, Compare(crd).Where(f => f.Kind == SchemaFindingKind.UnknownEnumValue));
    }

    [Theory]
    [MemberData(nameof(ExperimentalCrdVersions))]
    public void EveryModelProperty_ExistsInTheExperimentalCrdSchema(string kind, string version)
    {
        // The experimental channel is the superset of the standard one, so a model field it lacks is invented
        // (or misnamed). ExtensionData is not a field and is left out by the walk.
        var crd = CrdSchemas.Find("experimental", kind, version);
        AssertNone(crd, Compare(crd).Where(f => f.Kind == SchemaFindingKind.NotInSchema));
    }

    [Fact]
    public void EveryCrdKind_IsRegistered_WithTheVersionsItsChannelServes()
    {
        // The rows above are only as complete as the CRD list; make sure it is the full one the registry promises.
        var problems = new List<string>();
        foreach (var channel in CrdSchemas.Channels)
        {
            var crdKinds = CrdSchemas.All.Where(c => c.Channel == channel).GroupBy(c => (c.Group, c.Kind));
            foreach (var crd in crdKinds)
            {
                if (!GatewayApiKinds.TryFind(crd.Key.Group, crd.Key.Kind, out var registered))
                {
                    problems.Add($"{channel}: {crd.Key.Group}/{crd.Key.Kind} is not in GatewayApiKinds");
                    continue;
                }

                var served = crd.Where(c => c.Served).Select(c => c.Version).Order(StringComparer.Ordinal);
                var promised = (channel == "standard" ? registered.StandardVersions : registered.ExperimentalVersions).Order(StringComparer.Ordinal);
                if (!served.SequenceEqual(promised))
                {
                    problems.Add($"{channel}: {crd.Key.Kind} serves [{string.Join(", ", served)}], GatewayApiKinds says [{string.Join(", ", promised)}]");
                }
            }

            foreach (var kind in GatewayApiKinds.All.Where(k => k.IsGatewayApi && (channel == "experimental" || k.StandardVersions.Count > 0)))
            {
                if (!crdKinds.Any(c => c.Key == (kind.Group, kind.Kind)))
                {
                    problems.Add($"{channel}: GatewayApiKinds has {kind.Group}/{kind.Kind}, but the channel has no CRD for it");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Walker_ReportsEveryKindOfDifference_NotJustTheFirst()
    {
        // The walker itself must be able to fail: a schema that disagrees with a small model in every way.
        var schema = ParseSchema("""
            type: object
            properties:
              name: {type: string}
              count: {type: string}
              missing: {type: string}
              mode: {type: string, enum: [http, https, ftp]}
              plainEnum: {type: string, enum: [X]}
              timeout: {type: string, pattern: "^([0-9]{1,5}(h|m|s|ms)){1,4}$"}
              size: {type: integer, format: int64}
              items:
                type: array
                items:
                  type: object
                  properties:
                    inner: {type: boolean}
                    gone: {type: boolean}
              labels:
                type: object
                additionalProperties: {type: string}
            """);

        var findings = SchemaModelWalker.Compare(schema, typeof(FakeModel));
        var lines = findings.Select(f => $"{f.Kind} {f.Path}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "MissingInModel items[].gone",
                "MissingInModel missing",
                "NotInSchema extra",
                "TypeMismatch count",
                "TypeMismatch plainEnum",
                "TypeMismatch size",
                "TypeMismatch timeout",
                "UnknownEnumValue mode",
            ],
            lines);
    }

    private static IReadOnlyList<SchemaFinding> Compare(CrdVersion crd)
    {
        Assert.True(GatewayApiKinds.TryFind(crd.Group, crd.Kind, out var registered), $"GatewayApiKinds does not know {crd.Group}/{crd.Kind}.");
        return SchemaModelWalker.Compare(crd.Schema, registered.ClrType);
    }

    private static void AssertNone(CrdVersion crd, IEnumerable<SchemaFinding> findings)
    {
        var lines = findings.Select(f => $"{crd.Channel}, {crd.File}, {crd.Version}, {f.Path}: {f.Detail}").ToList();
        Assert.True(lines.Count == 0, $"{lines.Count} difference(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
    }

    private static YamlMappingNode ParseSchema(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private sealed class FakeModel : SchemaObject
    {
        [System.Text.Json.Serialization.JsonPropertyName("name")]
        public string? Name { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("count")]
        public int? Count { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("mode")]
        public HttpRedirectScheme? Mode { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("plainEnum")]
        public string? PlainEnum { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("timeout")]
        public string? Timeout { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("size")]
        public int? Size { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("items")]
        public IList<FakeItem>? Items { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("labels")]
        public IDictionary<string, string>? Labels { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("extra")]
        public bool? Extra { get; set; }
    }

    private sealed class FakeItem : SchemaObject
    {
        [System.Text.Json.Serialization.JsonPropertyName("inner")]
        public bool? Inner { get; set; }
    }
}
