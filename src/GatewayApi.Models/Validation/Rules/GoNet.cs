namespace GatewayApi.Models.Validation.Rules;

/// <summary>
/// IP address parsing as the API server does it: the OpenAPI <c>ipv4</c>/<c>ipv6</c> formats (kube-openapi's
/// <c>strfmt</c>, which parses with <c>netutils.ParseIPSloppy</c>, i.e. Go's pre-1.17 <c>net.ParseIP</c> that
/// still accepts leading zeros) and the Kubernetes CEL <c>isIP()</c> (Go's <c>netip.ParseAddr</c>: no leading
/// zeros, no zone, no IPv4-mapped IPv6).
/// </summary>
internal static class GoNet
{
    /// <summary>OpenAPI <c>format: ipv4</c>: parses as an IP and contains a dot.</summary>
    public static bool IsFormatIPv4(string text) => ParseSloppy(text) && text.Contains('.', StringComparison.Ordinal);

    /// <summary>OpenAPI <c>format: ipv6</c>: parses as an IP and contains a colon.</summary>
    public static bool IsFormatIPv6(string text) => ParseSloppy(text) && text.Contains(':', StringComparison.Ordinal);

    /// <summary>Kubernetes CEL <c>isIP(text)</c>.</summary>
    public static bool IsCelIP(string text)
    {
        if (text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TryParseIPv6(text, strict: true, out var bytes) && !IsIPv4Mapped(bytes);
        }

        return TryParseIPv4(text, strict: true, out _);
    }

    private static bool ParseSloppy(string text)
        => text.Contains(':', StringComparison.Ordinal) ? TryParseIPv6(text, strict: false, out _) : TryParseIPv4(text, strict: false, out _);

    private static bool IsIPv4Mapped(byte[] bytes)
    {
        for (var i = 0; i < 10; i++)
        {
            if (bytes[i] != 0)
            {
                return false;
            }
        }

        return bytes[10] == 0xFF && bytes[11] == 0xFF;
    }

    /// <summary>Four dotted decimal octets; strict mode (netip) rejects leading zeros and more than three digits.</summary>
    internal static bool TryParseIPv4(ReadOnlySpan<char> text, bool strict, out byte[] bytes)
    {
        bytes = new byte[4];
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (text.IsEmpty || text[0] != '.')
                {
                    return false;
                }

                text = text[1..];
            }

            var digits = 0;
            var value = 0;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                value = Math.Min((value * 10) + (text[digits] - '0'), 0xFFFFFF);
                digits++;
            }

            if (digits == 0 || value > 255 || (strict && (digits > 3 || (digits > 1 && text[0] == '0'))))
            {
                return false;
            }

            bytes[part] = (byte)value;
            text = text[digits..];
        }

        return text.IsEmpty;
    }

    /// <summary>RFC 4291 text: up to eight groups of one to four hex digits, one <c>::</c>, an optional trailing dotted IPv4.</summary>
    internal static bool TryParseIPv6(ReadOnlySpan<char> text, bool strict, out byte[] bytes)
    {
        bytes = new byte[16];
        var ellipsis = -1;
        var i = 0;
        if (text.Length >= 2 && text[0] == ':' && text[1] == ':')
        {
            ellipsis = 0;
            text = text[2..];
            if (text.IsEmpty)
            {
                return true;
            }
        }

        while (i < 16)
        {
            var digits = 0;
            var value = 0;
            while (digits < text.Length && digits < 5 && char.IsAsciiHexDigit(text[digits]))
            {
                value = (value << 4) | Convert.ToInt32(text[digits].ToString(), 16);
                digits++;
            }

            if (digits == 0 || digits > 4)
            {
                return false;
            }

            if (digits < text.Length && text[digits] == '.')
            {
                // An embedded IPv4 address must end the text and fill the last four bytes.
                if ((ellipsis < 0 && i != 12) || i + 4 > 16 || !TryParseIPv4(text, strict, out var v4))
                {
                    return false;
                }

                v4.CopyTo(bytes, i);
                i += 4;
                text = [];
                break;
            }

            bytes[i] = (byte)(value >> 8);
            bytes[i + 1] = (byte)value;
            i += 2;
            text = text[digits..];
            if (text.IsEmpty)
            {
                break;
            }

            if (text[0] != ':' || text.Length == 1)
            {
                return false;
            }

            text = text[1..];
            if (text[0] == ':')
            {
                if (ellipsis >= 0)
                {
                    return false;
                }

                ellipsis = i;
                text = text[1..];
                if (text.IsEmpty)
                {
                    break;
                }
            }
        }

        if (!text.IsEmpty)
        {
            return false;
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                return false;
            }

            var move = 16 - i;
            for (var j = i - 1; j >= ellipsis; j--)
            {
                bytes[j + move] = bytes[j];
            }

            for (var j = ellipsis + move - 1; j >= ellipsis; j--)
            {
                bytes[j] = 0;
            }
        }
        else if (ellipsis >= 0)
        {
            // "::" must stand for at least one group of zeros.
            return false;
        }

        return true;
    }
}
