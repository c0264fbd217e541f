using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GatewayApi.Models.Serialization;
using k8s;
using YamlDotNet.Serialization.NamingConventions;

namespace GatewayApi.Models.Tests.KubernetesClient;

/// <summary>
/// <see cref="KubernetesYaml"/> (YamlDotNet, camelCase names, unmatched fields ignored) loads our kinds from
/// the upstream examples into the same objects as our <see cref="ManifestReader"/>, given a type map keyed
/// <c>group/version/Kind</c>.
/// </summary>
public class KubernetesYamlTests
{
    /// <summary>What a user passes to KubernetesYaml: every served version of every Gateway API kind.</summary>
    internal static readonly Dictionary<string, Type> TypeMap = GatewayApiKinds.All
        .Where(kind => kind.IsGatewayApi)
        .SelectMany(kind => kind.ServedVersions.Select(version => (Key: $"{kind.Group}/{version}/{kind.Kind}", kind.ClrType)))
        .ToDictionary(entry => entry.Key, entry => entry.ClrType);

    private static readonly MethodInfo KubernetesYamlDeserialize = typeof(KubernetesYaml).GetMethods()
        .Single(m => m.Name == nameof(KubernetesYaml.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string));

    public static TheoryData<string> ExampleFiles() => new(CannedExamples.AllFiles());

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void LoadAllFromString_ReadsEveryUpstreamExample_AsManifestReaderDoes(string file)
    {
        var text = CannedExamples.Text(file);

        var loaded = KubernetesYaml.LoadAllFromString(WithoutTrailingEmptyDocuments(text), TypeMap);
        var ours = ManifestReader.Read(text, file);

        Assert.Equal(ours.Count, loaded.Count);
        foreach (var (manifest, obj) in ours.Zip(loaded))
        {
            Assert.IsType(manifest.Object.GetType(), obj);
            JsonAssert.Equal(JsonAssert.Ours(manifest.Object), JsonAssert.Ours(obj), $"{file}: {manifest.Object.Kind} {manifest.Object.Metadata.Name}");
        }
    }

    [Fact]
    public void LoadAllFromString_ReadsDurationsAndValues_IntoTheirTypes()
    {
        var route = (HttpRoute)Assert.Single(KubernetesYaml.LoadAllFromString(
            CannedExamples.Text("experimental/http-route-timeouts/timeout-example.yaml"), TypeMap));

        var rule = Assert.Single(route.Spec.Rules!);
        Assert.Equal(GatewayDuration.Parse("10s"), rule.Timeouts!.Request);
        Assert.Equal(TimeSpan.FromSeconds(2), rule.Timeouts.BackendRequest!.Value.TimeSpan);
        Assert.Equal(PathMatchType.PathPrefix, rule.Matches![0].Path!.Type);
        Assert.True(rule.Matches[0].Path!.Type!.Value.IsKnown);
    }

    [Fact]
    public void LoadAllFromString_FailsOnAStreamEndingInAnEmptyDocument_WhereManifestReaderDoesNot()
    {
        // backend-tls.yaml ends with "---"; KubernetesClient 21.0.8 dereferences the empty document and throws
        // (a NullReferenceException), so callers must drop a trailing "---" first (or use ManifestReader).
        const string file = "standard/backend-tls.yaml";
        var text = CannedExamples.Text(file);
        Assert.NotEqual(text, WithoutTrailingEmptyDocuments(text));

        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(text, TypeMap));
        Assert.IsType<Gateway>(Assert.Single(ManifestReader.Read(text, file)).Object);
        Assert.IsType<Gateway>(Assert.Single(KubernetesYaml.LoadAllFromString(WithoutTrailingEmptyDocuments(text), TypeMap)));
    }

    [Fact]
    public void EveryWireName_IsTheCamelCaseOfItsPropertyName()
    {
        // KubernetesYaml names members with YamlDotNet's camelCase convention and, for types outside k8s.Models,
        // ignores [JsonPropertyName]; it also skips unmatched keys. A property whose wire name differs from the
        // camelCase of its .NET name would therefore be dropped silently when loading YAML.
        var properties = typeof(HttpRoute).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(property => (Property: property, Wire: property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(entry => entry.Wire is not null)
            .ToList();

        Assert.True(properties.Count > 200, $"Only {properties.Count} wire properties found; the scan is not looking at the models.");
        var mismatches = properties
            .Where(entry => CamelCaseNamingConvention.Instance.Apply(entry.Property.Name) != entry.Wire)
            .Select(entry => $"{entry.Property.DeclaringType!.Name}.{entry.Property.Name} is '{entry.Wire}' on the wire but '{CamelCaseNamingConvention.Instance.Apply(entry.Property.Name)}' to YamlDotNet")
            .ToList();
        Assert.Empty(mismatches);
    }

    public static TheoryData<Type> ExtensibleValueTypes() => new(typeof(HttpRoute).Assembly.GetExportedTypes()
        .Where(type => type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExtensibleValue<>)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ExtensibleValueTypes))]
    public void EveryExtensibleValue_LoadsFromAYamlScalar_KnownOrNot(Type type)
    {
        // YamlDotNet converts a scalar to our value types through their implicit operator from string.
        var known = ((System.Collections.IEnumerable)type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Cast<object>();
        var samples = known.Select(WireValueOf).Append("example.com/not-yet-defined").ToList();
        foreach (var text in samples)
        {
            foreach (var target in new[] { type, typeof(Nullable<>).MakeGenericType(type) })
            {
                var loaded = KubernetesYamlDeserialize.MakeGenericMethod(target).Invoke(null, [$"\"{text}\"", false]);
                Assert.NotNull(loaded);
                Assert.IsType(type, loaded);
                Assert.Equal(text, WireValueOf(loaded));

                // Unquoted too, unless YAML needs the quotes (HTTP method "*" would read as an alias).
                if (char.IsAsciiLetterOrDigit(text[0]))
                {
                    var plain = KubernetesYamlDeserialize.MakeGenericMethod(target).Invoke(null, [text, false]);
                    Assert.Equal(loaded, plain);
                }
            }
        }
    }

    [Theory]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("0s", 0)]
    public void Durations_LoadFromAYamlScalar_KeepingTheirText(string text, long milliseconds)
    {
        // GatewayDuration has an explicit operator from string, which YamlDotNet uses as well.
        var duration = KubernetesYaml.Deserialize<GatewayDuration>(text);
        var nullable = KubernetesYaml.Deserialize<GatewayDuration?>(text);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration.TimeSpan);
        Assert.Equal(text, duration.Text);
        Assert.Equal(duration, nullable);
    }

    [Fact]
    public void LoadAllFromString_DropsUnknownFields_ThatManifestReaderKeeps()
    {
        // Through YamlDotNet an object has nowhere to keep fields it does not model ([YamlIgnore] on
        // ExtensionData): the lenient loader drops them and the strict one refuses them. Use ManifestReader
        // (or JSON) to read and write back objects from a newer API version without loss.
        var text = CannedExamples.Text("experimental/http-route-timeouts/timeout-example.yaml")
            .Replace("  parentRefs:", "  futureField: {level: 3}\n  parentRefs:", StringComparison.Ordinal);

        var loaded = (HttpRoute)Assert.Single(KubernetesYaml.LoadAllFromString(text, TypeMap));
        var ours = ManifestReader.ReadSingle<HttpRoute>(text);

        Assert.Null(JsonAssert.Ours(loaded)["spec"]!["futureField"]);
        Assert.Equal(3, (int)JsonAssert.Ours(ours)["spec"]!["futureField"]!["level"]!);
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(text, TypeMap, strict: true));
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Serialize_WritesYaml_ThatManifestReaderReadsBackUnchanged(string file)
    {
        // Without IYamlConvertible on our value types, KubernetesYaml.Serialize would write them as mappings
        // of their public properties ("type: {value: PathPrefix, isKnown: true}").
        foreach (var manifest in ManifestReader.Read(CannedExamples.Text(file), file))
        {
            var yaml = KubernetesYaml.Serialize(manifest.Object);
            var readBack = Assert.Single(ManifestReader.Read(yaml, file + " via KubernetesYaml.Serialize"));
            JsonAssert.Equal(JsonAssert.Ours(manifest.Object), JsonAssert.Ours(readBack.Object), $"{file}: {manifest.Object.Kind} {manifest.Object.Metadata.Name}");
        }
    }

    private static string WireValueOf(object value) => (string)value.GetType().GetProperty("Value")!.GetValue(value)!;

    /// <summary>Drops "---" lines that end a stream with nothing but blank lines or comments after them.</summary>
    internal static string WithoutTrailingEmptyDocuments(string text)
    {
        var lines = text.Split('\n').ToList();
        while (true)
        {
            var last = lines.FindLastIndex(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'));
            if (last < 0 || lines[last].TrimEnd() != "---")
            {
                return string.Join('\n', lines);
            }

            lines.RemoveRange(last, lines.Count - last);
        }
    }
}
