using System.Text.Json.Nodes;

namespace GatewayApi.Models.Tests.Validation.Support;

/// <summary>
/// Makes schema-valid JSON values from a CRD schema node (not from the validator's own schema): required fields
/// filled, <c>minItems</c> items, strings from <see cref="PatternSamples"/>. The variant number makes values of
/// list items distinct, so list-map keys and set members stay unique.
/// </summary>
internal static class CrdSynthesizer
{
    public static JsonNode Value(JsonObject schema, int variant)
    {
        switch ((string?)schema["type"])
        {
            case "object":
                var obj = new JsonObject();
                foreach (var required in schema["required"]?.AsArray() ?? [])
                {
                    var name = (string)required!;
                    obj[name] = Value(schema["properties"]![name]!.AsObject(), variant);
                }

                if (schema["oneOf"] is not null)
                {
                    // The Gateway address construct: a Hostname address has no IP format to satisfy.
                    obj["type"] = "Hostname";
                    if (obj.ContainsKey("value"))
                    {
                        obj["value"] = "h" + variant + ".example.com";
                    }
                }

                return obj;
            case "array":
                var array = new JsonArray();
                for (var i = 0; i < Int(schema, "minItems", 0); i++)
                {
                    array.Add(Value(schema["items"]!.AsObject(), variant + i));
                }

                return array;
            case "string":
                return StringValue(schema, Int(schema, "minLength", 1), variant);
            case "integer":
                return IntegerValue(schema, variant);
            case "boolean":
                return true;
            default:
                throw new InvalidOperationException("Unknown schema type " + schema["type"]);
        }
    }

    /// <summary>A valid string of (about) the given length.</summary>
    public static JsonNode StringValue(JsonObject schema, int length, int variant)
    {
        if (schema["enum"] is JsonArray values)
        {
            return values[variant % values.Count]!.DeepClone();
        }

        if ((string?)schema["format"] == "date-time")
        {
            return "2024-05-01T10:20:30Z";
        }

        // Long enough for the variant number to make values distinct, within maxLength.
        var fitting = Math.Min(Int(schema, "maxLength", 16), Math.Max(length, 8));
        return PatternSamples.Valid((string?)schema["pattern"], fitting, variant);
    }

    public static JsonNode IntegerValue(JsonObject schema, int variant)
    {
        if (schema["enum"] is JsonArray values)
        {
            return values[variant % values.Count]!.DeepClone();
        }

        long minimum = schema["minimum"] is JsonValue min ? min.GetValue<long>() : 1;
        long maximum = schema["maximum"] is JsonValue max ? max.GetValue<long>() : long.MaxValue;
        return minimum + variant <= maximum ? minimum + variant : minimum;
    }

    public static int Int(JsonObject schema, string name, int fallback) => schema[name] is JsonValue value ? value.GetValue<int>() : fallback;
}
