using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// One request matcher of an <see cref="HttpRouteRule"/>: a request matches when it satisfies every
/// condition given here (path AND headers AND query parameters AND method).
/// </summary>
public sealed class HttpRouteMatch : SchemaObject
{
    /// <summary>The path condition. Absent means a <c>PathPrefix</c> match on <c>/</c> (every path).</summary>
    [JsonPropertyName("path")]
    public HttpPathMatch? Path { get; set; }

    /// <summary>
    /// Header conditions, all of which must hold. At most 16 entries, keyed by name (compared without
    /// regard to case; only the first of equivalent names counts).
    /// </summary>
    [JsonPropertyName("headers")]
    public IList<HttpHeaderMatch>? Headers { get; set; }

    /// <summary>
    /// Query-parameter conditions, all of which must hold (Extended support). At most 16 entries, keyed by
    /// name (compared exactly).
    /// </summary>
    [JsonPropertyName("queryParams")]
    public IList<HttpQueryParamMatch>? QueryParams { get; set; }

    /// <summary>The request method to match (Extended support). Absent means any method.</summary>
    [JsonPropertyName("method")]
    public HttpRequestMethod? Method { get; set; }
}

/// <summary>How an <see cref="HttpRouteMatch"/> compares the request path.</summary>
public sealed class HttpPathMatch : SchemaObject
{
    /// <summary>
    /// The comparison: <c>Exact</c> and <c>PathPrefix</c> (Core) or <c>RegularExpression</c>
    /// (Implementation-specific). Absent means <c>PathPrefix</c>.
    /// </summary>
    [JsonPropertyName("type")]
    public PathMatchType? Type { get; set; }

    /// <summary>
    /// The path (or pattern) to compare with. Absent means <c>/</c>. At most 1024 characters; for
    /// <c>Exact</c> and <c>PathPrefix</c> an absolute path without <c>//</c>, <c>/./</c>, <c>/../</c>,
    /// <c>%2F</c> or <c>#</c>.
    /// </summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>A condition on one request header of an <see cref="HttpRouteMatch"/>.</summary>
public sealed class HttpHeaderMatch : SchemaObject
{
    /// <summary>
    /// The comparison: <c>Exact</c> (Core) or <c>RegularExpression</c> (Implementation-specific, dialect
    /// chosen by the implementation). Absent means <c>Exact</c>.
    /// </summary>
    [JsonPropertyName("type")]
    public HeaderMatchType? Type { get; set; }

    /// <summary>
    /// The header name, compared without regard to case. Required; an RFC 7230 token of 1 to 256
    /// characters (pseudo-headers such as <c>:method</c> are not valid).
    /// </summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// The value (or pattern) to compare with. Required, 1 to 4096 characters; the experimental channel
    /// also requires printable ASCII separated by at most single spaces or tabs.
    /// </summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>A condition on one query parameter of an <see cref="HttpRouteMatch"/> (Extended support).</summary>
public sealed class HttpQueryParamMatch : SchemaObject
{
    /// <summary>
    /// The comparison: <c>Exact</c> (Extended) or <c>RegularExpression</c> (Implementation-specific).
    /// Absent means <c>Exact</c>.
    /// </summary>
    [JsonPropertyName("type")]
    public QueryParamMatchType? Type { get; set; }

    /// <summary>
    /// The parameter name, compared exactly. Required, 1 to 256 characters. For a parameter repeated in
    /// the request, which occurrence is matched is left to the implementation.
    /// </summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The value (or pattern) to compare with. Required, 1 to 1024 characters.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>
/// How an HTTP path is compared. A route using a value its implementation does not support is not
/// accepted (reason <c>UnsupportedValue</c>).
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<PathMatchType>))]
public readonly record struct PathMatchType(string Value) : IExtensibleValue<PathMatchType>
{
    /// <summary>The path equals the value, case-sensitively (<c>/abc</c> does not match <c>/abc/</c>). Core.</summary>
    public static PathMatchType Exact { get; } = new("Exact");

    /// <summary>
    /// The path starts with the value, compared whole segment by segment, case-sensitively, ignoring a
    /// trailing <c>/</c> (<c>/abc</c> matches <c>/abc/def</c>, not <c>/abcd</c>). The default. Core.
    /// </summary>
    public static PathMatchType PathPrefix { get; } = new("PathPrefix");

    /// <summary>The path matches the value as a case-sensitive regular expression. Implementation-specific.</summary>
    public static PathMatchType RegularExpression { get; } = new("RegularExpression");

    /// <inheritdoc />
    public static IReadOnlyList<PathMatchType> KnownValues { get; } = [Exact, PathPrefix, RegularExpression];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static PathMatchType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator PathMatchType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How an HTTP header value is compared in an <see cref="HttpHeaderMatch"/>.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<HeaderMatchType>))]
public readonly record struct HeaderMatchType(string Value) : IExtensibleValue<HeaderMatchType>
{
    /// <summary>The value is equal (the default). Core.</summary>
    public static HeaderMatchType Exact { get; } = new("Exact");

    /// <summary>The value matches a regular expression. Implementation-specific.</summary>
    public static HeaderMatchType RegularExpression { get; } = new("RegularExpression");

    /// <inheritdoc />
    public static IReadOnlyList<HeaderMatchType> KnownValues { get; } = [Exact, RegularExpression];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static HeaderMatchType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator HeaderMatchType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How a query-parameter value is compared in an <see cref="HttpQueryParamMatch"/>.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<QueryParamMatchType>))]
public readonly record struct QueryParamMatchType(string Value) : IExtensibleValue<QueryParamMatchType>
{
    /// <summary>The value is equal (the default). Extended.</summary>
    public static QueryParamMatchType Exact { get; } = new("Exact");

    /// <summary>The value matches a regular expression. Implementation-specific.</summary>
    public static QueryParamMatchType RegularExpression { get; } = new("RegularExpression");

    /// <inheritdoc />
    public static IReadOnlyList<QueryParamMatchType> KnownValues { get; } = [Exact, RegularExpression];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static QueryParamMatchType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator QueryParamMatchType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// An HTTP request method (RFC 7231, RFC 5789), written in upper case, as matched by
/// <see cref="HttpRouteMatch.Method"/>.
/// </summary>
/// <remarks>
/// The spec calls this type <c>HTTPMethod</c>; it is named <c>HttpRequestMethod</c> here so that it does not
/// collide with <c>System.Net.Http.HttpMethod</c>, which every .NET project imports implicitly.
/// </remarks>
[JsonConverter(typeof(ExtensibleValueJsonConverter<HttpRequestMethod>))]
public readonly record struct HttpRequestMethod(string Value) : IExtensibleValue<HttpRequestMethod>
{
    /// <summary><c>GET</c>.</summary>
    public static HttpRequestMethod Get { get; } = new("GET");

    /// <summary><c>HEAD</c>.</summary>
    public static HttpRequestMethod Head { get; } = new("HEAD");

    /// <summary><c>POST</c>.</summary>
    public static HttpRequestMethod Post { get; } = new("POST");

    /// <summary><c>PUT</c>.</summary>
    public static HttpRequestMethod Put { get; } = new("PUT");

    /// <summary><c>DELETE</c>.</summary>
    public static HttpRequestMethod Delete { get; } = new("DELETE");

    /// <summary><c>CONNECT</c>.</summary>
    public static HttpRequestMethod Connect { get; } = new("CONNECT");

    /// <summary><c>OPTIONS</c>.</summary>
    public static HttpRequestMethod Options { get; } = new("OPTIONS");

    /// <summary><c>TRACE</c>.</summary>
    public static HttpRequestMethod Trace { get; } = new("TRACE");

    /// <summary><c>PATCH</c>.</summary>
    public static HttpRequestMethod Patch { get; } = new("PATCH");

    /// <inheritdoc />
    public static IReadOnlyList<HttpRequestMethod> KnownValues { get; } = [Get, Head, Post, Put, Delete, Connect, Options, Trace, Patch];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static HttpRequestMethod Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator HttpRequestMethod(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
