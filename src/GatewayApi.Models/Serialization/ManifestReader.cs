using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// Reads Kubernetes manifests as <c>kubectl</c> users write them: multi-document YAML (or one JSON
/// document), <c>kind: List</c> documents and typed lists (flattened into their items), every served
/// <c>apiVersion</c> of each Gateway API kind, core kinds as KubernetesClient's <c>V1*</c> types, and any other
/// kind as an <see cref="UnknownObject"/> kept intact.
/// </summary>
/// <remarks>
/// Errors name the source, the document, the line and column and the field path. <see cref="Read(string, string?)"/>
/// throws the first; <see cref="ReadCollectingErrors(string, string?)"/> reads on past bad documents and
/// returns every error (a YAML syntax error ends the stream, since nothing after it can be trusted).
/// </remarks>
public static class ManifestReader
{
    /// <summary>Reads every object in the text, throwing a <see cref="ManifestException"/> at the first bad document.</summary>
    /// <param name="text">YAML or JSON text.</param>
    /// <param name="source">A name for the text in error messages, such as its file name.</param>
    public static IReadOnlyList<Manifest> Read(string text, string? source = null)
    {
        var result = ReadCore(text, source, stopAtFirstError: true);
        return result.Errors.Count > 0 ? throw result.Errors[0] : result.Manifests;
    }

    /// <summary>Reads every object of a UTF-8 stream, throwing at the first bad document.</summary>
    /// <param name="stream">The stream; read to its end, not closed.</param>
    /// <param name="source">A name for the stream in error messages.</param>
    public static IReadOnlyList<Manifest> Read(Stream stream, string? source = null)
        => Read(ReadText(stream), source);

    /// <summary>Reads every object of a file, throwing at the first bad document or when the file cannot be read.</summary>
    /// <param name="path">The file's path; used as the source name.</param>
    public static IReadOnlyList<Manifest> ReadFile(string path)
        => Read(ReadFileText(path), path);

    /// <summary>Reads every object it can, returning an error for each document or list item it cannot.</summary>
    /// <param name="text">YAML or JSON text.</param>
    /// <param name="source">A name for the text in error messages.</param>
    public static ManifestReadResult ReadCollectingErrors(string text, string? source = null)
        => ReadCore(text, source, stopAtFirstError: false);

    /// <summary>Reads every object of a file that it can, returning an error for each it cannot (and for an unreadable file).</summary>
    /// <param name="path">The file's path; used as the source name.</param>
    public static ManifestReadResult ReadFileCollectingErrors(string path)
    {
        string text;
        try
        {
            text = ReadFileText(path);
        }
        catch (ManifestException exception)
        {
            return new ManifestReadResult([], [exception]);
        }

        return ReadCore(text, path, stopAtFirstError: false);
    }

    /// <summary>Reads exactly one object of type <typeparamref name="T"/> from YAML or JSON text.</summary>
    /// <typeparam name="T">The expected type, for example <see cref="HttpRoute"/>.</typeparam>
    /// <param name="text">The text of one document.</param>
    /// <param name="source">A name for the text in error messages.</param>
    public static T ReadSingle<T>(string text, string? source = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var manifests = Read(text, source);
        if (manifests.Count != 1)
        {
            throw new ManifestException(ManifestErrorKind.NotAnObject, $"Expected exactly one object, found {manifests.Count}.", new ManifestLocation(source, 0));
        }

        return manifests[0].Object as T
            ?? throw new ManifestException(ManifestErrorKind.InvalidValue, $"Expected a {typeof(T).Name}, found {manifests[0].Object.ApiVersion} {manifests[0].Object.Kind}.", manifests[0].Location);
    }

    private static ManifestReadResult ReadCore(string text, string? source, bool stopAtFirstError)
    {
        ArgumentNullException.ThrowIfNull(text);
        var manifests = new List<Manifest>();
        var errors = new List<ManifestException>();
        var state = new ReadState(text, source, manifests, errors, stopAtFirstError);

        if (LooksLikeJson(text))
        {
            state.ReadJsonText();
        }
        else
        {
            state.ReadYamlText();
        }

        return new ManifestReadResult(manifests, errors);
    }

    private static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '{' or '[';
            }
        }

        return false;
    }

    private static string ReadText(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }

    private static string ReadFileText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ManifestException(ManifestErrorKind.Unreadable, exception.Message, new ManifestLocation(path, 0), innerException: exception);
        }
    }

    private sealed class ReadState(string text, string? source, List<Manifest> manifests, List<ManifestException> errors, bool stopAtFirstError)
    {
        private bool Stopped => stopAtFirstError && errors.Count > 0;

        public void ReadJsonText()
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            try
            {
                // Check the syntax first, without allocating, so a syntax error is reported as one.
                var reader = new Utf8JsonReader(bytes);
                while (reader.Read())
                {
                }
            }
            catch (JsonException exception)
            {
                var line = exception.LineNumber is { } l ? (int)l + 1 : (int?)null;
                var column = exception.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
                errors.Add(new ManifestException(ManifestErrorKind.Syntax, TrimJsonMessage(exception.Message), new ManifestLocation(source, 0, line, column), innerException: exception));
                return;
            }

            ReadDocument(bytes, documentIndex: 0, line: 1, fromJsonText: true);
        }

        public void ReadYamlText()
        {
            var parser = new Parser(new StringReader(text));
            var documentIndex = 0;
            var buffer = new ArrayBufferWriter<byte>();
            try
            {
                parser.Consume<StreamStart>();
                while (!Stopped && parser.TryConsume<DocumentStart>(out var start))
                {
                    buffer.ResetWrittenCount();
                    bool written;
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        written = YamlDocumentConverter.ConvertDocument(parser, writer);
                    }

                    if (written)
                    {
                        ReadDocument(buffer.WrittenSpan, documentIndex, (int)start.Start.Line, fromJsonText: false);
                    }

                    documentIndex++;
                }
            }
            catch (YamlException exception)
            {
                errors.Add(ManifestErrors.FromYamlException(exception, source, documentIndex));
            }
            catch (InvalidOperationException exception) when (parser.Current is { } at)
            {
                // Utf8JsonWriter refuses nesting beyond its depth limit; say where instead of letting it escape.
                errors.Add(new ManifestException(
                    ManifestErrorKind.Syntax,
                    "the document nests deeper than JSON allows (1000 levels of mappings and sequences)",
                    new ManifestLocation(source, documentIndex, (int)at.Start.Line, (int)at.Start.Column),
                    innerException: exception));
            }
        }

        private static string TrimJsonMessage(string message)
        {
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return cut > 0 ? message[..cut].TrimEnd(' ', '|', '.') + "." : message;
        }

        private void ReadDocument(ReadOnlySpan<byte> json, int documentIndex, int line, bool fromJsonText)
        {
            var header = ReadHeader(json, documentIndex, pathPrefix: null);
            if (header is null)
            {
                return;
            }

            if (IsList(header.Value, json))
            {
                ReadListItems(json, documentIndex, fromJsonText);
                return;
            }

            ReadObject(json, header.Value, documentIndex, pathPrefix: null, line);
        }

        private static bool IsList(Header header, ReadOnlySpan<byte> json)
            => header.Kind == "List" || (header.Kind.EndsWith("List", StringComparison.Ordinal) && header.HasItems && !header.HasSpec);

        private void ReadListItems(ReadOnlySpan<byte> json, int documentIndex, bool fromJsonText)
        {
            // Walk the items in place: no document tree, no copy of the list.
            var reader = new Utf8JsonReader(json);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isItems = reader.ValueTextEquals("items"u8);
                reader.Read();
                if (!isItems)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType == JsonTokenType.Null)
                {
                    return;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    errors.Add(ManifestErrors.AtPath(ManifestErrorKind.InvalidValue, "expected a list.", text, source, documentIndex, "items"));
                    return;
                }

                // Item lines: from byte offsets when the bytes are the user's JSON, else from one shallow re-read of the YAML.
                YamlPathIndex? itemPositions = null;
                var index = 0;
                int countedUpTo = 0, linesBefore = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (Stopped)
                    {
                        return;
                    }

                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    var item = json[start..(int)reader.BytesConsumed];
                    var prefix = "items[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
                    var header = ReadHeader(item, documentIndex, prefix);
                    if (header is not null)
                    {
                        int line;
                        if (fromJsonText)
                        {
                            // Count newlines only since the previous item, so the whole list costs one pass.
                            linesBefore += json[countedUpTo..start].Count((byte)'\n');
                            countedUpTo = start;
                            line = 1 + linesBefore;
                        }
                        else
                        {
                            itemPositions ??= ManifestErrors.IndexDocument(text, documentIndex, maxDepth: 2).Index;
                            line = itemPositions?.Find(prefix) is { } mark ? (int)mark.Line : 1;
                        }

                        ReadObject(item, header.Value, documentIndex, prefix, line);
                    }

                    index++;
                }

                return;
            }
        }

        private Header? ReadHeader(ReadOnlySpan<byte> json, int documentIndex, string? pathPrefix)
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Fail(ManifestErrorKind.NotAnObject, "A manifest document must be an object with apiVersion, kind and metadata.", documentIndex, pathPrefix);
                return null;
            }

            string? apiVersion = null;
            string? kind = null;
            bool hasItems = false, hasSpec = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "apiVersion" or "kind":
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            Fail(ManifestErrorKind.InvalidValue, "expected a string.", documentIndex, ManifestErrors.Combine(pathPrefix, name));
                            return null;
                        }

                        if (name == "kind")
                        {
                            kind = reader.GetString();
                        }
                        else
                        {
                            apiVersion = reader.GetString();
                        }

                        break;
                    case "items":
                        hasItems = true;
                        break;
                    case "spec":
                        hasSpec = true;
                        break;
                }

                reader.Skip();
            }

            if (string.IsNullOrEmpty(kind))
            {
                Fail(ManifestErrorKind.MissingKind, "The document has no kind; every manifest needs apiVersion and kind.", documentIndex, pathPrefix);
                return null;
            }

            if (string.IsNullOrEmpty(apiVersion))
            {
                Fail(ManifestErrorKind.MissingApiVersion, $"The {kind} has no apiVersion; every manifest needs apiVersion and kind.", documentIndex, pathPrefix);
                return null;
            }

            return new Header(apiVersion, kind, hasItems, hasSpec);
        }

        private void ReadObject(ReadOnlySpan<byte> json, Header header, int documentIndex, string? pathPrefix, int line)
        {
            var (group, version) = GatewayApiKinds.SplitApiVersion(header.ApiVersion);
            IKubernetesObject<V1ObjectMeta> result;
            if (GatewayApiKinds.TryFind(group, header.Kind, out var kind))
            {
                if (!kind.ServedVersions.Contains(version, StringComparer.Ordinal))
                {
                    var served = string.Join(", ", kind.ServedVersions.Select(v => kind.Group.Length == 0 ? v : kind.Group + "/" + v));
                    Fail(
                        ManifestErrorKind.UnsupportedApiVersion,
                        $"{header.Kind} is not served as {header.ApiVersion} by Gateway API v1.6.1; use {served}.",
                        documentIndex,
                        ManifestErrors.Combine(pathPrefix, "apiVersion"));
                    return;
                }

                try
                {
                    result = (IKubernetesObject<V1ObjectMeta>)JsonSerializer.Deserialize(json, kind.TypeInfo)!;
                }
                catch (JsonException exception)
                {
                    errors.Add(ManifestErrors.FromJsonException(exception, text, source, documentIndex, pathPrefix));
                    return;
                }
            }
            else
            {
                var content = GatewayApiJson.ParseObject(json)!;
                result = new UnknownObject(content);
            }

            manifests.Add(new Manifest(result, new ManifestLocation(source, documentIndex, line, 1)));
        }

        private void Fail(ManifestErrorKind kind, string detail, int documentIndex, string? path)
            => errors.Add(ManifestErrors.AtPath(kind, detail, text, source, documentIndex, path));

        private readonly record struct Header(string ApiVersion, string Kind, bool HasItems, bool HasSpec);
    }
}
