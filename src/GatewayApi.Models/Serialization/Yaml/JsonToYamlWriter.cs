using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// Writes JSON as block-style YAML that <c>kubectl apply</c> reads back as the same JSON: strings that a
/// YAML reader could take for a number, boolean or null are double-quoted, numbers keep their digits,
/// empty objects and arrays are written <c>{}</c> and <c>[]</c>.
/// </summary>
internal static class JsonToYamlWriter
{
    public static void WriteValue(IEmitter emitter, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var emptyObject = !element.EnumerateObject().Any();
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, emptyObject ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var property in element.EnumerateObject())
                {
                    WriteString(emitter, property.Name);
                    WriteValue(emitter, property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                var emptyArray = element.GetArrayLength() == 0;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, emptyArray ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in element.EnumerateArray())
                {
                    WriteValue(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                WriteString(emitter, element.GetString()!);
                break;
            case JsonValueKind.Number:
                WritePlain(emitter, element.GetRawText());
                break;
            case JsonValueKind.True:
                WritePlain(emitter, "true");
                break;
            case JsonValueKind.False:
                WritePlain(emitter, "false");
                break;
            default:
                WritePlain(emitter, "null");
                break;
        }
    }

    private static void WriteString(IEmitter emitter, string value)
    {
        var style = YamlScalarResolver.CanWritePlain(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    private static void WritePlain(IEmitter emitter, string value)
        => emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
}
