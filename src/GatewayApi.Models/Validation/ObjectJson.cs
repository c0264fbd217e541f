using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayApi.Models.Serialization;

namespace GatewayApi.Models.Validation;

/// <summary>Converts what callers pass (typed models, <see cref="UnknownObject"/>, JSON) to a private mutable JSON tree and back.</summary>
internal static class ObjectJson
{
    /// <summary>
    /// A fresh JSON object for the value (its JSON form as <see cref="GatewayApiJson"/> writes it); the caller's
    /// object is never modified or referenced. A caller's <see cref="JsonObject"/> is copied as it is when the copy
    /// goes back to the caller (<paramref name="keepValues"/>), and with plain scalars when it is only read.
    /// </summary>
    public static JsonObject ToJsonObject(object value, string parameterName, bool keepValues = false)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        var tree = value switch
        {
            JsonObject jsonObject => keepValues ? jsonObject.DeepClone() : JsonTree.FromNode(jsonObject),
            JsonNode => null,
            JsonElement element => JsonTree.FromElement(element),
            JsonDocument document => JsonTree.FromElement(document.RootElement),
            _ => JsonTree.Parse(Serialize(value, parameterName)),
        };
        return tree as JsonObject ?? throw new ArgumentException("The JSON value is not an object.", parameterName);
    }

    /// <summary>The JSON tree as a value of the same kind of thing the caller passed.</summary>
    public static object FromJsonObject(JsonObject json, object original) => original switch
    {
        JsonObject => json,
        JsonElement => JsonSerializer.SerializeToElement(json, GatewayApiJsonContext.Default.JsonObject),
        JsonDocument => JsonSerializer.SerializeToDocument(json, GatewayApiJsonContext.Default.JsonObject),
        UnknownObject => new UnknownObject(json),
        _ => json.Deserialize(GatewayApiJson.TypeInfoFor(original.GetType(), indented: false))!,
    };

    /// <summary>A string property, or null.</summary>
    public static string? StringProperty(JsonObject obj, string name)
        => obj.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    private static byte[] Serialize(object value, string parameterName)
    {
        try
        {
            return GatewayApiJson.SerializeToUtf8Bytes(value);
        }
        catch (NotSupportedException exception)
        {
            throw new ArgumentException($"{value.GetType()} is not a Gateway API object, an UnknownObject or JSON.", parameterName, exception);
        }
    }
}
