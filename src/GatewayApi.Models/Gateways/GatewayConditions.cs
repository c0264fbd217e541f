using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>The condition types Gateway API defines for <c>Gateway.status.conditions</c>.</summary>
/// <remarks>
/// Conditions keep type and reason as plain strings (<c>V1Condition.Type</c>, <c>V1Condition.Reason</c>); compare
/// or assign through <c>Value</c>. A controller may add its own, domain-prefixed types.
/// </remarks>
[JsonConverter(typeof(ExtensibleValueJsonConverter<GatewayConditionType>))]
public readonly record struct GatewayConditionType(string Value) : IExtensibleValue<GatewayConditionType>
{
    /// <summary>
    /// Whether the Gateway is valid enough for the controller to produce some configuration from it. Always
    /// written once observed; <c>Unknown</c> with reason <c>Pending</c> until then.
    /// </summary>
    public static GatewayConditionType Accepted { get; } = new("Accepted");

    /// <summary>
    /// Whether configuration for the Gateway has been sent to the data plane and should be ready soon. Always
    /// written once observed.
    /// </summary>
    public static GatewayConditionType Programmed { get; } = new("Programmed");

    /// <summary>
    /// Whether the Gateway-level references (such as the backend client certificate) resolve; also summarises
    /// the listeners' own <c>ResolvedRefs</c>. Marked experimental upstream; does not affect <c>Accepted</c> or
    /// <c>Programmed</c>.
    /// </summary>
    public static GatewayConditionType ResolvedRefs { get; } = new("ResolvedRefs");

    /// <summary>
    /// Present (and <c>True</c>) only while some client-certificate validation uses
    /// <c>AllowInsecureFallback</c>; removed once every mode is back to <c>AllowValidOnly</c>.
    /// </summary>
    public static GatewayConditionType InsecureFrontendValidationMode { get; } = new("InsecureFrontendValidationMode");

    /// <summary>
    /// Experimental (GEP-3793). Set on a Gateway with <c>spec.defaultScope</c> to say it acts as a default
    /// Gateway. Upstream defines no Go constant for it.
    /// </summary>
    public static GatewayConditionType DefaultGateway { get; } = new("DefaultGateway");

    /// <summary>Reserved for future use; implementations must not write it.</summary>
    public static GatewayConditionType Ready { get; } = new("Ready");

    /// <summary>Deprecated: use <see cref="Accepted"/>.</summary>
    public static GatewayConditionType Scheduled { get; } = new("Scheduled");

    /// <inheritdoc />
    public static IReadOnlyList<GatewayConditionType> KnownValues { get; } =
    [
        Accepted,
        Programmed,
        ResolvedRefs,
        InsecureFrontendValidationMode,
        DefaultGateway,
        Ready,
        Scheduled,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static GatewayConditionType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GatewayConditionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The condition reasons Gateway API defines for a Gateway's conditions.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<GatewayConditionReason>))]
public readonly record struct GatewayConditionReason(string Value) : IExtensibleValue<GatewayConditionReason>
{
    /// <summary><c>Accepted=True</c>: the Gateway is accepted.</summary>
    public static GatewayConditionReason Accepted { get; } = new("Accepted");

    /// <summary>
    /// <c>Accepted</c>: some listeners are invalid or unsupported. <c>True</c> when the others still work,
    /// <c>False</c> when the Gateway as a whole is rejected.
    /// </summary>
    public static GatewayConditionReason ListenersNotValid { get; } = new("ListenersNotValid");

    /// <summary>
    /// <c>Accepted</c> or <c>Programmed</c> <c>Unknown</c>: no controller has reconciled the Gateway yet (the
    /// default). Also allowed with <c>Programmed=False</c>.
    /// </summary>
    public static GatewayConditionReason Pending { get; } = new("Pending");

    /// <summary><c>Accepted=False</c>: a requested address has a type the implementation does not support.</summary>
    public static GatewayConditionReason UnsupportedAddress { get; } = new("UnsupportedAddress");

    /// <summary>
    /// <c>Accepted=False</c>: <c>spec.infrastructure.parametersRef</c> is missing, of an unsupported kind, or
    /// malformed.
    /// </summary>
    public static GatewayConditionReason InvalidParameters { get; } = new("InvalidParameters");

    /// <summary><c>Programmed=True</c>: configuration was produced for the data plane.</summary>
    public static GatewayConditionReason Programmed { get; } = new("Programmed");

    /// <summary>
    /// <c>Accepted</c> or <c>Programmed</c> <c>False</c>: the Gateway is invalid, for example missing or
    /// unrecognised TLS settings.
    /// </summary>
    public static GatewayConditionReason Invalid { get; } = new("Invalid");

    /// <summary><c>Programmed=False</c>: not enough infrastructure resources to run the Gateway.</summary>
    public static GatewayConditionReason NoResources { get; } = new("NoResources");

    /// <summary>
    /// <c>Programmed=False</c>: no address has been assigned (yet), for example addresses exhausted, or an
    /// empty address value the implementation cannot fill in.
    /// </summary>
    public static GatewayConditionReason AddressNotAssigned { get; } = new("AddressNotAssigned");

    /// <summary>
    /// <c>Programmed=False</c>: a requested address cannot be used (not found, already in use, ...); the
    /// message should say which and how to fix it.
    /// </summary>
    public static GatewayConditionReason AddressNotUsable { get; } = new("AddressNotUsable");

    /// <summary>
    /// <c>InsecureFrontendValidationMode=True</c>: some client-certificate validation was switched to
    /// <c>AllowInsecureFallback</c>.
    /// </summary>
    public static GatewayConditionReason ConfigurationChanged { get; } = new("ConfigurationChanged");

    /// <summary><c>ResolvedRefs=True</c>: every reference resolves.</summary>
    public static GatewayConditionReason ResolvedRefs { get; } = new("ResolvedRefs");

    /// <summary>
    /// <c>ResolvedRefs=False</c>: the backend client certificate reference is missing, of an unsupported kind,
    /// or malformed. Only for references that are allowed; otherwise <see cref="RefNotPermitted"/>.
    /// </summary>
    public static GatewayConditionReason InvalidClientCertificateRef { get; } = new("InvalidClientCertificateRef");

    /// <summary>
    /// <c>ResolvedRefs=False</c>: a Gateway-level reference points into another namespace and no ReferenceGrant
    /// allows it.
    /// </summary>
    public static GatewayConditionReason RefNotPermitted { get; } = new("RefNotPermitted");

    /// <summary><c>ResolvedRefs=False</c>: at least one listener has <c>ResolvedRefs=False</c>.</summary>
    public static GatewayConditionReason ListenersNotResolved { get; } = new("ListenersNotResolved");

    /// <summary>Deprecated: use <see cref="Pending"/>.</summary>
    public static GatewayConditionReason NotReconciled { get; } = new("NotReconciled");

    /// <summary>
    /// Deprecated: with the deprecated <c>Scheduled</c> type; use <c>Accepted</c> with reason <see
    /// cref="Accepted"/>.
    /// </summary>
    public static GatewayConditionReason Scheduled { get; } = new("Scheduled");

    /// <summary>Reserved for future use with the <c>Ready</c> type; implementations must not write it.</summary>
    public static GatewayConditionReason Ready { get; } = new("Ready");

    /// <summary>Reserved for future use with the <c>Ready</c> type; implementations must not write it.</summary>
    public static GatewayConditionReason ListenersNotReady { get; } = new("ListenersNotReady");

    /// <inheritdoc />
    public static IReadOnlyList<GatewayConditionReason> KnownValues { get; } =
    [
        Accepted,
        ListenersNotValid,
        Pending,
        UnsupportedAddress,
        InvalidParameters,
        Programmed,
        Invalid,
        NoResources,
        AddressNotAssigned,
        AddressNotUsable,
        ConfigurationChanged,
        ResolvedRefs,
        InvalidClientCertificateRef,
        RefNotPermitted,
        ListenersNotResolved,
        NotReconciled,
        Scheduled,
        Ready,
        ListenersNotReady,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static GatewayConditionReason Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GatewayConditionReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
