using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayApi.Models.Validation.Schema;

namespace GatewayApi.Models.Validation;

/// <summary>
/// The API server's structural steps before validation (validation digest §1, §5): pruning of fields the
/// channel's schema does not declare, dropping of JSON nulls, and schema defaulting, top-down, only inside
/// objects that exist, never over a present value.
/// </summary>
internal static class Structural
{
    /// <summary>
    /// Prunes (when <paramref name="prune"/>) and defaults a node in place. Each pruned unknown field adds an
    /// <c>unknown field "path"</c> warning, the text the API server returns with <c>fieldValidation=Warn</c>.
    /// Pruning is for validation, so it also turns document-backed scalars into plain values for the rules;
    /// without it (<see cref="GatewayApiDefaults"/>) the caller's values are returned as they came.
    /// </summary>
    public static void PruneAndDefault(JsonNode? node, SchemaNode schema, FieldPathBuilder path, List<string>? warnings, bool prune)
    {
        switch (schema)
        {
            case ObjectSchema objectSchema when node is JsonObject obj && !objectSchema.Opaque:
                VisitObject(obj, objectSchema, path, warnings, prune);
                break;
            case ArraySchema arraySchema when node is JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (prune && Materialize(array[i]) is { } value)
                    {
                        array[i] = value;
                    }

                    var mark = path.PushIndex(i);
                    PruneAndDefault(array[i], arraySchema.Items, path, warnings, prune);
                    path.Pop(mark);
                }

                break;
        }
    }

    private static void VisitObject(JsonObject obj, ObjectSchema schema, FieldPathBuilder path, List<string>? warnings, bool prune)
    {
        if (schema.AdditionalProperties is { } values)
        {
            if (prune)
            {
                RemoveNulls(obj);
            }

            List<KeyValuePair<string, JsonNode>>? replaceValues = null;
            for (var i = 0; i < obj.Count; i++)
            {
                var (key, value) = obj.GetAt(i);
                if (prune && Materialize(value) is { } materialized)
                {
                    (replaceValues ??= []).Add(new(key, materialized));
                }
            }

            replaceValues?.ForEach(pair => obj[pair.Key] = pair.Value);
            if (values.Type is SchemaType.Object or SchemaType.Array)
            {
                foreach (var (key, value) in obj)
                {
                    var mark = path.PushProperty(key);
                    PruneAndDefault(value, values, path, warnings, prune);
                    path.Pop(mark);
                }
            }

            return;
        }

        List<string>? remove = null;
        List<KeyValuePair<string, JsonNode>>? replace = null;
        for (var i = 0; i < obj.Count; i++)
        {
            var (key, value) = obj.GetAt(i);
            if (prune && Materialize(value) is { } materialized)
            {
                (replace ??= []).Add(new(key, materialized));
            }

            var known = schema.Property(key) is not null;
            if (prune && !known)
            {
                warnings?.Add("unknown field \"" + path.Child(key) + "\"");
            }

            if ((prune && !known) || (value is null && (prune || schema.Property(key)?.Default is not null)))
            {
                (remove ??= []).Add(key);
            }
        }

        replace?.ForEach(pair => obj[pair.Key] = pair.Value);
        if (remove is not null)
        {
            foreach (var key in remove)
            {
                obj.Remove(key);
            }
        }

        foreach (var (name, property) in schema.Properties)
        {
            if (property.Default is { } defaultValue && !obj.ContainsKey(name))
            {
                obj[name] = defaultValue.DeepClone();
            }
        }

        if (obj.Count == 0)
        {
            return;
        }

        foreach (var (name, property) in schema.Properties)
        {
            if (property.Type is SchemaType.Object or SchemaType.Array && obj.TryGetPropertyValue(name, out var child) && child is not null)
            {
                var mark = path.PushProperty(name);
                PruneAndDefault(child, property, path, warnings, prune);
                path.Pop(mark);
            }
        }
    }

    /// <summary>
    /// A scalar still backed by the parsed document, as a plain .NET value instead (null when it is not such a
    /// scalar). Rules read the same strings many times; a document-backed value would allocate on every read.
    /// </summary>
    private static JsonValue? Materialize(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue(out JsonElement element))
        {
            return null;
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => JsonValue.Create(element.GetString()!),
            JsonValueKind.Number when element.TryGetInt64(out var integer) => JsonValue.Create(integer),
            JsonValueKind.True => JsonValue.Create(true),
            JsonValueKind.False => JsonValue.Create(false),
            _ => null,
        };
    }

    private static void RemoveNulls(JsonObject obj)
    {
        List<string>? remove = null;
        foreach (var (key, value) in obj)
        {
            if (value is null || value.GetValueKind() == JsonValueKind.Null)
            {
                (remove ??= []).Add(key);
            }
        }

        remove?.ForEach(key => obj.Remove(key));
    }
}
