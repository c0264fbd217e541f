using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The condition types Gateway API defines for a Gateway listener's status
/// (<c>status.listeners[].conditions</c>).
/// </summary>
/// <remarks>
/// Conditions keep type and reason as plain strings (<c>V1Condition.Type</c>, <c>V1Condition.Reason</c>); compare
/// or assign through <c>Value</c>. A controller may add its own, domain-prefixed types.
/// </remarks>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ListenerConditionType>))]
public readonly record struct ListenerConditionType(string Value) : IExtensibleValue<ListenerConditionType>
{
    /// <summary>
    /// Whether the listener is valid and uses only supported features, so that it yields some data-plane
    /// configuration. A listener without routes is still accepted. Always written.
    /// </summary>
    public static ListenerConditionType Accepted { get; } = new("Accepted");

    /// <summary>
    /// Whether every reference of the listener (certificates, CA certificates, route kinds) resolves. Always
    /// written.
    /// </summary>
    public static ListenerConditionType ResolvedRefs { get; } = new("ResolvedRefs");

    /// <summary>
    /// Whether configuration for the listener has been sent to the data plane and should be ready soon. Always
    /// written.
    /// </summary>
    public static ListenerConditionType Programmed { get; } = new("Programmed");

    /// <summary>
    /// Whether the listener clashes with another one (same port, incompatible protocol or hostname). A
    /// conflicted listener's port should not be configured anywhere. Absent means no conflict.
    /// </summary>
    public static ListenerConditionType Conflicted { get; } = new("Conflicted");

    /// <summary>
    /// Whether the listener's TLS configuration overlaps another listener's on the same port (hostnames or
    /// certificates), which connection coalescing can turn into surprises. Written only when true.
    /// </summary>
    public static ListenerConditionType OverlappingTlsConfig { get; } = new("OverlappingTLSConfig");

    /// <summary>Deprecated: use <see cref="Accepted"/>.</summary>
    public static ListenerConditionType Detached { get; } = new("Detached");

    /// <summary>Reserved for future use; implementations must not write it.</summary>
    public static ListenerConditionType Ready { get; } = new("Ready");

    /// <inheritdoc />
    public static IReadOnlyList<ListenerConditionType> KnownValues { get; } =
    [
        Accepted,
        ResolvedRefs,
        Programmed,
        Conflicted,
        OverlappingTlsConfig,
        Detached,
        Ready,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static ListenerConditionType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ListenerConditionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The condition reasons Gateway API defines for a Gateway listener's conditions.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ListenerConditionReason>))]
public readonly record struct ListenerConditionReason(string Value) : IExtensibleValue<ListenerConditionReason>
{
    /// <summary><c>Accepted=True</c>: the listener is accepted.</summary>
    public static ListenerConditionReason Accepted { get; } = new("Accepted");

    /// <summary><c>Accepted=False</c>: the port cannot be used, for example already in use or not supported.</summary>
    public static ListenerConditionReason PortUnavailable { get; } = new("PortUnavailable");

    /// <summary><c>Accepted=False</c>: the implementation does not support the listener's protocol.</summary>
    public static ListenerConditionReason UnsupportedProtocol { get; } = new("UnsupportedProtocol");

    /// <summary>
    /// <c>Accepted=False</c>: none of the CA certificate references for client-certificate validation resolves.
    /// </summary>
    public static ListenerConditionReason NoValidCaCertificate { get; } = new("NoValidCACertificate");

    /// <summary><c>Accepted=False</c>: a field holds a value the implementation does not support.</summary>
    public static ListenerConditionReason UnsupportedValue { get; } = new("UnsupportedValue");

    /// <summary>
    /// <c>Accepted</c> or <c>Programmed</c> not yet settled: the listener is not reconciled or not yet ready
    /// for traffic.
    /// </summary>
    public static ListenerConditionReason Pending { get; } = new("Pending");

    /// <summary><c>ResolvedRefs=True</c>: every reference resolves.</summary>
    public static ListenerConditionReason ResolvedRefs { get; } = new("ResolvedRefs");

    /// <summary>
    /// <c>ResolvedRefs=False</c>: a TLS certificate reference is missing, of an unsupported kind, or malformed.
    /// Only for references that are allowed; otherwise <see cref="RefNotPermitted"/>.
    /// </summary>
    public static ListenerConditionReason InvalidCertificateRef { get; } = new("InvalidCertificateRef");

    /// <summary>
    /// <c>ResolvedRefs=False</c>: <c>allowedRoutes.kinds</c> names a route kind that is invalid or unsupported.
    /// </summary>
    public static ListenerConditionReason InvalidRouteKinds { get; } = new("InvalidRouteKinds");

    /// <summary>
    /// <c>ResolvedRefs=False</c>: a TLS reference points into another namespace and no ReferenceGrant allows
    /// it.
    /// </summary>
    public static ListenerConditionReason RefNotPermitted { get; } = new("RefNotPermitted");

    /// <summary>
    /// <c>ResolvedRefs=False</c>: a CA certificate reference for client-certificate validation is missing or
    /// malformed.
    /// </summary>
    public static ListenerConditionReason InvalidCaCertificateRef { get; } = new("InvalidCACertificateRef");

    /// <summary>
    /// <c>ResolvedRefs=False</c>: a CA certificate reference for client-certificate validation has an unknown
    /// or unsupported kind.
    /// </summary>
    public static ListenerConditionReason InvalidCaCertificateKind { get; } = new("InvalidCACertificateKind");

    /// <summary><c>Programmed=True</c>: configuration was produced for the data plane.</summary>
    public static ListenerConditionReason Programmed { get; } = new("Programmed");

    /// <summary><c>Programmed=False</c>: the listener is invalid.</summary>
    public static ListenerConditionReason Invalid { get; } = new("Invalid");

    /// <summary><c>Conflicted=True</c>: another listener on the same port uses the same hostname.</summary>
    public static ListenerConditionReason HostnameConflict { get; } = new("HostnameConflict");

    /// <summary><c>Conflicted=True</c>: another listener on the same port has a protocol that cannot share it.</summary>
    public static ListenerConditionReason ProtocolConflict { get; } = new("ProtocolConflict");

    /// <summary><c>Conflicted=False</c>: the listener clashes with no other.</summary>
    public static ListenerConditionReason NoConflicts { get; } = new("NoConflicts");

    /// <summary>
    /// <c>OverlappingTLSConfig=True</c>: the listener's hostname overlaps another TLS listener's on the same
    /// port (for example <c>*.example.com</c> and <c>foo.example.com</c>).
    /// </summary>
    public static ListenerConditionReason OverlappingHostnames { get; } = new("OverlappingHostnames");

    /// <summary>
    /// <c>OverlappingTLSConfig=True</c>: the listener's certificates overlap another listener's. Preferred over
    /// <see cref="OverlappingHostnames"/> when both are detected.
    /// </summary>
    public static ListenerConditionReason OverlappingCertificates { get; } = new("OverlappingCertificates");

    /// <summary>
    /// Deprecated: with the deprecated <c>Detached</c> type; use <c>Accepted</c> with reason <see
    /// cref="Accepted"/>.
    /// </summary>
    public static ListenerConditionReason Attached { get; } = new("Attached");

    /// <summary>Reserved for future use with the <c>Ready</c> type; implementations must not write it.</summary>
    public static ListenerConditionReason Ready { get; } = new("Ready");

    /// <inheritdoc />
    public static IReadOnlyList<ListenerConditionReason> KnownValues { get; } =
    [
        Accepted,
        PortUnavailable,
        UnsupportedProtocol,
        NoValidCaCertificate,
        UnsupportedValue,
        Pending,
        ResolvedRefs,
        InvalidCertificateRef,
        InvalidRouteKinds,
        RefNotPermitted,
        InvalidCaCertificateRef,
        InvalidCaCertificateKind,
        Programmed,
        Invalid,
        HostnameConflict,
        ProtocolConflict,
        NoConflicts,
        OverlappingHostnames,
        OverlappingCertificates,
        Attached,
        Ready,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static ListenerConditionReason Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ListenerConditionReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
