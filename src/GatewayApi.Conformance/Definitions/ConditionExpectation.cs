namespace GatewayApi.Conformance.Definitions;

/// <summary>
/// An expected condition: the type must be present; <see cref="Status"/> and <see cref="Reason"/> are compared when
/// given (null means any). Messages and timestamps are never compared; extra conditions are allowed (as upstream).
/// </summary>
/// <param name="Type">The condition type, for example <c>Accepted</c>.</param>
/// <param name="Status"><c>True</c>, <c>False</c> or <c>Unknown</c>, or null for any.</param>
/// <param name="Reason">The reason, or null for any.</param>
public sealed record ConditionExpectation(string Type, string? Status, string? Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}={Status ?? "*"}/{Reason ?? "*"}";
}
