using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// One call matcher of a <see cref="GrpcRouteRule"/>: a call matches when it satisfies every condition
/// given here (method AND headers).
/// </summary>
public sealed class GrpcRouteMatch : SchemaObject
{
    /// <summary>The service/method condition. Absent means every service and method.</summary>
    [JsonPropertyName("method")]
    public GrpcMethodMatch? Method { get; set; }

    /// <summary>
    /// Header (metadata) conditions, all of which must hold. At most 16 entries, keyed by name (compared
    /// without regard to case; only the first of equivalent names counts).
    /// </summary>
    [JsonPropertyName("headers")]
    public IList<GrpcHeaderMatch>? Headers { get; set; }
}

/// <summary>
/// How a <see cref="GrpcRouteMatch"/> compares the called service and method (the two parts of the
/// <c>/service/method</c> path). At least one of <see cref="Service"/> and <see cref="Method"/> must be
/// non-empty.
/// </summary>
public sealed class GrpcMethodMatch : SchemaObject
{
    /// <summary>
    /// The comparison: <c>Exact</c> (Core with both service and method, Implementation-specific with
    /// method alone) or <c>RegularExpression</c> (Implementation-specific). Absent means <c>Exact</c>.
    /// </summary>
    [JsonPropertyName("type")]
    public GrpcMethodMatchType? Type { get; set; }

    /// <summary>
    /// The fully qualified service (for example <c>foo.bar.Greeter</c>) or pattern. Absent or empty means
    /// any service. At most 1024 characters; for <c>Exact</c>, dot-separated identifiers only.
    /// </summary>
    [JsonPropertyName("service")]
    public string? Service { get; set; }

    /// <summary>
    /// The method name (for example <c>SayHello</c>) or pattern. Absent or empty means any method. At most
    /// 1024 characters; for <c>Exact</c>, a single identifier (letters, digits, <c>_</c>).
    /// </summary>
    [JsonPropertyName("method")]
    public string? Method { get; set; }
}

/// <summary>A condition on one header (metadata entry) of a gRPC call, in a <see cref="GrpcRouteMatch"/>.</summary>
public sealed class GrpcHeaderMatch : SchemaObject
{
    /// <summary>
    /// The comparison: <c>Exact</c> (Core) or <c>RegularExpression</c> (Implementation-specific). Absent
    /// means <c>Exact</c>.
    /// </summary>
    [JsonPropertyName("type")]
    public GrpcHeaderMatchType? Type { get; set; }

    /// <summary>
    /// The header name, compared without regard to case. Required; an RFC 7230 token of 1 to 256
    /// characters.
    /// </summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The value (or pattern) to compare with. Required, 1 to 4096 characters.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>How the service and method of a gRPC call are compared in a <see cref="GrpcMethodMatch"/>.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<GrpcMethodMatchType>))]
public readonly record struct GrpcMethodMatchType(string Value) : IExtensibleValue<GrpcMethodMatchType>
{
    /// <summary>Equal, case-sensitively (the default). Core.</summary>
    public static GrpcMethodMatchType Exact { get; } = new("Exact");

    /// <summary>Matches a case-sensitive regular expression. Implementation-specific.</summary>
    public static GrpcMethodMatchType RegularExpression { get; } = new("RegularExpression");

    /// <inheritdoc />
    public static IReadOnlyList<GrpcMethodMatchType> KnownValues { get; } = [Exact, RegularExpression];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static GrpcMethodMatchType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GrpcMethodMatchType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// How a gRPC header value is compared in a <see cref="GrpcHeaderMatch"/>. A route using a value its
/// implementation does not support is not accepted (reason <c>UnsupportedValue</c>).
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<GrpcHeaderMatchType>))]
public readonly record struct GrpcHeaderMatchType(string Value) : IExtensibleValue<GrpcHeaderMatchType>
{
    /// <summary>The value is equal (the default). Core.</summary>
    public static GrpcHeaderMatchType Exact { get; } = new("Exact");

    /// <summary>The value matches a regular expression. Implementation-specific.</summary>
    public static GrpcHeaderMatchType RegularExpression { get; } = new("RegularExpression");

    /// <inheritdoc />
    public static IReadOnlyList<GrpcHeaderMatchType> KnownValues { get; } = [Exact, RegularExpression];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static GrpcHeaderMatchType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GrpcHeaderMatchType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
