using System.Text.Json.Nodes;
using GatewayApi.Models.Tests.TestSupport;

namespace GatewayApi.Models.Tests.Validation.Support;

/// <summary>One version of one kind in one channel's CRD file, read from ../shared at test time.</summary>
internal sealed record CrdVersion(ReleaseChannel Channel, string Group, string Kind, string Version, bool Served, JsonObject Schema, string File)
{
    public override string ToString() => $"{Channel} {Kind} {Version}";
}

/// <summary>The upstream v1.6.1 CRDs of both channels (every CustomResourceDefinition document).</summary>
internal static class Crds
{
    private static readonly Lazy<IReadOnlyList<CrdVersion>> AllVersions = new(Load);

    public static IReadOnlyList<CrdVersion> All => AllVersions.Value;

    public static IEnumerable<CrdVersion> Of(ReleaseChannel channel) => All.Where(v => v.Channel == channel);

    public static CrdVersion Find(ReleaseChannel channel, string kind, string version)
        => All.Single(v => v.Channel == channel && v.Kind == kind && v.Version == version);

    public static string ChannelDirectory(ReleaseChannel channel)
        => SharedPaths.CrdDirectory(channel == ReleaseChannel.Standard ? "standard" : "experimental");

    private static IReadOnlyList<CrdVersion> Load()
    {
        var versions = new List<CrdVersion>();
        foreach (var channel in new[] { ReleaseChannel.Standard, ReleaseChannel.Experimental })
        {
            foreach (var file in Directory.GetFiles(ChannelDirectory(channel), "*.yaml").Order(StringComparer.Ordinal))
            {
                foreach (var document in YamlJson.ReadAll(File.ReadAllText(file)))
                {
                    if ((string?)document["kind"] != "CustomResourceDefinition")
                    {
                        continue;
                    }

                    var spec = document["spec"]!;
                    foreach (var version in spec["versions"]!.AsArray())
                    {
                        versions.Add(new CrdVersion(
                            channel,
                            (string)spec["group"]!,
                            (string)spec["names"]!["kind"]!,
                            (string)version!["name"]!,
                            (bool)version["served"]!,
                            version["schema"]!["openAPIV3Schema"]!.AsObject(),
                            Path.GetFileName(file)));
                    }
                }
            }
        }

        return versions;
    }
}
