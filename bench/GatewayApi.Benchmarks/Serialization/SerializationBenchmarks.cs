using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using GatewayApi.Models;
using GatewayApi.Models.Serialization;
using k8s;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace GatewayApi.Benchmarks.Serialization;

/// <summary>
/// Reading and writing 10,000 realistic HTTPRoutes as JSON and YAML, each product path next to a baseline that
/// does the same parsing or writing without the SDK's extra work, so the Ratio column shows what the SDK adds.
/// </summary>
/// <remarks>
/// One operation takes seconds, so the job runs each benchmark a handful of times with one invocation per
/// iteration (Monitoring) rather than letting BenchmarkDotNet pilot thousands of calls. Each benchmark runs in its
/// own process and builds only the texts it needs (the GlobalSetup targets). The two KubernetesYaml rows take
/// most of the run's time; see docs/performance.md for how long a run takes.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializationBenchmarks
{
    public const int RouteCount = 10_000;

    // Documents per KubernetesYaml.LoadAllFromString call: its MergingParser buffers a whole stream and refuses
    // more than 100,000 parsing events, which a few hundred HTTPRoutes already exceed.
    private const int KubernetesYamlChunk = 50;

    private static readonly Dictionary<string, Type> HttpRouteTypeMap = new(StringComparer.Ordinal)
    {
        [GatewayApiGroups.V1 + "/" + HttpRoute.KindName] = typeof(HttpRoute),
    };

    private List<HttpRoute> _routes = [];
    private HttpRouteList _list = new();
    private string _jsonList = string.Empty;
    private string _yamlStream = string.Empty;
    private string[] _yamlChunks = [];
    private IDeserializer _yamlDotNet = null!;

    [GlobalSetup(Targets = [nameof(Json_Deserialize_StjBaseline), nameof(Json_Deserialize_GatewayApiJson), nameof(Json_Deserialize_ManifestReader), nameof(Json_Serialize_StjBaseline), nameof(Json_Serialize_GatewayApiJsonList), nameof(Json_Serialize_GatewayApiJsonPerObject)])]
    public void SetupJson()
    {
        BuildRoutes();
        _jsonList = GatewayApiJson.Serialize(_list);
    }

    [GlobalSetup(Targets = [nameof(Yaml_Deserialize_YamlDotNetDictionaryBaseline), nameof(Yaml_Deserialize_ManifestReader), nameof(Yaml_Deserialize_KubernetesYamlChunked)])]
    public void SetupYamlRead()
    {
        BuildRoutes();
        _yamlStream = ManifestWriter.ToYaml(_routes);
        _yamlChunks = SplitDocuments(_yamlStream, KubernetesYamlChunk);
        _yamlDotNet = new DeserializerBuilder().Build();
    }

    [GlobalSetup(Targets = [nameof(Yaml_Serialize_KubernetesYamlBaseline), nameof(Yaml_Serialize_ManifestWriter)])]
    public void SetupYamlWrite() => BuildRoutes();

    // ---- JSON: read one HTTPRouteList document ----

    [Benchmark(Baseline = true, Description = "JSON read: JsonSerializer + context (baseline)")]
    [BenchmarkCategory("JsonDeserialize")]
    public HttpRouteList? Json_Deserialize_StjBaseline()
        => JsonSerializer.Deserialize(_jsonList, GatewayApiJsonContext.Default.HttpRouteList);

    [Benchmark(Description = "JSON read: GatewayApiJson.Deserialize<HttpRouteList>")]
    [BenchmarkCategory("JsonDeserialize")]
    public HttpRouteList Json_Deserialize_GatewayApiJson()
        => GatewayApiJson.Deserialize<HttpRouteList>(_jsonList);

    [Benchmark(Description = "JSON read: ManifestReader.Read (flattens the list)")]
    [BenchmarkCategory("JsonDeserialize")]
    public IReadOnlyList<Manifest> Json_Deserialize_ManifestReader()
        => ManifestReader.Read(_jsonList);

    // ---- JSON: write ----

    [Benchmark(Baseline = true, Description = "JSON write: JsonSerializer + context (baseline)")]
    [BenchmarkCategory("JsonSerialize")]
    public string Json_Serialize_StjBaseline()
        => JsonSerializer.Serialize(_list, GatewayApiJsonContext.Default.HttpRouteList);

    [Benchmark(Description = "JSON write: GatewayApiJson.Serialize(list)")]
    [BenchmarkCategory("JsonSerialize")]
    public string Json_Serialize_GatewayApiJsonList()
        => GatewayApiJson.Serialize(_list);

    [Benchmark(Description = "JSON write: GatewayApiJson.Serialize per object")]
    [BenchmarkCategory("JsonSerialize")]
    public long Json_Serialize_GatewayApiJsonPerObject()
    {
        long characters = 0;
        foreach (var route in _routes)
        {
            characters += GatewayApiJson.Serialize(route).Length;
        }

        return characters;
    }

    // ---- YAML: read a 10,000-document stream ----

    [Benchmark(Baseline = true, Description = "YAML read: YamlDotNet Deserializer -> Dictionary (baseline)")]
    [BenchmarkCategory("YamlDeserialize")]
    public int Yaml_Deserialize_YamlDotNetDictionaryBaseline()
    {
        // KubernetesYaml.LoadAllFromString cannot take this stream (see KubernetesYamlChunk), so the baseline
        // is YamlDotNet parsing the same documents into untyped dictionaries, one document at a time.
        var parser = new Parser(new StringReader(_yamlStream));
        parser.Consume<StreamStart>();
        var count = 0;
        while (parser.Accept<DocumentStart>(out _))
        {
            _yamlDotNet.Deserialize<Dictionary<object, object>>(parser);
            count++;
        }

        return count;
    }

    [Benchmark(Description = "YAML read: ManifestReader.Read")]
    [BenchmarkCategory("YamlDeserialize")]
    public IReadOnlyList<Manifest> Yaml_Deserialize_ManifestReader()
        => ManifestReader.Read(_yamlStream);

    [Benchmark(Description = "YAML read: KubernetesYaml.LoadAllFromString, 50 documents a call")]
    [BenchmarkCategory("YamlDeserialize")]
    public int Yaml_Deserialize_KubernetesYamlChunked()
    {
        var count = 0;
        foreach (var chunk in _yamlChunks)
        {
            count += KubernetesYaml.LoadAllFromString(chunk, HttpRouteTypeMap).Count;
        }

        return count;
    }

    // ---- YAML: write a 10,000-document stream ----

    [Benchmark(Baseline = true, Description = "YAML write: KubernetesYaml.SerializeAll (baseline)")]
    [BenchmarkCategory("YamlSerialize")]
    public string Yaml_Serialize_KubernetesYamlBaseline()
        => KubernetesYaml.SerializeAll(_routes);

    [Benchmark(Description = "YAML write: ManifestWriter.ToYaml")]
    [BenchmarkCategory("YamlSerialize")]
    public string Yaml_Serialize_ManifestWriter()
        => ManifestWriter.ToYaml(_routes);

    private void BuildRoutes()
    {
        _routes = HttpRouteCorpus.Build(RouteCount);
        _list = new HttpRouteList { Items = _routes };
    }

    /// <summary>Cuts a stream that ManifestWriter wrote (documents separated by <c>---</c> lines) into streams of <paramref name="size"/> documents.</summary>
    internal static string[] SplitDocuments(string stream, int size)
    {
        var documents = stream.Split("\n---\n");
        var chunks = new List<string>();
        for (var start = 0; start < documents.Length; start += size)
        {
            var builder = new StringBuilder();
            foreach (var document in documents.AsSpan(start, Math.Min(size, documents.Length - start)))
            {
                if (builder.Length > 0)
                {
                    builder.Append("\n---\n");
                }

                builder.Append(document);
            }

            chunks.Add(builder.ToString());
        }

        return [.. chunks];
    }
}
