using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GatewayApi.Models.Tests.Examples;

/// <summary>
/// Compares two JSON trees semantically: object key order is ignored, array order is kept, numbers are
/// compared by value (<c>1</c> equals <c>1.0</c>), and an explicit <c>null</c> differs from an absent field.
/// Every difference is reported as <c>path: expected X, actual Y</c>.
/// </summary>
internal static class JsonTreeDiff
{
    private const string Absent = "(absent)";

    public static IReadOnlyList<string> Diff(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare("$", expected, actual, differences);
        return differences;
    }

    public static JsonNode? ToNode(JsonElement element) => JsonNode.Parse(element.GetRawText());

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject expectedObject, JsonObject actualObject):
                foreach (var (name, expectedValue) in expectedObject)
                {
                    var childPath = path + "." + name;
                    if (actualObject.TryGetPropertyValue(name, out var actualValue))
                    {
                        Compare(childPath, expectedValue, actualValue, differences);
                    }
                    else
                    {
                        differences.Add($"{childPath}: expected {Show(expectedValue)}, actual {Absent}");
                    }
                }

                foreach (var (name, actualValue) in actualObject)
                {
                    if (!expectedObject.ContainsKey(name))
                    {
                        differences.Add($"{path}.{name}: expected {Absent}, actual {Show(actualValue)}");
                    }
                }

                return;
            case (JsonArray expectedArray, JsonArray actualArray):
                for (var i = 0; i < Math.Max(expectedArray.Count, actualArray.Count); i++)
                {
                    var childPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    if (i >= actualArray.Count)
                    {
                        differences.Add($"{childPath}: expected {Show(expectedArray[i])}, actual {Absent}");
                    }
                    else if (i >= expectedArray.Count)
                    {
                        differences.Add($"{childPath}: expected {Absent}, actual {Show(actualArray[i])}");
                    }
                    else
                    {
                        Compare(childPath, expectedArray[i], actualArray[i], differences);
                    }
                }

                return;
            case (JsonValue expectedValue, JsonValue actualValue) when SameValue(expectedValue, actualValue):
                return;
            default:
                differences.Add($"{path}: expected {Show(expected)}, actual {Show(actual)}");
                return;
        }
    }

    private static bool SameValue(JsonValue expected, JsonValue actual)
    {
        var kind = expected.GetValueKind();
        if (kind != actual.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.String => expected.GetValue<string>() == actual.GetValue<string>(),
            JsonValueKind.Number => SameNumber(expected.ToJsonString(), actual.ToJsonString()),
            _ => true, // true, false and null carry no value beyond their kind
        };
    }

    private static bool SameNumber(string expected, string actual)
        => decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var left)
            && decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var right)
            ? left == right
            : double.Parse(expected, CultureInfo.InvariantCulture) == double.Parse(actual, CultureInfo.InvariantCulture);

    private static string Show(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString();
        return text.Length > 200 ? text[..200] + "..." : text;
    }
}
