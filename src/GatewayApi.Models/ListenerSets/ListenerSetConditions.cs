using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>The condition types Gateway API defines for <c>ListenerSet.status.conditions</c>.</summary>
/// <remarks>
/// Conditions keep type and reason as plain strings (<c>V1Condition.Type</c>, <c>V1Condition.Reason</c>); compare
/// or assign through <c>Value</c>. The per-listener conditions of a ListenerSet use ListenerEntryConditionType.
/// </remarks>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ListenerSetConditionType>))]
public readonly record struct ListenerSetConditionType(string Value) : IExtensibleValue<ListenerSetConditionType>
{
    /// <summary>
    /// Whether the ListenerSet is valid and attached well enough for the controller to produce some
    /// configuration from it. Always written once observed; <c>Unknown</c> with reason <c>Pending</c> until
    /// then.
    /// </summary>
    public static ListenerSetConditionType Accepted { get; } = new("Accepted");

    /// <summary>
    /// Whether configuration for the ListenerSet's listeners has been sent to the data plane and should be
    /// ready soon. Always written once observed.
    /// </summary>
    public static ListenerSetConditionType Programmed { get; } = new("Programmed");

    /// <inheritdoc />
    public static IReadOnlyList<ListenerSetConditionType> KnownValues { get; } = [Accepted, Programmed];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static ListenerSetConditionType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ListenerSetConditionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The condition reasons Gateway API defines for a ListenerSet's own conditions.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ListenerSetConditionReason>))]
public readonly record struct ListenerSetConditionReason(string Value) : IExtensibleValue<ListenerSetConditionReason>
{
    /// <summary><c>Accepted=True</c>: the ListenerSet is accepted.</summary>
    public static ListenerSetConditionReason Accepted { get; } = new("Accepted");

    /// <summary>
    /// <c>Accepted=False</c>: the parent Gateway's <c>allowedListeners</c> does not let this ListenerSet
    /// attach.
    /// </summary>
    public static ListenerSetConditionReason NotAllowed { get; } = new("NotAllowed");

    /// <summary><c>Accepted=False</c>: the parent Gateway is not accepted.</summary>
    public static ListenerSetConditionReason ParentNotAccepted { get; } = new("ParentNotAccepted");

    /// <summary>
    /// <c>Accepted</c> or <c>Programmed</c>: some listeners are invalid or unsupported. With <c>Accepted</c>,
    /// <c>True</c> when the others still work and <c>False</c> when the whole set is rejected.
    /// </summary>
    public static ListenerSetConditionReason ListenersNotValid { get; } = new("ListenersNotValid");

    /// <summary>
    /// <c>Accepted</c> or <c>Programmed</c> <c>False</c>: the ListenerSet is invalid, for example missing or
    /// unrecognised TLS settings.
    /// </summary>
    public static ListenerSetConditionReason Invalid { get; } = new("Invalid");

    /// <summary>
    /// <c>Accepted</c> or <c>Programmed</c> <c>Unknown</c>: no controller has reconciled the ListenerSet yet
    /// (the default).
    /// </summary>
    public static ListenerSetConditionReason Pending { get; } = new("Pending");

    /// <summary><c>Programmed=True</c>: configuration was produced for the data plane.</summary>
    public static ListenerSetConditionReason Programmed { get; } = new("Programmed");

    /// <summary>
    /// <c>Programmed=False</c>: the parent Gateway is not programmed. Listed in the upstream documentation;
    /// upstream defines no Go constant for it.
    /// </summary>
    public static ListenerSetConditionReason ParentNotProgrammed { get; } = new("ParentNotProgrammed");

    /// <summary><c>Programmed=False</c>, carried up from the listeners: a port they need cannot be used.</summary>
    public static ListenerSetConditionReason PortUnavailable { get; } = new("PortUnavailable");

    /// <inheritdoc />
    public static IReadOnlyList<ListenerSetConditionReason> KnownValues { get; } =
    [
        Accepted,
        NotAllowed,
        ParentNotAccepted,
        ListenersNotValid,
        Invalid,
        Pending,
        Programmed,
        ParentNotProgrammed,
        PortUnavailable,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static ListenerSetConditionReason Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ListenerSetConditionReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// The condition types Gateway API defines for a ListenerSet listener's status
/// (<c>status.listeners[].conditions</c>).
/// </summary>
/// <remarks>
/// Conditions keep type and reason as plain strings (<c>V1Condition.Type</c>, <c>V1Condition.Reason</c>); compare
/// or assign through <c>Value</c>. The status entry itself has the same shape as a Gateway's ListenerStatus.
/// </remarks>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ListenerEntryConditionType>))]
public readonly record struct ListenerEntryConditionType(string Value) : IExtensibleValue<ListenerEntryConditionType>
{
    /// <summary>
    /// Whether the listener is valid and uses only supported features, so that it yields some data-plane
    /// configuration. Always written.
    /// </summary>
    public static ListenerEntryConditionType Accepted { get; } = new("Accepted");

    /// <summary>Whether every reference of the listener (certificates, route kinds) resolves. Always written.</summary>
    public static ListenerEntryConditionType ResolvedRefs { get; } = new("ResolvedRefs");

    /// <summary>
    /// Whether configuration for the listener has been sent to the data plane and should be ready soon. Always
    /// written.
    /// </summary>
    public static ListenerEntryConditionType Programmed { get; } = new("Programmed");

    /// <summary>
    /// Whether the listener clashes with another listener of the merged set (the parent Gateway's and its
    /// ListenerSets'). A conflicted listener's port should not be configured anywhere.
    /// </summary>
    public static ListenerEntryConditionType Conflicted { get; } = new("Conflicted");

    /// <summary>Reserved for future use; implementations must not write it.</summary>
    public static ListenerEntryConditionType Ready { get; } = new("Ready");

    /// <inheritdoc />
    public static IReadOnlyList<ListenerEntryConditionType> KnownValues { get; } =
    [
        Accepted,
        ResolvedRefs,
        Programmed,
        Conflicted,
        Ready,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static ListenerEntryConditionType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ListenerEntryConditionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The condition reasons Gateway API defines for a ListenerSet listener's conditions.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ListenerEntryConditionReason>))]
public readonly record struct ListenerEntryConditionReason(string Value) : IExtensibleValue<ListenerEntryConditionReason>
{
    /// <summary><c>Accepted=True</c>: the listener is accepted.</summary>
    public static ListenerEntryConditionReason Accepted { get; } = new("Accepted");

    /// <summary>
    /// <c>Accepted</c> or <c>Programmed</c> <c>False</c>: the port cannot be used (in use, not supported, or
    /// not assignable).
    /// </summary>
    public static ListenerEntryConditionReason PortUnavailable { get; } = new("PortUnavailable");

    /// <summary><c>Accepted=False</c>: the implementation does not support the listener's protocol.</summary>
    public static ListenerEntryConditionReason UnsupportedProtocol { get; } = new("UnsupportedProtocol");

    /// <summary>
    /// <c>Accepted=False</c>: the parent Gateway already has as many listeners as the implementation allows.
    /// </summary>
    public static ListenerEntryConditionReason TooManyListeners { get; } = new("TooManyListeners");

    /// <summary><c>Accepted</c> or <c>Programmed</c> <c>False</c>: the listener is invalid.</summary>
    public static ListenerEntryConditionReason Invalid { get; } = new("Invalid");

    /// <summary>
    /// <c>Accepted</c> or <c>Programmed</c> not yet settled: the listener is not reconciled or not yet ready
    /// for traffic.
    /// </summary>
    public static ListenerEntryConditionReason Pending { get; } = new("Pending");

    /// <summary><c>ResolvedRefs=True</c>: every reference resolves.</summary>
    public static ListenerEntryConditionReason ResolvedRefs { get; } = new("ResolvedRefs");

    /// <summary>
    /// <c>ResolvedRefs=False</c>: a TLS certificate reference is missing, of an unsupported kind, or malformed.
    /// Only for references that are allowed; otherwise <see cref="RefNotPermitted"/>.
    /// </summary>
    public static ListenerEntryConditionReason InvalidCertificateRef { get; } = new("InvalidCertificateRef");

    /// <summary>
    /// <c>ResolvedRefs=False</c>: <c>allowedRoutes.kinds</c> names a route kind that is invalid or unsupported.
    /// </summary>
    public static ListenerEntryConditionReason InvalidRouteKinds { get; } = new("InvalidRouteKinds");

    /// <summary>
    /// <c>ResolvedRefs=False</c>: a TLS reference points into another namespace and no ReferenceGrant allows
    /// it.
    /// </summary>
    public static ListenerEntryConditionReason RefNotPermitted { get; } = new("RefNotPermitted");

    /// <summary><c>Programmed=True</c>: configuration was produced for the data plane.</summary>
    public static ListenerEntryConditionReason Programmed { get; } = new("Programmed");

    /// <summary><c>Conflicted=True</c>: another listener on the same port uses the same hostname.</summary>
    public static ListenerEntryConditionReason HostnameConflict { get; } = new("HostnameConflict");

    /// <summary><c>Conflicted=True</c>: another listener on the same port has a protocol that cannot share it.</summary>
    public static ListenerEntryConditionReason ProtocolConflict { get; } = new("ProtocolConflict");

    /// <summary>
    /// <c>Conflicted=True</c>: the listener collides with another on both port and hostname; upstream asks for
    /// this reason over the two narrower ones in that case.
    /// </summary>
    public static ListenerEntryConditionReason ListenerConflict { get; } = new("ListenerConflict");

    /// <summary>
    /// <c>Conflicted=False</c>: the listener clashes with no other. Listed in the upstream documentation;
    /// upstream defines no ListenerEntry Go constant for it.
    /// </summary>
    public static ListenerEntryConditionReason NoConflicts { get; } = new("NoConflicts");

    /// <summary>Reserved for future use with the <c>Ready</c> type; implementations must not write it.</summary>
    public static ListenerEntryConditionReason Ready { get; } = new("Ready");

    /// <inheritdoc />
    public static IReadOnlyList<ListenerEntryConditionReason> KnownValues { get; } =
    [
        Accepted,
        PortUnavailable,
        UnsupportedProtocol,
        TooManyListeners,
        Invalid,
        Pending,
        ResolvedRefs,
        InvalidCertificateRef,
        InvalidRouteKinds,
        RefNotPermitted,
        Programmed,
        HostnameConflict,
        ProtocolConflict,
        ListenerConflict,
        NoConflicts,
        Ready,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static ListenerEntryConditionReason Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ListenerEntryConditionReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
