using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GatewayApi.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GatewayApi.Yarp;

/// <summary>
/// Session persistence (GEP-1619) for an HTTPRoute or GRPCRoute rule that sets <c>sessionPersistence</c>: the session cookie (or header)
/// carries the backend and endpoint that served the session's first request, and later requests go back to them
/// while they are still usable. The value is opaque to clients (base64url of the backend key and endpoint, as
/// Envoy's stateful sessions encode the upstream address), with the session's start: <c>absoluteTimeout</c> is
/// enforced by the gateway for every session (GEP-1619), and also sets the cookie's <c>Max-Age</c> when the cookie is
/// <c>Permanent</c>. The value is not signed: a client can only prolong its own stickiness, never reach a backend
/// the rule does not have.
/// </summary>
internal sealed class SessionPersistence
{
    // v2 adds the session's start (Unix seconds); v1 values (no start) are kept only where no timeout applies.
    private const string Version = "v2";
    private const string VersionWithoutStart = "v1";

    private SessionPersistence(SessionPersistenceSettings settings, string name, DateTimeOffset now, string? backendKey = null, string? endpoint = null, DateTimeOffset? started = null)
    {
        Settings = settings;
        Name = name;
        Now = now;
        BackendKey = backendKey;
        Endpoint = endpoint;
        Started = started;
    }

    public SessionPersistenceSettings Settings { get; }

    /// <summary>The cookie or header name: the rule's <c>sessionName</c>, or one derived from the route and rule.</summary>
    public string Name { get; }

    /// <summary>The session's backend (<see cref="RoutedBackend.SessionKey"/>), or null for a new session.</summary>
    public string? BackendKey { get; }

    /// <summary>The session's endpoint (<c>host:port</c>), or null.</summary>
    public string? Endpoint { get; }

    /// <summary>When the session started (null for a new session, or a value from before starts were recorded).</summary>
    public DateTimeOffset? Started { get; }

    /// <summary>The time the request is handled at.</summary>
    private DateTimeOffset Now { get; }

    /// <summary>The session's backend when the draw chose another one (route again pinned to it), else null.</summary>
    public string? RedrawFor(RoutedBackend? drawn) => BackendKey is { } bound && bound != drawn?.SessionKey ? bound : null;

    public bool IsCookie => !string.Equals(Settings.Type, "Header", StringComparison.Ordinal);

    /// <summary>
    /// Reads the request's session value for the decision's rule. A missing or unreadable value, or a session older
    /// than <c>absoluteTimeout</c>, is a new session.
    /// </summary>
    public static SessionPersistence Read(HttpContext context, RouteReference? route, int ruleIndex, SessionPersistenceSettings settings, DateTimeOffset now)
    {
        var name = settings.SessionName is { Length: > 0 } given ? given : DefaultName(route, ruleIndex);
        var value = string.Equals(settings.Type, "Header", StringComparison.Ordinal)
            ? context.Request.Headers[name].ToString()
            : context.Request.Cookies[name];
        if (string.IsNullOrEmpty(value))
        {
            return new SessionPersistence(settings, name, now);
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(value)).Split('\n');
        }
        catch (FormatException)
        {
            return new SessionPersistence(settings, name, now);
        }

        switch (parts)
        {
            case [Version, var backend, var endpoint, var start] when long.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds():
                var started = DateTimeOffset.FromUnixTimeSeconds(seconds);
                return settings.AbsoluteTimeout is { } lifetime && now - started >= lifetime
                    ? new SessionPersistence(settings, name, now)
                    : new SessionPersistence(settings, name, now, backend, endpoint, started);
            case [VersionWithoutStart, var backend, var endpoint] when settings.AbsoluteTimeout is null:
                return new SessionPersistence(settings, name, now, backend, endpoint);
            default:
                return new SessionPersistence(settings, name, now);
        }
    }

    /// <summary>
    /// The endpoint to use: the session's, when the backend still has it; otherwise round-robin, and the session is
    /// (re)bound to what serves this request.
    /// </summary>
    public BackendEndpoint ChooseEndpoint(HttpContext context, RoutedBackend backend, IReadOnlyList<BackendEndpoint> endpoints)
    {
        var key = backend.SessionKey;
        if (key == BackendKey && Endpoint is not null)
        {
            foreach (var endpoint in endpoints)
            {
                if (endpoint.ToString() == Endpoint)
                {
                    return endpoint;
                }
            }
        }

        // The same backend with another endpoint continues the session (it keeps its start); another backend starts one.
        var chosen = RoundRobin.Next(endpoints);
        Bind(context, key, chosen.ToString(), key == BackendKey ? Started ?? Now : Now);
        return chosen;
    }

    private void Bind(HttpContext context, string key, string address, DateTimeOffset started)
    {
        var start = started.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var value = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(Version + "\n" + key + "\n" + address + "\n" + start));
        var now = Now;
        var secure = context.Request.IsHttps;
        var name = Name;
        var cookie = IsCookie;
        var settings = Settings;
        context.Response.OnStarting(() =>
        {
            // After YARP copied the backend's headers: ours are added to them, never replace a backend cookie.
            if (cookie)
            {
                // GEP-1619's defaults: HttpOnly and SameSite=Strict always; Secure where the client came over TLS
                // (a browser would refuse, or never send back, a Secure cookie on plain HTTP).
                var text = $"{name}={value}; Path={settings.CookiePath}; HttpOnly; SameSite=Strict{(secure ? "; Secure" : "")}";
                if (settings.LifetimeType == "Permanent" && settings.AbsoluteTimeout is { } lifetime)
                {
                    // What is left of the session's lifetime (all of it for a new session).
                    text += $"; Max-Age={Math.Max(0, (long)(lifetime - (now - started)).TotalSeconds)}";
                }

                context.Response.Headers.Append("Set-Cookie", text);
            }
            else
            {
                context.Response.Headers[name] = value;
            }

            return Task.CompletedTask;
        });
    }

    // sessionName is optional: a stable name per route rule, so two rules never share a session by accident.
    private static string DefaultName(RouteReference? route, int ruleIndex)
    {
        var identity = $"{route?.Kind}/{route?.Namespace}/{route?.Name}/{ruleIndex}";
        return "gwapi-session-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 6));
    }
}
