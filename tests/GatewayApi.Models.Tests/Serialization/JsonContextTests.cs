using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GatewayApi.Models.Serialization;
using k8s.Models;

namespace GatewayApi.Models.Tests.Serialization;

public class JsonContextTests
{
    [Fact]
    public void Context_CombinesWithACallersOwnContext()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(GatewayApiJsonContext.Default, CallerContext.Default),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        var envelope = new CallerEnvelope
        {
            Note = "from the caller",
            Route = new HttpRoute { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop" } },
        };
        envelope.Route.Spec.Hostnames = ["shop.example.com"];

        var json = JsonSerializer.Serialize(envelope, options.GetTypeInfo(typeof(CallerEnvelope)));
        var back = (CallerEnvelope)JsonSerializer.Deserialize(json, options.GetTypeInfo(typeof(CallerEnvelope)))!;

        Assert.Equal("from the caller", back.Note);
        Assert.Equal("shop.example.com", back.Route!.Spec.Hostnames![0]);
        Assert.Equal("HTTPRoute", back.Route.Kind);
    }

    [Fact]
    public void Options_AreReadOnly_SoNoCallerCanChangeThemForEveryone()
    {
        Assert.True(GatewayApiJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => GatewayApiJson.Options.WriteIndented = true);
    }

    [Fact]
    public void Timestamps_AreWrittenAsKubernetesJsonWritesThem()
    {
        var meta = new V1ObjectMeta { Name = "a", CreationTimestamp = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc) };
        var route = new HttpRoute { Metadata = meta };
        var ours = GatewayApiJson.Serialize(route);
        var theirs = k8s.KubernetesJson.Serialize(meta);
        Assert.Contains("\"creationTimestamp\":\"2024-01-02T03:04:05Z\"", ours, StringComparison.Ordinal);
        Assert.Contains("\"creationTimestamp\":\"2024-01-02T03:04:05Z\"", theirs, StringComparison.Ordinal);
    }
}

public sealed class CallerEnvelope
{
    [JsonPropertyName("note")]
    public string? Note { get; set; }

    [JsonPropertyName("route")]
    public HttpRoute? Route { get; set; }
}

[JsonSerializable(typeof(CallerEnvelope))]
internal sealed partial class CallerContext : JsonSerializerContext
{
}
