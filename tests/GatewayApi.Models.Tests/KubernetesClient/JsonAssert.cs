using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayApi.Models.Serialization;
using Xunit.Sdk;

namespace GatewayApi.Models.Tests.KubernetesClient;

/// <summary>JSON tree comparisons with both trees in the failure message.</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Asserts two JSON trees are equal: same members and values, member order ignored.</summary>
    public static void Equal(JsonNode? expected, JsonNode? actual, string? what = null)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            throw new XunitException(
                $"{what ?? "JSON"} differs.{Environment.NewLine}Expected: {expected?.ToJsonString(Indented) ?? "null"}{Environment.NewLine}Actual:   {actual?.ToJsonString(Indented) ?? "null"}");
        }
    }

    /// <summary>Asserts a typed object serializes (with the product's serializer) to the expected JSON tree.</summary>
    public static void SerializesTo(JsonNode expected, object typed, string? what = null)
        => Equal(expected, Ours(typed), what);

    /// <summary>The product's JSON for an object, as a tree.</summary>
    public static JsonNode Ours(object typed) => JsonNode.Parse(GatewayApiJson.Serialize(typed))!;
}
