using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GatewayApi.Yarp.Benchmarks;

/// <summary>
/// One job, run inside the BenchmarkDotNet process (no generated project to build: on a busy two-core machine that
/// build did not finish within ten minutes): 3 warm-up and 10 measured iterations.
/// </summary>
public sealed class InProcessJobConfig : ManualConfig
{
    public InProcessJobConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("InProcess"));
}
