using GatewayApi.Models.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace GatewayApi.Models.Tests.Schema;

/// <summary>One version of one upstream CRD: where it came from and its <c>openAPIV3Schema</c>.</summary>
internal sealed record CrdVersion(
    string Channel, string File, string Group, string Kind, string Version, bool Served, YamlMappingNode Schema);

/// <summary>
/// Loads the upstream CRDs of both release channels (read at test time from the shared reference data) with
/// YamlDotNet's representation model, independently of the product's manifest reader.
/// </summary>
internal static class CrdSchemas
{
    public static readonly string[] Channels = ["standard", "experimental"];

    private static readonly Lazy<IReadOnlyList<CrdVersion>> Loaded = new(Load);

    /// <summary>Every version of every CustomResourceDefinition of both channels, in file order.</summary>
    public static IReadOnlyList<CrdVersion> All => Loaded.Value;

    /// <summary>The files of a channel that hold at least one document (CRDs and everything else).</summary>
    public static IEnumerable<string> YamlFiles(string channel)
        => Directory.EnumerateFiles(SharedPaths.CrdDirectory(channel), "*.yaml").Order(StringComparer.Ordinal);

    public static CrdVersion Find(string channel, string kind, string version)
        => All.Single(crd => crd.Channel == channel && crd.Kind == kind && crd.Version == version);

    /// <summary>The documents of a YAML file, as YamlDotNet represents them.</summary>
    public static IReadOnlyList<YamlDocument> LoadDocuments(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.ToList();
    }

    public static YamlNode? Child(this YamlNode node, string key)
        => node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Mapping(this YamlNode node, string key) => node.Child(key) as YamlMappingNode;

    public static string? Text(this YamlNode node, string key) => (node.Child(key) as YamlScalarNode)?.Value;

    private static IReadOnlyList<CrdVersion> Load()
    {
        var result = new List<CrdVersion>();
        foreach (var channel in Channels)
        {
            foreach (var path in YamlFiles(channel))
            {
                foreach (var document in LoadDocuments(path))
                {
                    // The directories also hold a kustomization and a ValidatingAdmissionPolicy (with its binding);
                    // only CustomResourceDefinitions carry schemas.
                    if (document.RootNode.Text("kind") != "CustomResourceDefinition")
                    {
                        continue;
                    }

                    var spec = document.RootNode.Mapping("spec") ?? throw new InvalidDataException($"{path}: a CRD without spec.");
                    var group = spec.Text("group") ?? throw new InvalidDataException($"{path}: no spec.group.");
                    var kind = spec.Mapping("names")?.Text("kind") ?? throw new InvalidDataException($"{path}: no spec.names.kind.");
                    var versions = spec.Child("versions") as YamlSequenceNode ?? throw new InvalidDataException($"{path}: no spec.versions.");
                    foreach (var version in versions.Children)
                    {
                        var name = version.Text("name") ?? throw new InvalidDataException($"{path}: a version without a name.");
                        var schema = version.Mapping("schema")?.Mapping("openAPIV3Schema")
                            ?? throw new InvalidDataException($"{path}: version {name} has no openAPIV3Schema.");
                        result.Add(new CrdVersion(channel, Path.GetFileName(path), group, kind, name, version.Text("served") == "true", schema));
                    }
                }
            }
        }

        return result;
    }
}
