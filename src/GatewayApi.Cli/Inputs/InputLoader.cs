using System.Globalization;
using System.Text;
using GatewayApi.Models;
using GatewayApi.Models.Serialization;

namespace GatewayApi.Cli.Inputs;

/// <summary>
/// Reads the inputs of a run, as <c>kubectl apply -f</c> would: files, directories (recursively, every
/// <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c>, in ordinal path order so runs are deterministic) and <c>-</c> for
/// standard input; multi-document YAML and <c>List</c> kinds. Any problem is a <see cref="CliInputException"/>
/// naming the file, line and column.
/// </summary>
internal static class InputLoader
{
    /// <summary>The name standard input is given in messages.</summary>
    public const string StdinName = "<stdin>";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Reads every input, in the order given.</summary>
    /// <param name="inputs">Paths, directories, or <c>-</c>.</param>
    /// <param name="stdin">Read when an input is <c>-</c>.</param>
    public static IReadOnlyList<LoadedManifest> Load(IReadOnlyList<string> inputs, TextReader stdin)
    {
        if (inputs.Count == 0)
        {
            throw new CliInputException("no inputs: give manifest files, directories, or - for standard input");
        }

        var manifests = new List<LoadedManifest>();
        var stdinRead = false;
        foreach (var input in inputs)
        {
            if (input.Length > 1 && input[0] == '-')
            {
                throw new CliInputException($"unknown option '{input}' (gwapi --help shows the usage)");
            }

            if (input == "-")
            {
                if (stdinRead)
                {
                    throw new CliInputException("standard input (-) is given more than once");
                }

                stdinRead = true;
                ReadText(stdin.ReadToEnd(), StdinName, manifests);
            }
            else if (Directory.Exists(input))
            {
                var files = FilesOf(input);
                if (files.Count == 0)
                {
                    throw new CliInputException($"{input}: the directory holds no *.yaml, *.yml or *.json files");
                }

                foreach (var file in files)
                {
                    ReadText(ReadFile(file), file, manifests);
                }
            }
            else if (File.Exists(input))
            {
                ReadText(ReadFile(input), input, manifests);
            }
            else
            {
                throw new CliInputException($"{input}: no such file or directory");
            }
        }

        CheckDuplicates(manifests);
        return manifests;
    }

    /// <summary>A <see cref="ManifestException"/> as one line: <c>file:line:col: field: what</c>.</summary>
    public static string Describe(ManifestException exception)
    {
        var location = exception.Location;
        var text = new StringBuilder(location.Source ?? "<input>");
        if (location.Line is { } line)
        {
            text.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
            if (location.Column is { } column)
            {
                text.Append(':').Append(column.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            text.Append(": document ").Append((location.DocumentIndex + 1).ToString(CultureInfo.InvariantCulture));
        }

        text.Append(": ");
        if (exception.FieldPath is { } path)
        {
            text.Append(path).Append(": ");
        }

        return text.Append(OneLine(exception.Detail)).ToString();
    }

    private static List<string> FilesOf(string directory)
    {
        try
        {
            return
            [
                .. Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden })
                    .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Select(f => f.Replace('\\', '/'))
                    .Order(StringComparer.Ordinal),
            ];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{directory}: cannot list the directory: {OneLine(exception.Message)}", exception);
        }
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliInputException($"{path}: cannot read the file: {OneLine(exception.Message)}", exception);
        }
    }

    private static void ReadText(string text, string source, List<LoadedManifest> manifests)
    {
        IReadOnlyList<Manifest> read;
        try
        {
            read = ManifestReader.Read(text, source);
        }
        catch (ManifestException exception)
        {
            throw new CliInputException(Describe(exception), exception);
        }

        foreach (var manifest in read)
        {
            var loaded = new LoadedManifest(manifest, text);
            if (manifest.Object is UnknownObject unknown && ObjectDisplay.IsGatewayApiGroup(unknown.ApiVersion))
            {
                var line = SourceLocator.Line(loaded, "kind");
                var known = string.Join(", ", GatewayApiKinds.All.Select(k => k.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
                throw new CliInputException($"{source}:{line.ToString(CultureInfo.InvariantCulture)}:1: unknown kind \"{unknown.Kind}\" in {unknown.ApiVersion}; Gateway API v1.6.1 kinds are {known}");
            }

            manifests.Add(loaded);
        }
    }

    private static void CheckDuplicates(List<LoadedManifest> manifests)
    {
        var seen = new Dictionary<string, LoadedManifest>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            var group = manifest.Object.ApiVersion is { } apiVersion && apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
            var key = group + "|" + manifest.DisplayName;
            if (seen.TryGetValue(key, out var first))
            {
                throw new CliInputException($"{manifest.Source}:{manifest.Line.ToString(CultureInfo.InvariantCulture)}:1: {manifest.DisplayName} is defined twice (first at {first.Source}:{first.Line.ToString(CultureInfo.InvariantCulture)})");
            }

            seen.Add(key, manifest);
        }
    }

    private static string OneLine(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ').Trim();
}
