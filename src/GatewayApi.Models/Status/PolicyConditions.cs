using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>A condition type every policy kind may write in <c>status.ancestors[].conditions</c>; compare with <see cref="k8s.Models.V1Condition.Type"/>. Policy kinds add their own (see <see cref="BackendTlsPolicyConditionType"/>).</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<PolicyConditionType>))]
public readonly record struct PolicyConditionType(string Value) : IExtensibleValue<PolicyConditionType>
{
    /// <summary>Whether the policy was accepted for the ancestor, and if not, why.</summary>
    public static PolicyConditionType Accepted { get; } = new("Accepted");

    /// <inheritdoc />
    public static IReadOnlyList<PolicyConditionType> KnownValues { get; } = [Accepted];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static PolicyConditionType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator PolicyConditionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A reason every policy kind may give for its <see cref="PolicyConditionType"/> conditions; compare with <see cref="k8s.Models.V1Condition.Reason"/>. Policy kinds add their own (see <see cref="BackendTlsPolicyConditionReason"/>).</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<PolicyConditionReason>))]
public readonly record struct PolicyConditionReason(string Value) : IExtensibleValue<PolicyConditionReason>
{
    /// <summary>With <c>Accepted=True</c>: the policy was accepted.</summary>
    public static PolicyConditionReason Accepted { get; } = new("Accepted");

    /// <summary>With <c>Accepted=False</c>: another policy targets the same object and cannot be merged with this one, and it takes precedence.</summary>
    public static PolicyConditionReason Conflicted { get; } = new("Conflicted");

    /// <summary>With <c>Accepted=False</c>: the policy is invalid, in syntax or meaning (for example an unsupported value).</summary>
    public static PolicyConditionReason Invalid { get; } = new("Invalid");

    /// <summary>With <c>Accepted=False</c>: the policy targets an object that does not exist or cannot be targeted.</summary>
    public static PolicyConditionReason TargetNotFound { get; } = new("TargetNotFound");

    /// <inheritdoc />
    public static IReadOnlyList<PolicyConditionReason> KnownValues { get; } = [Accepted, Conflicted, Invalid, TargetNotFound];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static PolicyConditionReason Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator PolicyConditionReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
