using System.Text.Json.Nodes;
using GatewayApi.Models.Serialization;
using GatewayApi.Models.Tests.TestSupport;

namespace GatewayApi.Models.Tests.Examples;

/// <summary>
/// Every document of every upstream example reads into typed models with nothing left unknown, and writes
/// back (as JSON and through YAML) to what was read. One row per document; failures print a path-by-path diff.
/// </summary>
public class ExampleRoundTripTests
{
    public static TheoryData<string, int> ExampleDocuments()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, document) in NonEmptyDocuments())
        {
            data.Add(file, document);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleDocuments))]
    public void ExampleDocument_ReadsIntoTypedModels_WithNoFieldLeftUnknown(string file, int document)
    {
        var (expected, manifest) = Load(file, document);
        var apiVersion = expected["apiVersion"]!.GetValue<string>();
        var kind = expected["kind"]!.GetValue<string>();
        var (group, _) = GatewayApiKinds.SplitApiVersion(apiVersion);
        if (group is not (GatewayApiGroups.Group or GatewayApiGroups.ExperimentalGroup))
        {
            // Core kinds (Namespace, Service, ...) and other projects' kinds are checked by the round trips only.
            return;
        }

        Assert.False(manifest.Object is UnknownObject, $"{file} #{document}: {apiVersion} {kind} was read as an UnknownObject.");
        Assert.True(GatewayApiKinds.TryFind(group, kind, out var registered), $"{group}/{kind} is not registered.");
        Assert.IsType(registered.ClrType, manifest.Object);

        // A field the models lack lands in some ExtensionData and would still round-trip, so look for it explicitly.
        var leftovers = ExtensionDataFinder.Find(manifest.Object);
        Assert.True(leftovers.Count == 0, $"{file} #{document}: fields kept as unknown:{Environment.NewLine}{string.Join(Environment.NewLine, leftovers)}");
    }

    [Theory]
    [MemberData(nameof(ExampleDocuments))]
    public void ExampleDocument_SerializesBackToTheSameJson(string file, int document)
    {
        var (expected, manifest) = Load(file, document);
        var actual = JsonTreeDiff.ToNode(GatewayApiJson.SerializeToElement(manifest.Object));
        AssertSame(file, document, "YAML -> model -> JSON", expected, actual);
    }

    [Theory]
    [MemberData(nameof(ExampleDocuments))]
    public void ExampleDocument_SurvivesAYamlRoundTrip(string file, int document)
    {
        var (_, manifest) = Load(file, document);
        var first = JsonTreeDiff.ToNode(GatewayApiJson.SerializeToElement(manifest.Object));

        var yaml = ManifestWriter.ToYaml(manifest.Object);
        var reread = ManifestReader.Read(yaml, $"{file} #{document} (written back)");
        Assert.Single(reread);
        var second = JsonTreeDiff.ToNode(GatewayApiJson.SerializeToElement(reread[0].Object));
        AssertSame(file, document, "model -> YAML -> model -> JSON", first, second, yaml);
    }

    [Fact]
    public void EveryExampleFile_ReadsOneObjectPerNonEmptyDocument()
    {
        // The rows address documents by index; this pins that the reader's document indexes are the YAML stream's.
        var rows = NonEmptyDocuments();
        Assert.NotEmpty(rows);
        foreach (var file in ExampleFiles())
        {
            var read = ManifestReader.ReadFile(Path.Combine(SharedPaths.Examples, file));
            var expectedIndexes = rows.Where(r => r.File == file).Select(r => r.Document);
            Assert.Equal(expectedIndexes, read.Select(m => m.Location.DocumentIndex));
        }
    }

    [Fact]
    public void YamlToJson_UsesTheYaml12CoreSchema_ForPlainScalarsOnly()
    {
        // The oracle must type scalars the way YAML 1.2 does, or the round-trip comparison proves nothing.
        var json = YamlToJson.Convert(YamlToJson.LoadDocuments("""
            int: 8080
            quoted: "8080"
            hex: 0x1F
            float: 1.50
            yes11: yes
            bool: True
            tilde: ~
            empty:
            literal: |
              true
            list: [1, "a", false]
            """)[0].RootNode);
        Assert.Equal(
            """{"int":8080,"quoted":"8080","hex":31,"float":1.50,"yes11":"yes","bool":true,"tilde":null,"empty":null,"literal":"true\n","list":[1,"a",false]}""",
            json!.ToJsonString());
    }

    [Fact]
    public void JsonTreeDiff_ReportsEveryDifference_AndIgnoresKeyOrderAndNumberSpelling()
    {
        var expected = JsonNode.Parse("""{"a":1,"b":{"c":"x","d":[1,2]},"gone":true,"n":null}""");
        var same = JsonNode.Parse("""{"n":null,"gone":true,"b":{"d":[1.0,2],"c":"x"},"a":1e0}""");
        var different = JsonNode.Parse("""{"a":"1","b":{"c":"y","d":[2,1,3]},"extra":0}""");

        Assert.Empty(JsonTreeDiff.Diff(expected, same));
        Assert.Equal(
            [
                "$.a: expected 1, actual \"1\"",
                "$.b.c: expected \"x\", actual \"y\"",
                "$.b.d[0]: expected 1, actual 2",
                "$.b.d[1]: expected 2, actual 1",
                "$.b.d[2]: expected (absent), actual 3",
                "$.gone: expected true, actual (absent)",
                "$.n: expected null, actual (absent)",
                "$.extra: expected (absent), actual 0",
            ],
            JsonTreeDiff.Diff(expected, different));
    }

    [Fact]
    public void ExtensionDataFinder_FindsUnknownFieldsDeepInTheGraph()
    {
        var route = ManifestReader.ReadSingle<HttpRoute>("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r}
            spec:
              rules:
              - matches:
                - path: {type: PathPrefix, value: /, futureField: 1}
            """);
        Assert.Equal(["$.Spec.Rules[0].Matches[0].Path: futureField"], ExtensionDataFinder.Find(route));
    }

    private static List<(string File, int Document)> NonEmptyDocuments()
    {
        var result = new List<(string File, int Document)>();
        foreach (var file in ExampleFiles())
        {
            var documents = YamlToJson.LoadDocuments(File.ReadAllText(Path.Combine(SharedPaths.Examples, file)));
            for (var index = 0; index < documents.Count; index++)
            {
                if (!YamlToJson.IsEmpty(documents[index]))
                {
                    result.Add((file, index));
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> ExampleFiles()
        => Directory.EnumerateFiles(SharedPaths.Examples, "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(SharedPaths.Examples, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The document as independently converted JSON, and the one manifest the product read from it.</summary>
    private static (JsonObject Expected, Manifest Manifest) Load(string file, int document)
    {
        var path = Path.Combine(SharedPaths.Examples, file);
        var text = File.ReadAllText(path);
        var expected = Assert.IsType<JsonObject>(YamlToJson.Convert(YamlToJson.LoadDocuments(text)[document].RootNode));
        var manifests = ManifestReader.Read(text, file).Where(m => m.Location.DocumentIndex == document).ToList();
        return (expected, Assert.Single(manifests));
    }

    private static void AssertSame(string file, int document, string trip, JsonNode? expected, JsonNode? actual, string? written = null)
    {
        var differences = JsonTreeDiff.Diff(expected, actual);
        if (differences.Count > 0)
        {
            var message = $"{file} #{document}, {trip}: {differences.Count} difference(s):{Environment.NewLine}{string.Join(Environment.NewLine, differences)}";
            Assert.Fail(written is null ? message : message + Environment.NewLine + "Written YAML:" + Environment.NewLine + written);
        }
    }
}
