using System.Text.Json;
using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The base of every JSON object in a Gateway API schema. It keeps the fields this version of the SDK
/// does not model, exactly as read, so a controller that reads an object written by a newer API version
/// and writes it back drops nothing.
/// </summary>
public abstract class SchemaObject
{
    /// <summary>
    /// Fields this SDK does not model, kept as read and written back unchanged. Empty or null for objects
    /// that carry only known fields.
    /// </summary>
    [JsonExtensionData]
    [YamlIgnore]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
