using System.Text.Json;
using System.Text.Json.Nodes;

namespace GatewayApi.Models.Validation.Rules;

/// <summary>
/// The few CEL operations the v1.6.1 rules use, over <see cref="JsonNode"/> values: <c>has()</c>, field selection
/// (an error when absent), <c>size()</c>, and the <c>all</c>/<c>exists</c>/<c>exists_one</c>/<c>filter</c> macros
/// and <c>&amp;&amp;</c>/<c>||</c> with CEL's error semantics (an error is absorbed only when the other side
/// decides the result).
/// </summary>
internal static class Cel
{
    /// <summary><c>has(node.field)</c>: the field is present (nulls were pruned before rules run).</summary>
    public static bool Has(JsonNode? node, string field)
        => node is JsonObject obj && obj.TryGetPropertyValue(field, out var value) && value is not null;

    /// <summary><c>node.field</c>: the value, or a <c>no such key</c> error when the field is absent.</summary>
    public static JsonNode Get(JsonNode? node, string field)
        => node is JsonObject obj && obj.TryGetPropertyValue(field, out var value) && value is not null
            ? value
            : throw CelEvaluationException.NoSuchKey(field);

    /// <summary><c>node.field</c> as a string.</summary>
    public static string Str(JsonNode? node, string field) => AsString(Get(node, field));

    /// <summary><c>node.field</c> as an integer.</summary>
    public static long Int(JsonNode? node, string field) => AsInt(Get(node, field));

    /// <summary><c>node.field</c> as a list.</summary>
    public static JsonArray List(JsonNode? node, string field)
        => Get(node, field) as JsonArray ?? throw CelEvaluationException.NoSuchOverload();

    /// <summary>A node as a CEL string.</summary>
    public static string AsString(JsonNode node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw CelEvaluationException.NoSuchOverload();

    /// <summary>A node as a CEL int.</summary>
    public static long AsInt(JsonNode node)
        => node is JsonValue value && JsonValues.TryGetInteger(value, out var number) ? number : throw CelEvaluationException.NoSuchOverload();

    /// <summary><c>size()</c> of a string (code points), list or map.</summary>
    public static long Size(JsonNode node) => node switch
    {
        JsonArray array => array.Count,
        JsonObject obj => obj.Count,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => CountRunes(value.GetValue<string>()),
        _ => throw CelEvaluationException.NoSuchOverload(),
    };

    /// <summary>CEL equality of two JSON values (heterogeneous types compare unequal).</summary>
    public static bool Equal(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);

    /// <summary><c>a || b</c> with CEL's commutative error handling (an error on one side is absorbed when the other is true).</summary>
    public static bool Or<T>(T state, Func<T, bool> left, Func<T, bool> right)
    {
        CelEvaluationException? leftError = null;
        try
        {
            if (left(state))
            {
                return true;
            }
        }
        catch (CelEvaluationException exception)
        {
            leftError = exception;
        }

        // cel-go keeps the first error it meets, so a left-hand error wins over a right-hand one.
        bool result;
        try
        {
            result = right(state);
        }
        catch (CelEvaluationException) when (leftError is not null)
        {
            throw leftError;
        }

        return result || (leftError is not null ? throw leftError : false);
    }

    /// <summary><c>a &amp;&amp; b</c> with CEL's commutative error handling (an error on one side is absorbed when the other is false).</summary>
    public static bool And<T>(T state, Func<T, bool> left, Func<T, bool> right)
    {
        CelEvaluationException? leftError = null;
        try
        {
            if (!left(state))
            {
                return false;
            }
        }
        catch (CelEvaluationException exception)
        {
            leftError = exception;
        }

        bool result;
        try
        {
            result = right(state);
        }
        catch (CelEvaluationException) when (leftError is not null)
        {
            throw leftError;
        }

        return result && (leftError is not null ? throw leftError : true);
    }

    /// <summary><c>list.all(x, p)</c>: false if any element is false, else an error if any errs, else true.</summary>
    public static bool All<T>(JsonNode list, T state, Func<JsonNode, T, bool> predicate)
    {
        CelEvaluationException? error = null;
        var count = Count(list);
        for (var i = 0; i < count; i++)
        {
            try
            {
                if (!predicate(Item(list, i), state))
                {
                    return false;
                }
            }
            catch (CelEvaluationException exception)
            {
                error ??= exception;
            }
        }

        return error is not null ? throw error : true;
    }

    /// <summary><c>list.all(x, p)</c> for a predicate that needs no state.</summary>
    public static bool All(JsonNode list, Func<JsonNode, bool> predicate) => All(list, predicate, static (item, p) => p(item));

    /// <summary><c>list.exists(x, p)</c>: true if any element is true, else an error if any errs, else false.</summary>
    public static bool Exists<T>(JsonNode list, T state, Func<JsonNode, T, bool> predicate)
    {
        CelEvaluationException? error = null;
        var count = Count(list);
        for (var i = 0; i < count; i++)
        {
            try
            {
                if (predicate(Item(list, i), state))
                {
                    return true;
                }
            }
            catch (CelEvaluationException exception)
            {
                error ??= exception;
            }
        }

        return error is not null ? throw error : false;
    }

    /// <summary><c>list.exists(x, p)</c> for a predicate that needs no state.</summary>
    public static bool Exists(JsonNode list, Func<JsonNode, bool> predicate) => Exists(list, predicate, static (item, p) => p(item));

    /// <summary><c>list.exists_one(x, p)</c>: exactly one element is true; any error is an error.</summary>
    public static bool ExistsOne<T>(JsonNode list, T state, Func<JsonNode, T, bool> predicate) => CountWhere(list, state, predicate) == 1;

    /// <summary><c>list.exists_one(x, p)</c> for a predicate that needs no state.</summary>
    public static bool ExistsOne(JsonNode list, Func<JsonNode, bool> predicate) => CountWhere(list, predicate, static (item, p) => p(item)) == 1;

    /// <summary><c>list.filter(x, p).size()</c>; any error is an error.</summary>
    public static int CountWhere<T>(JsonNode list, T state, Func<JsonNode, T, bool> predicate)
    {
        var matches = 0;
        var count = Count(list);
        for (var i = 0; i < count; i++)
        {
            if (predicate(Item(list, i), state))
            {
                matches++;
            }
        }

        return matches;
    }

    private static int Count(JsonNode list) => list switch
    {
        JsonArray array => array.Count,
        JsonObject map => map.Count,
        _ => throw CelEvaluationException.NoSuchOverload(),
    };

    // CEL macros over a map range over its keys.
    private static JsonNode Item(JsonNode list, int index)
        => list is JsonArray array
            ? array[index] ?? throw CelEvaluationException.NoSuchOverload()
            : JsonValue.Create(((JsonObject)list).GetAt(index).Key);

    /// <summary>A string field that may be absent, as the rules' <c>(!has(x.f) || x.f == '')</c> idiom reads it.</summary>
    public static bool IsUnsetOrEmpty(JsonNode node, string field)
        => !Has(node, field) || (Get(node, field) is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0);

    private static long CountRunes(string text)
    {
        long count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
