using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GatewayApi.Conformance.Loading;

/// <summary>
/// A YAML node of a case file with its field path, so every error can say where and what. Mappings check their keys:
/// a key the format does not know is an error (a misspelt expectation must never be silently ignored).
/// </summary>
internal sealed class CaseNode
{
    private readonly string _source;

    public CaseNode(string source, YamlNode node, string path)
    {
        _source = source;
        Node = node;
        Path = path;
    }

    public YamlNode Node { get; }

    public string Source => _source;

    public string Path { get; }

    public int Line => (int)Node.Start.Line;

    public int Column => (int)Node.Start.Column;

    public CaseFileException Error(string detail) => new(_source, Line, Column, Path, detail);

    public bool IsNull => Node is YamlScalarNode { Value: null or "" or "~" or "null" } scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;

    public CaseMapping AsMapping(params string[] knownKeys)
    {
        if (Node is not YamlMappingNode mapping)
        {
            throw Error($"expected a mapping, found {Describe(Node)}");
        }

        var entries = new Dictionary<string, CaseNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw new CaseNode(_source, keyNode, Path).Error("mapping keys must be plain strings");
            }

            var childPath = Path.Length == 0 ? key : Path + "." + key;
            if (Array.IndexOf(knownKeys, key) < 0)
            {
                throw new CaseNode(_source, keyNode, childPath).Error(
                    $"unknown field '{key}' (expected one of: {string.Join(", ", knownKeys)})");
            }

            entries[key] = new CaseNode(_source, valueNode, childPath);
        }

        return new CaseMapping(this, entries);
    }

    public IReadOnlyList<CaseNode> AsSequence()
    {
        if (Node is not YamlSequenceNode sequence)
        {
            throw Error($"expected a list, found {Describe(Node)}");
        }

        return sequence.Children.Select((child, index) => new CaseNode(_source, child, $"{Path}[{index}]")).ToArray();
    }

    public string AsString()
    {
        if (Node is not YamlScalarNode scalar)
        {
            throw Error($"expected a string, found {Describe(Node)}");
        }

        return scalar.Value ?? "";
    }

    public string AsNonEmptyString()
    {
        var value = AsString();
        return string.IsNullOrWhiteSpace(value) ? throw Error("must not be empty") : value;
    }

    public int AsInt(int min = int.MinValue, int max = int.MaxValue)
    {
        var text = AsString();
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"expected an integer, found '{text}'");
        }

        return value < min || value > max ? throw Error($"{value} is out of range [{min}, {max}]") : value;
    }

    public double AsDouble(double min, double max)
    {
        var text = AsString();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            throw Error($"expected a number, found '{text}'");
        }

        return value < min || value > max ? throw Error($"{value.ToString(CultureInfo.InvariantCulture)} is out of range [{min}, {max}]") : value;
    }

    public bool AsBool()
    {
        var text = AsString();
        return text switch
        {
            "true" or "True" => true,
            "false" or "False" => false,
            _ => throw Error($"expected true or false, found '{text}'"),
        };
    }

    public TimeSpan AsDuration()
    {
        // Go duration style, as the spec writes durations: 500ms, 2s, 1m.
        var text = AsString().Trim();
        (string Suffix, double Milliseconds)[] units = [("ms", 1), ("s", 1000), ("m", 60000), ("h", 3600000)];
        foreach (var (suffix, milliseconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && amount >= 0 && (suffix != "m" || !text.EndsWith("ms", StringComparison.Ordinal)))
            {
                return TimeSpan.FromMilliseconds(amount * milliseconds);
            }
        }

        throw Error($"expected a duration such as 500ms, 2s or 1m, found '{text}'");
    }

    /// <summary>A string or a list of strings.</summary>
    public IReadOnlyList<string> AsStringList() =>
        Node is YamlScalarNode ? [AsNonEmptyString()] : AsSequence().Select(item => item.AsNonEmptyString()).ToArray();

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: var value } => $"the value '{value}'",
        _ => node.NodeType.ToString(),
    };
}

/// <summary>A mapping of a case file whose keys were checked against the format.</summary>
internal sealed class CaseMapping(CaseNode node, IReadOnlyDictionary<string, CaseNode> entries)
{
    public CaseNode Node { get; } = node;

    public bool Has(string key) => entries.TryGetValue(key, out var value) && !value.IsNull;

    public CaseNode? Optional(string key) => entries.TryGetValue(key, out var value) && !value.IsNull ? value : null;

    public CaseNode Required(string key) =>
        Optional(key) ?? throw Node.Error($"missing required field '{key}'");
}
