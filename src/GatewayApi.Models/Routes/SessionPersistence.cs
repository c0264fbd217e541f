using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Session persistence (experimental, GEP-1619): keeps a client's requests on the backend that served its
/// first one, by a cookie or a header the data plane issues.
/// </summary>
public sealed class SessionPersistence : SchemaObject
{
    /// <summary>The name of the session cookie or header. Absent means the implementation's own name. At most 128 characters.</summary>
    [JsonPropertyName("sessionName")]
    public string? SessionName { get; set; }

    /// <summary>How long a session lasts from its start, whatever its activity (Extended support).</summary>
    [JsonPropertyName("absoluteTimeout")]
    public GatewayDuration? AbsoluteTimeout { get; set; }

    /// <summary>Whether the session is carried by a <c>Cookie</c> or a <c>Header</c>. Absent means <c>Cookie</c>.</summary>
    [JsonPropertyName("type")]
    public SessionPersistenceType? Type { get; set; }

    /// <summary>Settings of the session cookie, for the <c>Cookie</c> type.</summary>
    [JsonPropertyName("cookieConfig")]
    public CookieConfig? CookieConfig { get; set; }
}

/// <summary>Settings of a session-persistence cookie.</summary>
public sealed class CookieConfig : SchemaObject
{
    /// <summary>
    /// <c>Session</c> (the default) makes a cookie that ends with the browser session; <c>Permanent</c> one
    /// that lasts until <see cref="SessionPersistence.AbsoluteTimeout"/>.
    /// </summary>
    [JsonPropertyName("lifetimeType")]
    public CookieLifetimeType? LifetimeType { get; set; }
}

/// <summary>How a session is carried between client and data plane.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<SessionPersistenceType>))]
public readonly record struct SessionPersistenceType(string Value) : IExtensibleValue<SessionPersistenceType>
{
    /// <summary>A cookie carries the session (the default).</summary>
    public static SessionPersistenceType Cookie { get; } = new("Cookie");

    /// <summary>A header carries the session.</summary>
    public static SessionPersistenceType Header { get; } = new("Header");

    /// <inheritdoc />
    public static IReadOnlyList<SessionPersistenceType> KnownValues { get; } = [Cookie, Header];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static SessionPersistenceType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator SessionPersistenceType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The lifetime of a session-persistence cookie.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<CookieLifetimeType>))]
public readonly record struct CookieLifetimeType(string Value) : IExtensibleValue<CookieLifetimeType>
{
    /// <summary>The cookie lasts until its absolute timeout.</summary>
    public static CookieLifetimeType Permanent { get; } = new("Permanent");

    /// <summary>The cookie ends with the browser session (the default).</summary>
    public static CookieLifetimeType Session { get; } = new("Session");

    /// <inheritdoc />
    public static IReadOnlyList<CookieLifetimeType> KnownValues { get; } = [Permanent, Session];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static CookieLifetimeType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator CookieLifetimeType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
