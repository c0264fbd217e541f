using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayApi.Models.Validation.Rules;
using GatewayApi.Models.Validation.Schema;

namespace GatewayApi.Models.Validation;

/// <summary>
/// Walks a pruned and defaulted object against its schema: every OpenAPI constraint (with the API server's
/// messages) and, at each node, the CEL rules declared there (once per node instance, after its children).
/// </summary>
internal sealed class SchemaValidator
{
    private readonly List<FieldError> _errors;
    private readonly FieldPathBuilder _path = new();

    public SchemaValidator(List<FieldError> errors)
    {
        _errors = errors;
    }

    /// <summary>Validates the object root; <paramref name="old"/> is the old object on update (for transition rules).</summary>
    public void ValidateRoot(JsonObject root, ObjectSchema schema, JsonObject? old) => Validate(root, schema, old);

    private void Validate(JsonNode? node, SchemaNode schema, JsonNode? old)
    {
        var actual = JsonTypeOf(node);
        if (!Matches(actual, schema.Type))
        {
            var expected = schema.TypeName;
            var here = _path.ToString();
            Add(FieldErrorType.TypeInvalid, actual, $"{here} in body must be of type {expected}: {GoFormat.Quote(actual)}");
            return;
        }

        switch (schema)
        {
            case ObjectSchema objectSchema:
                ValidateObject((JsonObject)node!, objectSchema, old as JsonObject);
                break;
            case ArraySchema arraySchema:
                ValidateArray((JsonArray)node!, arraySchema, old as JsonArray);
                break;
            case StringSchema stringSchema:
                ValidateString(node!.GetValue<string>(), stringSchema);
                break;
            case IntegerSchema integerSchema:
                ValidateInteger(ReadInteger((JsonValue)node!), integerSchema);
                break;
        }

        if (schema.Rules.Length > 0)
        {
            EvaluateRules(node!, schema, old);
        }
    }

    private void ValidateObject(JsonObject obj, ObjectSchema schema, JsonObject? old)
    {
        if (schema.Opaque)
        {
            return;
        }

        foreach (var required in schema.Required)
        {
            if (!obj.TryGetPropertyValue(required, out var value) || value is null)
            {
                _errors.Add(new FieldError
                {
                    Type = FieldErrorType.Required,
                    Field = _path.Child(required),
                    BadValue = null,
                    Detail = string.Empty,
                    Origin = FieldErrorOrigin.Schema,
                });
            }
        }

        if (schema.AdditionalProperties is { } values)
        {
            if (schema.MaxProperties is { } maxProperties && obj.Count > maxProperties)
            {
                Add(FieldErrorType.TooMany, (long)obj.Count, $"must have at most {maxProperties} items");
            }

            for (var i = 0; i < obj.Count; i++)
            {
                var (key, value) = obj.GetAt(i);
                var mark = _path.PushProperty(key);
                Validate(value, values, old?[key]);
                _path.Pop(mark);
            }

            return;
        }

        for (var i = 0; i < obj.Count; i++)
        {
            var (key, value) = obj.GetAt(i);
            if (schema.Property(key) is not { } property)
            {
                // Only reachable when validating without pruning; the API server would have dropped the field.
                continue;
            }

            var mark = _path.PushProperty(key);
            Validate(value, property, old is not null && old.TryGetPropertyValue(key, out var oldValue) ? oldValue : null);
            _path.Pop(mark);
        }

        if (schema.IpAddressValueOneOf)
        {
            ValidateIpAddressOneOf(obj);
        }
    }

    private void ValidateArray(JsonArray array, ArraySchema schema, JsonArray? old)
    {
        if (schema.MinItems is { } minItems && array.Count < minItems)
        {
            var here = _path.ToString();
            Add(FieldErrorType.Invalid, (long)array.Count, $"{here} in body should have at least {minItems} items");
        }

        if (schema.MaxItems is { } maxItems && array.Count > maxItems)
        {
            Add(FieldErrorType.TooMany, (long)array.Count, $"must have at most {maxItems} items");
        }

        if (schema.ListType == "set")
        {
            ValidateSetUniqueness(array);
        }
        else if (schema.ListType == "map")
        {
            ValidateMapKeys(array, schema.MapKeys);
        }

        for (var i = 0; i < array.Count; i++)
        {
            var mark = _path.PushIndex(i);
            var item = array[i];
            Validate(item, schema.Items, schema.ListType == "map" && old is not null ? FindByKeys(old, item, schema.MapKeys) : null);
            _path.Pop(mark);
        }
    }

    private void ValidateString(string value, StringSchema schema)
    {
        if (schema.MaxLength is { } maxLength || schema.MinLength is not null)
        {
            var length = RuneCount(value);
            if (schema.MaxLength is { } max && length > max)
            {
                // Kubernetes field.TooLong; the value itself is not printed.
                Add(FieldErrorType.TooLong, value, $"may not be more than {max} {(max == 1 ? "byte" : "bytes")}");
            }

            if (schema.MinLength is { } min && length < min)
            {
                Add(FieldErrorType.Invalid, value, $"{_path} in body should be at least {min} chars long");
            }
        }

        if (schema.Pattern is { } pattern && !pattern.IsMatch(value))
        {
            Add(FieldErrorType.Invalid, value, $"{_path} in body should match '{pattern.Source}'");
        }

        if (schema.Enum is { } values && Array.IndexOf(values, value) < 0)
        {
            Add(FieldErrorType.NotSupported, value, SupportedValues(values));
        }

        if (schema.Format == "date-time" && !IsDateTime(value))
        {
            Add(FieldErrorType.TypeInvalid, value, $"{_path} in body must be of type date-time: {GoFormat.Quote(value)}");
        }
    }

    private void ValidateInteger(long value, IntegerSchema schema)
    {
        if (schema.Minimum is { } minimum && value < minimum)
        {
            Add(FieldErrorType.Invalid, value, $"{_path} in body should be greater than or equal to {minimum.ToString(CultureInfo.InvariantCulture)}");
        }

        if (schema.Maximum is { } maximum && value > maximum)
        {
            Add(FieldErrorType.Invalid, value, $"{_path} in body should be less than or equal to {maximum.ToString(CultureInfo.InvariantCulture)}");
        }

        if (schema.Enum is { } values && Array.IndexOf(values, value) < 0)
        {
            // Non-string enum members are JSON-encoded, then quoted, by the API server.
            Add(FieldErrorType.NotSupported, value, SupportedValues(values.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>
    /// The address <c>oneOf</c>: with type <c>IPAddress</c> a present value must have format ipv4 or ipv6. The
    /// API server reports the failed <c>oneOf</c>, the failed <c>anyOf</c>, and the first format it tried.
    /// </summary>
    private void ValidateIpAddressOneOf(JsonObject address)
    {
        if (!address.TryGetPropertyValue("type", out var typeNode) || typeNode is not JsonValue typeValue
            || typeValue.GetValueKind() != JsonValueKind.String || typeValue.GetValue<string>() != "IPAddress")
        {
            return;
        }

        if (!address.TryGetPropertyValue("value", out var valueNode) || valueNode is not JsonValue value
            || value.GetValueKind() != JsonValueKind.String)
        {
            return;
        }

        var text = value.GetValue<string>();
        if (GoNet.IsFormatIPv4(text) || GoNet.IsFormatIPv6(text))
        {
            return;
        }

        var here = _path.ToString();
        var valuePath = here + ".value";
        Add(FieldErrorType.Invalid, string.Empty, $"{here} in body must validate one and only one schema (oneOf). Found none valid");
        _errors.Add(new FieldError { Type = FieldErrorType.Invalid, Field = valuePath, BadValue = string.Empty, Detail = $"{valuePath} in body must validate at least one schema (anyOf)", Origin = FieldErrorOrigin.Schema });
        _errors.Add(new FieldError { Type = FieldErrorType.TypeInvalid, Field = valuePath, BadValue = text, Detail = $"{valuePath} in body must be of type ipv4: {GoFormat.Quote(text)}", Origin = FieldErrorOrigin.Schema });
    }

    private void ValidateSetUniqueness(JsonArray array)
    {
        for (var i = 1; i < array.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonNode.DeepEquals(array[i], array[j]))
                {
                    var mark = _path.PushIndex(i);
                    Add(FieldErrorType.Duplicate, ScalarValue(array[i]), string.Empty);
                    _path.Pop(mark);
                    break;
                }
            }
        }
    }

    private void ValidateMapKeys(JsonArray array, string[] keys)
    {
        for (var i = 1; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item)
            {
                continue;
            }

            for (var j = 0; j < i; j++)
            {
                if (array[j] is JsonObject earlier && SameKeys(item, earlier, keys))
                {
                    var key = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var name in keys)
                    {
                        key[name] = item.TryGetPropertyValue(name, out var part) ? ScalarValue(part) : null;
                    }

                    var mark = _path.PushIndex(i);
                    Add(FieldErrorType.Duplicate, new Dictionary<string, object?>(key), string.Empty);
                    _path.Pop(mark);
                    break;
                }
            }
        }
    }

    private void EvaluateRules(JsonNode self, SchemaNode schema, JsonNode? old)
    {
        foreach (var rule in schema.Rules)
        {
            if (rule.IsTransition && old is null)
            {
                continue;
            }

            string? detail;
            try
            {
                detail = rule.Check(new CelContext(self, old)) ? null : rule.Message;
            }
            catch (CelEvaluationException exception)
            {
                detail = exception.Message + " evaluating rule: " + rule.Message;
            }
            catch (Exception exception) when (exception is InvalidOperationException or InvalidCastException or FormatException)
            {
                detail = "no such overload evaluating rule: " + rule.Message;
            }

            if (detail is null)
            {
                continue;
            }

            var field = _path.ToString();
            if (rule.FieldPath is { Length: > 0 } relative)
            {
                field = field.Length == 0 ? relative.TrimStart('.') : field + relative;
            }

            var type = rule.Reason switch
            {
                "FieldValueRequired" => FieldErrorType.Required,
                "FieldValueForbidden" => FieldErrorType.Forbidden,
                "FieldValueDuplicate" => FieldErrorType.Duplicate,
                _ => FieldErrorType.Invalid,
            };
            _errors.Add(new FieldError { Type = type, Field = field, BadValue = schema.TypeName, Detail = detail, Origin = FieldErrorOrigin.Rule });
        }
    }

    private void Add(FieldErrorType type, object? badValue, string detail)
        => _errors.Add(new FieldError { Type = type, Field = _path.ToString(), BadValue = badValue, Detail = detail, Origin = FieldErrorOrigin.Schema });

    internal static string SupportedValues(IEnumerable<string> values)
    {
        var builder = new StringBuilder("supported values: ");
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            GoFormat.AppendQuoted(builder, value);
        }

        return builder.ToString();
    }

    /// <summary>The JSON type name kube-openapi reports: string, integer, number, boolean, array, object or null.</summary>
    internal static string JsonTypeOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => JsonValues.TryGetInteger(value, out _) ? "integer" : "number",
            JsonValueKind.Null => "null",
            _ => "object",
        },
        _ => "object",
    };

    private static bool Matches(string actual, SchemaType expected) => expected switch
    {
        SchemaType.Object => actual == "object",
        SchemaType.Array => actual == "array",
        SchemaType.String => actual == "string",
        SchemaType.Integer => actual == "integer",
        _ => actual == "boolean",
    };

    private static long ReadInteger(JsonValue value)
        => JsonValues.TryGetInteger(value, out var number) ? number : 0;

    private static object? ScalarValue(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when JsonValues.TryGetInteger(value, out var number) => number,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValueKind() == JsonValueKind.True,
        null => null,
        _ => node.ToJsonString(),
    };

    private static bool SameKeys(JsonObject a, JsonObject b, string[] keys)
    {
        foreach (var key in keys)
        {
            a.TryGetPropertyValue(key, out var left);
            b.TryGetPropertyValue(key, out var right);
            if (!JsonNode.DeepEquals(left, right))
            {
                return false;
            }
        }

        return true;
    }

    private static JsonNode? FindByKeys(JsonArray old, JsonNode? item, string[] keys)
    {
        if (item is not JsonObject current)
        {
            return null;
        }

        foreach (var candidate in old)
        {
            if (candidate is JsonObject candidateObject && SameKeys(current, candidateObject, keys))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int RuneCount(string value)
    {
        // Fast path: no surrogates means one rune per char.
        if (!value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return value.Length;
        }

        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// kube-openapi's <c>strfmt.IsDateTime</c>: a valid <c>yyyy-MM-dd</c> date, <c>T</c> (any case), then
    /// <c>hh:mm:ss[.fraction]</c> and <c>Z</c> or a <c>±hh:mm</c> offset.
    /// </summary>
    internal static bool IsDateTime(string value)
    {
        if (value.Length < 4)
        {
            return false;
        }

        var lower = value.ToLowerInvariant();
        var parts = lower.Split('t');
        if (parts.Length < 2 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        var time = parts[1];
        if (time.Length < 8 || time[2] != ':' || time[5] != ':'
            || !IsDigits(time.AsSpan(0, 2)) || !IsDigits(time.AsSpan(3, 2)) || !IsDigits(time.AsSpan(6, 2)))
        {
            return false;
        }

        var rest = time.AsSpan(8);
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 1)
            {
                return false;
            }

            rest = rest[digits..];
        }

        var zoneValid = rest is "z"
            || (rest.Length == 6 && (rest[0] == '+' || rest[0] == '-') && IsDigits(rest.Slice(1, 2)) && rest[3] == ':' && IsDigits(rest.Slice(4, 2)));
        return zoneValid
            && string.CompareOrdinal(time, 0, "23", 0, 2) <= 0
            && string.CompareOrdinal(time, 3, "59", 0, 2) <= 0
            && string.CompareOrdinal(time, 6, "59", 0, 2) <= 0;

        static bool IsDigits(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
