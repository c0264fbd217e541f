using GatewayApi.Models.Serialization;

namespace GatewayApi.Models.Tests.Properties;

/// <summary>
/// The round-trip checks the properties make. Failures name the step, show where the texts first differ,
/// and carry the input's JSON, so a shrunk counterexample can be read straight from the test output.
/// </summary>
internal static class RoundTrip
{
    /// <summary>
    /// JSON -> object (by <see cref="ManifestReader.ReadSingle{T}"/> and by
    /// <see cref="GatewayApiJson.Deserialize{T}(string, string?)"/>) -> JSON gives the same text.
    /// </summary>
    public static void AssertJson<T>(T original)
        where T : GatewayApiObject
    {
        var json = GatewayApiJson.Serialize(original);

        var read = Run("ManifestReader.ReadSingle of the JSON", json, () => ManifestReader.ReadSingle<T>(json));
        AssertSameText("JSON written again after ManifestReader.ReadSingle", json, GatewayApiJson.Serialize(read), json);

        var deserialized = Run("GatewayApiJson.Deserialize of the JSON", json, () => GatewayApiJson.Deserialize<T>(json));
        AssertSameText("JSON written again after GatewayApiJson.Deserialize", json, GatewayApiJson.Serialize(deserialized), json);
    }

    /// <summary>
    /// YAML -> object -> YAML gives the same text, and the object read from YAML has the original's JSON.
    /// </summary>
    public static void AssertYaml<T>(T original)
        where T : GatewayApiObject
    {
        var json = GatewayApiJson.Serialize(original);
        var yaml = Run("ManifestWriter.ToYaml", json, () => ManifestWriter.ToYaml(original));

        var read = Run("ManifestReader.ReadSingle of the YAML", json, () => ManifestReader.ReadSingle<T>(yaml), yaml);
        AssertSameText("JSON of the object read from YAML", json, GatewayApiJson.Serialize(read), json, yaml);
        AssertSameText("YAML written again after reading it", yaml, ManifestWriter.ToYaml(read), json, yaml);
    }

    /// <summary>
    /// Several objects of different kinds -> one multi-document YAML stream -> <see cref="ManifestReader.Read(string, string?)"/>
    /// gives as many objects, of the same types in the same order, each with its original's JSON.
    /// </summary>
    public static void AssertMultiDocumentYaml(IReadOnlyList<GatewayApiObject> originals)
    {
        var jsons = originals.Select(o => GatewayApiJson.Serialize(o)).ToList();
        var input = string.Join(Environment.NewLine, jsons);
        var yaml = Run("ManifestWriter.ToYaml of the list", input, () => ManifestWriter.ToYaml(originals));
        var read = Run("ManifestReader.Read of the YAML stream", input, () => ManifestReader.Read(yaml), yaml);

        if (read.Count != originals.Count)
        {
            Fail($"ManifestReader.Read returned {read.Count} objects for {originals.Count} documents.", input, yaml);
        }

        for (var i = 0; i < originals.Count; i++)
        {
            if (read[i].Object.GetType() != originals[i].GetType())
            {
                Fail($"Document {i} was written as {originals[i].GetType().Name} and read as {read[i].Object.GetType().Name}.", input, yaml);
            }

            AssertSameText($"JSON of document {i} read from the stream", jsons[i], GatewayApiJson.Serialize(read[i].Object), input, yaml);
        }
    }

    private static TResult Run<TResult>(string step, string inputJson, Func<TResult> action, string? yaml = null)
    {
        try
        {
            return action();
        }
        catch (Exception exception)
        {
            throw new RoundTripException(
                $"{step} threw {exception.GetType().Name}: {exception.Message}{Describe(inputJson, yaml)}",
                exception);
        }
    }

    private static void AssertSameText(string step, string expected, string actual, string inputJson, string? yaml = null)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return;
        }

        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        Fail(
            $"{step} differs at offset {at}:{Environment.NewLine}"
            + $"  expected ...{Excerpt(expected, at)}...{Environment.NewLine}"
            + $"  actual   ...{Excerpt(actual, at)}...",
            inputJson,
            yaml);
    }

    private static void Fail(string message, string inputJson, string? yaml)
        => throw new RoundTripException(message + Describe(inputJson, yaml));

    private static string Describe(string inputJson, string? yaml)
        => $"{Environment.NewLine}Input JSON: {inputJson}"
            + (yaml is null ? string.Empty : $"{Environment.NewLine}YAML:{Environment.NewLine}{yaml}");

    // The text around the first difference, with control characters made visible.
    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 40);
        var end = Math.Min(text.Length, at + 40);
        return string.Concat(text[start..end].Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}

/// <summary>A round trip changed or refused an object.</summary>
public sealed class RoundTripException : Exception
{
    public RoundTripException(string message)
        : base(message)
    {
    }

    public RoundTripException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
