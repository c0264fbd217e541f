using System.Globalization;
using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GatewayApi.Cli.Inputs;

/// <summary>
/// Finds the line of a field (<c>spec.rules[0].matches[0].path.value</c>) in the YAML or JSON an object was read
/// from. When the field itself is absent (a required field), the line of its nearest present parent is used, and the
/// object's own line when nothing can be found.
/// </summary>
internal static class SourceLocator
{
    private static readonly ConditionalWeakTable<string, YamlStream?> Parsed = [];

    /// <summary>The 1-based line of <paramref name="fieldPath"/> in the object's source.</summary>
    public static int Line(LoadedManifest manifest, string? fieldPath)
    {
        var root = ObjectNode(manifest);
        if (root is null)
        {
            return manifest.Line;
        }

        var node = root;
        var line = root.Start.Line;
        foreach (var segment in Segments(fieldPath ?? string.Empty))
        {
            YamlNode? next = null;
            if (node is YamlMappingNode mapping)
            {
                // A field's line is its key's: a block value starts on the line after it.
                var key = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode scalar && scalar.Value == segment);
                if (key is not null)
                {
                    next = mapping.Children[key];
                    line = key.Start.Line;
                }
            }
            else if (node is YamlSequenceNode sequence && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Children.Count)
            {
                next = sequence.Children[index];
                line = next.Start.Line;
            }

            if (next is null)
            {
                break;
            }

            node = next;
        }

        return line > 0 ? (int)line : manifest.Line;
    }

    private static YamlNode? ObjectNode(LoadedManifest manifest)
    {
        var stream = Parsed.GetValue(manifest.Text, Parse);
        var index = manifest.Manifest.Location.DocumentIndex;
        if (stream is null || index >= stream.Documents.Count)
        {
            return null;
        }

        var root = stream.Documents[index].RootNode;

        // An item of a List starts on its own line: find the item that starts there.
        if (root is YamlMappingNode mapping && root.Start.Line != manifest.Line
            && mapping.Children.TryGetValue(new YamlScalarNode("items"), out var items) && items is YamlSequenceNode list)
        {
            return list.Children.FirstOrDefault(i => i.Start.Line == manifest.Line) ?? root;
        }

        return root;
    }

    private static YamlStream? Parse(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException)
        {
            // The reader accepted the text; if this parser does not, fall back to the objects' own lines.
            return null;
        }
    }

    /// <summary>Splits <c>a.b[0][key].c</c> into <c>a</c>, <c>b</c>, <c>0</c>, <c>key</c>, <c>c</c>.</summary>
    private static IEnumerable<string> Segments(string path)
    {
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i == path.Length || path[i] == '.' || path[i] == '[')
            {
                if (i > start)
                {
                    yield return path[start..i];
                }

                if (i < path.Length && path[i] == '[')
                {
                    var close = path.IndexOf(']', i);
                    if (close < 0)
                    {
                        yield break;
                    }

                    yield return path[(i + 1)..close];
                    i = close;
                }

                start = i + 1;
            }
        }
    }
}
