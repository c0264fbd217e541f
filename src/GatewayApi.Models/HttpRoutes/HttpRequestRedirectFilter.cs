using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The settings of a <c>RequestRedirect</c> filter: the gateway answers with a redirect whose
/// <c>Location</c> is the request URL with the parts given here replaced. Not combinable with a
/// <c>URLRewrite</c> filter in the same rule or backend.
/// </summary>
public sealed class HttpRequestRedirectFilter : SchemaObject
{
    /// <summary>
    /// The scheme of the <c>Location</c>, <c>http</c> or <c>https</c> (Extended support). Absent means the
    /// request's scheme. Also decides the default port (see <see cref="Port"/>).
    /// </summary>
    [JsonPropertyName("scheme")]
    public HttpRedirectScheme? Scheme { get; set; }

    /// <summary>
    /// The host of the <c>Location</c>, a hostname without wildcard (Core support). Absent means the
    /// request's <c>Host</c> header.
    /// </summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; set; }

    /// <summary>
    /// How the path of the <c>Location</c> is derived from the request path (Extended support). Absent means
    /// unchanged.
    /// </summary>
    [JsonPropertyName("path")]
    public HttpPathModifier? Path { get; set; }

    /// <summary>
    /// The port of the <c>Location</c>, 1 to 65535 (Extended support). Absent means 80 or 443 when a
    /// <see cref="Scheme"/> is set, otherwise the listener's port. Implementations should leave port 80 for
    /// http and 443 for https out of the header.
    /// </summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }

    /// <summary>
    /// The response status code (Core support): one of 301, 302, 303, 307 or 308. Absent means 302. An
    /// unsupported code makes the route not accepted (<c>UnsupportedValue</c>).
    /// </summary>
    [JsonPropertyName("statusCode")]
    public int? StatusCode { get; set; }
}

/// <summary>The scheme of a redirect's <c>Location</c> (<see cref="HttpRequestRedirectFilter.Scheme"/>), in lower case.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<HttpRedirectScheme>))]
public readonly record struct HttpRedirectScheme(string Value) : IExtensibleValue<HttpRedirectScheme>
{
    /// <summary><c>http</c> (default port 80).</summary>
    public static HttpRedirectScheme Http { get; } = new("http");

    /// <summary><c>https</c> (default port 443).</summary>
    public static HttpRedirectScheme Https { get; } = new("https");

    /// <inheritdoc />
    public static IReadOnlyList<HttpRedirectScheme> KnownValues { get; } = [Http, Https];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static HttpRedirectScheme Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator HttpRedirectScheme(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
