namespace GatewayApi.Conformance.Reporting;

/// <summary>What the report says about the run besides the results.</summary>
public sealed record ReportSettings
{
    /// <summary>The implementation tested (all fields must be set before a report is written, as upstream requires).</summary>
    public ReportImplementation Implementation { get; init; } = new();

    /// <summary>The implementation's operating mode (upstream default <c>default</c>).</summary>
    public string Mode { get; init; } = "default";

    /// <summary>The Gateway API channel the run used (<c>standard</c> or <c>experimental</c>).</summary>
    public string GatewayApiChannel { get; init; } = "standard";

    /// <summary>The Gateway API version (the bundle the cases were written for).</summary>
    public string GatewayApiVersion { get; init; } = "v1.6.1";

    /// <summary>The report's date; null uses the current time. Fix it to make a committed report reproducible.</summary>
    public DateTimeOffset? Date { get; init; }
}

/// <summary>The implementation block of the report (upstream <c>Implementation</c>).</summary>
public sealed record ReportImplementation
{
    /// <summary>The company, group or individual maintaining the implementation.</summary>
    public string Organization { get; init; } = "";

    /// <summary>The project or repository name.</summary>
    public string Project { get; init; } = "";

    /// <summary>A human-usable URL, normally the code repository.</summary>
    public string Url { get; init; } = "";

    /// <summary>The version tested (a tag, release or commit; never a branch).</summary>
    public string Version { get; init; } = "";

    /// <summary>Contacts: GitHub <c>@user</c> or <c>@org/team</c>, e-mail addresses, or a support URL.</summary>
    public IReadOnlyList<string> Contact { get; init; } = [];
}
