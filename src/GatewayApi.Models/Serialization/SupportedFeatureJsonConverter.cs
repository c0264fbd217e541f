using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// Reads a supported feature in either form it has had on the wire: the current object
/// (<c>{"name": "HTTPRoute"}</c>) or the plain string of pre-v1.2 experimental releases (<c>"HTTPRoute"</c>).
/// Always writes the object form, so an old status is upgraded when a controller writes it back.
/// </summary>
internal sealed class SupportedFeatureJsonConverter : JsonConverter<SupportedFeature>
{
    public override SupportedFeature? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new SupportedFeature { Name = reader.GetString() };
            case JsonTokenType.StartObject:
                var feature = new SupportedFeature();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (name == "name")
                    {
                        feature.Name = reader.TokenType == JsonTokenType.Null ? null
                            : reader.TokenType == JsonTokenType.String ? reader.GetString()
                            : throw new JsonException("A supported feature's name must be a string.");
                    }
                    else
                    {
                        feature.ExtensionData ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                        feature.ExtensionData[name] = JsonElement.ParseValue(ref reader);
                    }
                }

                return feature;
            default:
                throw new JsonException("A supported feature must be an object with a name, or (in old releases) a string.");
        }
    }

    public override void Write(Utf8JsonWriter writer, SupportedFeature value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Name is not null)
        {
            writer.WriteString("name", value.Name);
        }

        if (value.ExtensionData is not null)
        {
            foreach (var (name, element) in value.ExtensionData)
            {
                writer.WritePropertyName(name);
                element.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
