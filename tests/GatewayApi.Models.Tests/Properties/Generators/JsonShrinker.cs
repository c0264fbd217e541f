using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayApi.Models.Serialization;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>
/// Shrinks any Gateway API object by its JSON: each candidate leaves out one field or one list item, outermost
/// first, so FsCheck first drops whole subtrees and ends at the few fields a failure needs.
/// </summary>
internal static class JsonShrinker
{
    public static IEnumerable<T> Shrink<T>(T value)
        where T : GatewayApiObject
    {
        var type = value.GetType();
        var json = GatewayApiJson.Serialize(value);
        var root = JsonNode.Parse(json)!;
        foreach (var path in RemovablePaths(root))
        {
            var smaller = root.DeepClone();
            Remove(smaller, path);

            // Only strictly smaller objects: a field the model writes back anyway (an empty metadata, say)
            // would otherwise shrink to itself forever.
            if (TryRead(smaller.ToJsonString(), type) is T candidate && GatewayApiJson.Serialize(candidate).Length < json.Length)
            {
                yield return candidate;
            }
        }
    }

    // Breadth first: a field's path comes before the paths inside it. apiVersion and kind stay, so every
    // candidate is still the same kind.
    private static List<object[]> RemovablePaths(JsonNode root)
    {
        var paths = new List<object[]>();
        var pending = new Queue<(JsonNode Node, object[] Path)>();
        pending.Enqueue((root, []));
        while (pending.Count > 0)
        {
            var (node, path) = pending.Dequeue();
            var children = node switch
            {
                JsonObject jsonObject => jsonObject
                    .Where(property => path.Length > 0 || property.Key is not ("apiVersion" or "kind"))
                    .Select(property => ((object)property.Key, property.Value)),
                JsonArray jsonArray => jsonArray.Select((item, index) => ((object)index, item)),
                _ => [],
            };
            foreach (var (segment, child) in children)
            {
                object[] childPath = [.. path, segment];
                paths.Add(childPath);
                if (child is not null)
                {
                    pending.Enqueue((child, childPath));
                }
            }
        }

        return paths;
    }

    private static void Remove(JsonNode root, object[] path)
    {
        var parent = root;
        foreach (var segment in path[..^1])
        {
            parent = segment is string name ? parent[name]! : parent[(int)segment]!;
        }

        if (path[^1] is string key)
        {
            parent.AsObject().Remove(key);
        }
        else
        {
            parent.AsArray().RemoveAt((int)path[^1]);
        }
    }

    private static object? TryRead(string json, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type, GatewayApiJson.Options);
        }
        catch (JsonException)
        {
            // A candidate the model cannot hold is no use for shrinking.
            return null;
        }
    }
}
