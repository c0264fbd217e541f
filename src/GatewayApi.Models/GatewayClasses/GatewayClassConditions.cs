using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>The condition types Gateway API defines for <c>GatewayClass.status.conditions</c>.</summary>
/// <remarks>
/// Conditions keep type and reason as plain strings (<c>V1Condition.Type</c>, <c>V1Condition.Reason</c>); compare
/// or assign through <c>Value</c>. A controller may add its own, domain-prefixed types.
/// </remarks>
[JsonConverter(typeof(ExtensibleValueJsonConverter<GatewayClassConditionType>))]
public readonly record struct GatewayClassConditionType(string Value) : IExtensibleValue<GatewayClassConditionType>
{
    /// <summary>
    /// Whether the controller named in the class accepts it and will provision Gateways of it. The controller
    /// with the matching name must always write it; until then it is <c>Unknown</c>.
    /// </summary>
    public static GatewayClassConditionType Accepted { get; } = new("Accepted");

    /// <summary>
    /// Experimental channel only. Whether the controller supports the Gateway API CRD versions installed in the
    /// cluster (their <c>gateway.networking.k8s.io/bundle-version</c> annotation). Written whenever the class
    /// is accepted.
    /// </summary>
    public static GatewayClassConditionType SupportedVersion { get; } = new("SupportedVersion");

    /// <inheritdoc />
    public static IReadOnlyList<GatewayClassConditionType> KnownValues { get; } = [Accepted, SupportedVersion];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static GatewayClassConditionType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GatewayClassConditionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The condition reasons Gateway API defines for a GatewayClass's conditions.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<GatewayClassConditionReason>))]
public readonly record struct GatewayClassConditionReason(string Value) : IExtensibleValue<GatewayClassConditionReason>
{
    /// <summary><c>Accepted=True</c>: the controller will provision Gateways of this class.</summary>
    public static GatewayClassConditionReason Accepted { get; } = new("Accepted");

    /// <summary>
    /// <c>Accepted=False</c>: <c>parametersRef</c> names a missing object or an unsupported kind, sets a
    /// namespace for a cluster-scoped referent (or omits it for a namespaced one), or the referent's data is
    /// malformed.
    /// </summary>
    public static GatewayClassConditionReason InvalidParameters { get; } = new("InvalidParameters");

    /// <summary><c>Accepted=False</c>: the implementation does not support GatewayClasses defined by users.</summary>
    public static GatewayClassConditionReason Unsupported { get; } = new("Unsupported");

    /// <summary><c>Accepted=Unknown</c>: the controller has not decided yet. The reason a new class starts with.</summary>
    public static GatewayClassConditionReason Pending { get; } = new("Pending");

    /// <summary>Deprecated: use <see cref="Pending"/>. The old reason for an undecided class.</summary>
    public static GatewayClassConditionReason Waiting { get; } = new("Waiting");

    /// <summary>
    /// <c>SupportedVersion=True</c>: every installed Gateway API CRD has a version the controller supports.
    /// </summary>
    public static GatewayClassConditionReason SupportedVersion { get; } = new("SupportedVersion");

    /// <summary>
    /// <c>SupportedVersion=False</c>, or <c>Accepted=False</c> when the controller refuses to work with
    /// unrecognised CRD versions. The message should name the versions found and the versions supported.
    /// </summary>
    public static GatewayClassConditionReason UnsupportedVersion { get; } = new("UnsupportedVersion");

    /// <inheritdoc />
    public static IReadOnlyList<GatewayClassConditionReason> KnownValues { get; } =
    [
        Accepted,
        InvalidParameters,
        Unsupported,
        Pending,
        Waiting,
        SupportedVersion,
        UnsupportedVersion,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static GatewayClassConditionReason Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GatewayClassConditionReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
