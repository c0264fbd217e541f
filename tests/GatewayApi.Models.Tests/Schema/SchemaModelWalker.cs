using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace GatewayApi.Models.Tests.Schema;

internal enum SchemaFindingKind
{
    /// <summary>The schema has a property the model type lacks (no property with that JSON name).</summary>
    MissingInModel,

    /// <summary>The model has a property (by JSON name) the schema does not have.</summary>
    NotInSchema,

    /// <summary>The model property's CLR type cannot hold the schema's JSON type.</summary>
    TypeMismatch,

    /// <summary>A schema <c>enum</c> value is not among the KnownValues of the model's extensible value type.</summary>
    UnknownEnumValue,
}

internal sealed record SchemaFinding(SchemaFindingKind Kind, string Path, string Detail);

/// <summary>
/// Walks a CRD's <c>openAPIV3Schema</c> and a model type side by side (by <see cref="JsonPropertyNameAttribute"/>,
/// through <c>IList&lt;T&gt;</c>, <c>IDictionary&lt;string, V&gt;</c> and <c>Nullable&lt;T&gt;</c>, inherited
/// properties included) and reports every difference, not just the first.
/// </summary>
/// <remarks>
/// Paths look like <c>spec.rules[].filters[].type</c>: <c>[]</c> stands for the items of an array and
/// <c>{}</c> for the values of a map.
/// </remarks>
internal static class SchemaModelWalker
{
    /// <summary>The GEP-2257 duration pattern the CRDs put on every duration field.</summary>
    public const string DurationPattern = "^([0-9]{1,5}(h|m|s|ms)){1,4}$";

    private static readonly Assembly KubernetesAssembly = typeof(V1Condition).Assembly;

    public static IReadOnlyList<SchemaFinding> Compare(YamlMappingNode schema, Type clrType)
    {
        var findings = new List<SchemaFinding>();
        Walk(schema, clrType, string.Empty, ownerIsKubernetesType: false, findings);
        return findings;
    }

    public static bool IsExtensibleValue(Type type)
        => type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType
            && i.GetGenericTypeDefinition() == typeof(IExtensibleValue<>) && i.GetGenericArguments()[0] == type);

    /// <summary>The wire strings of an extensible value type's KnownValues.</summary>
    public static IReadOnlyList<string> KnownValues(Type extensibleValueType)
    {
        var known = extensibleValueType.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IEnumerable
            ?? throw new InvalidOperationException($"{extensibleValueType} has no public static KnownValues.");
        var valueProperty = extensibleValueType.GetProperty("Value")
            ?? throw new InvalidOperationException($"{extensibleValueType} has no Value property.");
        return known.Cast<object>().Select(v => (string)valueProperty.GetValue(v)!).ToList();
    }

    private static void Walk(YamlMappingNode node, Type declaredType, string path, bool ownerIsKubernetesType, List<SchemaFinding> findings)
    {
        var type = Nullable.GetUnderlyingType(declaredType) ?? declaredType;
        var schemaType = node.Text("type");
        switch (schemaType)
        {
            case "string":
                CheckString(node, type, path, ownerIsKubernetesType, findings);
                break;
            case "integer":
                CheckInteger(node, type, path, findings);
                break;
            case "boolean":
                Expect(type == typeof(bool), "boolean", type, "bool", path, findings);
                break;
            case "number":
                Expect(type == typeof(double) || type == typeof(decimal), "number", type, "double or decimal", path, findings);
                break;
            case "array":
                var element = ListElementType(type);
                if (element is null)
                {
                    Mismatch(path, $"schema type array, model type {Describe(type)}; expected IList<T>", findings);
                }
                else if (node.Mapping("items") is { } items)
                {
                    Walk(items, element, path + "[]", ownerIsKubernetesType, findings);
                }
                else
                {
                    Mismatch(path, "schema array without items", findings);
                }

                break;
            case "object":
                WalkObject(node, type, path, findings);
                break;
            default:
                Mismatch(path, $"schema type '{schemaType ?? "(none)"}' is not one this check knows", findings);
                break;
        }
    }

    private static void CheckString(YamlMappingNode node, Type type, string path, bool ownerIsKubernetesType, List<SchemaFinding> findings)
    {
        if (node.Text("format") == "date-time")
        {
            Expect(type == typeof(DateTime) || type == typeof(DateTimeOffset), "string (date-time)", type, "DateTime", path, findings);
            return;
        }

        // A duration is a string on the wire, but the SDK promises GatewayDuration for every GEP-2257 field.
        var isDuration = node.Text("pattern") == DurationPattern;
        if (isDuration || type == typeof(GatewayDuration))
        {
            Expect(isDuration && type == typeof(GatewayDuration), isDuration ? "string (GEP-2257 duration)" : "string (not a duration)", type,
                isDuration ? "GatewayDuration" : "string or an extensible value", path, findings);
            return;
        }

        var isExtensible = IsExtensibleValue(type);
        if (type != typeof(string) && !isExtensible)
        {
            Mismatch(path, $"schema type string, model type {Describe(type)}; expected string or an IExtensibleValue type", findings);
            return;
        }

        if (node.Child("enum") is not YamlSequenceNode enumValues)
        {
            return;
        }

        if (!isExtensible)
        {
            // KubernetesClient's own types (V1Condition.status) keep enums as plain strings; that is theirs to
            // decide. A Gateway API model must make a closed set of strings an extensible value type.
            if (!ownerIsKubernetesType)
            {
                Mismatch(path, $"schema enum [{string.Join(", ", EnumTexts(enumValues))}] is modelled as string; expected an IExtensibleValue type", findings);
            }

            return;
        }

        var known = KnownValues(type);
        foreach (var value in EnumTexts(enumValues))
        {
            if (!known.Contains(value, StringComparer.Ordinal))
            {
                findings.Add(new SchemaFinding(SchemaFindingKind.UnknownEnumValue, path,
                    $"enum value '{value}' is not in {type.Name}.KnownValues [{string.Join(", ", known)}]"));
            }
        }
    }

    private static void CheckInteger(YamlMappingNode node, Type type, string path, List<SchemaFinding> findings)
    {
        // An int-valued enum (a redirect's statusCode: 301, 302, ...) is modelled as int, not as an extensible
        // value (those are strings on the wire), so its values are not compared with any KnownValues.
        switch (node.Text("format"))
        {
            case "int64":
                Expect(type == typeof(long), "integer (int64)", type, "long", path, findings);
                break;
            default:
                Expect(type == typeof(int) || type == typeof(long), "integer", type, "int or long", path, findings);
                break;
        }
    }

    private static void WalkObject(YamlMappingNode node, Type type, string path, List<SchemaFinding> findings)
    {
        // metadata is the standard Kubernetes ObjectMeta (the CRD leaves it a bare object): KubernetesClient owns it.
        if (type == typeof(V1ObjectMeta) || type == typeof(V1ListMeta))
        {
            return;
        }

        if (node.Mapping("properties") is { } properties)
        {
            if (!type.IsClass || type == typeof(string) || ListElementType(type) is not null || DictionaryValueType(type) is not null)
            {
                Mismatch(path, $"schema object with properties, model type {Describe(type)}; expected a class", findings);
                return;
            }

            var isKubernetesType = type.Assembly == KubernetesAssembly;
            if (!isKubernetesType && !typeof(SchemaObject).IsAssignableFrom(type))
            {
                Mismatch(path, $"{Describe(type)} does not derive from SchemaObject, so unknown fields would be lost", findings);
            }

            var modelProperties = JsonProperties(type, path, findings);
            var schemaNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in properties.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                schemaNames.Add(name);
                var childPath = path.Length == 0 ? name : path + "." + name;
                if (!modelProperties.TryGetValue(name, out var property))
                {
                    findings.Add(new SchemaFinding(SchemaFindingKind.MissingInModel, childPath,
                        $"{Describe(type)} has no property with [JsonPropertyName(\"{name}\")]"));
                }
                else if (value is YamlMappingNode child)
                {
                    Walk(child, property.PropertyType, childPath, isKubernetesType, findings);
                }
            }

            foreach (var (name, property) in modelProperties)
            {
                if (!schemaNames.Contains(name))
                {
                    findings.Add(new SchemaFinding(SchemaFindingKind.NotInSchema, path.Length == 0 ? name : path + "." + name,
                        $"{Describe(type)}.{property.Name} has no counterpart in the schema"));
                }
            }

            return;
        }

        if (node.Mapping("additionalProperties") is { } additional)
        {
            var valueType = DictionaryValueType(type);
            if (valueType is null)
            {
                Mismatch(path, $"schema map (additionalProperties), model type {Describe(type)}; expected IDictionary<string, V>", findings);
                return;
            }

            Walk(additional, valueType, path + "{}", type.Assembly == KubernetesAssembly, findings);
            return;
        }

        Mismatch(path, $"schema object without properties or additionalProperties, model type {Describe(type)}", findings);
    }

    /// <summary>The type's public instance properties by JSON name, inherited ones included; ExtensionData and ignored properties left out.</summary>
    private static Dictionary<string, PropertyInfo> JsonProperties(Type type, string path, List<SchemaFinding> findings)
    {
        var result = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0
                || property.IsDefined(typeof(JsonExtensionDataAttribute), inherit: true)
                || property.GetCustomAttribute<JsonIgnoreAttribute>(inherit: true) is { Condition: JsonIgnoreCondition.Always })
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>(inherit: true)?.Name;
            if (name is null)
            {
                // Without an explicit name the wire name would depend on serializer options; the models always say it.
                Mismatch(path, $"{Describe(type)}.{property.Name} has no [JsonPropertyName]", findings);
                continue;
            }

            if (!result.TryAdd(name, property))
            {
                Mismatch(path, $"{Describe(type)} has two properties named \"{name}\" ({result[name].Name}, {property.Name})", findings);
            }
        }

        return result;
    }

    private static Type? ListElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var list = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>));
        return list?.GetGenericArguments()[0];
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary is not null && dictionary.GetGenericArguments()[0] == typeof(string) ? dictionary.GetGenericArguments()[1] : null;
    }

    private static IEnumerable<string> EnumTexts(YamlSequenceNode values)
        => values.Children.Select(v => (v as YamlScalarNode)?.Value ?? v.ToString());

    private static void Expect(bool ok, string schemaType, Type type, string expected, string path, List<SchemaFinding> findings)
    {
        if (!ok)
        {
            Mismatch(path, $"schema type {schemaType}, model type {Describe(type)}; expected {expected}", findings);
        }
    }

    private static void Mismatch(string path, string detail, List<SchemaFinding> findings)
        => findings.Add(new SchemaFinding(SchemaFindingKind.TypeMismatch, path.Length == 0 ? "(root)" : path, detail));

    private static string Describe(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
    }
}
