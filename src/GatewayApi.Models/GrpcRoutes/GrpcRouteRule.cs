using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// One rule of a <see cref="GrpcRoute"/>: which calls it takes (<see cref="Matches"/>), what happens to them
/// (<see cref="Filters"/>) and where they go (<see cref="BackendRefs"/>).
/// </summary>
public sealed class GrpcRouteRule : SchemaObject
{
    /// <summary>
    /// The rule's name, unique within the route when set, so that policies and status can point at it
    /// (Extended support). A lower-case DNS-style name of 1 to 253 characters.
    /// </summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// The call matchers; the rule applies when any one of them matches. At most 64 entries. Absent or
    /// empty means every call.
    /// </summary>
    [JsonPropertyName("matches")]
    public IList<GrpcRouteMatch>? Matches { get; set; }

    /// <summary>
    /// The processing applied to matching calls. At most 16 entries; a filter type may appear once unless
    /// it says otherwise. The effect of their order is not specified yet.
    /// </summary>
    [JsonPropertyName("filters")]
    public IList<GrpcRouteFilter>? Filters { get; set; }

    /// <summary>
    /// The backends that receive matching calls, split by weight. At most 16 entries. Calls that would go
    /// to an invalid backend fail with status <c>UNAVAILABLE</c>.
    /// </summary>
    [JsonPropertyName("backendRefs")]
    public IList<GrpcBackendRef>? BackendRefs { get; set; }

    /// <summary>
    /// Keeps a client's calls on the same backend across the rule's backends (Extended support).
    /// Experimental channel only.
    /// </summary>
    [JsonPropertyName("sessionPersistence")]
    public SessionPersistence? SessionPersistence { get; set; }
}

/// <summary>
/// A backend of a <see cref="GrpcRouteRule"/>: a reference with a weight, plus filters that run only for
/// calls sent to this backend.
/// </summary>
/// <remarks>
/// A reference that cannot be used (unknown kind, missing object, cross-namespace without a ReferenceGrant,
/// unusable <c>appProtocol</c>, unmet BackendTLSPolicy) makes the route's <c>ResolvedRefs</c> condition
/// False, with the matching <see cref="RouteConditionReason"/>.
/// </remarks>
public sealed class GrpcBackendRef : BackendRef
{
    /// <summary>
    /// Filters applied only when a call is forwarded to this backend (Implementation-specific support;
    /// prefer <see cref="GrpcRouteRule.Filters"/>). At most 16 entries.
    /// </summary>
    [JsonPropertyName("filters")]
    public IList<GrpcRouteFilter>? Filters { get; set; }
}

/// <summary>
/// A processing step of a <see cref="GrpcRouteRule"/> or <see cref="GrpcBackendRef"/>: <see cref="Type"/>
/// says which step, and exactly the one matching field carries its settings (all others stay absent).
/// </summary>
public sealed class GrpcRouteFilter : SchemaObject
{
    /// <summary>
    /// Which filter this is; it names the one settings field that must be set. Required. A type the
    /// implementation does not support makes the route not accepted (reason <c>UnsupportedValue</c>).
    /// </summary>
    [JsonPropertyName("type")]
    public GrpcRouteFilterType? Type { get; set; }

    /// <summary>
    /// Metadata (header) changes made to the call before it is forwarded, for type <c>RequestHeaderModifier</c>
    /// (Core).
    /// </summary>
    [JsonPropertyName("requestHeaderModifier")]
    public HttpHeaderFilter? RequestHeaderModifier { get; set; }

    /// <summary>
    /// Metadata (header) changes made to the response before it reaches the client, for type
    /// <c>ResponseHeaderModifier</c>.
    /// </summary>
    [JsonPropertyName("responseHeaderModifier")]
    public HttpHeaderFilter? ResponseHeaderModifier { get; set; }

    /// <summary>
    /// A copy of calls sent to another backend whose answers are ignored, for type <c>RequestMirror</c>
    /// (Extended). This filter may appear several times in a rule.
    /// </summary>
    [JsonPropertyName("requestMirror")]
    public HttpRequestMirrorFilter? RequestMirror { get; set; }

    /// <summary>
    /// An implementation-specific filter object in the route's namespace, for type <c>ExtensionRef</c>.
    /// Must not stand in for a Core or Extended filter. May appear several times in a rule; if it cannot
    /// be resolved, the affected calls get an error response.
    /// </summary>
    [JsonPropertyName("extensionRef")]
    public LocalObjectReference? ExtensionRef { get; set; }
}

/// <summary>
/// The kind of a <see cref="GrpcRouteFilter"/>. A route using a value its implementation does not support
/// is not accepted (reason <c>UnsupportedValue</c>).
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<GrpcRouteFilterType>))]
public readonly record struct GrpcRouteFilterType(string Value) : IExtensibleValue<GrpcRouteFilterType>
{
    /// <summary>Adds, sets or removes response metadata. Core in a rule, Extended on a backend.</summary>
    public static GrpcRouteFilterType ResponseHeaderModifier { get; } = new("ResponseHeaderModifier");

    /// <summary>Adds, sets or removes request metadata. Core in a rule, Extended on a backend.</summary>
    public static GrpcRouteFilterType RequestHeaderModifier { get; } = new("RequestHeaderModifier");

    /// <summary>Copies calls to another backend and ignores its answers. Extended.</summary>
    public static GrpcRouteFilterType RequestMirror { get; } = new("RequestMirror");

    /// <summary>Points to an implementation-specific filter object. Implementation-specific.</summary>
    public static GrpcRouteFilterType ExtensionRef { get; } = new("ExtensionRef");

    /// <inheritdoc />
    public static IReadOnlyList<GrpcRouteFilterType> KnownValues { get; } =
        [ResponseHeaderModifier, RequestHeaderModifier, RequestMirror, ExtensionRef];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static GrpcRouteFilterType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GrpcRouteFilterType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
