using System.Text.Json;
using System.Text.Json.Nodes;

namespace GatewayApi.Models.Validation;

/// <summary>
/// Builds a mutable <see cref="JsonNode"/> tree straight from UTF-8 JSON, with plain .NET scalars (strings,
/// 64-bit integers, doubles, booleans) instead of values backed by a parsed document: the tree the validator
/// prunes, defaults and reads many times, built in one pass without an intermediate <see cref="JsonDocument"/>.
/// </summary>
internal static class JsonTree
{
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
        return reader.Read() ? ReadValue(ref reader) : null;
    }

    /// <summary>The same tree from a parsed element (the element is only read, never referenced afterwards).</summary>
    public static JsonNode? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = FromElement(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(FromElement(item));
                }

                return array;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString()!);
            case JsonValueKind.Number:
                return element.TryGetInt64(out var integer) ? JsonValue.Create(integer) : JsonValue.Create(element.GetDouble());
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    /// <summary>A copy of a caller's tree, with document-backed scalars turned into plain values.</summary>
    public static JsonNode? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                for (var i = 0; i < obj.Count; i++)
                {
                    var (name, value) = obj.GetAt(i);
                    copy[name] = FromNode(value);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(FromNode(item));
                }

                return items;
            case JsonValue value when value.TryGetValue(out JsonElement element):
                return FromElement(element);
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                // Numbers put there by code (an int, a short, ...) become the tree's one integer type.
                return JsonValues.TryGetInteger(value, out var integer) ? JsonValue.Create(integer) : JsonValue.Create(value.GetValue<double>());
            default:
                return node?.DeepClone();
        }
    }

    private static JsonNode? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    obj[name] = ReadValue(ref reader);
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(ReadValue(ref reader));
                }

                return array;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString()!);
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? JsonValue.Create(integer) : JsonValue.Create(reader.GetDouble());
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }
}
