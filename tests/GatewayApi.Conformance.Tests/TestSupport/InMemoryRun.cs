using GatewayApi.Conformance.InMemory;
using GatewayApi.Conformance.Reporting;
using GatewayApi.Conformance.Running;

namespace GatewayApi.Conformance.Tests.TestSupport;

/// <summary>The options of the committed in-memory run: what the engine supports, a fixed report date and identity.</summary>
internal static class InMemoryRun
{
    public static ConformanceRunOptions Options { get; } = new()
    {
        SupportedFeatures = InMemoryTargetOptions.DefaultSupportedFeatures,
        Report = new ReportSettings
        {
            Implementation = new ReportImplementation
            {
                Organization = "gatewayapi-dotnet",
                Project = "GatewayApi.Routing (in-memory target)",
                Url = "https://github.com/gatewayapi-dotnet/gatewayapi-dotnet",
                Version = "v0.1.0",
                Contact = ["https://github.com/gatewayapi-dotnet/gatewayapi-dotnet/issues"],
            },
            Mode = "in-memory",
            GatewayApiChannel = "experimental",
            // Fixed so the committed report only changes when results do.
            Date = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        },
    };
}
