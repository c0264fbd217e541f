using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The condition types a controller writes in <c>status.parents[].conditions</c> of every route kind
/// (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute). Compare with <c>V1Condition.Type</c> through
/// <see cref="Value"/>. Controllers may add their own, domain-prefixed types.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<RouteConditionType>))]
public readonly record struct RouteConditionType(string Value) : IExtensibleValue<RouteConditionType>
{
    /// <summary>
    /// Whether the parent took the route. Always written for a parent the controller owns. True with
    /// <c>Accepted</c>; False with <c>NotAllowedByListeners</c>, <c>NoMatchingListenerHostname</c>,
    /// <c>NoMatchingParent</c>, <c>UnsupportedValue</c> or <c>IncompatibleFilters</c>; Unknown with <c>Pending</c>.
    /// </summary>
    public static RouteConditionType Accepted { get; } = new("Accepted");

    /// <summary>
    /// Whether every reference of the route (backends, mirrors, extension refs) could be resolved. Always
    /// written. True with <c>ResolvedRefs</c>; False with <c>RefNotPermitted</c>, <c>InvalidKind</c>,
    /// <c>BackendNotFound</c> or <c>UnsupportedProtocol</c>.
    /// </summary>
    public static RouteConditionType ResolvedRefs { get; } = new("ResolvedRefs");

    /// <summary>
    /// Some rules of the route are valid and others are not. Only ever written with status True (usually
    /// reason <c>UnsupportedValue</c>), and never for a route that is fully valid, fully invalid or not
    /// accepted. The message starts with <c>Dropped Rule</c> or <c>Fall Back</c> depending on how the
    /// implementation handles the invalid rules.
    /// </summary>
    public static RouteConditionType PartiallyInvalid { get; } = new("PartiallyInvalid");

    /// <inheritdoc />
    public static IReadOnlyList<RouteConditionType> KnownValues { get; } = [Accepted, ResolvedRefs, PartiallyInvalid];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static RouteConditionType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator RouteConditionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// The reasons Gateway API defines for the conditions of <see cref="RouteConditionType"/>. Compare with
/// <c>V1Condition.Reason</c> through <see cref="Value"/>. Controllers may use other reasons, but these are
/// preferred so that tools read the same thing across implementations.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<RouteConditionReason>))]
public readonly record struct RouteConditionReason(string Value) : IExtensibleValue<RouteConditionReason>
{
    /// <summary>With <c>Accepted</c> True: the parent took the route.</summary>
    public static RouteConditionReason Accepted { get; } = new("Accepted");

    /// <summary>
    /// With <c>Accepted</c> False: no listener of the parent lets this route attach (its kind or its
    /// namespace is not allowed by <c>allowedRoutes</c>).
    /// </summary>
    public static RouteConditionReason NotAllowedByListeners { get; } = new("NotAllowedByListeners");

    /// <summary>
    /// With <c>Accepted</c> False: none of the parent's compatible listeners has a hostname that
    /// intersects the route's hostnames.
    /// </summary>
    public static RouteConditionReason NoMatchingListenerHostname { get; } = new("NoMatchingListenerHostname");

    /// <summary>
    /// With <c>Accepted</c> False: nothing in the parent matches the reference, for example a
    /// <c>sectionName</c> or <c>port</c> that no listener of the Gateway has.
    /// </summary>
    public static RouteConditionReason NoMatchingParent { get; } = new("NoMatchingParent");

    /// <summary>
    /// With <c>Accepted</c> False (or <c>PartiallyInvalid</c> True): the route uses an enumerated value the
    /// implementation does not recognise or support, such as a match type, filter type or redirect code.
    /// </summary>
    public static RouteConditionReason UnsupportedValue { get; } = new("UnsupportedValue");

    /// <summary>With <c>Accepted</c> Unknown: no controller has reconciled the route yet.</summary>
    public static RouteConditionReason Pending { get; } = new("Pending");

    /// <summary>
    /// With <c>Accepted</c> False: a rule combines filters that cannot go together, for example
    /// <c>URLRewrite</c> with <c>RequestRedirect</c>, or a combination the implementation cannot support.
    /// </summary>
    public static RouteConditionReason IncompatibleFilters { get; } = new("IncompatibleFilters");

    /// <summary>With <c>ResolvedRefs</c> True: every reference of the route resolved.</summary>
    public static RouteConditionReason ResolvedRefs { get; } = new("ResolvedRefs");

    /// <summary>
    /// With <c>ResolvedRefs</c> False: a reference points into another namespace and no ReferenceGrant
    /// there allows it.
    /// </summary>
    public static RouteConditionReason RefNotPermitted { get; } = new("RefNotPermitted");

    /// <summary>With <c>ResolvedRefs</c> False: a reference names a group or kind that is unknown or unsupported.</summary>
    public static RouteConditionReason InvalidKind { get; } = new("InvalidKind");

    /// <summary>With <c>ResolvedRefs</c> False: a reference names an object that does not exist.</summary>
    public static RouteConditionReason BackendNotFound { get; } = new("BackendNotFound");

    /// <summary>
    /// With <c>ResolvedRefs</c> False: a backend speaks an application protocol (for example a Service
    /// port's <c>appProtocol</c>) this route cannot use.
    /// </summary>
    public static RouteConditionReason UnsupportedProtocol { get; } = new("UnsupportedProtocol");

    /// <inheritdoc />
    public static IReadOnlyList<RouteConditionReason> KnownValues { get; } =
    [
        Accepted, NotAllowedByListeners, NoMatchingListenerHostname, NoMatchingParent, UnsupportedValue, Pending,
        IncompatibleFilters, ResolvedRefs, RefNotPermitted, InvalidKind, BackendNotFound, UnsupportedProtocol,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static RouteConditionReason Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator RouteConditionReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
