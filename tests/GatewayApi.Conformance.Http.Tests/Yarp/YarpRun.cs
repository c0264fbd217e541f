using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Features;
using GatewayApi.Conformance.Http.Targets;
using GatewayApi.Conformance.Profiles;
using GatewayApi.Conformance.Reporting;
using GatewayApi.Conformance.Running;
using GatewayApi.Yarp;

namespace GatewayApi.Conformance.Http.Tests.Yarp;

/// <summary>
/// The conformance run of GatewayApi.Yarp through the HTTP target: every GATEWAY-HTTP, GATEWAY-GRPC and GATEWAY-TLS case, run
/// once each (cases share one target, so they run one at a time) and remembered, so the per-case tests and the
/// report test share one run.
/// </summary>
public sealed class YarpRun : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, CaseResult> _results = new(StringComparer.Ordinal);
    private YarpImplementation? _implementation;
    private HttpConformanceTarget? _target;

    /// <summary>The profiles this run reports on.</summary>
    public static IReadOnlyList<string> Profiles { get; } = [ConformanceProfiles.GatewayHttpName, ConformanceProfiles.GatewayGrpcName, ConformanceProfiles.GatewayTlsName];

    /// <summary>The cases of those profiles.</summary>
    public static IReadOnlyList<ConformanceCase> Cases { get; } =
        [.. ConformanceSuite.Cases.Where(item => item.Profiles.Any(profile => Profiles.Contains(profile)))];

    public static ConformanceRunOptions Options { get; } = new()
    {
        Profiles = Profiles,
        SupportedFeatures = [.. GatewayApiProxyOptions.SupportedFeatures.Where(ConformanceFeatures.IsKnown)],
        Cases = Cases,
        // A live target retries until a case matches or times out: keep a failing case from costing a minute.
        CaseTimeout = TimeSpan.FromSeconds(30),
        Report = new ReportSettings
        {
            Implementation = new ReportImplementation
            {
                Organization = "gatewayapi-dotnet",
                Project = "GatewayApi.Yarp (HTTP target, loopback)",
                Url = "https://github.com/gatewayapi-dotnet/gatewayapi-dotnet",
                Version = "v0.1.0",
                Contact = ["https://github.com/gatewayapi-dotnet/gatewayapi-dotnet/issues"],
            },
            Mode = "http-loopback",
            GatewayApiChannel = "experimental",
            // Fixed so the committed report only changes when results do.
            Date = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        },
    };

    public Task InitializeAsync()
    {
        _implementation = new YarpImplementation();
        _target = new HttpConformanceTarget(_implementation);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }

        if (_implementation is not null)
        {
            await _implementation.DisposeAsync();
        }
    }

    /// <summary>The result of a case, running it if this run has not yet.</summary>
    public async Task<CaseResult> ResultAsync(string caseName)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_results.TryGetValue(caseName, out var result))
            {
                result = await ConformanceSuite.RunCaseAsync(_target!, caseName, Options);
                _results[caseName] = result;
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }
}
