using System.Collections;
using System.Globalization;
using System.Reflection;

namespace GatewayApi.Models.Tests.Examples;

/// <summary>
/// Walks a model's object graph by reflection and lists every <see cref="SchemaObject"/> whose
/// <see cref="SchemaObject.ExtensionData"/> caught fields: a field the models should know but did not.
/// </summary>
internal static class ExtensionDataFinder
{
    private static readonly Assembly ModelsAssembly = typeof(SchemaObject).Assembly;

    /// <summary>One line per object with leftover fields: its path and the field names.</summary>
    public static IReadOnlyList<string> Find(object root)
    {
        var found = new List<string>();
        Visit(root, "$", found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return found;
    }

    private static void Visit(object? value, string path, List<string> found, HashSet<object> visited)
    {
        // Strings and value types (extensible values, durations, numbers) hold no fields of their own.
        if (value is null or string || value.GetType().IsValueType || !visited.Add(value))
        {
            return;
        }

        if (value is SchemaObject { ExtensionData.Count: > 0 } schemaObject)
        {
            found.Add($"{path}: {string.Join(", ", schemaObject.ExtensionData.Keys)}");
        }

        switch (value)
        {
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Visit(entry.Value, $"{path}{{{entry.Key}}}", found, visited);
                }

                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    Visit(item, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", found, visited);
                    index++;
                }

                return;
        }

        // KubernetesClient's types (metadata, label selectors, conditions) have no ExtensionData to check.
        if (value.GetType().Assembly != ModelsAssembly)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != nameof(SchemaObject.ExtensionData))
            {
                Visit(property.GetValue(value), path + "." + property.Name, found, visited);
            }
        }
    }
}
