using System.Globalization;
using System.Text;
using GatewayApi.Models;
using GatewayApi.Models.Serialization;
using GatewayApi.Models.Validation;
using k8s;
using k8s.Models;

namespace GatewayApi.Yarp;

/// <summary>Reads manifests, validates Gateway API objects against the CRD schemas and applies their defaults, collecting every problem.</summary>
internal static class ManifestLoader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static void ReadText(string text, string? source, ReleaseChannel channel, List<IKubernetesObject<V1ObjectMeta>> objects, List<string> errors)
    {
        Collect(ManifestReader.ReadCollectingErrors(text, source), channel, objects, errors);
    }

    public static void ReadDirectory(string directory, ReleaseChannel channel, List<IKubernetesObject<V1ObjectMeta>> objects, List<string> errors)
    {
        if (!Directory.Exists(directory))
        {
            errors.Add($"{directory}: the manifest directory does not exist.");
            return;
        }

        foreach (var file in ManifestFiles(directory))
        {
            Collect(ManifestReader.ReadFileCollectingErrors(file), channel, objects, errors);
        }
    }

    public static IEnumerable<string> ManifestFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(IsManifestFile)
            .Order(StringComparer.Ordinal);

    public static bool IsManifestFile(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static void Prepare(IEnumerable<IKubernetesObject<V1ObjectMeta>> input, ReleaseChannel channel, List<IKubernetesObject<V1ObjectMeta>> objects, List<string> errors)
    {
        foreach (var value in input)
        {
            if (value is null)
            {
                errors.Add("<input>: a null object.");
                continue;
            }

            objects.Add(ValidateAndDefault(value, Describe(value), channel, errors));
        }
    }

    private static void Collect(ManifestReadResult result, ReleaseChannel channel, List<IKubernetesObject<V1ObjectMeta>> objects, List<string> errors)
    {
        errors.AddRange(result.Errors.Select(e => e.Message));
        foreach (var manifest in result.Manifests)
        {
            objects.Add(ValidateAndDefault(manifest.Object, $"{manifest.Location}: {Describe(manifest.Object)}", channel, errors));
        }
    }

    private static IKubernetesObject<V1ObjectMeta> ValidateAndDefault(IKubernetesObject<V1ObjectMeta> value, string where, ReleaseChannel channel, List<string> errors)
    {
        // Only Gateway API kinds have CRD schemas here; core objects (Service, Secret, EndpointSlice) are taken as given.
        if (value is not GatewayApiObject)
        {
            return value;
        }

        var validation = GatewayApiValidator.Validate(value, channel);
        foreach (var error in validation.Errors)
        {
            errors.Add($"{where}: {error}");
        }

        return GatewayApiDefaults.ApplyDefaults(value, channel);
    }

    private static string Describe(IKubernetesObject<V1ObjectMeta> value) =>
        $"{value.Kind} {(string.IsNullOrEmpty(value.Metadata?.NamespaceProperty) ? "" : value.Metadata.NamespaceProperty + "/")}{value.Metadata?.Name}";

    /// <summary>
    /// A fingerprint of the manifest files under <paramref name="directory"/> (names, sizes, write times): equal
    /// fingerprints mean nothing to read again.
    /// </summary>
    internal static string Fingerprint(string directory)
    {
        try
        {
            var text = new StringBuilder();
            foreach (var file in ManifestFiles(directory))
            {
                var info = new FileInfo(file);
                text.Append(file).Append('|').Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                    .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            return text.ToString();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "unreadable:" + exception.Message;
        }
    }
}
