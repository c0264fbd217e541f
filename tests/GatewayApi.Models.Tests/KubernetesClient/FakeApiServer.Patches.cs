using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GatewayApi.Models.Tests.KubernetesClient;

internal sealed partial class FakeApiServer
{
    /// <summary>RFC 7386 JSON merge patch: objects merge key by key, null removes a key, anything else replaces.</summary>
    private static JsonNode? ApplyMergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            result.Remove(key, out var existing);
            result[key] = ApplyMergePatch(existing, value);
        }

        return result;
    }

    /// <summary>RFC 6902 JSON patch: the add, remove, replace and test operations.</summary>
    private static JsonNode ApplyJsonPatch(JsonNode document, JsonArray operations)
    {
        foreach (var operation in operations)
        {
            var op = (string?)operation?["op"];
            var path = (string?)operation?["path"] ?? throw Invalid("an operation has no path");
            var tokens = path.Length == 0
                ? []
                : path[1..].Split('/').Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            if (tokens.Length == 0)
            {
                throw Invalid("operations on the whole document are not supported");
            }

            var parent = Resolve(document, tokens[..^1]) ?? throw Invalid($"the parent of {path} does not exist");
            var last = tokens[^1];
            switch (op)
            {
                case "add":
                    Add(parent, last, operation!["value"]?.DeepClone(), path);
                    break;
                case "remove":
                    Remove(parent, last, path);
                    break;
                case "replace":
                    Remove(parent, last, path);
                    Add(parent, last, operation!["value"]?.DeepClone(), path);
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Resolve(parent, [last]), operation!["value"]))
                    {
                        throw Invalid($"the test of {path} failed");
                    }

                    break;
                default:
                    throw Invalid($"the operation '{op}' is not supported");
            }
        }

        return document;
    }

    private static JsonNode? Resolve(JsonNode? node, string[] tokens)
    {
        foreach (var token in tokens)
        {
            node = node switch
            {
                JsonObject json => json[token],
                JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }

    private static void Add(JsonNode parent, string token, JsonNode? value, string path)
    {
        switch (parent)
        {
            case JsonObject json:
                json[token] = value;
                break;
            case JsonArray array when token == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= array.Count:
                array.Insert(index, value);
                break;
            default:
                throw Invalid($"cannot add at {path}");
        }
    }

    private static void Remove(JsonNode parent, string token, string path)
    {
        var removed = parent switch
        {
            JsonObject json => json.Remove(token),
            JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => RemoveAt(array, index),
            _ => false,
        };
        if (!removed)
        {
            throw Invalid($"nothing to remove at {path}");
        }

        static bool RemoveAt(JsonArray array, int index)
        {
            array.RemoveAt(index);
            return true;
        }
    }

    private static ApiError Invalid(string message)
        => new(StatusCodes.Status422UnprocessableEntity, "Invalid", "the JSON patch could not be applied: " + message);
}
