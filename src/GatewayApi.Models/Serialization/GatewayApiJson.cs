using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// JSON reading and writing of Gateway API objects with the source-generated <see cref="GatewayApiJsonContext"/>:
/// wire-exact field names, absent fields left out, timestamps as <see cref="KubernetesJson"/> writes them.
/// </summary>
public static class GatewayApiJson
{
    private static readonly JsonSerializerOptions IndentedOptions = new(GatewayApiJsonContext.Default.Options) { WriteIndented = true };

    /// <summary>The options of <see cref="GatewayApiJsonContext.Default"/> (read-only).</summary>
    public static JsonSerializerOptions Options => GatewayApiJsonContext.Default.Options;

    /// <summary>Serializes a Gateway API object, list, core kind or <see cref="UnknownObject"/> to JSON text.</summary>
    /// <param name="value">The object.</param>
    /// <param name="indented">Whether to indent the output.</param>
    public static string Serialize(object value, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is UnknownObject unknown)
        {
            unknown.SyncMetadata();
            return unknown.Content.ToJsonString(indented ? IndentedOptions : Options);
        }

        var typeInfo = TypeInfoFor(value.GetType(), indented);
        return JsonSerializer.Serialize(value, typeInfo);
    }

    /// <summary>Serializes an object to UTF-8 JSON bytes.</summary>
    /// <param name="value">The object.</param>
    public static byte[] SerializeToUtf8Bytes(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is UnknownObject unknown)
        {
            unknown.SyncMetadata();
            return JsonSerializer.SerializeToUtf8Bytes(unknown.Content, GatewayApiJsonContext.Default.JsonObject);
        }

        return JsonSerializer.SerializeToUtf8Bytes(value, TypeInfoFor(value.GetType(), indented: false));
    }

    /// <summary>Serializes an object to a <see cref="JsonElement"/>.</summary>
    /// <param name="value">The object.</param>
    public static JsonElement SerializeToElement(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is UnknownObject unknown)
        {
            unknown.SyncMetadata();
            return JsonSerializer.SerializeToElement(unknown.Content, GatewayApiJsonContext.Default.JsonObject);
        }

        return JsonSerializer.SerializeToElement(value, TypeInfoFor(value.GetType(), indented: false));
    }

    /// <summary>
    /// Deserializes JSON text into a known type (a kind, a list, a core kind). Malformed JSON or a value of the
    /// wrong type throws a <see cref="ManifestException"/> naming the field path, line and column.
    /// </summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">A name for the input in error messages, such as a file name.</param>
    public static T Deserialize<T>(string json, string? source = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        var typeInfo = (JsonTypeInfo<T>)TypeInfoFor(typeof(T), indented: false);
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new ManifestException(ManifestErrorKind.NotAnObject, "The document is null.", new ManifestLocation(source, 0));
        }
        catch (JsonException exception)
        {
            throw ManifestErrors.FromJsonException(exception, json, source, 0, pathPrefix: null);
        }
    }

    /// <summary>
    /// Reads one JSON document into the typed object its <c>apiVersion</c> and <c>kind</c> name (an
    /// <see cref="UnknownObject"/> for kinds the SDK does not model).
    /// </summary>
    /// <param name="json">The JSON text of one object.</param>
    /// <param name="source">A name for the input in error messages.</param>
    public static IKubernetesObject Deserialize(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var manifests = ManifestReader.Read(json, source);
        return manifests.Count == 1
            ? manifests[0].Object
            : throw new ManifestException(ManifestErrorKind.NotAnObject, $"Expected one object, found {manifests.Count}.", new ManifestLocation(source, 0));
    }

    internal static JsonTypeInfo TypeInfoFor(Type type, bool indented)
    {
        var options = indented ? IndentedOptions : Options;
        return options.TryGetTypeInfo(type, out var typeInfo)
            ? typeInfo
            : throw new NotSupportedException($"{type} is not a Gateway API kind, list or supported core kind.");
    }

    internal static JsonObject? ParseObject(ReadOnlySpan<byte> utf8Json)
        => JsonSerializer.Deserialize(utf8Json, GatewayApiJsonContext.Default.JsonObject);
}
