using System.Reflection;
using System.Text.Json.Nodes;
using GatewayApi.Models.Serialization;
using k8s;
using k8s.Models;

namespace GatewayApi.Models.Tests.KubernetesClient;

/// <summary>
/// <see cref="KubernetesJson"/> (reflection over our <c>[JsonPropertyName]</c>s, the client's converters) and
/// <see cref="GatewayApiJson"/> (our source-generated context) are interchangeable: each writes the same JSON
/// for our objects and each reads the other's output (and upstream documents) back to the same object. The
/// client uses KubernetesJson for every request and response body, so this is what makes its generic APIs
/// safe to use with our types.
/// </summary>
public class KubernetesJsonInterchangeTests
{
    private static readonly MethodInfo KubernetesJsonDeserialize = typeof(KubernetesJson).GetMethods()
        .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string));

    private static readonly MethodInfo GatewayApiJsonDeserialize = typeof(GatewayApiJson).GetMethods()
        .Single(m => m.Name == nameof(GatewayApiJson.Deserialize) && m.IsGenericMethodDefinition);

    public static TheoryData<string> ExampleFiles() => new(CannedExamples.AllFiles());

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void BothSerializers_WriteTheSameTree_ForEveryUpstreamExample(string file)
    {
        var manifests = ManifestReader.Read(CannedExamples.Text(file), file);
        Assert.NotEmpty(manifests);
        foreach (var manifest in manifests)
        {
            // Every example kind is modelled; an UnknownObject would mean the comparison is not about our types.
            Assert.IsNotType<UnknownObject>(manifest.Object);
            var what = $"{file}: {manifest.Object.Kind} {manifest.Object.Metadata.Name}";
            JsonAssert.Equal(JsonNode.Parse(GatewayApiJson.Serialize(manifest.Object)), JsonNode.Parse(KubernetesJson.Serialize(manifest.Object)), what);
        }
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void EachSerializer_ReadsUpstreamJson_ThatTheOtherWritesBackUnchanged(string file)
    {
        // The documents come from an independent YAML-to-JSON reading of the file, not from our reader.
        foreach (var document in CannedExamples.Documents(file))
        {
            var type = ClrTypeOf(document);
            var json = document.ToJsonString();
            var what = $"{file}: {document["kind"]} {document["metadata"]?["name"]}";

            var readByClient = KubernetesJsonDeserialize.MakeGenericMethod(type).Invoke(null, [json, null])!;
            Assert.IsType(type, readByClient);
            JsonAssert.Equal(document, JsonNode.Parse(GatewayApiJson.Serialize(readByClient)), "KubernetesJson -> GatewayApiJson, " + what);

            var readByUs = GatewayApiJsonDeserialize.MakeGenericMethod(type).Invoke(null, [json, null])!;
            JsonAssert.Equal(document, JsonNode.Parse(KubernetesJson.Serialize(readByUs)), "GatewayApiJson -> KubernetesJson, " + what);
        }
    }

    [Theory]
    [InlineData(2024, 1, 2, 3, 4, 5, 0, "2024-01-02T03:04:05Z")]
    [InlineData(2024, 1, 2, 3, 4, 5, 5_000_000, "2024-01-02T03:04:05.500000Z")]
    [InlineData(1999, 12, 31, 23, 59, 59, 1_234_567, "1999-12-31T23:59:59.123456Z")]
    public void Timestamps_InMetadataAndConditions_AreWrittenIdentically(int year, int month, int day, int hour, int minute, int second, long extraTicks, string wire)
    {
        var time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(extraTicks);
        var gateway = new Gateway
        {
            Metadata = new V1ObjectMeta
            {
                Name = "timed",
                NamespaceProperty = "default",
                CreationTimestamp = time,
                DeletionTimestamp = time,
                ManagedFields = [new V1ManagedFieldsEntry { Manager = "controller", Operation = "Update", Time = time }],
            },
            Spec = new GatewaySpec { GatewayClassName = "example", Listeners = [new Listener { Name = "http", Port = 80, Protocol = ProtocolType.Http }] },
            Status = new GatewayStatus
            {
                Conditions = [new V1Condition { Type = "Accepted", Status = "True", Reason = "Accepted", LastTransitionTime = time }],
                Listeners = [new ListenerStatus { Name = "http", AttachedRoutes = 0, Conditions = [new V1Condition { Type = "Programmed", Status = "True", Reason = "Programmed", LastTransitionTime = time }] }],
            },
        };

        var ours = JsonAssert.Ours(gateway);
        JsonAssert.Equal(ours, JsonNode.Parse(KubernetesJson.Serialize(gateway)));
        Assert.Equal(wire, (string?)ours["metadata"]!["creationTimestamp"]);
        Assert.Equal(wire, (string?)ours["metadata"]!["deletionTimestamp"]);
        Assert.Equal(wire, (string?)ours["metadata"]!["managedFields"]![0]!["time"]);
        Assert.Equal(wire, (string?)ours["status"]!["conditions"]![0]!["lastTransitionTime"]);
        Assert.Equal(wire, (string?)ours["status"]!["listeners"]![0]!["conditions"]![0]!["lastTransitionTime"]);

        // And each reads the other's timestamps back to the same instant (to the microsecond written), in UTC.
        var written = time.AddTicks(-(time.Ticks % 10));
        var readByClient = KubernetesJson.Deserialize<Gateway>(GatewayApiJson.Serialize(gateway));
        var readByUs = GatewayApiJson.Deserialize<Gateway>(KubernetesJson.Serialize(gateway));
        foreach (var read in new[] { readByClient, readByUs })
        {
            Assert.Equal(written, read.Metadata.CreationTimestamp);
            Assert.Equal(DateTimeKind.Utc, read.Metadata.CreationTimestamp!.Value.Kind);
            Assert.Equal(written, read.Status!.Conditions![0].LastTransitionTime);
            Assert.Equal(written, read.Status.Listeners![0].Conditions![0].LastTransitionTime);
        }
    }

    [Fact]
    public void NanosecondTimestamps_AreReadToTheSameInstant_ByBoth()
    {
        // The API server may write RFC 3339 with nanoseconds; .NET keeps 100 ns ticks and both readers truncate alike.
        const string json = """
            {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r","creationTimestamp":"2024-01-02T03:04:05.123456789Z"},
             "spec":{},"status":{"parents":[{"parentRef":{"name":"g"},"controllerName":"example.com/c",
             "conditions":[{"type":"Accepted","status":"True","reason":"Accepted","message":"","lastTransitionTime":"2024-01-02T03:04:05.987654321Z"}]}]}}
            """;
        var readByClient = KubernetesJson.Deserialize<HttpRoute>(json);
        var readByUs = GatewayApiJson.Deserialize<HttpRoute>(json);

        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567), readByUs.Metadata.CreationTimestamp);
        Assert.Equal(readByUs.Metadata.CreationTimestamp, readByClient.Metadata.CreationTimestamp);
        Assert.Equal(readByUs.Status!.Parents![0].Conditions![0].LastTransitionTime, readByClient.Status!.Parents![0].Conditions![0].LastTransitionTime);
        Assert.Equal(GatewayApiJson.Serialize(readByUs), KubernetesJson.Serialize(readByClient));
    }

    [Fact]
    public void KubernetesJson_KeepsUnknownFieldsAndUnknownValues()
    {
        // What a newer API version might send: fields we do not model, values outside our KnownValues.
        var document = JsonNode.Parse("""
            {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"future","namespace":"default"},
             "futureTopLevel":{"a":[1,2]},
             "spec":{"futureSpecField":true,"parentRefs":[{"name":"g","futureRefField":"x"}],
               "rules":[{"matches":[{"path":{"type":"RegularExpressionV2","value":"/a.*"},"method":"QUERY"}],
                 "filters":[{"type":"ExtensionRef","extensionRef":{"group":"example.com","kind":"Filter","name":"f"}},{"type":"example.com/future-filter","futureFilter":{"level":3}}],
                 "backendRefs":[{"name":"svc","port":80,"weight":0}]}]}}
            """)!;

        var route = KubernetesJson.Deserialize<HttpRoute>(document.ToJsonString());

        Assert.False(route.Spec.Rules![0].Matches![0].Path!.Type!.Value.IsKnown);
        Assert.Equal("RegularExpressionV2", route.Spec.Rules[0].Matches![0].Path!.Type!.Value.Value);
        JsonAssert.Equal(document, JsonAssert.Ours(route), "GatewayApiJson after KubernetesJson");
        JsonAssert.Equal(document, JsonNode.Parse(KubernetesJson.Serialize(route)), "KubernetesJson round trip");
    }

    private static Type ClrTypeOf(JsonObject document)
    {
        var (group, _) = GatewayApiKinds.SplitApiVersion((string)document["apiVersion"]!);
        Assert.True(GatewayApiKinds.TryFind(group, (string)document["kind"]!, out var kind), $"{document["apiVersion"]} {document["kind"]} is not modelled.");
        return kind.ClrType;
    }
}
