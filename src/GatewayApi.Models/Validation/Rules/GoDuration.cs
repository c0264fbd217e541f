namespace GatewayApi.Models.Validation.Rules;

/// <summary>
/// CEL's <c>duration()</c> conversion, which is Go's <c>time.ParseDuration</c>: an optional sign, then one or more
/// decimal numbers (with optional fraction) each followed by a unit <c>ns</c>, <c>us</c>/<c>µs</c>, <c>ms</c>,
/// <c>s</c>, <c>m</c> or <c>h</c>; <c>"0"</c> alone is zero. Results are in nanoseconds. The CRD pattern already
/// restricts Gateway API durations to GEP-2257 syntax, which is a subset.
/// </summary>
internal static class GoDuration
{
    private static readonly (string Unit, ulong Nanoseconds)[] Units =
    [
        ("ns", 1UL),
        ("us", 1_000UL),
        ("\u00b5s", 1_000UL),
        ("\u03bcs", 1_000UL),
        ("ms", 1_000_000UL),
        ("s", 1_000_000_000UL),
        ("m", 60_000_000_000UL),
        ("h", 3_600_000_000_000UL),
    ];

    /// <summary>Parses like Go; on failure <paramref name="error"/> is Go's error text.</summary>
    public static bool TryParse(string text, out long nanoseconds, out string? error)
    {
        nanoseconds = 0;
        error = null;
        var original = text;
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.SequenceEqual("0"))
        {
            return true;
        }

        if (s.IsEmpty)
        {
            return Invalid(original, out error);
        }

        ulong total = 0;
        const ulong Limit = 1UL << 63;
        while (!s.IsEmpty)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                return Invalid(original, out error);
            }

            var start = s.Length;
            ulong whole = 0;
            var overflow = false;
            while (!s.IsEmpty && char.IsAsciiDigit(s[0]))
            {
                if (whole > (Limit - 1) / 10)
                {
                    overflow = true;
                }

                whole = (whole * 10) + (ulong)(s[0] - '0');
                if (whole > Limit)
                {
                    overflow = true;
                }

                s = s[1..];
            }

            if (overflow)
            {
                return Invalid(original, out error);
            }

            var hasWhole = start != s.Length;
            ulong fraction = 0;
            double scale = 1;
            var hasFraction = false;
            if (!s.IsEmpty && s[0] == '.')
            {
                s = s[1..];
                var fractionStart = s.Length;
                var fractionOverflow = false;
                while (!s.IsEmpty && char.IsAsciiDigit(s[0]))
                {
                    if (!fractionOverflow)
                    {
                        if (fraction > (long.MaxValue - 9) / 10)
                        {
                            fractionOverflow = true;
                        }
                        else
                        {
                            fraction = (fraction * 10) + (ulong)(s[0] - '0');
                            scale *= 10;
                        }
                    }

                    s = s[1..];
                }

                hasFraction = fractionStart != s.Length;
            }

            if (!hasWhole && !hasFraction)
            {
                return Invalid(original, out error);
            }

            var unitLength = 0;
            while (unitLength < s.Length && !(s[unitLength] == '.' || char.IsAsciiDigit(s[unitLength])))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                error = "time: missing unit in duration " + GoFormat.Quote(original);
                return false;
            }

            var unitText = s[..unitLength].ToString();
            s = s[unitLength..];
            var unit = Array.FindIndex(Units, u => u.Unit == unitText);
            if (unit < 0)
            {
                error = "time: unknown unit " + GoFormat.Quote(unitText) + " in duration " + GoFormat.Quote(original);
                return false;
            }

            var unitNanoseconds = Units[unit].Nanoseconds;
            if (whole > Limit / unitNanoseconds)
            {
                return Invalid(original, out error);
            }

            var value = whole * unitNanoseconds;
            if (fraction > 0)
            {
                value += (ulong)(fraction * (unitNanoseconds / scale));
                if (value > Limit)
                {
                    return Invalid(original, out error);
                }
            }

            total += value;
            if (total > Limit)
            {
                return Invalid(original, out error);
            }
        }

        if (negative)
        {
            nanoseconds = total == Limit ? long.MinValue : -(long)total;
            return true;
        }

        if (total > long.MaxValue)
        {
            return Invalid(original, out error);
        }

        nanoseconds = (long)total;
        return true;
    }

    /// <summary>CEL <c>duration(text)</c>: the value, or an evaluation error.</summary>
    public static long Parse(string text)
        => TryParse(text, out var value, out var error) ? value : throw new CelEvaluationException(error!);

    /// <summary>Nanoseconds of a whole number of seconds (for the literals in rules).</summary>
    public static long Seconds(long seconds) => checked(seconds * 1_000_000_000L);

    private static bool Invalid(string original, out string error)
    {
        error = "time: invalid duration " + GoFormat.Quote(original);
        return false;
    }
}
