using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using GatewayApi.Yarp.Benchmarks.Load;

// `load [--routes N --connections C --threads T --duration S --warmup S --rounds R --out FILE]` runs the wrk load
// comparison (bench/yarp-load.sh); anything else is passed to BenchmarkDotNet (--filter '*ProxyOverhead*', ...).
if (args.Length > 0 && args[0] == "load")
{
    return await LoadRun.RunAsync(LoadSettings.Parse(args[1..]));
}

var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(LoadRun).Assembly).Run(args, config);
return 0;
