using System.Globalization;

namespace GatewayApi.Models.Serialization;

/// <summary>What a plain YAML scalar stands for.</summary>
internal enum YamlScalarKind
{
    String,
    Null,
    True,
    False,
    Integer,
    Float,
}

/// <summary>
/// Types plain scalars by the YAML 1.2 core schema, and tells which strings must be quoted when written so
/// that no YAML reader (1.1 readers such as kubectl's included) takes them for anything but a string.
/// </summary>
internal static class YamlScalarResolver
{
    public static YamlScalarKind Resolve(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return YamlScalarKind.Null;
            case "true" or "True" or "TRUE":
                return YamlScalarKind.True;
            case "false" or "False" or "FALSE":
                return YamlScalarKind.False;
        }

        if (IsInteger(value))
        {
            return YamlScalarKind.Integer;
        }

        return IsFloat(value) ? YamlScalarKind.Float : YamlScalarKind.String;
    }

    public static bool TryParseInteger(string value, out long result)
    {
        if (value.StartsWith("0x", StringComparison.Ordinal))
        {
            return long.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out result);
        }

        if (value.StartsWith("0o", StringComparison.Ordinal))
        {
            result = 0;
            foreach (var c in value.AsSpan(2))
            {
                if (c is < '0' or > '7' || result > (long.MaxValue >> 3))
                {
                    return false;
                }

                result = (result << 3) + (c - '0');
            }

            return value.Length > 2;
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryParseFloat(string value, out double result)
    {
        switch (value)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                result = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                result = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                result = double.NaN;
                return true;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>Whether the text is already a JSON number literal.</summary>
    public static bool IsJsonNumber(string value)
    {
        var i = 0;
        if (i < value.Length && value[i] == '-')
        {
            i++;
        }

        if (i >= value.Length || !char.IsAsciiDigit(value[i]))
        {
            return false;
        }

        if (value[i] == '0' && i + 1 < value.Length && char.IsAsciiDigit(value[i + 1]))
        {
            return false;
        }

        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }

        if (i < value.Length && value[i] == '.')
        {
            i++;
            if (i >= value.Length || !char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
            }
        }

        if (i < value.Length && value[i] is 'e' or 'E')
        {
            i++;
            if (i < value.Length && value[i] is '+' or '-')
            {
                i++;
            }

            if (i >= value.Length || !char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
            }
        }

        return i == value.Length;
    }

    /// <summary>
    /// Whether a string can be written as a plain scalar and read back as the same string by YAML 1.1 and 1.2
    /// readers alike. Conservative: anything unusual is quoted.
    /// </summary>
    public static bool CanWritePlain(string value)
    {
        if (value.Length == 0 || Resolve(value) != YamlScalarKind.String || IsYaml11Special(value))
        {
            return false;
        }

        // The first character must not start another YAML construct, nor look like a number or date.
        var first = value[0];
        if (!(char.IsAsciiLetter(first) || first is '/' || first == '_'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '(' or ')' or '+' or '='))
            {
                return false;
            }
        }

        return true;
    }

    // Words and forms YAML 1.1 readers (go-yaml v2 behind kubectl) give another type.
    private static readonly string[] Yaml11Words = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"];

    private static bool IsYaml11Special(string value)
    {
        // Only words of at most five letters qualify, so most strings are decided by their length alone.
        if (value.Length <= 5)
        {
            foreach (var word in Yaml11Words)
            {
                if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return value.StartsWith("0b", StringComparison.OrdinalIgnoreCase)
            || value.Contains('_', StringComparison.Ordinal) && char.IsAsciiDigit(value[0]);
    }

    private static bool IsInteger(string value)
    {
        if (value.StartsWith("0o", StringComparison.Ordinal))
        {
            return value.Length > 2 && value.AsSpan(2).IndexOfAnyExcept("01234567") < 0;
        }

        if (value.StartsWith("0x", StringComparison.Ordinal))
        {
            return value.Length > 2 && value.AsSpan(2).IndexOfAnyExcept("0123456789abcdefABCDEF") < 0;
        }

        var digits = value.AsSpan(value[0] is '-' or '+' ? 1 : 0);
        return digits.Length > 0 && digits.IndexOfAnyExcept("0123456789") < 0;
    }

    private static bool IsFloat(string value)
    {
        switch (value)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                return true;
        }

        // [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var i = value[0] is '-' or '+' ? 1 : 0;
        var mantissaDigits = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
            mantissaDigits++;
        }

        if (i < value.Length && value[i] == '.')
        {
            i++;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
                mantissaDigits++;
            }
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i < value.Length && value[i] is 'e' or 'E')
        {
            i++;
            if (i < value.Length && value[i] is '+' or '-')
            {
                i++;
            }

            var exponentDigits = 0;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }
}
