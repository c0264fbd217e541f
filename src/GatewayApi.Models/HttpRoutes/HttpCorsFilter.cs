using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The settings of a <c>CORS</c> filter (Extended support): how the gateway answers cross-origin requests
/// and preflight requests. At most one per rule. In each list, <c>*</c> must be the only entry when present.
/// </summary>
public sealed class HttpCorsFilter : SchemaObject
{
    /// <summary>
    /// The origins allowed, each <c>*</c> (any origin) or <c>http(s)://host[:port]</c>, where the host may
    /// start with <c>*.</c> (any subdomains) or be <c>*</c>. At most 64 entries, no duplicates.
    /// </summary>
    [JsonPropertyName("allowOrigins")]
    public IList<string>? AllowOrigins { get; set; }

    /// <summary>
    /// Whether credentials may be included: true sends <c>Access-Control-Allow-Credentials: true</c>, and
    /// wildcards in the other lists are then answered with the request's actual values. Absent means false.
    /// </summary>
    [JsonPropertyName("allowCredentials")]
    public bool? AllowCredentials { get; set; }

    /// <summary>
    /// The request methods allowed, case-sensitive, or <c>*</c> for all. At most 9 entries, no
    /// duplicates. <c>GET</c>, <c>HEAD</c> and <c>POST</c> are always allowed.
    /// </summary>
    [JsonPropertyName("allowMethods")]
    public IList<HttpMethodWithWildcard>? AllowMethods { get; set; }

    /// <summary>
    /// The request header names allowed (case-insensitive), or <c>*</c> for all. At most 64 entries, no
    /// duplicates.
    /// </summary>
    [JsonPropertyName("allowHeaders")]
    public IList<string>? AllowHeaders { get; set; }

    /// <summary>
    /// Response header names, beyond the CORS-safelisted ones, that client scripts may read, or <c>*</c>
    /// for all. At most 64 entries, no duplicates.
    /// </summary>
    [JsonPropertyName("exposeHeaders")]
    public IList<string>? ExposeHeaders { get; set; }

    /// <summary>
    /// How many seconds a client may cache a preflight answer (<c>Access-Control-Max-Age</c>). Absent
    /// means 5. At least 1.
    /// </summary>
    [JsonPropertyName("maxAge")]
    public int? MaxAge { get; set; }
}

/// <summary>
/// A request method allowed by <see cref="HttpCorsFilter.AllowMethods"/>: one of the methods of
/// <see cref="HttpRequestMethod"/>, or <c>*</c> for all of them.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<HttpMethodWithWildcard>))]
public readonly record struct HttpMethodWithWildcard(string Value) : IExtensibleValue<HttpMethodWithWildcard>
{
    /// <summary><c>GET</c>.</summary>
    public static HttpMethodWithWildcard Get { get; } = new("GET");

    /// <summary><c>HEAD</c>.</summary>
    public static HttpMethodWithWildcard Head { get; } = new("HEAD");

    /// <summary><c>POST</c>.</summary>
    public static HttpMethodWithWildcard Post { get; } = new("POST");

    /// <summary><c>PUT</c>.</summary>
    public static HttpMethodWithWildcard Put { get; } = new("PUT");

    /// <summary><c>DELETE</c>.</summary>
    public static HttpMethodWithWildcard Delete { get; } = new("DELETE");

    /// <summary><c>CONNECT</c>.</summary>
    public static HttpMethodWithWildcard Connect { get; } = new("CONNECT");

    /// <summary><c>OPTIONS</c>.</summary>
    public static HttpMethodWithWildcard Options { get; } = new("OPTIONS");

    /// <summary><c>TRACE</c>.</summary>
    public static HttpMethodWithWildcard Trace { get; } = new("TRACE");

    /// <summary><c>PATCH</c>.</summary>
    public static HttpMethodWithWildcard Patch { get; } = new("PATCH");

    /// <summary><c>*</c>: every method. Must be the only entry of the list.</summary>
    public static HttpMethodWithWildcard Wildcard { get; } = new("*");

    /// <inheritdoc />
    public static IReadOnlyList<HttpMethodWithWildcard> KnownValues { get; } =
        [Get, Head, Post, Put, Delete, Connect, Options, Trace, Patch, Wildcard];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static HttpMethodWithWildcard Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator HttpMethodWithWildcard(string value) => new(value);

    /// <summary>Uses a method of <see cref="HttpRequestMethod"/> where a CORS method is expected.</summary>
    /// <param name="method">The method.</param>
    public static implicit operator HttpMethodWithWildcard(HttpRequestMethod method) => new(method.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
