using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GatewayApi.Models.Serialization;

/// <summary>Turns parser and serializer failures into <see cref="ManifestException"/>s that point at the user's text.</summary>
internal static partial class ManifestErrors
{
    public static ManifestException FromYamlException(YamlException exception, string? source, int documentIndex)
    {
        var line = exception.Start.Line > 0 ? (int)exception.Start.Line : (int?)null;
        var column = exception.Start.Column > 0 ? (int)exception.Start.Column : (int?)null;
        var detail = exception.InnerException is YamlException inner ? inner.Message : exception.Message;
        return new ManifestException(ManifestErrorKind.Syntax, StripYamlLocation(detail), new ManifestLocation(source, documentIndex, line, column), innerException: exception);
    }

    /// <summary>
    /// Explains a System.Text.Json failure: the field path in the API server's notation, what was expected,
    /// and the line and column in the original text (found by reading the document again).
    /// </summary>
    public static ManifestException FromJsonException(JsonException exception, string text, string? source, int documentIndex, string? pathPrefix)
    {
        var path = Combine(pathPrefix, ToFieldPath(exception.Path));
        var detail = Describe(exception);
        var location = Locate(text, source, documentIndex, path);
        return new ManifestException(ManifestErrorKind.InvalidValue, detail, location, path, exception);
    }

    public static ManifestException AtPath(ManifestErrorKind kind, string detail, string text, string? source, int documentIndex, string? path)
        => new(kind, detail, Locate(text, source, documentIndex, path ?? string.Empty), path);

    public static string Combine(string? prefix, string path)
        => string.IsNullOrEmpty(prefix) ? path
            : path.Length == 0 ? prefix
            : path[0] == '[' ? prefix + path : prefix + "." + path;

    /// <summary>Finds where the node at <paramref name="path"/> of document <paramref name="documentIndex"/> starts.</summary>
    public static ManifestLocation Locate(string text, string? source, int documentIndex, string path)
    {
        var (index, documentStart) = IndexDocument(text, documentIndex, int.MaxValue);
        var mark = index?.Find(path) ?? documentStart;
        return mark is { } found
            ? new ManifestLocation(source, documentIndex, (int)found.Line, (int)found.Column)
            : new ManifestLocation(source, documentIndex);
    }

    /// <summary>
    /// Reads document <paramref name="documentIndex"/> of the text again, recording where its nodes start down to
    /// <paramref name="maxDepth"/> path segments. Null when the document cannot be found.
    /// </summary>
    public static (YamlPathIndex? Index, Mark? DocumentStart) IndexDocument(string text, int documentIndex, int maxDepth)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            for (var index = 0; parser.TryConsume<DocumentStart>(out var start); index++)
            {
                if (index < documentIndex)
                {
                    SkipDocument(parser);
                    continue;
                }

                var pathIndex = new YamlPathIndex(maxDepth);
                using (var writer = new Utf8JsonWriter(Stream.Null))
                {
                    YamlDocumentConverter.ConvertDocument(parser, writer, pathIndex);
                }

                return (pathIndex, start.Start);
            }
        }
        catch (YamlException)
        {
            // The text was readable the first time, so this cannot happen; fall back to no position.
        }

        return (null, null);
    }

    /// <summary>Turns <c>$.spec.rules[0]['a.b']</c> into <c>spec.rules[0].a.b</c>.</summary>
    public static string ToFieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return string.Empty;
        }

        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..]
            : jsonPath.StartsWith('$') ? jsonPath[1..]
            : jsonPath;
        return QuotedSegment().Replace(path, match => "." + match.Groups[1].Value).TrimStart('.');
    }

    private static void SkipDocument(IParser parser)
    {
        var depth = 0;
        do
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    depth++;
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
                case DocumentEnd when depth == 0:
                    parser.MoveNext();
                    return;
            }
        }
        while (parser.MoveNext());
    }

    private static string Describe(JsonException exception)
    {
        var message = exception.InnerException?.Message ?? exception.Message;
        var conversion = ConversionFailure().Match(message);
        if (conversion.Success)
        {
            return "expected " + DescribeType(conversion.Groups[1].Value) + ".";
        }

        var token = TokenMismatch().Match(message);
        if (token.Success)
        {
            var expected = token.Groups[2].Value == "string"
                ? DescribeType("System.String")
                : "a " + token.Groups[2].Value.ToLowerInvariant();
            return "expected " + expected + ", found " + DescribeToken(token.Groups[1].Value) + ".";
        }

        // Drop System.Text.Json's own location suffix; ours is more precise.
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string DescribeType(string clrType) => clrType switch
    {
        _ when clrType.Contains("System.Int32", StringComparison.Ordinal) => "a whole number (32-bit)",
        _ when clrType.Contains("System.Int64", StringComparison.Ordinal) => "a whole number (64-bit)",
        _ when clrType.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when clrType.Contains("System.DateTime", StringComparison.Ordinal) => "an RFC 3339 timestamp such as \"2024-01-02T03:04:05Z\"",
        "System.String" => "a string (quote values such as 80, true or 1.0 that YAML reads as other types)",
        _ when clrType.Contains("IList", StringComparison.Ordinal) || clrType.Contains("List`1", StringComparison.Ordinal) => "a list",
        _ when clrType.Contains("IDictionary", StringComparison.Ordinal) || clrType.Contains("Dictionary`2", StringComparison.Ordinal) => "a map of strings",
        _ => "an object (" + ShortName(clrType) + ")",
    };

    private static string DescribeToken(string token) => token switch
    {
        "Number" => "a number",
        "True" or "False" => "a boolean",
        "StartObject" => "an object",
        "StartArray" => "a list",
        "Null" => "null",
        "String" => "a string",
        _ => token,
    };

    private static string ShortName(string clrType)
    {
        var name = clrType;
        var generic = name.IndexOf('`', StringComparison.Ordinal);
        if (generic >= 0 && name.IndexOf('[', generic) is var open and > 0)
        {
            name = name[(open + 1)..].TrimEnd(']');
        }

        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name;
    }

    private static string StripYamlLocation(string message)
    {
        var match = YamlLocation().Match(message);
        return match.Success ? message[match.Length..] : message;
    }

    [GeneratedRegex(@"could not be converted to ([^\s.]+(?:\.[^\s.]+)*(?:\[[^\]]*\])?)\.", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();

    [GeneratedRegex(@"Cannot get the value of a token type '(\w+)' as a (\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenMismatch();

    [GeneratedRegex(@"\['([^']*)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedSegment();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex YamlLocation();
}
