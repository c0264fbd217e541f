namespace GatewayApi.Models.Validation;

/// <summary>The outcome of <see cref="GatewayApiValidator.Validate(object, ReleaseChannel)"/>: every violation found.</summary>
public sealed record ValidationResult
{
    /// <summary>A result with no errors and no warnings.</summary>
    public static ValidationResult Valid { get; } = new() { Errors = [], Warnings = [] };

    /// <summary>Every violation, in the order found (the API server does not promise an order either).</summary>
    public required IReadOnlyList<FieldError> Errors { get; init; }

    /// <summary>
    /// What the API server would say but not reject: one <c>unknown field "&lt;path&gt;"</c> warning per field
    /// that is not in the channel's schema and that the API server would therefore drop (prune) before
    /// storing the object. A client that sends <c>fieldValidation=Strict</c> gets these as errors instead.
    /// </summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Whether there are no errors of any origin (warnings do not count).</summary>
    public bool IsValid => Errors.Count == 0;
}
