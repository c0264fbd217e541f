using System.Security.Cryptography;
using System.Text;
using GatewayApi.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GatewayApi.Yarp;

/// <summary>
/// Session persistence (GEP-1619) for a rule that sets <c>sessionPersistence</c>: the session cookie (or header)
/// carries the backend and endpoint that served the session's first request, and later requests go back to them
/// while they are still usable. The value is opaque to clients (base64url of the backend key and endpoint, as
/// Envoy's stateful sessions encode the upstream address). Only <c>absoluteTimeout</c> with a <c>Permanent</c>
/// cookie is enforced (as the cookie's <c>Max-Age</c>); <c>idleTimeout</c> is not.
/// </summary>
internal sealed class SessionPersistence
{
    private const string Version = "v1";

    private SessionPersistence(SessionPersistenceSettings settings, string name, string? backendKey, string? endpoint)
    {
        Settings = settings;
        Name = name;
        BackendKey = backendKey;
        Endpoint = endpoint;
    }

    public SessionPersistenceSettings Settings { get; }

    /// <summary>The cookie or header name: the rule's <c>sessionName</c>, or one derived from the route and rule.</summary>
    public string Name { get; }

    /// <summary>The session's backend (<see cref="RoutedBackend.SessionKey"/>), or null for a new session.</summary>
    public string? BackendKey { get; }

    /// <summary>The session's endpoint (<c>host:port</c>), or null.</summary>
    public string? Endpoint { get; }

    public bool IsCookie => !string.Equals(Settings.Type, "Header", StringComparison.Ordinal);

    /// <summary>Reads the request's session value for the decision's rule; a missing or unreadable value is a new session.</summary>
    public static SessionPersistence Read(HttpContext context, HttpRouteDecision decision, SessionPersistenceSettings settings)
    {
        var name = settings.SessionName is { Length: > 0 } given ? given : DefaultName(decision);
        var value = string.Equals(settings.Type, "Header", StringComparison.Ordinal)
            ? context.Request.Headers[name].ToString()
            : context.Request.Cookies[name];
        if (string.IsNullOrEmpty(value))
        {
            return new SessionPersistence(settings, name, null, null);
        }

        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(value)).Split('\n');
            return parts is [Version, var backend, var endpoint]
                ? new SessionPersistence(settings, name, backend, endpoint)
                : new SessionPersistence(settings, name, null, null);
        }
        catch (FormatException)
        {
            return new SessionPersistence(settings, name, null, null);
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

        var chosen = RoundRobin.Next(endpoints);
        Bind(context, key, chosen.ToString());
        return chosen;
    }

    private void Bind(HttpContext context, string key, string address)
    {
        var value = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(Version + "\n" + key + "\n" + address));
        var name = Name;
        var cookie = IsCookie;
        var settings = Settings;
        context.Response.OnStarting(() =>
        {
            // After YARP copied the backend's headers: ours are added to them, never replace a backend cookie.
            if (cookie)
            {
                var text = $"{name}={value}; Path={settings.CookiePath}; HttpOnly";
                if (settings.LifetimeType == "Permanent" && settings.AbsoluteTimeout is { } lifetime)
                {
                    text += $"; Max-Age={(long)lifetime.TotalSeconds}";
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
    private static string DefaultName(HttpRouteDecision decision)
    {
        var identity = $"{decision.Route?.Kind}/{decision.Route?.Namespace}/{decision.Route?.Name}/{decision.RuleIndex}";
        return "gwapi-session-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 6));
    }
}
