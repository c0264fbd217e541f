using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GatewayApi.Models.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace GatewayApi.Models.Tests.KubernetesClient;

/// <summary>
/// The upstream v1.6.1 examples (read at test time from <see cref="SharedPaths.Examples"/>) as plain JSON.
/// The YAML is converted here with YamlDotNet's representation model and the YAML 1.2 core-schema rules for
/// plain scalars, deliberately not with the product's <c>ManifestReader</c>, so that what the fake API server
/// serves and what the tests expect are an independent reading of the files.
/// </summary>
internal static partial class CannedExamples
{
    /// <summary>Every example file, as a path relative to the examples folder with '/' separators, in a stable order.</summary>
    public static IEnumerable<string> AllFiles()
        => Directory.GetFiles(SharedPaths.Examples, "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(SharedPaths.Examples, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static string Text(string relativePath) => File.ReadAllText(FullPath(relativePath));

    public static string FullPath(string relativePath) => Path.Combine(SharedPaths.Examples, relativePath);

    /// <summary>The non-empty documents of one example file, as JSON objects.</summary>
    public static IReadOnlyList<JsonObject> Documents(string relativePath)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(Text(relativePath)))
        {
            stream.Load(reader);
        }

        var documents = new List<JsonObject>();
        foreach (var document in stream.Documents)
        {
            // A "---" at the end of a file makes an empty document; kubectl skips it and so do we.
            if (ToJson(document.RootNode) is JsonObject json)
            {
                documents.Add(json);
            }
        }

        return documents;
    }

    /// <summary>The one document of <paramref name="relativePath"/> with this kind and name.</summary>
    public static JsonObject Document(string relativePath, string kind, string name)
        => Documents(relativePath).Single(d => (string?)d["kind"] == kind && (string?)d["metadata"]?["name"] == name);

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToJsonObject(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ToJsonValue(scalar),
        _ => throw new NotSupportedException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
    };

    private static JsonObject ToJsonObject(YamlMappingNode mapping)
    {
        var json = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            json.Add(((YamlScalarNode)key).Value!, ToJson(value));
        }

        return json;
    }

    // YAML 1.2 core schema for plain scalars; quoted scalars are always strings.
    private static JsonNode? ToJsonValue(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (FloatPattern().IsMatch(text))
        {
            return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
