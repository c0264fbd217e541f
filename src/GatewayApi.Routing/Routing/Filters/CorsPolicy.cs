using GatewayApi.Models;

namespace GatewayApi.Routing.Filters;

/// <summary>
/// A CORS filter compiled (§4.5, GEP-1767): origin patterns parsed once, lists joined once, and the answer for a
/// request computed without re-reading the configuration.
/// </summary>
internal sealed class CorsPolicy
{
    private readonly OriginPattern[] _origins;
    private readonly bool _anyOrigin;
    private readonly bool _allowCredentials;
    private readonly bool _anyMethod;
    private readonly string? _methods;
    private readonly bool _anyHeader;
    private readonly string? _headers;
    private readonly bool _anyExposed;
    private readonly string? _exposed;
    private readonly int _maxAge;

    public CorsPolicy(HttpCorsFilter filter)
    {
        var origins = filter.AllowOrigins ?? [];
        _anyOrigin = origins.Contains("*");
        _origins = [.. origins.Where(o => o != "*").Select(OriginPattern.Parse).OfType<OriginPattern>()];
        _allowCredentials = filter.AllowCredentials == true;
        var methods = (filter.AllowMethods ?? []).Select(m => m.Value).ToList();
        _anyMethod = methods.Contains("*");
        _methods = methods.Count == 0 || _anyMethod ? null : string.Join(", ", methods);
        var headers = filter.AllowHeaders ?? [];
        _anyHeader = headers.Contains("*");
        _headers = headers.Count == 0 || _anyHeader ? null : string.Join(", ", headers);
        var exposed = filter.ExposeHeaders ?? [];
        _anyExposed = exposed.Contains("*");
        _exposed = exposed.Count == 0 || _anyExposed ? null : string.Join(", ", exposed);
        _maxAge = filter.MaxAge ?? 5;
    }

    /// <summary>
    /// Whether the answer depends on the request's <c>Origin</c>: it does unless every origin is answered <c>*</c> (any
    /// origin, credentials not allowed). Then every response of the rule needs <c>Vary: Origin</c>, also responses to
    /// requests without <c>Origin</c>, so that a shared cache never hands one origin's answer (or a non-CORS answer) to
    /// another origin (Fetch standard, "CORS protocol and HTTP caches").
    /// </summary>
    public bool VariesByOrigin => !_anyOrigin || _allowCredentials;

    /// <summary>The CORS answer for a request, or null when it carries no <c>Origin</c> (not a CORS request).</summary>
    public CorsDecision? Evaluate(HttpRoutingRequest request)
    {
        var origin = FirstHeader(request.Headers, "Origin");
        if (origin is null)
        {
            return null;
        }

        var requestedMethod = FirstHeader(request.Headers, "Access-Control-Request-Method");
        var preflight = request.Method == "OPTIONS" && requestedMethod is not null;
        var vary = VariesByOrigin ? "Origin" : null;
        if (!_anyOrigin && !Array.Exists(_origins, o => o.Matches(origin)))
        {
            // Disallowed origin: answered (preflight) or forwarded (actual) without CORS headers, but with Vary.
            return new CorsDecision { IsPreflight = preflight, OriginAllowed = false, ResponseHeaders = VaryHeader(vary) };
        }

        var headers = new List<KeyValuePair<string, string>>();
        var credentialed = !preflight && (FirstHeader(request.Headers, "Cookie") is not null || FirstHeader(request.Headers, "Authorization") is not null);
        if (credentialed && !_allowCredentials)
        {
            // GEP-1767: with credentials not allowed, a credentialed request gets no CORS headers.
            return new CorsDecision { IsPreflight = false, OriginAllowed = true, ResponseHeaders = VaryHeader(vary) };
        }

        // "*" may be answered only to requests that cannot carry credentials; otherwise echo the request's value.
        headers.Add(new("Access-Control-Allow-Origin", _anyOrigin && !_allowCredentials ? "*" : origin));
        if (_allowCredentials)
        {
            headers.Add(new("Access-Control-Allow-Credentials", "true"));
        }

        if (preflight)
        {
            var methods = _anyMethod ? (_allowCredentials ? requestedMethod : "*") : _methods;
            if (_anyMethod && _allowCredentials)
            {
                // The answer echoes the requested method, so it varies with it.
                vary = vary is null ? "Access-Control-Request-Method" : vary + ", Access-Control-Request-Method";
            }

            if (methods is not null)
            {
                headers.Add(new("Access-Control-Allow-Methods", methods));
            }

            var requestedHeaders = FirstHeader(request.Headers, "Access-Control-Request-Headers");
            if (requestedHeaders is not null)
            {
                var allowed = _anyHeader ? (_allowCredentials ? requestedHeaders : "*") : _headers;
                if (_anyHeader && _allowCredentials)
                {
                    vary = vary is null ? "Access-Control-Request-Headers" : vary + ", Access-Control-Request-Headers";
                }

                if (allowed is not null)
                {
                    headers.Add(new("Access-Control-Allow-Headers", allowed));
                }
            }
        }

        var exposed = _anyExposed ? (_allowCredentials ? null : "*") : _exposed;
        if (exposed is not null)
        {
            headers.Add(new("Access-Control-Expose-Headers", exposed));
        }

        if (preflight)
        {
            headers.Add(new("Access-Control-Max-Age", _maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (vary is not null)
        {
            headers.Add(new(VaryHeaderName, vary));
        }

        return new CorsDecision { IsPreflight = preflight, OriginAllowed = true, ResponseHeaders = headers };
    }

    /// <summary>The <c>Vary</c> header name; the proxy appends its value to the backend's own <c>Vary</c>.</summary>
    public const string VaryHeaderName = "Vary";

    private static IReadOnlyList<KeyValuePair<string, string>> VaryHeader(string? vary) => vary is null ? [] : [new(VaryHeaderName, vary)];

    private static string? FirstHeader(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return headers[i].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// One configured origin <c>scheme://host[:port]</c>: the host may be <c>*</c> or start with <c>*.</c> (one or
    /// more labels); a missing port means the scheme's default (80/443), so <c>https://a.com</c> and
    /// <c>https://a.com:443</c> are the same origin (our reading of R14).
    /// </summary>
    internal sealed record OriginPattern(string Scheme, string Host, int Port)
    {
        public static OriginPattern? Parse(string text) => TryParse(text, out var scheme, out var host, out var port) ? new OriginPattern(scheme, host, port) : null;

        public bool Matches(string origin)
        {
            if (!TryParse(origin, out var scheme, out var host, out var port))
            {
                return false;
            }

            return string.Equals(scheme, Scheme, StringComparison.OrdinalIgnoreCase)
                && port == Port
                && (Host == "*" || Hostnames.HostnameMatch.Matches(Host, host));
        }

        private static bool TryParse(string text, out string scheme, out string host, out int port)
        {
            scheme = host = "";
            port = -1;
            var separator = text.IndexOf("://", StringComparison.Ordinal);
            if (separator <= 0)
            {
                return false;
            }

            scheme = text[..separator].ToLowerInvariant();
            var authority = text[(separator + 3)..].TrimEnd('/');
            var colon = authority.LastIndexOf(':');
            if (colon > 0 && !authority.EndsWith(']') && int.TryParse(authority.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var explicitPort))
            {
                port = explicitPort;
                authority = authority[..colon];
            }
            else
            {
                port = scheme switch { "http" => 80, "https" => 443, _ => -1 };
            }

            host = authority;
            return host.Length > 0;
        }
    }
}
