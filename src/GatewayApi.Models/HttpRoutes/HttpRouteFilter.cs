using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// A processing step of an <see cref="HttpRouteRule"/> or <see cref="HttpBackendRef"/>: <see cref="Type"/>
/// says which step, and exactly the one matching field carries its settings (all others stay absent).
/// </summary>
public sealed class HttpRouteFilter : SchemaObject
{
    /// <summary>
    /// Which filter this is; it names the one settings field that must be set. Required. A type the
    /// implementation does not support makes the route not accepted (reason <c>UnsupportedValue</c>).
    /// </summary>
    [JsonPropertyName("type")]
    public HttpRouteFilterType? Type { get; set; }

    /// <summary>
    /// Header changes made to the request before it is forwarded, for type <c>RequestHeaderModifier</c> (Core).
    /// </summary>
    [JsonPropertyName("requestHeaderModifier")]
    public HttpHeaderFilter? RequestHeaderModifier { get; set; }

    /// <summary>
    /// Header changes made to the response before it reaches the client, for type <c>ResponseHeaderModifier</c>
    /// (Extended).
    /// </summary>
    [JsonPropertyName("responseHeaderModifier")]
    public HttpHeaderFilter? ResponseHeaderModifier { get; set; }

    /// <summary>
    /// A copy of requests sent to another backend whose answers are ignored, for type
    /// <c>RequestMirror</c> (Extended). This filter may appear several times in a rule.
    /// </summary>
    [JsonPropertyName("requestMirror")]
    public HttpRequestMirrorFilter? RequestMirror { get; set; }

    /// <summary>An HTTP redirect answered instead of forwarding, for type <c>RequestRedirect</c> (Core).</summary>
    [JsonPropertyName("requestRedirect")]
    public HttpRequestRedirectFilter? RequestRedirect { get; set; }

    /// <summary>Host and path rewriting while forwarding, for type <c>URLRewrite</c> (Extended).</summary>
    [JsonPropertyName("urlRewrite")]
    public HttpUrlRewriteFilter? UrlRewrite { get; set; }

    /// <summary>Cross-origin resource sharing answers, for type <c>CORS</c> (Extended).</summary>
    [JsonPropertyName("cors")]
    public HttpCorsFilter? Cors { get; set; }

    /// <summary>
    /// A call to an external authentication service before forwarding, for type <c>ExternalAuth</c>
    /// (Extended). Fails closed. Experimental channel only.
    /// </summary>
    [JsonPropertyName("externalAuth")]
    public HttpExternalAuthFilter? ExternalAuth { get; set; }

    /// <summary>
    /// An implementation-specific filter object in the route's namespace, for type <c>ExtensionRef</c>.
    /// Must not stand in for a Core or Extended filter. May appear several times in a rule; if it cannot
    /// be resolved, the affected requests get an error response.
    /// </summary>
    [JsonPropertyName("extensionRef")]
    public LocalObjectReference? ExtensionRef { get; set; }
}

/// <summary>
/// The kind of an <see cref="HttpRouteFilter"/>. A route using a value its implementation does not support
/// is not accepted (reason <c>UnsupportedValue</c>).
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<HttpRouteFilterType>))]
public readonly record struct HttpRouteFilterType(string Value) : IExtensibleValue<HttpRouteFilterType>
{
    /// <summary>Adds, sets or removes request headers. Core in a rule, Extended on a backend.</summary>
    public static HttpRouteFilterType RequestHeaderModifier { get; } = new("RequestHeaderModifier");

    /// <summary>Adds, sets or removes response headers. Extended.</summary>
    public static HttpRouteFilterType ResponseHeaderModifier { get; } = new("ResponseHeaderModifier");

    /// <summary>Copies requests to another backend and ignores its answers. Extended.</summary>
    public static HttpRouteFilterType RequestMirror { get; } = new("RequestMirror");

    /// <summary>
    /// Answers with a redirect (also HTTP to HTTPS); not with <c>URLRewrite</c>. Core in a rule, Extended on a
    /// backend.
    /// </summary>
    public static HttpRouteFilterType RequestRedirect { get; } = new("RequestRedirect");

    /// <summary>
    /// Rewrites host or path while forwarding; at most once per rule, not with <c>RequestRedirect</c>. Extended.
    /// </summary>
    public static HttpRouteFilterType UrlRewrite { get; } = new("URLRewrite");

    /// <summary>Points to an implementation-specific filter object. Implementation-specific.</summary>
    public static HttpRouteFilterType ExtensionRef { get; } = new("ExtensionRef");

    /// <summary>Adds CORS headers to responses. Extended.</summary>
    public static HttpRouteFilterType Cors { get; } = new("CORS");

    /// <summary>
    /// Asks an external service to authenticate (and possibly authorize) the request first. Extended
    /// (feature <c>HTTPRouteExternalAuth</c>). Experimental channel only.
    /// </summary>
    public static HttpRouteFilterType ExternalAuth { get; } = new("ExternalAuth");

    /// <inheritdoc />
    public static IReadOnlyList<HttpRouteFilterType> KnownValues { get; } =
    [
        RequestHeaderModifier, ResponseHeaderModifier, RequestMirror, RequestRedirect, UrlRewrite, ExtensionRef, Cors,
        ExternalAuth,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static HttpRouteFilterType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator HttpRouteFilterType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
