using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace GatewayApi.Models.Tests.Examples;

/// <summary>
/// Turns a YAML document into a JSON tree with YamlDotNet's representation model and the YAML 1.2 core schema
/// for plain scalars, written here from the YAML spec so that it checks the product's reader instead of
/// sharing its code.
/// </summary>
internal static partial class YamlToJson
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <summary>The documents of a YAML text (aliases already resolved by the representation model).</summary>
    public static IReadOnlyList<YamlDocument> LoadDocuments(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.ToList();
    }

    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new NotSupportedException($"Unexpected YAML node {node.GetType().Name} at {node.Start}."),
    };

    /// <summary>Whether a document is empty (only comments, or a bare <c>---</c>): it holds no object.</summary>
    public static bool IsEmpty(YamlDocument document) => Convert(document.RootNode) is null;

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } keyScalar)
            {
                throw new NotSupportedException($"A non-scalar mapping key at {key.Start} cannot become a JSON name.");
            }

            // Merge keys are a YAML 1.1 type, not part of the 1.2 core schema; no example should need them.
            if (name == "<<" && keyScalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
            {
                throw new NotSupportedException($"A merge key at {key.Start} is not supported by this converter.");
            }

            if (!result.TryAdd(name, Convert(value)))
            {
                throw new InvalidDataException($"Duplicate key '{name}' at {key.Start}.");
            }
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is not null && tag.StartsWith(TagPrefix, StringComparison.Ordinal))
        {
            return tag[TagPrefix.Length..] switch
            {
                "str" => JsonValue.Create(text),
                "null" => null,
                "bool" => JsonValue.Create(ResolvePlain(text) is JsonValue b && b.TryGetValue<bool>(out var value)
                    ? value
                    : throw new InvalidDataException($"'{text}' is not a bool at {scalar.Start}.")),
                "int" or "float" => ResolvePlain(text) is JsonValue number && number.GetValueKind() == System.Text.Json.JsonValueKind.Number
                    ? number
                    : throw new InvalidDataException($"'{text}' is not a number at {scalar.Start}."),
                var other => throw new NotSupportedException($"Tag !!{other} at {scalar.Start} is not supported."),
            };
        }

        // Quoted, literal and folded scalars, and the non-specific tag "!", are always strings; only plain
        // scalars are resolved by the core schema.
        return scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && tag is null or "?"
            ? ResolvePlain(text)
            : JsonValue.Create(text);
    }

    /// <summary>The YAML 1.2 core schema (YAML 1.2.2, section 10.3.2) for a plain scalar.</summary>
    private static JsonNode? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (DecimalInteger().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? JsonValue.Create(integer)
                : JsonValue.Create(decimal.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (OctalInteger().IsMatch(text))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], 8));
        }

        if (HexInteger().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        if (Float().IsMatch(text))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (Infinity().IsMatch(text) || text is ".nan" or ".NaN" or ".NAN")
        {
            throw new NotSupportedException($"'{text}' has no JSON representation.");
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex OctalInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex HexInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^[-+]?(\.inf|\.Inf|\.INF)$")]
    private static partial Regex Infinity();
}
