using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>The condition types of a BackendTLSPolicy, per ancestor in <c>status.ancestors[].conditions</c>: the generic policy type <c>Accepted</c> plus <c>ResolvedRefs</c>. Compare with <see cref="k8s.Models.V1Condition.Type"/>.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<BackendTlsPolicyConditionType>))]
public readonly record struct BackendTlsPolicyConditionType(string Value) : IExtensibleValue<BackendTlsPolicyConditionType>
{
    /// <summary>Whether the policy was accepted for the ancestor (same as <see cref="PolicyConditionType.Accepted"/>).</summary>
    public static BackendTlsPolicyConditionType Accepted { get; } = new("Accepted");

    /// <summary>Whether every CA certificate reference of the policy could be resolved.</summary>
    public static BackendTlsPolicyConditionType ResolvedRefs { get; } = new("ResolvedRefs");

    /// <inheritdoc />
    public static IReadOnlyList<BackendTlsPolicyConditionType> KnownValues { get; } = [Accepted, ResolvedRefs];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static BackendTlsPolicyConditionType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator BackendTlsPolicyConditionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The reasons a BackendTLSPolicy gives for its conditions: the generic policy reasons of <see cref="PolicyConditionReason"/> plus its own. Compare with <see cref="k8s.Models.V1Condition.Reason"/>.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<BackendTlsPolicyConditionReason>))]
public readonly record struct BackendTlsPolicyConditionReason(string Value) : IExtensibleValue<BackendTlsPolicyConditionReason>
{
    /// <summary>With <c>Accepted=True</c>: the policy was accepted.</summary>
    public static BackendTlsPolicyConditionReason Accepted { get; } = new("Accepted");

    /// <summary>With <c>Accepted=False</c>: an older policy (or, at equal age, the alphabetically first) targets the same object and section.</summary>
    public static BackendTlsPolicyConditionReason Conflicted { get; } = new("Conflicted");

    /// <summary>With <c>Accepted=False</c>: the policy is invalid, for example <c>wellKnownCACertificates</c> is unsupported or unrecognised.</summary>
    public static BackendTlsPolicyConditionReason Invalid { get; } = new("Invalid");

    /// <summary>With <c>Accepted=False</c>: the policy targets an object that does not exist or cannot be targeted.</summary>
    public static BackendTlsPolicyConditionReason TargetNotFound { get; } = new("TargetNotFound");

    /// <summary>With <c>Accepted=False</c>: none of the CA certificate references is usable.</summary>
    public static BackendTlsPolicyConditionReason NoValidCACertificate { get; } = new("NoValidCACertificate");

    /// <summary>With <c>ResolvedRefs=True</c>: every CA certificate reference resolved.</summary>
    public static BackendTlsPolicyConditionReason ResolvedRefs { get; } = new("ResolvedRefs");

    /// <summary>With <c>ResolvedRefs=False</c>: a CA certificate reference points to a missing object or to malformed data (for example a ConfigMap without <c>ca.crt</c>).</summary>
    public static BackendTlsPolicyConditionReason InvalidCACertificateRef { get; } = new("InvalidCACertificateRef");

    /// <summary>With <c>ResolvedRefs=False</c>: a CA certificate reference names a group or kind the implementation does not know or support.</summary>
    public static BackendTlsPolicyConditionReason InvalidKind { get; } = new("InvalidKind");

    /// <inheritdoc />
    public static IReadOnlyList<BackendTlsPolicyConditionReason> KnownValues { get; } = [Accepted, Conflicted, Invalid, TargetNotFound, NoValidCACertificate, ResolvedRefs, InvalidCACertificateRef, InvalidKind];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static BackendTlsPolicyConditionReason Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator BackendTlsPolicyConditionReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
