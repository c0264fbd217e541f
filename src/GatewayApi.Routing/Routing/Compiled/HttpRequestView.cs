using System.Buffers;

namespace GatewayApi.Routing.Compiled;

/// <summary>
/// The parts of a request the matchers read, as spans over the caller's strings: no copies, no allocation.
/// </summary>
internal readonly ref struct HttpRequestView
{
    public HttpRequestView(HttpRoutingRequest request, int maxRegexInput)
    {
        var target = request.Path.AsSpan();
        var fragment = target.IndexOf('#');
        if (fragment >= 0)
        {
            target = target[..fragment];
        }

        var question = target.IndexOf('?');
        Path = question >= 0 ? target[..question] : target;
        Query = question >= 0 ? target[(question + 1)..] : default;
        if (Path.IsEmpty)
        {
            // An empty origin-form path is "/" (RFC 9110 §4.2.3).
            Path = "/";
        }

        Method = request.Method;
        Headers = new RequestHeaders(request.Headers);
        MaxRegexInput = maxRegexInput;
    }

    /// <summary>The request path without query or fragment.</summary>
    public ReadOnlySpan<char> Path { get; }

    /// <summary>The query string without <c>?</c>; empty when there is none.</summary>
    public ReadOnlySpan<char> Query { get; }

    /// <summary>The request method.</summary>
    public string Method { get; }

    /// <summary>The request headers.</summary>
    public RequestHeaders Headers { get; }

    /// <summary>The longest input a regular expression runs on.</summary>
    public int MaxRegexInput { get; }
}

/// <summary>
/// The request headers, read through a span when the caller passed an array or a list (no interface dispatch per
/// header), otherwise through the list.
/// </summary>
internal readonly ref struct RequestHeaders
{
    private readonly ReadOnlySpan<KeyValuePair<string, string>> _span;
    private readonly IReadOnlyList<KeyValuePair<string, string>>? _list;

    public RequestHeaders(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        switch (headers)
        {
            case KeyValuePair<string, string>[] array:
                _span = array;
                break;
            case List<KeyValuePair<string, string>> list:
                _span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
                break;
            default:
                _list = headers;
                break;
        }

        Count = headers.Count;
    }

    public int Count { get; }

    public KeyValuePair<string, string> this[int index] => _list is null ? _span[index] : _list[index];
}

/// <summary>Request header and query-string reading without allocation.</summary>
internal static class RequestValues
{
    /// <summary>
    /// How repeated lines of a header are joined before comparison: with <c>,</c> (RFC 7230 §3.2.2, list-valued
    /// fields), except <c>Cookie</c>, which is not a comma list and whose lines (HTTP/2 cookie crumbs) are joined with
    /// <c>; </c> (RFC 9113 §8.2.3, RFC 6265 §5.4).
    /// </summary>
    public static string Separator(string name) => string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase) ? "; " : ",";

    /// <summary>
    /// Whether the header's value equals <paramref name="expected"/>, repeated headers joined with
    /// <see cref="Separator"/>; names compare without regard to case, values exactly (R4). Absent never equals.
    /// </summary>
    public static bool HeaderEquals(scoped in RequestHeaders headers, string name, string expected)
    {
        var separator = Separator(name);
        var position = 0;
        var found = false;
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (!string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (found)
            {
                if (!expected.AsSpan(position).StartsWith(separator, StringComparison.Ordinal))
                {
                    return false;
                }

                position += separator.Length;
            }

            var value = header.Value ?? string.Empty;
            if (!expected.AsSpan(position).StartsWith(value, StringComparison.Ordinal))
            {
                return false;
            }

            position += value.Length;
            found = true;
        }

        return found && position == expected.Length;
    }

    /// <summary>
    /// The lines of a header: how many there are, the first one's value, and the length of the value joined with
    /// <see cref="Separator"/>.
    /// </summary>
    public static int Lines(scoped in RequestHeaders headers, string name, out string? first, out int joinedLength)
    {
        var separator = Separator(name).Length;
        first = null;
        joinedLength = 0;
        var count = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                first ??= header.Value ?? string.Empty;
                joinedLength += (count == 0 ? 0 : separator) + (header.Value?.Length ?? 0);
                count++;
            }
        }

        return count;
    }

    /// <summary>Writes the header's lines joined with <see cref="Separator"/> (destination at least the joined length long); returns the length written.</summary>
    public static int Join(scoped in RequestHeaders headers, string name, Span<char> destination)
    {
        var separator = Separator(name);
        var written = 0;
        var first = true;
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (!string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Separate by position, not by what was written: a first line may be empty.
            if (!first)
            {
                separator.CopyTo(destination[written..]);
                written += separator.Length;
            }

            first = false;
            var value = header.Value ?? string.Empty;
            value.CopyTo(destination[written..]);
            written += value.Length;
        }

        return written;
    }

    /// <summary>Whether the header's (joined) value matches the pattern. Absent never matches.</summary>
    public static bool HeaderMatches(scoped in RequestHeaders headers, string name, CompiledPattern pattern, int maxInput)
    {
        var count = Lines(headers, name, out var single, out var length);
        if (count == 0 || length > maxInput)
        {
            return false;
        }

        if (count == 1)
        {
            return pattern.IsMatch(single, maxInput);
        }

        var buffer = ArrayPool<char>.Shared.Rent(length);
        try
        {
            var written = Join(headers, name, buffer);
            return pattern.IsMatch(buffer.AsSpan(0, written), maxInput);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Finds the first query parameter named <paramref name="name"/> (compared exactly, after percent-decoding)
    /// and returns its raw, still-encoded value. A repeated parameter: the first wins (§2.1, RECOMMENDED).
    /// </summary>
    public static bool TryGetQueryValue(ReadOnlySpan<char> query, string name, out ReadOnlySpan<char> rawValue)
    {
        while (!query.IsEmpty)
        {
            var ampersand = query.IndexOf('&');
            var pair = ampersand >= 0 ? query[..ampersand] : query;
            query = ampersand >= 0 ? query[(ampersand + 1)..] : default;
            var equals = pair.IndexOf('=');
            var rawName = equals >= 0 ? pair[..equals] : pair;
            if (DecodedEquals(rawName, name))
            {
                rawValue = equals >= 0 ? pair[(equals + 1)..] : default;
                return true;
            }
        }

        rawValue = default;
        return false;
    }

    /// <summary>Whether a percent-encoded value decodes to <paramref name="expected"/>.</summary>
    public static bool DecodedEquals(ReadOnlySpan<char> raw, string expected)
    {
        if (raw.IndexOf('%') < 0)
        {
            return raw.SequenceEqual(expected);
        }

        char[]? rented = null;
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            return Uri.TryUnescapeDataString(raw, buffer, out var written) && buffer[..written].SequenceEqual(expected);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether a percent-encoded value, decoded, matches the pattern.</summary>
    public static bool DecodedMatches(ReadOnlySpan<char> raw, CompiledPattern pattern, int maxInput)
    {
        if (raw.IndexOf('%') < 0)
        {
            return pattern.IsMatch(raw, maxInput);
        }

        if (raw.Length > maxInput * 3)
        {
            return false;
        }

        char[]? rented = null;
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            return Uri.TryUnescapeDataString(raw, buffer, out var written) && pattern.IsMatch(buffer[..written], maxInput);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
