using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// Writes objects as YAML that <c>kubectl apply</c> accepts (one document each, separated by <c>---</c>) or as
/// JSON. The YAML is the JSON serialization written in block style, so both carry exactly the same fields.
/// </summary>
public static class ManifestWriter
{
    /// <summary>Writes one object as a YAML document.</summary>
    /// <param name="value">A Gateway API object, list, core kind or <see cref="UnknownObject"/>.</param>
    public static string ToYaml(object value) => ToYaml([value]);

    /// <summary>Writes objects as a multi-document YAML stream, separated by <c>---</c>.</summary>
    /// <param name="values">The objects, written in order.</param>
    public static string ToYaml(IEnumerable<object> values)
    {
        var text = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
        WriteYaml(text, values);
        return text.ToString();
    }

    /// <summary>Writes objects as a multi-document YAML stream to a text writer.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="values">The objects, written in order.</param>
    public static void WriteYaml(TextWriter writer, IEnumerable<object> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: false));
        emitter.Emit(new StreamStart());
        var first = true;
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            var element = GatewayApiJson.SerializeToElement(value);
            emitter.Emit(new DocumentStart(null, null, isImplicit: first));
            JsonToYamlWriter.WriteValue(emitter, element);
            emitter.Emit(new DocumentEnd(isImplicit: true));
            first = false;
        }

        emitter.Emit(new StreamEnd());
    }

    /// <summary>Writes one object as JSON.</summary>
    /// <param name="value">The object.</param>
    /// <param name="indented">Whether to indent.</param>
    public static string ToJson(object value, bool indented = true) => GatewayApiJson.Serialize(value, indented);
}
