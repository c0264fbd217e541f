using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayApi.Cli.Commands;
using GatewayApi.Models;
using GatewayApi.Models.Serialization;

namespace GatewayApi.Cli.Output;

/// <summary>Writes one document for machines: indented JSON, or the same document as block-style YAML.</summary>
internal static class StructuredWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="document"/> in <paramref name="format"/> (YAML or JSON).</summary>
    public static void Write(TextWriter writer, JsonObject document, OutputFormat format)
    {
        if (format == OutputFormat.Yaml)
        {
            ManifestWriter.WriteYaml(writer, [new UnknownObject(document)]);
        }
        else
        {
            writer.WriteLine(document.ToJsonString(Indented));
        }
    }

    /// <summary>A model object (a status, a filter) as a JSON node, with the wire field names.</summary>
    public static JsonNode? ToNode(object value) => JsonNode.Parse(GatewayApiJson.Serialize(value));
}
