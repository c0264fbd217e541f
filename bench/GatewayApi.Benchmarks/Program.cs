using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// The command line chooses the benchmarks (--filter '*Serialization*', --list flat, ...). Building the
// generated benchmark project can take minutes on a busy two-core machine, longer than the default limit.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(GatewayApi.Benchmarks.Serialization.SerializationBenchmarks).Assembly).Run(args, config);
