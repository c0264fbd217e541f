using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayApi.Models.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GatewayApi.Models.Tests.Validation.Support;

/// <summary>YAML text to raw JSON objects, without going through the typed models (so tests can write anything).</summary>
internal static class YamlJson
{
    public static IReadOnlyList<JsonObject> ReadAll(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        var documents = new List<JsonObject>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            using var stream = new MemoryStream();
            bool written;
            using (var writer = new Utf8JsonWriter(stream))
            {
                written = YamlDocumentConverter.ConvertDocument(parser, writer);
            }

            if (written && JsonNode.Parse(stream.ToArray()) is JsonObject obj)
            {
                documents.Add(obj);
            }
        }

        return documents;
    }

    public static JsonObject Read(string text) => ReadAll(text).Single();
}
