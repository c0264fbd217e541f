using GatewayApi.Conformance.Http.Tests.TestSupport;
using GatewayApi.Conformance.Reporting;
using GatewayApi.Conformance.Running;

namespace GatewayApi.Conformance.Http.Tests.Yarp;

/// <summary>
/// Issue #8, must-show 3: every GATEWAY-HTTP, GATEWAY-GRPC and GATEWAY-TLS case, through the HTTP target, against the
/// GatewayApi.Yarp data plane on loopback; one test per case, and the report of the run committed under
/// docs/conformance/yarp-report.yaml (UPDATE_CONFORMANCE_REPORT=1 rewrites it).
/// </summary>
[Collection(YarpCollection.Name)]
public sealed class YarpConformanceTests(YarpRun run)
{
    public static IEnumerable<object[]> CaseNames => YarpRun.Cases.Select(item => new object[] { item.Name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Case(string name)
    {
        var result = await run.ResultAsync(name);
        if (KnownYarpFailures.Cases.TryGetValue(name, out var why))
        {
            Assert.True(result.Outcome == CaseOutcome.Failed, $"{name} is listed in KnownYarpFailures ({why}) but now ends {result.Outcome}: remove it from the list.");
            return;
        }

        // Passed, or not run because the proxy does not claim one of its features.
        Assert.True(result.Outcome is CaseOutcome.Passed or CaseOutcome.NotSupported, result.ToString());
    }

    [Fact]
    public async Task CommittedYarpReport_MatchesThisRun()
    {
        var results = new List<CaseResult>();
        foreach (var item in YarpRun.Cases)
        {
            results.Add(await run.ResultAsync(item.Name));
        }

        var yaml = ConformanceReportWriter.ToYaml(ConformanceReportBuilder.Build(results, YarpRun.Options));
        var path = RepositoryPaths.YarpReport;
        if (RepositoryPaths.Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, yaml);
        }

        var failed = results.Where(r => r.Outcome == CaseOutcome.Failed).Select(r => r.Case.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.True(failed.SequenceEqual(KnownYarpFailures.Cases.Keys.Order(StringComparer.Ordinal)),
            "failed: " + string.Join(", ", failed) + Environment.NewLine + string.Join(Environment.NewLine, results.Where(r => r.Outcome == CaseOutcome.Failed)));

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with UPDATE_CONFORMANCE_REPORT=1 to write it.");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == yaml, $"{path} differs from this run's report; run with UPDATE_CONFORMANCE_REPORT=1 to rewrite it. This run:\n{yaml}");
    }
}

/// <summary>One YARP run shared by the case tests and the report test.</summary>
[CollectionDefinition(Name)]
public sealed class YarpCollection : ICollectionFixture<YarpRun>
{
    public const string Name = "YARP conformance run";
}
