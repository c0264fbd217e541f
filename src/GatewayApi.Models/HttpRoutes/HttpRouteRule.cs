using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// One rule of an <see cref="HttpRoute"/>: which requests it takes (<see cref="Matches"/>), what happens to
/// them (<see cref="Filters"/>) and where they go (<see cref="BackendRefs"/>).
/// </summary>
public sealed class HttpRouteRule : SchemaObject
{
    /// <summary>
    /// The rule's name, unique within the route when set, so that policies and status can point at it
    /// (Extended support). A lower-case DNS-style name of 1 to 253 characters.
    /// </summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// The request matchers; the rule applies when any one of them matches. At most 64 entries. Absent
    /// means a single <c>PathPrefix</c> match on <c>/</c>, which takes every request.
    /// </summary>
    [JsonPropertyName("matches")]
    public IList<HttpRouteMatch>? Matches { get; set; }

    /// <summary>
    /// The processing applied to matching requests, preferably in list order. At most 16 entries; a filter
    /// type may appear once unless it says otherwise, and <c>URLRewrite</c> cannot be combined with
    /// <c>RequestRedirect</c>.
    /// </summary>
    [JsonPropertyName("filters")]
    public IList<HttpRouteFilter>? Filters { get; set; }

    /// <summary>
    /// The backends that receive matching requests, split by weight. At most 16 entries. Requests that
    /// would go to an invalid backend get a 500 response (503 when the Service has no ready endpoints).
    /// </summary>
    [JsonPropertyName("backendRefs")]
    public IList<HttpBackendRef>? BackendRefs { get; set; }

    /// <summary>Request and backend-request timeouts for this rule (Extended support).</summary>
    [JsonPropertyName("timeouts")]
    public HttpRouteTimeouts? Timeouts { get; set; }

    /// <summary>When and how often to retry a failed backend request (Extended support). Experimental channel only.</summary>
    [JsonPropertyName("retry")]
    public HttpRouteRetry? Retry { get; set; }

    /// <summary>
    /// Keeps a client's requests on the same backend across the rule's backends (Extended support).
    /// Experimental channel only.
    /// </summary>
    [JsonPropertyName("sessionPersistence")]
    public SessionPersistence? SessionPersistence { get; set; }
}

/// <summary>
/// A backend of an <see cref="HttpRouteRule"/>: a reference with a weight, plus filters that run only for
/// requests sent to this backend.
/// </summary>
/// <remarks>
/// A reference that cannot be used (unknown kind, missing object, cross-namespace without a ReferenceGrant,
/// unusable <c>appProtocol</c>, unmet BackendTLSPolicy) makes the route's <c>ResolvedRefs</c> condition
/// False, with the matching <see cref="RouteConditionReason"/>.
/// </remarks>
public sealed class HttpBackendRef : BackendRef
{
    /// <summary>
    /// Filters applied only when a request is forwarded to this backend (Implementation-specific support;
    /// prefer <see cref="HttpRouteRule.Filters"/>). At most 16 entries.
    /// </summary>
    [JsonPropertyName("filters")]
    public IList<HttpRouteFilter>? Filters { get; set; }
}

/// <summary>The timeouts of an <see cref="HttpRouteRule"/>, as GEP-2257 durations. Zero (<c>0s</c>) disables a timeout.</summary>
public sealed class HttpRouteTimeouts : SchemaObject
{
    /// <summary>
    /// How long the gateway may take to answer a client request, retries included, before it returns a
    /// timeout error. Absent means the implementation's own behaviour.
    /// </summary>
    [JsonPropertyName("request")]
    public GatewayDuration? Request { get; set; }

    /// <summary>
    /// How long one request from the gateway to a backend may take, until the whole response is received.
    /// Must not exceed <see cref="Request"/>. Absent means the implementation's own behaviour.
    /// </summary>
    [JsonPropertyName("backendRequest")]
    public GatewayDuration? BackendRequest { get; set; }
}

/// <summary>
/// When a backend request of an <see cref="HttpRouteRule"/> is retried (GEP-1731). Connection errors are
/// retried whenever this is set; <see cref="Codes"/> adds response status codes. Experimental channel only.
/// </summary>
public sealed class HttpRouteRetry : SchemaObject
{
    /// <summary>
    /// The response status codes that trigger a retry, each 400 to 599, no duplicates. Implementations
    /// must support 500, 502, 503 and 504.
    /// </summary>
    [JsonPropertyName("codes")]
    public IList<int>? Codes { get; set; }

    /// <summary>The most retries of one request to a backend. At least 1. Absent means the implementation's own number.</summary>
    [JsonPropertyName("attempts")]
    public int? Attempts { get; set; }

    /// <summary>
    /// The least time to wait between attempts; implementations may grow it or add jitter. The whole
    /// sequence stays within the rule's request timeout. Absent means the implementation's own wait.
    /// </summary>
    [JsonPropertyName("backoff")]
    public GatewayDuration? Backoff { get; set; }
}
