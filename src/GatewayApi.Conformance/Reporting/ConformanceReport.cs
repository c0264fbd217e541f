namespace GatewayApi.Conformance.Reporting;

/// <summary>
/// The upstream <c>ConformanceReport</c> (<c>conformance/apis/v1</c>, group/version <c>gateway.networking.k8s.io/v1</c>).
/// Serialise it with <see cref="ConformanceReportWriter"/>.
/// </summary>
public sealed record ConformanceReport
{
    /// <summary>Always <c>gateway.networking.k8s.io/v1</c>.</summary>
    public string ApiVersion { get; init; } = "gateway.networking.k8s.io/v1";

    /// <summary>Always <c>ConformanceReport</c>.</summary>
    public string Kind { get; init; } = "ConformanceReport";

    /// <summary>The implementation tested.</summary>
    public required ReportImplementation Implementation { get; init; }

    /// <summary>When the report was generated (RFC 3339).</summary>
    public required string Date { get; init; }

    /// <summary>The Gateway API version.</summary>
    public required string GatewayApiVersion { get; init; }

    /// <summary>The Gateway API channel.</summary>
    public required string GatewayApiChannel { get; init; }

    /// <summary>The implementation's operating mode.</summary>
    public required string Mode { get; init; }

    /// <summary>One entry per requested profile that had at least one case, sorted by name.</summary>
    public required IReadOnlyList<ProfileReport> Profiles { get; init; }

    /// <summary>Provisional cases that passed, sorted.</summary>
    public IReadOnlyList<string> SucceededProvisionalTests { get; init; } = [];
}

/// <summary>The results of one profile (upstream <c>ProfileReport</c>).</summary>
public sealed record ProfileReport
{
    /// <summary>The profile name.</summary>
    public required string Name { get; init; }

    /// <summary>A one-line summary, in upstream's phrases.</summary>
    public required string Summary { get; init; }

    /// <summary>The core level.</summary>
    public required LevelReport Core { get; init; }

    /// <summary>The extended level, present when an extended case passed, failed or was skipped.</summary>
    public ExtendedLevelReport? Extended { get; init; }
}

/// <summary>The results of one level (upstream <c>Status</c>).</summary>
public record LevelReport
{
    /// <summary><c>success</c>, <c>partial</c> or <c>failure</c>.</summary>
    public required string Result { get; init; }

    /// <summary>The counts.</summary>
    public required ReportStatistics Statistics { get; init; }

    /// <summary>Skipped cases, sorted.</summary>
    public IReadOnlyList<string> SkippedTests { get; init; } = [];

    /// <summary>Failed cases, sorted.</summary>
    public IReadOnlyList<string> FailedTests { get; init; } = [];
}

/// <summary>The extended level, with the profile's extended features split by support (upstream <c>ExtendedStatus</c>).</summary>
public sealed record ExtendedLevelReport : LevelReport
{
    /// <summary>The profile's extended features the implementation supports, sorted.</summary>
    public IReadOnlyList<string> SupportedFeatures { get; init; } = [];

    /// <summary>The profile's extended features it does not support, sorted.</summary>
    public IReadOnlyList<string> UnsupportedFeatures { get; init; } = [];
}

/// <summary>Counts of one level (upstream <c>Statistics</c>; its keys are capitalised in YAML).</summary>
/// <param name="Passed">Cases that passed.</param>
/// <param name="Skipped">Cases that were skipped.</param>
/// <param name="Failed">Cases that failed.</param>
public sealed record ReportStatistics(int Passed, int Skipped, int Failed);
