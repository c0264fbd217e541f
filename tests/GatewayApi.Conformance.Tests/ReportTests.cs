using GatewayApi.Conformance.InMemory;
using GatewayApi.Conformance.Reporting;
using GatewayApi.Conformance.Tests.TestSupport;

namespace GatewayApi.Conformance.Tests;

/// <summary>The committed in-memory report is what a run produces now (UPDATE_CONFORMANCE_REPORT=1 rewrites it).</summary>
public sealed class ReportTests
{
    [Fact]
    public async Task CommittedInMemoryReport_MatchesARunNow()
    {
        var run = await ConformanceSuite.RunAsync(new InMemoryTarget(), InMemoryRun.Options);
        var failed = run.Results.Where(result => result.Outcome == Running.CaseOutcome.Failed).Select(result => result.Case.Name).Order(StringComparer.Ordinal);
        Assert.True(failed.SequenceEqual(KnownEngineFailures.Cases.Keys.Where(name => ConformanceSuite.Cases.Any(item => item.Name == name)).Order(StringComparer.Ordinal)), run.FailureSummary);
        var yaml = run.ReportYaml;
        var path = RepositoryPaths.InMemoryReport;
        if (RepositoryPaths.Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, yaml);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with UPDATE_CONFORMANCE_REPORT=1 to write it.");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == yaml, $"{path} differs from this run's report; run with UPDATE_CONFORMANCE_REPORT=1 to rewrite it. This run:\n{yaml}");
    }

    [Fact]
    public async Task ReportDate_IsTheInjectedOne()
    {
        var run = await ConformanceSuite.RunAsync(new InMemoryTarget(), InMemoryRun.Options with
        {
            Report = InMemoryRun.Options.Report with { Date = new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)) },
        });
        Assert.Equal("2030-05-06T07:08:09+02:00", run.Report.Date);
        Assert.Contains("date: \"2030-05-06T07:08:09+02:00\"\n", run.ReportYaml, StringComparison.Ordinal);
    }
}
