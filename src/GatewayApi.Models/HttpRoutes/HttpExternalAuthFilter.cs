using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The settings of an <c>ExternalAuth</c> filter (Extended support, feature <c>HTTPRouteExternalAuth</c>):
/// before forwarding, the gateway asks an external service, which must authenticate the request and may
/// authorize it. Any failure to reach the service rejects the request. Experimental channel only.
/// </summary>
public sealed class HttpExternalAuthFilter : SchemaObject
{
    /// <summary>
    /// How the gateway talks to the service: <c>GRPC</c> (Envoy <c>ext_authz</c> protocol) or <c>HTTP</c>
    /// (a <c>200</c> answer allows the request). Required; <see cref="Grpc"/> or <see cref="Http"/> must be
    /// set to match, and only that one.
    /// </summary>
    [JsonPropertyName("protocol")]
    public HttpRouteExternalAuthProtocol? Protocol { get; set; }

    /// <summary>
    /// The service to ask, speaking <see cref="Protocol"/> on the referenced port. Required. Use a
    /// BackendTLSPolicy when it needs TLS.
    /// </summary>
    [JsonPropertyName("backendRef")]
    public BackendObjectReference? BackendRef { get; set; }

    /// <summary>Settings for the <c>GRPC</c> protocol. Absent means each setting's default.</summary>
    [JsonPropertyName("grpc")]
    public GrpcAuthConfig? Grpc { get; set; }

    /// <summary>Settings for the <c>HTTP</c> protocol. Absent means each setting's default.</summary>
    [JsonPropertyName("http")]
    public HttpAuthConfig? Http { get; set; }

    /// <summary>
    /// Whether, and how much of, the request body is sent to the service (feature
    /// <c>HTTPRouteExternalAuthForwardBody</c>). Absent means the body is not sent.
    /// </summary>
    [JsonPropertyName("forwardBody")]
    public ForwardBodyConfig? ForwardBody { get; set; }
}

/// <summary>
/// Settings of an <see cref="HttpExternalAuthFilter"/> that talks Envoy's <c>ext_authz</c> gRPC protocol.
/// Experimental channel only.
/// </summary>
public sealed class GrpcAuthConfig : SchemaObject
{
    /// <summary>
    /// The client request headers sent to the service. Absent or empty means all of them. At most 64
    /// entries, no duplicates.
    /// </summary>
    [JsonPropertyName("allowedHeaders")]
    public IList<string>? AllowedHeaders { get; set; }
}

/// <summary>Settings of an <see cref="HttpExternalAuthFilter"/> that talks plain HTTP. Experimental channel only.</summary>
public sealed class HttpAuthConfig : SchemaObject
{
    /// <summary>
    /// A prefix put in front of the client's path in the request to the service. Absent or empty means
    /// none. At most 1024 characters, path characters or percent-escapes only.
    /// </summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>
    /// Client request headers sent to the service in addition to <c>Host</c>, <c>Method</c>, <c>Path</c>,
    /// <c>Content-Length</c> and <c>Authorization</c>, which are always sent. At most 64 entries, no duplicates.
    /// </summary>
    [JsonPropertyName("allowedHeaders")]
    public IList<string>? AllowedHeaders { get; set; }

    /// <summary>
    /// The headers of the service's answer copied into the request forwarded to the backend. Absent or
    /// empty means all except <c>Authority</c> and <c>Host</c>. At most 64 entries, no duplicates.
    /// </summary>
    [JsonPropertyName("allowedResponseHeaders")]
    public IList<string>? AllowedResponseHeaders { get; set; }
}

/// <summary>
/// Whether an <see cref="HttpExternalAuthFilter"/> sends the request body to the service, and how much of it.
/// Experimental channel only.
/// </summary>
public sealed class ForwardBodyConfig : SchemaObject
{
    /// <summary>
    /// The most body bytes buffered and sent to the service, 0 to 65535; a longer body is cut to this
    /// size. Absent or 0 means the body is not sent.
    /// </summary>
    [JsonPropertyName("maxSize")]
    public int? MaxSize { get; set; }
}

/// <summary>The protocol an <see cref="HttpExternalAuthFilter"/> uses to reach its service. Experimental channel only.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<HttpRouteExternalAuthProtocol>))]
public readonly record struct HttpRouteExternalAuthProtocol(string Value) : IExtensibleValue<HttpRouteExternalAuthProtocol>
{
    /// <summary>Plain HTTP: the service answers <c>200</c> to allow (feature <c>HTTPRouteExternalAuthHTTP</c>).</summary>
    public static HttpRouteExternalAuthProtocol Http { get; } = new("HTTP");

    /// <summary>Envoy's <c>ext_authz</c> gRPC protocol (feature <c>HTTPRouteExternalAuthGRPC</c>).</summary>
    public static HttpRouteExternalAuthProtocol Grpc { get; } = new("GRPC");

    /// <inheritdoc />
    public static IReadOnlyList<HttpRouteExternalAuthProtocol> KnownValues { get; } = [Http, Grpc];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static HttpRouteExternalAuthProtocol Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator HttpRouteExternalAuthProtocol(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
