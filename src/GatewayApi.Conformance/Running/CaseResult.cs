using GatewayApi.Conformance.Definitions;

namespace GatewayApi.Conformance.Running;

/// <summary>The result of one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Reason">Why it was skipped or not supported (null when it ran).</param>
/// <param name="Failures">Each expectation that did not hold, as "where: expected ..., actual ..." (empty unless failed).</param>
public sealed record CaseResult(ConformanceCase Case, CaseOutcome Outcome, string? Reason, IReadOnlyList<string> Failures)
{
    /// <summary>A readable account of the result: the outcome, the reason, and every failure on its own line.</summary>
    public override string ToString() =>
        $"{Case.Name}: {Outcome}" + (Reason is null ? "" : $" ({Reason})") +
        (Failures.Count == 0 ? "" : Environment.NewLine + string.Join(Environment.NewLine, Failures.Select(failure => "  - " + failure)));
}
