using System.Globalization;
using GatewayApi.Cli.Inputs;

namespace GatewayApi.Cli.Requests;

/// <summary>
/// The request of <c>gwapi route</c>: <c>'METHOD URL'</c> (or the method and URL as two arguments, or a URL alone
/// for GET), with an absolute <c>http</c> or <c>https</c> URL. The path and query are kept exactly as written: the
/// router matches requests as received, without normalising them.
/// </summary>
/// <param name="Method">The method, as written.</param>
/// <param name="Scheme"><c>http</c> or <c>https</c>.</param>
/// <param name="Authority">The host with its port if written (the <c>Host</c> header).</param>
/// <param name="Host">The host without port.</param>
/// <param name="Port">The port written in the URL, if any.</param>
/// <param name="PathAndQuery">The raw path and query (<c>/</c> when the URL has none).</param>
internal sealed record RequestLine(string Method, string Scheme, string Authority, string Host, int? Port, string PathAndQuery)
{
    /// <summary>Parses the positional request tokens.</summary>
    public static RequestLine Parse(IReadOnlyList<string> tokens)
    {
        string method, url;
        var joined = string.Join(' ', tokens).Trim();
        var parts = joined.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (parts.Length)
        {
            case 1:
                (method, url) = ("GET", parts[0]);
                break;
            case 2:
                (method, url) = (parts[0], parts[1]);
                break;
            default:
                throw Bad(joined, "expected 'METHOD URL', for example 'GET https://shop.example.com/cart?id=1'");
        }

        if (method.Length == 0 || !method.All(c => c is >= 'A' and <= 'Z' || c is >= 'a' and <= 'z'))
        {
            throw Bad(joined, $"'{method}' is not an HTTP method");
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw Bad(joined, "the URL must be absolute, with http:// or https://");
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            throw Bad(joined, $"the scheme '{url[..schemeEnd]}' is not http or https");
        }

        var rest = url[(schemeEnd + 3)..];
        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        var pathStart = rest.IndexOfAny(['/', '?']);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var pathAndQuery = pathStart < 0 ? "/" : rest[pathStart..];
        if (pathAndQuery.StartsWith('?'))
        {
            pathAndQuery = "/" + pathAndQuery;
        }

        if (authority.Contains('@', StringComparison.Ordinal))
        {
            throw Bad(joined, "user information in the URL is not supported");
        }

        var (host, port) = SplitAuthority(authority, joined);
        if (pathAndQuery.Any(char.IsWhiteSpace))
        {
            throw Bad(joined, "the path contains white space; percent-encode it");
        }

        return new RequestLine(method, scheme, authority, host, port, pathAndQuery);
    }

    /// <summary><c>METHOD URL</c>.</summary>
    public override string ToString() => $"{Method} {Scheme}://{Authority}{PathAndQuery}";

    private static (string Host, int? Port) SplitAuthority(string authority, string line)
    {
        string host;
        string? portText = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Bad(line, "the IPv6 host has no closing ]");
            }

            host = authority[..(close + 1)];
            if (close + 1 < authority.Length)
            {
                if (authority[close + 1] != ':')
                {
                    throw Bad(line, $"'{authority}' is not a host[:port]");
                }

                portText = authority[(close + 2)..];
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            portText = colon < 0 ? null : authority[(colon + 1)..];
        }

        if (host.Length == 0 || Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
        {
            throw Bad(line, $"'{host}' is not a host name");
        }

        if (portText is null)
        {
            return (host, null);
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw Bad(line, $"'{portText}' is not a port (1-65535)");
        }

        return (host, port);
    }

    private static CliInputException Bad(string line, string why) => new($"bad request line '{line}': {why}");
}
