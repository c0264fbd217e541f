namespace GatewayApi.Conformance.Running;

/// <summary>How a case ended (the upstream classifications, named for what they mean).</summary>
public enum CaseOutcome
{
    /// <summary>Every expectation held (upstream <c>SUCCEEDED</c>).</summary>
    Passed,

    /// <summary>An expectation did not hold, the case timed out, or the target threw (upstream <c>FAILED</c>).</summary>
    Failed,

    /// <summary>Deliberately not run: excluded, not included, not selected, or needs a live target the run does not have (upstream <c>SKIPPED</c>; makes a report level <c>partial</c>).</summary>
    Skipped,

    /// <summary>Needs a feature the implementation does not claim (upstream <c>NOT_SUPPORTED</c>; not counted in reports).</summary>
    NotSupported,

    /// <summary>Provisional and the run skips provisional cases (upstream <c>PROVISIONAL_SKIPPED</c>; left out of reports).</summary>
    ProvisionalSkipped,
}
