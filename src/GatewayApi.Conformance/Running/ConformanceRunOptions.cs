using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Reporting;

namespace GatewayApi.Conformance.Running;

/// <summary>What to run and how (the counterparts of upstream's suite options).</summary>
public sealed record ConformanceRunOptions
{
    /// <summary>The profiles to report on (empty: every profile). Claiming a profile claims its core features.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>The features the implementation supports (upstream <c>supportedFeatures</c>).</summary>
    public IReadOnlyList<string> SupportedFeatures { get; init; } = [];

    /// <summary>Claim every feature (upstream <c>--all-features</c>).</summary>
    public bool AllFeatures { get; init; }

    /// <summary>Features removed from the supported set (upstream <c>exemptFeatures</c>).</summary>
    public IReadOnlyList<string> ExemptFeatures { get; init; } = [];

    /// <summary>Only these cases run; the others are skipped as not included (empty: all).</summary>
    public IReadOnlyList<string> IncludeCases { get; init; } = [];

    /// <summary>These cases are skipped as excluded (upstream <c>skipTests</c>).</summary>
    public IReadOnlyList<string> ExcludeCases { get; init; } = [];

    /// <summary>Only cases that need at least one of these features run; the others are skipped as not selected (empty: all).</summary>
    public IReadOnlyList<string> SelectFeatures { get; init; } = [];

    /// <summary>Skip provisional cases (they are then left out of the report; unlike upstream, they are not executed).</summary>
    public bool SkipProvisionalCases { get; init; }

    /// <summary>The time limit of a case that sets none (default 60 s, upstream's default test timeout).</summary>
    public TimeSpan CaseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a live target's statuses are polled while converging.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The cases to run (default: every case shipped in the package).</summary>
    public IReadOnlyList<ConformanceCase>? Cases { get; init; }

    /// <summary>Report settings (implementation, mode, channel, date).</summary>
    public ReportSettings Report { get; init; } = new();
}
