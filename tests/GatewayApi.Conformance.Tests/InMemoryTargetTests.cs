using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.InMemory;
using GatewayApi.Conformance.Running;
using GatewayApi.Conformance.Tests.TestSupport;

namespace GatewayApi.Conformance.Tests;

/// <summary>Our engine, through the in-memory target, passes every case that does not need a live network (one test per case).</summary>
public sealed class InMemoryTargetTests
{
    public static IEnumerable<object[]> Cases => ConformanceSuite.CaseNames();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case(string name)
    {
        var testCase = ConformanceSuite.GetCase(name);
        var result = await ConformanceSuite.RunCaseAsync(new InMemoryTarget(), name, InMemoryRun.Options);
        if (testCase.NeedsLiveNetwork)
        {
            Assert.True(result.Outcome == CaseOutcome.Skipped, result.ToString());
            return;
        }

        var unsupported = testCase.Features.Except(InMemoryTargetOptions.DefaultSupportedFeatures).ToArray();
        if (unsupported.Length > 0)
        {
            Assert.True(result.Outcome == CaseOutcome.NotSupported, result.ToString());
            return;
        }

        if (KnownEngineFailures.Cases.TryGetValue(name, out var bug))
        {
            Assert.True(result.Outcome == CaseOutcome.Failed, $"{name} passes now: remove it from KnownEngineFailures ({bug}).");
            return;
        }

        Assert.True(result.Outcome == CaseOutcome.Passed, result.ToString());
    }
}
