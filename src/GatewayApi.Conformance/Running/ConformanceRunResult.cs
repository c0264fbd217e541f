using GatewayApi.Conformance.Reporting;

namespace GatewayApi.Conformance.Running;

/// <summary>The outcome of a run: one result per case and the report.</summary>
/// <param name="Results">One result per case, sorted by case name.</param>
/// <param name="Report">The upstream report of the run.</param>
public sealed record ConformanceRunResult(IReadOnlyList<CaseResult> Results, ConformanceReport Report)
{
    /// <summary>Whether no case failed.</summary>
    public bool Succeeded => Results.All(result => result.Outcome != CaseOutcome.Failed);

    /// <summary>The failed cases with their differences, one block per case (empty when none failed).</summary>
    public string FailureSummary => string.Join(Environment.NewLine, Results.Where(result => result.Outcome == CaseOutcome.Failed));

    /// <summary>The report as upstream YAML.</summary>
    public string ReportYaml => ConformanceReportWriter.ToYaml(Report);
}
