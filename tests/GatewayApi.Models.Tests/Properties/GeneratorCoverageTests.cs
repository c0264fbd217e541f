using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using GatewayApi.Models.Tests.Properties.Generators;

namespace GatewayApi.Models.Tests.Properties;

/// <summary>
/// The round-trip properties prove only as much as their generators produce. These tests sample the
/// generators (with a fixed seed) and check that every JSON field of every object type a kind can reach
/// occurs both absent and present, every list both empty and filled, every open enum both known and unknown,
/// and every object type with unknown fields. A field added to the models and not to the generators fails here.
/// </summary>
public class GeneratorCoverageTests
{
    private const int Samples = 400;

    public static TheoryData<string> KindNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in GeneratedKinds.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    private static Dictionary<string, (Type Type, Gen<GatewayApiObject> Gen)> GeneratedKinds { get; } =
        GatewayApiArbitraries.EveryKind
            .Select(gen => (Type: gen.Sample(1, new Rnd(1), 10)[0].GetType(), Gen: gen))
            .ToDictionary(entry => entry.Type.Name, entry => entry);

    [Fact]
    public void EveryRegisteredGatewayApiKind_HasAGenerator()
    {
        var registered = GatewayApi.Models.Serialization.GatewayApiKinds.All.Where(kind => kind.IsGatewayApi).Select(kind => kind.ClrType.Name).Order();
        Assert.Equal(registered, GeneratedKinds.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Generator_CoversEveryFieldAbsentAndPresent_EveryListEmptyAndFilled_EveryEnumKnownAndUnknown(string kindName)
    {
        var (type, gen) = GeneratedKinds[kindName];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in gen.Sample(Samples, new Rnd(20240601), 10))
        {
            Observe(value, seen);
        }

        var missing = Required(type).Where(requirement => !seen.Contains(requirement)).Order().ToList();
        Assert.True(missing.Count == 0, $"{kindName}: the generator never produced: {string.Join(", ", missing)}");
    }

    // What the generator must produce for every object type reachable from the kind.
    private static IEnumerable<string> Required(Type kind)
    {
        var visited = new HashSet<Type>();
        var pending = new Queue<Type>([kind]);
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!visited.Add(type))
            {
                continue;
            }

            yield return $"{type.Name} with unknown fields";
            foreach (var (property, name) in JsonProperties(type))
            {
                var field = $"{type.Name}.{name}";
                var alwaysSet = type == kind && name is "apiVersion" or "kind" or "metadata" or "spec";
                if (!alwaysSet)
                {
                    yield return field + " absent";
                }

                yield return field + " present";
                var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (ListItemType(valueType) is { } itemType)
                {
                    yield return field + " empty";
                    yield return field + " filled";
                    valueType = itemType;
                }

                if (IsOpenEnum(valueType))
                {
                    yield return field + " known";
                    yield return field + " unknown";
                }

                if (typeof(SchemaObject).IsAssignableFrom(valueType))
                {
                    pending.Enqueue(valueType);
                }
            }
        }
    }

    // Records what one generated object (and everything inside it) shows.
    private static void Observe(object value, HashSet<string> seen)
    {
        var type = value.GetType();
        if (value is SchemaObject { ExtensionData.Count: > 0 })
        {
            seen.Add($"{type.Name} with unknown fields");
        }

        foreach (var (property, name) in JsonProperties(type))
        {
            var field = $"{type.Name}.{name}";
            var fieldValue = property.GetValue(value);
            if (fieldValue is null)
            {
                seen.Add(field + " absent");
                continue;
            }

            seen.Add(field + " present");
            var items = fieldValue is IList list && ListItemType(property.PropertyType) is not null
                ? list.Cast<object>().ToList()
                : [fieldValue];
            if (fieldValue is IList)
            {
                seen.Add(field + (items.Count == 0 ? " empty" : " filled"));
            }

            foreach (var item in items)
            {
                if (IsOpenEnum(item.GetType()))
                {
                    var known = (bool)item.GetType().GetProperty("IsKnown")!.GetValue(item)!;
                    seen.Add(field + (known ? " known" : " unknown"));
                }

                if (item is SchemaObject)
                {
                    Observe(item, seen);
                }
            }
        }
    }

    private static IEnumerable<(PropertyInfo Property, string Name)> JsonProperties(Type type)
        => type.GetProperties()
            .Select(property => (Property: property, Name: property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(entry => entry.Name is not null)
            .Select(entry => (entry.Property, entry.Name!));

    private static Type? ListItemType(Type type)
        => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>) ? type.GetGenericArguments()[0] : null;

    private static bool IsOpenEnum(Type type)
        => type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExtensibleValue<>));
}
