using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// A Gateway API duration (GEP-2257): one to four <c>&lt;number&gt;&lt;unit&gt;</c> components, each number
/// one to five digits, units <c>h</c>, <c>m</c>, <c>s</c> and <c>ms</c>, for example <c>1h</c>, <c>1m30s</c>
/// or <c>500ms</c>. The text is kept exactly as written so that a value reads and writes back unchanged;
/// <see cref="TimeSpan"/> gives its length and comparisons are by length.
/// </summary>
/// <remarks>
/// GEP-2257 lets a component's unit repeat or appear in any order (<c>1s1s</c> is two seconds); the CRD
/// pattern <c>^([0-9]{1,5}(h|m|s|ms)){1,4}$</c> is the whole syntax. Zero (<c>0s</c>) is valid; what zero
/// means is the field's business (for timeouts it disables the timeout).
/// </remarks>
[JsonConverter(typeof(GatewayDurationJsonConverter))]
public readonly struct GatewayDuration : IEquatable<GatewayDuration>, IComparable<GatewayDuration>, ISpanParsable<GatewayDuration>, IYamlConvertible
{
    private readonly string? _text;

    private GatewayDuration(string text, TimeSpan value)
    {
        _text = text;
        TimeSpan = value;
    }

    /// <summary>The duration's length.</summary>
    public TimeSpan TimeSpan { get; }

    /// <summary>The text as written (for a value made with <see cref="FromTimeSpan"/>, its canonical form).</summary>
    public string Text => _text ?? "0s";

    /// <summary>A zero duration, written <c>0s</c>.</summary>
    public static GatewayDuration Zero { get; } = new("0s", TimeSpan.Zero);

    /// <summary>
    /// Makes the canonical GEP-2257 text for a length: the largest units first, zero components left out,
    /// zero written as <c>0s</c>. Fails when the length is negative, has sub-millisecond precision, or
    /// needs a component above 99999 (the syntax cannot say it).
    /// </summary>
    /// <param name="value">The length.</param>
    public static GatewayDuration FromTimeSpan(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A Gateway API duration cannot be negative.");
        }

        if (value.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A Gateway API duration has millisecond precision at most.");
        }

        if (value == TimeSpan.Zero)
        {
            return Zero;
        }

        var builder = new StringBuilder();
        var hours = (long)value.TotalHours;
        if (hours > 99999)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A Gateway API duration cannot exceed 99999 hours in one component.");
        }

        Append(builder, hours, "h");
        Append(builder, value.Minutes, "m");
        Append(builder, value.Seconds, "s");
        Append(builder, value.Milliseconds, "ms");
        return new GatewayDuration(builder.ToString(), value);

        static void Append(StringBuilder builder, long amount, string unit)
        {
            if (amount != 0)
            {
                builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }
    }

    /// <summary>Parses GEP-2257 text, throwing a <see cref="FormatException"/> that says what is wrong.</summary>
    /// <param name="text">The text, for example <c>1m30s</c>.</param>
    public static GatewayDuration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result, out var error)
            ? result
            : throw new FormatException($"'{text}' is not a valid Gateway API duration: {error}");
    }

    /// <summary>Parses GEP-2257 text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The duration when the text is valid.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out GatewayDuration result)
        => TryParse(text, out result, out _);

    /// <summary>Parses GEP-2257 text and says why it is not valid.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The duration when the text is valid.</param>
    /// <param name="error">Why the text is not valid, when it is not.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out GatewayDuration result, [NotNullWhen(false)] out string? error)
    {
        result = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "it is empty; write at least one component such as '10s'.";
            return false;
        }

        long totalMilliseconds = 0;
        var components = 0;
        var i = 0;
        while (i < text.Length)
        {
            var digitsStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var digits = i - digitsStart;
            if (digits == 0)
            {
                error = $"expected a number at position {i + 1}.";
                return false;
            }

            if (digits > 5)
            {
                error = $"a number has at most 5 digits (position {digitsStart + 1}).";
                return false;
            }

            var amount = long.Parse(text.AsSpan(digitsStart, digits), NumberStyles.None, CultureInfo.InvariantCulture);
            long unitMilliseconds;
            if (i + 1 < text.Length && text[i] == 'm' && text[i + 1] == 's')
            {
                unitMilliseconds = 1;
                i += 2;
            }
            else if (i < text.Length && text[i] is 'h' or 'm' or 's')
            {
                unitMilliseconds = text[i] switch { 'h' => 3_600_000, 'm' => 60_000, _ => 1_000 };
                i++;
            }
            else
            {
                error = i < text.Length
                    ? $"unknown unit at position {i + 1}; units are h, m, s and ms."
                    : "the last number has no unit; units are h, m, s and ms.";
                return false;
            }

            components++;
            if (components > 4)
            {
                error = "a duration has at most 4 components.";
                return false;
            }

            totalMilliseconds += amount * unitMilliseconds;
        }

        error = null;
        result = new GatewayDuration(text, TimeSpan.FromMilliseconds(totalMilliseconds));
        return true;
    }

    /// <summary>Whether two durations have the same length (<c>60s</c> equals <c>1m</c>).</summary>
    /// <param name="other">The other duration.</param>
    public bool Equals(GatewayDuration other) => TimeSpan == other.TimeSpan;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GatewayDuration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => TimeSpan.GetHashCode();

    /// <summary>Compares lengths.</summary>
    /// <param name="other">The other duration.</param>
    public int CompareTo(GatewayDuration other) => TimeSpan.CompareTo(other.TimeSpan);

    /// <summary>The text as written.</summary>
    public override string ToString() => Text;

    /// <summary>Whether two durations have the same length.</summary>
    public static bool operator ==(GatewayDuration left, GatewayDuration right) => left.Equals(right);

    /// <summary>Whether two durations differ in length.</summary>
    public static bool operator !=(GatewayDuration left, GatewayDuration right) => !left.Equals(right);

    /// <summary>Whether the left duration is shorter.</summary>
    public static bool operator <(GatewayDuration left, GatewayDuration right) => left.CompareTo(right) < 0;

    /// <summary>Whether the left duration is longer.</summary>
    public static bool operator >(GatewayDuration left, GatewayDuration right) => left.CompareTo(right) > 0;

    /// <summary>Whether the left duration is not longer.</summary>
    public static bool operator <=(GatewayDuration left, GatewayDuration right) => left.CompareTo(right) <= 0;

    /// <summary>Whether the left duration is not shorter.</summary>
    public static bool operator >=(GatewayDuration left, GatewayDuration right) => left.CompareTo(right) >= 0;

    /// <summary>Parses GEP-2257 text (so YAML readers that convert scalars by operator can use it).</summary>
    /// <param name="text">The text.</param>
    public static explicit operator GatewayDuration(string text) => Parse(text);

    /// <summary>Lets YamlDotNet serializers read a duration from a scalar (YamlDotNet calls this on a boxed default).</summary>
    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
        => Unsafe.AsRef(in this) = Parse(parser.Consume<Scalar>().Value);

    /// <summary>Lets YamlDotNet serializers write a duration as its text.</summary>
    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer)
        => emitter.Emit(new Scalar(Text));

    static GatewayDuration IParsable<GatewayDuration>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<GatewayDuration>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out GatewayDuration result)
        => TryParse(s, out result);

    static GatewayDuration ISpanParsable<GatewayDuration>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString());

    static bool ISpanParsable<GatewayDuration>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out GatewayDuration result)
        => TryParse(s.ToString(), out result);
}

/// <summary>Reads and writes a <see cref="GatewayDuration"/> as its text, rejecting malformed text.</summary>
internal sealed class GatewayDurationJsonConverter : JsonConverter<GatewayDuration>
{
    public override GatewayDuration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a duration string such as \"10s\", found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        return GatewayDuration.TryParse(text, out var value, out var error)
            ? value
            : throw new JsonException($"'{text}' is not a valid Gateway API duration: {error}");
    }

    public override void Write(Utf8JsonWriter writer, GatewayDuration value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Text);
}
