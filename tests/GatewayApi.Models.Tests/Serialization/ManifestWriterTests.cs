using GatewayApi.Models.Serialization;

namespace GatewayApi.Models.Tests.Serialization;

public class ManifestWriterTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("Off")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("80")]
    [InlineData("0x1F")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData("*.example.com")]
    [InlineData("a: b")]
    [InlineData("- x")]
    [InlineData("#comment")]
    [InlineData(" padded ")]
    [InlineData("multi\nline")]
    [InlineData("1.2.3.4")]
    [InlineData("0b101")]
    [InlineData("1_000")]
    public void Yaml_StringsThatLookLikeOtherTypes_ReadBackAsTheSameString(string value)
    {
        var grant = new ReferenceGrant();
        grant.Metadata.Name = "g";
        grant.Metadata.Annotations = new Dictionary<string, string> { ["note"] = value };
        var yaml = ManifestWriter.ToYaml(grant);
        var back = ManifestReader.ReadSingle<ReferenceGrant>(yaml);
        Assert.Equal(value, back.Metadata.Annotations["note"]);
    }

    [Fact]
    public void Yaml_MultipleObjects_AreSeparatedDocuments()
    {
        var a = new ReferenceGrant { Metadata = new() { Name = "a" } };
        var b = new ReferenceGrant { Metadata = new() { Name = "b" } };
        var yaml = ManifestWriter.ToYaml([a, b]);
        Assert.Contains("\n---\n", yaml, StringComparison.Ordinal);
        var back = ManifestReader.Read(yaml);
        Assert.Equal(["a", "b"], back.Select(m => m.Object.Metadata.Name));
    }

    [Fact]
    public void Yaml_EmptyCollections_AreWrittenInFlowStyle_AndKept()
    {
        var grant = new ReferenceGrant { Metadata = new() { Name = "a" } };
        grant.Spec.From = [];
        var yaml = ManifestWriter.ToYaml(grant);
        Assert.Contains("from: []", yaml, StringComparison.Ordinal);
        Assert.Empty(ManifestReader.ReadSingle<ReferenceGrant>(yaml).Spec.From!);
    }

    [Fact]
    public void Json_NewObject_CarriesPreferredApiVersionAndKind_First()
    {
        var json = GatewayApiJson.Serialize(new ReferenceGrant { Metadata = new() { Name = "a" } });
        Assert.StartsWith("{\"apiVersion\":\"gateway.networking.k8s.io/v1\",\"kind\":\"ReferenceGrant\",\"metadata\":", json, StringComparison.Ordinal);
    }
}
