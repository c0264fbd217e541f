using System.Reflection;
using GatewayApi.Models.Tests.Schema;

namespace GatewayApi.Models.Tests.Values;

/// <summary>Every extensible value type of the models, found by reflection: its KnownValues and IsKnown agree.</summary>
public class ExtensibleValueKnownValuesTests
{
    /// <summary>Not a value of any Gateway API set (and not a case variant of one).</summary>
    private const string MadeUpValue = "example.com/not-a-gateway-api-value-7f3a";

    public static TheoryData<string> ExtensibleValueTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in FindExtensibleValueTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void TheModelsAssembly_HasExtensibleValueTypes()
    {
        // Guards the theories below against passing vacuously if the reflection stops finding the types.
        var found = FindExtensibleValueTypes();
        Assert.Contains(typeof(HttpRouteFilterType), found);
        Assert.Contains(typeof(ProtocolType), found);
    }

    [Theory]
    [MemberData(nameof(ExtensibleValueTypes))]
    public void KnownValues_AreNonEmptyAndDistinct_AndEachIsKnown(string typeName)
    {
        var type = FindType(typeName);
        var known = SchemaModelWalker.KnownValues(type);

        Assert.NotEmpty(known);
        var duplicates = known.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{type.Name}.KnownValues repeats: {string.Join(", ", duplicates)}");
        Assert.DoesNotContain(known, string.IsNullOrEmpty);
        foreach (var value in known)
        {
            Assert.True(IsKnown(type, value), $"{type.Name}.Create(\"{value}\").IsKnown is false, but the value is in KnownValues.");
        }
    }

    [Theory]
    [MemberData(nameof(ExtensibleValueTypes))]
    public void MadeUpValue_IsNotKnown_AndKeepsItsText(string typeName)
    {
        var type = FindType(typeName);
        Assert.False(IsKnown(type, MadeUpValue), $"{type.Name}.Create(\"{MadeUpValue}\").IsKnown is true.");
        Assert.Equal(MadeUpValue, type.GetProperty("Value")!.GetValue(Create(type, MadeUpValue)));
    }

    [Theory]
    [MemberData(nameof(ExtensibleValueTypes))]
    public void EveryStaticMemberOfTheType_IsInKnownValues(string typeName)
    {
        // A value added as a static member but forgotten in KnownValues would read as unknown.
        var type = FindType(typeName);
        var known = SchemaModelWalker.KnownValues(type);
        var valueProperty = type.GetProperty("Value")!;
        var missing = type.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == type)
            .Select(p => (p.Name, Value: (string)valueProperty.GetValue(p.GetValue(null))!))
            .Where(p => !known.Contains(p.Value, StringComparer.Ordinal))
            .Select(p => $"{p.Name} (\"{p.Value}\")")
            .ToList();
        Assert.True(missing.Count == 0, $"{type.Name} members missing from KnownValues: {string.Join(", ", missing)}");
    }

    private static List<Type> FindExtensibleValueTypes()
        => typeof(SchemaObject).Assembly.GetTypes().Where(SchemaModelWalker.IsExtensibleValue).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    private static Type FindType(string fullName)
        => typeof(SchemaObject).Assembly.GetType(fullName, throwOnError: true)!;

    private static object Create(Type type, string value)
        => type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [typeof(string)])!.Invoke(null, [value])!;

    private static bool IsKnown(Type type, string value)
        => (bool)type.GetProperty("IsKnown")!.GetValue(Create(type, value))!;
}
