namespace GatewayApi.Routing;

/// <summary>What a proxy must do with an HTTP request.</summary>
public enum HttpAction
{
    /// <summary>Forward the request to <see cref="HttpRouteDecision.Backend"/> with the decision's host, path and header changes.</summary>
    Forward,

    /// <summary>Answer with <see cref="HttpRouteDecision.StatusCode"/> and a <c>Location</c> header (RequestRedirect).</summary>
    Redirect,

    /// <summary>
    /// Answer with <see cref="HttpRouteDecision.StatusCode"/> and no backend: 404/421 when nothing matched, 500/503
    /// for an invalid backend share or a rule without backends, or a CORS preflight answer.
    /// </summary>
    Respond,
}

/// <summary>
/// The complete, ready-to-execute decision for one HTTP request: the route that matched and the result of every
/// filter in order, computed for this request. A proxy executes it without knowing Gateway API.
/// </summary>
public sealed record HttpRouteDecision
{
    /// <summary>What matching found.</summary>
    public required RoutingResult Result { get; init; }

    /// <summary>What to do.</summary>
    public required HttpAction Action { get; init; }

    /// <summary>The status to answer with for <see cref="HttpAction.Redirect"/> and <see cref="HttpAction.Respond"/>; 0 for <see cref="HttpAction.Forward"/>.</summary>
    public int StatusCode { get; init; }

    /// <summary>A short reason for a <see cref="HttpAction.Respond"/> answer, for logs (for example <c>BackendNotFound</c>).</summary>
    public string? ResponseReason { get; init; }

    /// <summary>The <c>Location</c> header of a redirect, built per the spec's scheme, host, port and path rules (§4.2).</summary>
    public string? Location { get; init; }

    /// <summary>The listener that handled the request (null for mesh routing and when none was chosen).</summary>
    public string? ListenerName { get; init; }

    /// <summary>The effective hostname through which the route matched.</summary>
    public string? Hostname { get; init; }

    /// <summary>The route that matched.</summary>
    public RouteReference? Route { get; init; }

    /// <summary>The index of the rule in <c>spec.rules</c> (-1 when nothing matched).</summary>
    public int RuleIndex { get; init; } = -1;

    /// <summary>The rule's name, if set.</summary>
    public string? RuleName { get; init; }

    /// <summary>The index of the winning match in the rule's <c>matches</c> (-1 when nothing matched).</summary>
    public int MatchIndex { get; init; } = -1;

    /// <summary>The backend chosen by weight (also set when it is invalid and the answer is 500/503).</summary>
    public RoutedBackend? Backend { get; init; }

    /// <summary>The <c>Host</c> to send to the backend: the request's, or the URLRewrite hostname.</summary>
    public string? Host { get; init; }

    /// <summary>The path and query to send to the backend: the request's, or rewritten by URLRewrite (query kept).</summary>
    public string? Path { get; init; }

    /// <summary>Changes to the request headers, rule filters first then the chosen backend's, in list order.</summary>
    public IReadOnlyList<HeaderModification> RequestHeaderModifications { get; init; } = [];

    /// <summary>
    /// Changes to the response headers (ResponseHeaderModifier), then CORS response headers. Whether they also
    /// apply to answers the gateway generates itself is the proxy's choice (R10).
    /// </summary>
    public IReadOnlyList<HeaderModification> ResponseHeaderModifications { get; init; } = [];

    /// <summary>The RequestMirror filters, each with whether this request is mirrored (fraction drawn per request).</summary>
    public IReadOnlyList<MirrorDecision> Mirrors { get; init; } = [];

    /// <summary>The CORS result, when the rule has a CORS filter and the request carries <c>Origin</c>.</summary>
    public CorsDecision? Cors { get; init; }

    /// <summary>ExtensionRef filters the proxy must run itself, in order.</summary>
    public IReadOnlyList<FilterReference> ExtensionRefs { get; init; } = [];

    /// <summary>ExternalAuth filters the proxy must run before forwarding, in order.</summary>
    public IReadOnlyList<ExternalAuthDecision> ExternalAuth { get; init; } = [];

    /// <summary>Every filter of the rule and of the chosen backend, in the order applied.</summary>
    public IReadOnlyList<FilterStep> Filters { get; init; } = [];

    /// <summary>The rule's timeouts, if set.</summary>
    public RouteTimeouts? Timeouts { get; init; }

    /// <summary>The rule's retry settings, if set.</summary>
    public RetrySettings? Retry { get; init; }

    /// <summary>The rule's session persistence, if set, with the cookie path derived from the matched path.</summary>
    public SessionPersistenceSettings? SessionPersistence { get; init; }
}

/// <summary>A backend of a rule, as chosen by weight.</summary>
public sealed record RoutedBackend
{
    /// <summary>The index of the backendRef in the rule's <c>backendRefs</c>; -1 for a mesh rule's parent Service.</summary>
    public required int Index { get; init; }

    /// <summary>The referent's API group (<c>""</c> for core).</summary>
    public required string Group { get; init; }

    /// <summary>The referent's kind (<c>Service</c> by default).</summary>
    public required string Kind { get; init; }

    /// <summary>The referent's namespace (the route's when the reference omits it).</summary>
    public required string Namespace { get; init; }

    /// <summary>The referent's name.</summary>
    public required string Name { get; init; }

    /// <summary>The port, if given.</summary>
    public int? Port { get; init; }

    /// <summary>The weight (1 when absent).</summary>
    public int Weight { get; init; } = 1;

    /// <summary>Whether requests may be sent to it; false means its share is answered with <see cref="ErrorStatusCode"/>.</summary>
    public bool Usable { get; init; } = true;

    /// <summary>For an unusable backend: 500, or 503 when the Service has no ready endpoints.</summary>
    public int ErrorStatusCode { get; init; }

    /// <summary>
    /// For an unusable backend: the <c>ResolvedRefs</c> reason, <c>NoReadyEndpoints</c>, or
    /// <c>BackendTLSPolicyNotUsable</c> (a BackendTLSPolicy governs it and cannot verify it, see <see cref="Tls"/>).
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>
    /// The BackendTLSPolicy that governs this Service port, if any: connect to it with TLS as these settings say.
    /// Null means plain traffic.
    /// </summary>
    public BackendTlsSettings? Tls { get; init; }

    /// <summary>The backend's identity within a session (<see cref="HttpRoutingRequest.SessionBackend"/>): <c>group/kind/namespace/name:port</c>.</summary>
    public string SessionKey => $"{Group}/{Kind}/{Namespace}/{Name}:{Port}";

    /// <summary><c>Kind namespace/name:port</c>.</summary>
    public override string ToString() => $"{Kind} {Namespace}/{Name}" + (Port is { } port ? ":" + port : "");
}

/// <summary>The kind of a <see cref="HeaderModification"/>.</summary>
public enum HeaderModificationKind
{
    /// <summary>Replace every value of the header with <see cref="HeaderModification.Value"/> (or add it).</summary>
    Set,

    /// <summary>Append <see cref="HeaderModification.Value"/> to the header's values (joined with <c>,</c>), or add it.</summary>
    Add,

    /// <summary>Remove every value of the header.</summary>
    Remove,
}

/// <summary>One header change from a RequestHeaderModifier, ResponseHeaderModifier or CORS filter.</summary>
/// <param name="Kind">Set, add or remove.</param>
/// <param name="Name">The header name (compared without regard to case).</param>
/// <param name="Value">The value for set and add; null for remove.</param>
public sealed record HeaderModification(HeaderModificationKind Kind, string Name, string? Value)
{
    /// <summary>How explanations show it: <c>set X-Name: value</c>, <c>add X-Name: value</c>, <c>remove X-Name</c>.</summary>
    public override string ToString() =>
        Kind.ToString().ToLowerInvariant() + " " + Name + (Value is null ? string.Empty : ": " + Value);
}

/// <summary>A RequestMirror filter as applied to one request.</summary>
/// <param name="Backend">The mirror backend; the copy goes to one of its endpoints.</param>
/// <param name="Numerator">The mirrored share's numerator.</param>
/// <param name="Denominator">The mirrored share's denominator.</param>
/// <param name="Mirrored">Whether this request is mirrored (drawn with the decision's random source).</param>
public sealed record MirrorDecision(RoutedBackend Backend, int Numerator, int Denominator, bool Mirrored);

/// <summary>The CORS filter's answer for one request (§4.5, GEP-1767).</summary>
public sealed record CorsDecision
{
    /// <summary>Whether the request is a preflight (<c>OPTIONS</c> with <c>Origin</c> and <c>Access-Control-Request-Method</c>), which the gateway answers itself.</summary>
    public required bool IsPreflight { get; init; }

    /// <summary>Whether the request's origin is allowed.</summary>
    public required bool OriginAllowed { get; init; }

    /// <summary>
    /// The CORS headers to put on the answer (preflight) or on the backend's response (actual request). Includes
    /// <c>Vary: Origin</c> (append it to any <c>Vary</c> already there) whenever the answer depends on the origin, also
    /// for a disallowed origin, whose answer then holds only that header.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];
}

/// <summary>Where a filter sits: in the rule, or in the chosen backendRef.</summary>
public enum FilterStage
{
    /// <summary>In the rule's <c>filters</c>.</summary>
    Rule,

    /// <summary>In the chosen backendRef's <c>filters</c>.</summary>
    Backend,
}

/// <summary>An ExtensionRef filter the proxy must run.</summary>
/// <param name="Group">The filter object's group.</param>
/// <param name="Kind">The filter object's kind.</param>
/// <param name="Name">The filter object's name (in the route's namespace).</param>
/// <param name="Namespace">The route's namespace.</param>
/// <param name="Stage">Rule or backend filter.</param>
public sealed record FilterReference(string Group, string Kind, string Name, string Namespace, FilterStage Stage);

/// <summary>An ExternalAuth filter the proxy must run before forwarding (fail closed).</summary>
/// <param name="Filter">The filter's settings as written.</param>
/// <param name="Backend">The auth service.</param>
/// <param name="Stage">Rule or backend filter.</param>
public sealed record ExternalAuthDecision(GatewayApi.Models.HttpExternalAuthFilter Filter, RoutedBackend Backend, FilterStage Stage);

/// <summary>One filter as applied, for tracing.</summary>
/// <param name="Type">The filter type as written (<c>RequestHeaderModifier</c>, <c>URLRewrite</c>, ...).</param>
/// <param name="Stage">Rule or backend filter.</param>
/// <param name="Index">The filter's index in its list.</param>
/// <param name="Effect">What it did to this request, in words.</param>
public sealed record FilterStep(string Type, FilterStage Stage, int Index, string Effect);

/// <summary>A rule's timeouts (§8.1). Zero means disabled; null means the implementation's default.</summary>
/// <param name="Request">The whole-transaction deadline.</param>
/// <param name="BackendRequest">The per-attempt deadline.</param>
public sealed record RouteTimeouts(TimeSpan? Request, TimeSpan? BackendRequest);

/// <summary>A rule's retry settings (§8.2).</summary>
/// <param name="Codes">Response codes that trigger a retry (connection errors always do).</param>
/// <param name="Attempts">The most retries, or null for the implementation's default.</param>
/// <param name="Backoff">The least wait before a retry, or null for the implementation's default.</param>
public sealed record RetrySettings(IReadOnlyList<int> Codes, int? Attempts, TimeSpan? Backoff);

/// <summary>A rule's session persistence (§8.3), with the cookie path derived from the matched route path.</summary>
public sealed record SessionPersistenceSettings
{
    /// <summary>A rule's <c>sessionPersistence</c> after defaulting, with the cookie path of the match that won.</summary>
    internal static SessionPersistenceSettings From(GatewayApi.Models.SessionPersistence session, string cookiePath) => new()
    {
        Type = session.Type?.Value ?? "Cookie",
        SessionName = session.SessionName,
        AbsoluteTimeout = session.AbsoluteTimeout?.TimeSpan,
        LifetimeType = session.CookieConfig?.LifetimeType?.Value ?? "Session",
        CookiePath = cookiePath,
    };

    /// <summary><c>Cookie</c> (default) or <c>Header</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The cookie or header name; null means the proxy generates a unique one.</summary>
    public string? SessionName { get; init; }

    /// <summary>The absolute timeout, if set.</summary>
    public TimeSpan? AbsoluteTimeout { get; init; }

    /// <summary><c>Session</c> (default) or <c>Permanent</c>.</summary>
    public string LifetimeType { get; init; } = "Session";

    /// <summary>The cookie <c>Path</c>: the matched path (<c>/</c> for all-paths matches, the longest literal prefix of a regex).</summary>
    public string CookiePath { get; init; } = "/";
}
