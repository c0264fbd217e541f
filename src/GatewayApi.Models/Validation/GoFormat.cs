using System.Globalization;
using System.Text;

namespace GatewayApi.Models.Validation;

/// <summary>Renders values the way Go's <c>fmt</c> does in Kubernetes field errors (<c>%q</c>, <c>%v</c>, <c>%#v</c>).</summary>
internal static class GoFormat
{
    /// <summary>Appends a bad value as <c>field.Error.ErrorBody</c> does: strings quoted, numbers plain, maps as <c>%#v</c>.</summary>
    public static void AppendValue(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                AppendQuoted(builder, text);
                break;
            case IReadOnlyDictionary<string, object?> map:
                // %#v of a map[string]interface{}: Go prints keys sorted.
                builder.Append("map[string]interface {}{");
                var first = true;
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    AppendQuoted(builder, key);
                    builder.Append(':');
                    AppendValue(builder, map[key]);
                }

                builder.Append('}');
                break;
            default:
                builder.Append(Plain(value));
                break;
        }
    }

    /// <summary>Go's <c>%v</c> for a scalar.</summary>
    public static string Plain(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        double number => FormatFloat(number),
        float number => FormatFloat(number),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Go's <c>strconv.Quote</c>: double quotes, backslash escapes for quotes, backslashes and non-printable characters.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        AppendQuoted(builder, text);
        return builder.ToString();
    }

    public static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\a':
                    builder.Append("\\a");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\v':
                    builder.Append("\\v");
                    break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7F)
                    {
                        builder.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                    {
                        builder.Append(rune.Value > 0xFFFF ? "\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture) : "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static string FormatFloat(double number)
    {
        // Go's %v uses the shortest representation, with an exponent only for very large or small numbers.
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        var exponent = text.IndexOf('E', StringComparison.Ordinal);
        if (exponent < 0)
        {
            return text;
        }

        var mantissa = text[..exponent];
        var power = int.Parse(text.AsSpan(exponent + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + "e" + (power < 0 ? "-" : "+") + Math.Abs(power).ToString("00", CultureInfo.InvariantCulture);
    }
}
