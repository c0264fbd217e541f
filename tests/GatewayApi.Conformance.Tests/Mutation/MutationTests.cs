using GatewayApi.Conformance.Running;
using GatewayApi.Conformance.Tests.TestSupport;

namespace GatewayApi.Conformance.Tests.Mutation;

/// <summary>The harness catches faults: each deliberately wrong behaviour makes at least one case fail.</summary>
public sealed class MutationTests
{
    public static IEnumerable<object[]> FaultNames => Faults.All.Select(fault => new object[] { fault.Name });

    [Theory]
    [MemberData(nameof(FaultNames))]
    public async Task Fault_IsCaughtByAtLeastOneCase(string name)
    {
        var fault = Faults.All.Single(item => item.Name == name);
        var results = await ConformanceRunner.RunAsync(new MutatedTarget(fault), InMemoryRun.Options);
        var caught = results.Where(result => result.Outcome == CaseOutcome.Failed && !KnownEngineFailures.Cases.ContainsKey(result.Case.Name)).ToArray();
        Assert.True(caught.Length > 0, $"No case caught the fault '{fault.Name}' ({fault.Description}).");
        Assert.Contains(fault.CaughtBy, caught.Select(result => result.Case.Name));
    }

    [Fact]
    public async Task WithoutAFault_NothingFails()
    {
        // The wrapper itself must not be what the cases catch.
        var results = await ConformanceRunner.RunAsync(new MutatedTarget(new Fault("None", "no change", "")), InMemoryRun.Options);
        Assert.DoesNotContain(results, result => result.Outcome == CaseOutcome.Failed && !KnownEngineFailures.Cases.ContainsKey(result.Case.Name));
    }
}
