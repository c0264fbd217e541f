using System.Text.Json.Nodes;
using GatewayApi.Models.Serialization;
using k8s.Models;

namespace GatewayApi.Models.Tests.Serialization;

public class ManifestReaderTests
{
    private const string Grant = """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata:
          name: allow-routes
          namespace: backends
          creationTimestamp: "2024-05-01T10:20:30Z"
        spec:
          from:
          - group: gateway.networking.k8s.io
            kind: HTTPRoute
            namespace: frontend
          to:
          - group: ""
            kind: Service
        """;

    [Fact]
    public void Read_TypedKind_KeepsServedApiVersion()
    {
        var grant = ManifestReader.ReadSingle<ReferenceGrant>(Grant);
        Assert.Equal("gateway.networking.k8s.io/v1beta1", grant.ApiVersion);
        Assert.Equal("allow-routes", grant.Metadata.Name);
        Assert.Equal("frontend", grant.Spec.From![0].Namespace);
        Assert.Equal(string.Empty, grant.Spec.To![0].Group);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 20, 30, DateTimeKind.Utc), grant.Metadata.CreationTimestamp);
    }

    [Fact]
    public void Read_MultiDocumentStream_SkipsEmptyDocuments_AndKeepsOrder()
    {
        var text = "---\n" + Grant + "\n---\n# only a comment\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n";
        var manifests = ManifestReader.Read(text, "mixed.yaml");
        Assert.Equal(2, manifests.Count);
        Assert.IsType<ReferenceGrant>(manifests[0].Object);
        var unknown = Assert.IsType<UnknownObject>(manifests[1].Object);
        Assert.Equal("Deployment", unknown.Kind);
        Assert.Equal(3, (int)unknown.Content["spec"]!["replicas"]!);
        Assert.Equal(2, manifests[1].Location.DocumentIndex);
        Assert.Equal("mixed.yaml", manifests[1].Location.Source);
    }

    [Fact]
    public void Read_ListKind_FlattensItems()
    {
        var text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata:
                name: team-a
                labels: {shared-gateway-access: "true"}
            - apiVersion: gateway.networking.k8s.io/v1
              kind: ReferenceGrant
              metadata: {name: g, namespace: team-a}
              spec:
                from: [{group: "", kind: Service, namespace: x}]
                to: [{group: "", kind: Service}]
            """;
        var manifests = ManifestReader.Read(text);
        var ns = Assert.IsType<V1Namespace>(manifests[0].Object);
        Assert.Equal("true", ns.Metadata.Labels["shared-gateway-access"]);
        Assert.IsType<ReferenceGrant>(manifests[1].Object);
        Assert.Equal(9, manifests[1].Location.Line);
    }

    [Fact]
    public void Read_JsonList_FlattensItems_WithTheLineEachStartsOn()
    {
        var json = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n"
            + "  {\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"a\"}},\n"
            + "  {\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"b\"}},\n"
            + "  {\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": 7}}\n]}";
        var result = ManifestReader.ReadCollectingErrors(json, "list.json");
        Assert.Equal(["a", "b"], result.Manifests.Select(m => m.Object.Metadata.Name));
        Assert.Equal([2, 3], result.Manifests.Select(m => m.Location.Line!.Value));
        var error = Assert.Single(result.Errors);
        Assert.Equal("items[2].metadata.name", error.FieldPath);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Read_AnchorsAndAliases_AreExpanded()
    {
        var text = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: ReferenceGrant
            metadata: {name: g, namespace: ns}
            spec:
              from:
              - &from {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: a}
              - *from
              to: [{group: "", kind: Service}]
            """;
        var grant = ManifestReader.ReadSingle<ReferenceGrant>(text);
        Assert.Equal(2, grant.Spec.From!.Count);
        Assert.Equal("a", grant.Spec.From[1].Namespace);
    }

    [Fact]
    public void Read_UnknownFields_ArePreserved_AtEveryLevel()
    {
        var text = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: ReferenceGrant
            metadata: {name: g, namespace: ns}
            futureTopLevel: {a: 1}
            spec:
              futureSpecField: [1, 2]
              from: [{group: "", kind: Service, namespace: x, futureFromField: yes}]
              to: [{group: "", kind: Service}]
            """;
        var grant = ManifestReader.ReadSingle<ReferenceGrant>(text);
        var json = JsonNode.Parse(GatewayApiJson.Serialize(grant))!;
        Assert.Equal(1, (int)json["futureTopLevel"]!["a"]!);
        Assert.Equal(2, json["spec"]!["futureSpecField"]!.AsArray().Count);
        Assert.Equal("yes", (string)json["spec"]!["from"]![0]!["futureFromField"]!);
    }

    [Fact]
    public void Read_JsonDocument_IsAccepted()
    {
        var json = """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"ReferenceGrant","metadata":{"name":"g"},"spec":{"from":[],"to":[]}}""";
        var grant = ManifestReader.ReadSingle<ReferenceGrant>(json);
        Assert.Equal("g", grant.Metadata.Name);
        Assert.Empty(grant.Spec.From!);
    }

    [Fact]
    public void Error_MalformedYaml_NamesLineAndColumn()
    {
        var text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: [unclosed\n";
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read(text, "bad.yaml"));
        Assert.Equal(ManifestErrorKind.Syntax, error.ErrorKind);
        Assert.Equal("bad.yaml", error.Location.Source);
        Assert.NotNull(error.Location.Line);
        Assert.StartsWith("bad.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_MalformedJson_NamesLine()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read("{\n \"apiVersion\": \"v1\",\n \"kind\": }", "bad.json"));
        Assert.Equal(ManifestErrorKind.Syntax, error.ErrorKind);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void Error_WrongType_NamesFieldPathAndLine()
    {
        var text = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: ReferenceGrant
            metadata: {name: g, namespace: ns}
            spec:
              from:
              - group: ""
                kind: Service
                namespace: 42
              to: [{group: "", kind: Service}]
            """;
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read(text, "grant.yaml"));
        Assert.Equal(ManifestErrorKind.InvalidValue, error.ErrorKind);
        Assert.Equal("spec.from[0].namespace", error.FieldPath);
        Assert.Equal(8, error.Location.Line);
        Assert.True(error.Detail.Contains("expected a string", StringComparison.Ordinal), error.Detail);
    }

    [Fact]
    public void Error_MissingKind()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read("apiVersion: v1\nmetadata: {name: x}\n"));
        Assert.Equal(ManifestErrorKind.MissingKind, error.ErrorKind);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void Error_MissingApiVersion()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read("kind: HTTPRoute\nmetadata: {name: x}\n"));
        Assert.Equal(ManifestErrorKind.MissingApiVersion, error.ErrorKind);
    }

    [Fact]
    public void Error_UnservedApiVersion_SaysWhichAreServed()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read("apiVersion: gateway.networking.k8s.io/v1alpha1\nkind: ReferenceGrant\nmetadata: {name: x}\n"));
        Assert.Equal(ManifestErrorKind.UnsupportedApiVersion, error.ErrorKind);
        Assert.Equal("apiVersion", error.FieldPath);
        Assert.Contains("gateway.networking.k8s.io/v1beta1", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_NotAnObject()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read("- a\n- b\n"));
        Assert.Equal(ManifestErrorKind.NotAnObject, error.ErrorKind);
    }

    [Fact]
    public void Error_DuplicateKey_IsRejected_WithLine()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read("apiVersion: v1\nkind: Namespace\nkind: Service\n"));
        Assert.Equal(ManifestErrorKind.Syntax, error.ErrorKind);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("twice", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_UnreadableFile()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.ReadFile("/nonexistent/dir/routes.yaml"));
        Assert.Equal(ManifestErrorKind.Unreadable, error.ErrorKind);
    }

    [Fact]
    public void ReadCollectingErrors_ContinuesPastBadDocuments()
    {
        var text = "kind: Namespace\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n---\napiVersion: v1\n";
        var result = ManifestReader.ReadCollectingErrors(text);
        Assert.Single(result.Manifests);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(0, result.Errors[0].Location.DocumentIndex);
        Assert.Equal(2, result.Errors[1].Location.DocumentIndex);
    }
}

public class LegacyWireFormTests
{
    // resources.md §1: GatewayClass status.supportedFeatures[] were plain strings before v1.2 (experimental).
    [Fact]
    public void SupportedFeatures_AsPlainStrings_AreRead_AndWrittenBackAsObjects()
    {
        var text = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: gc}
            spec: {controllerName: example.com/gateway}
            status:
              supportedFeatures: [HTTPRoute, {name: Gateway, future: 1}]
            """;
        var gatewayClass = ManifestReader.ReadSingle<GatewayClass>(text);
        Assert.Equal(["HTTPRoute", "Gateway"], gatewayClass.Status!.SupportedFeatures!.Select(f => f.Name));
        var json = GatewayApiJson.Serialize(gatewayClass);
        Assert.Contains("\"supportedFeatures\":[{\"name\":\"HTTPRoute\"},{\"name\":\"Gateway\",\"future\":1}]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportedFeature_OfAnotherJsonType_IsAnErrorAtItsPath()
    {
        var text = "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: a/b}\nstatus:\n  supportedFeatures: [1]\n";
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read(text));
        Assert.Equal("status.supportedFeatures[0]", error.FieldPath);
        Assert.Equal(6, error.Location.Line);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Nesting_deeper_than_JSON_allows_is_a_syntax_error_with_a_location_not_an_escaping_exception(bool flowStyle)
    {
        // 2,000 levels: past Utf8JsonWriter's limit of 1,000, which used to escape as an InvalidOperationException.
        var nested = flowStyle
            ? "  a: " + new string('[', 2000) + new string(']', 2000) + "\n"
            : string.Concat(Enumerable.Range(0, 2000).Select(depth => new string(' ', 2 + depth) + "k:\n")) + new string(' ', 2002) + "v: 1\n";
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n" + nested;

        var result = ManifestReader.ReadCollectingErrors(text, "deep.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ManifestErrorKind.Syntax, error.ErrorKind);
        Assert.Equal("deep.yaml", error.Location.Source);
        Assert.True(error.Location.Line > 5, error.Message);
        Assert.Contains("nests deeper", error.Message, StringComparison.Ordinal);
        Assert.Throws<ManifestException>(() => ManifestReader.Read(text, "deep.yaml"));
    }
}
