using System.Globalization;
using System.Net;
using GatewayApi.Yarp.Tests.BadInput;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GatewayApi.Yarp.Tests.HotReload;

/// <summary>
/// Issue 7, must-show 2: while client loops send requests continuously, the configuration changes many times
/// (routes added, removed and re-weighted, plus one invalid change) through the in-memory source and through the
/// watched directory. No request may fail or be misrouted, and every answer must come from exactly one
/// configuration version that was current at some point during that request (see <see cref="ReloadLoadLoops"/>).
/// </summary>
/// <remarks>
/// Deterministic: the driver moves to the next version only after a probe has seen the current one answer and
/// every loop has started a request under it; the weighted choices use a seeded <see cref="Random"/>. Nothing is
/// timed; waits have generous deadlines that only turn a hang into a readable failure.
/// </remarks>
public sealed class HotReloadUnderLoadTests
{
    private const int ListenerPort = 80;
    private const int Loops = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task InMemorySource_ManyChangesUnderLoad_EveryAnswerFromOneVersion()
    {
        await using var backends = await NamedBackends.StartAsync(ReloadManifests.Backends);
        var logs = new CapturingLoggerProvider();
        await using var app = BuildProxy(backends, logs, directory: null);
        var configuration = app.Services.GetRequiredService<GatewayApiProxyConfiguration>();
        var infrastructure = ReloadManifests.Infrastructure(ListenerPort, GatewayApiProxyOptions.DefaultControllerName);
        Assert.True(configuration.Apply(infrastructure + ReloadManifests.Routes(1), "memory").Accepted);
        await app.StartAsync();

        await DriveAsync(app, logs, versions: 40, invalidAt: 20,
            submit: version =>
            {
                var change = configuration.Apply(infrastructure + ReloadManifests.Routes(version), "memory");
                Assert.True(change.Accepted, $"version {version} rejected: {change.Error}");
                return Task.CompletedTask;
            },
            submitInvalid: () =>
            {
                var change = configuration.Apply(infrastructure + ReloadManifests.Invalid(), "memory");
                Assert.False(change.Accepted);
                return Task.FromResult(change);
            });
    }

    [Fact]
    public async Task DirectorySource_ManyChangesUnderLoad_EveryAnswerFromOneVersion()
    {
        var directory = Directory.CreateTempSubdirectory("gwapi-hot-reload-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "infra.yaml"), ReloadManifests.Infrastructure(ListenerPort, GatewayApiProxyOptions.DefaultControllerName));
            await WriteAtomicallyAsync(directory.FullName, "routes.yaml", ReloadManifests.Routes(1));
            await using var backends = await NamedBackends.StartAsync(ReloadManifests.Backends);
            var logs = new CapturingLoggerProvider();
            await using var app = BuildProxy(backends, logs, directory.FullName);
            await app.StartAsync();
            var configuration = app.Services.GetRequiredService<GatewayApiProxyConfiguration>();
            await WaitUntilTheWatcherSeesChangesAsync(configuration, directory.FullName);

            await DriveAsync(app, logs, versions: 25, invalidAt: 12,
                submit: version => WriteAtomicallyAsync(directory.FullName, "routes.yaml", ReloadManifests.Routes(version)),
                submitInvalid: async () =>
                {
                    var before = configuration.LastChange?.Sequence ?? 0;
                    await WriteAtomicallyAsync(directory.FullName, "routes.yaml", ReloadManifests.Invalid());
                    using var cancel = new CancellationTokenSource(Patience);
                    while (true)
                    {
                        var change = await configuration.WaitForChangeAsync(before, cancel.Token);
                        if (!change.Accepted)
                        {
                            return change;
                        }

                        before = change.Sequence;
                    }
                });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static WebApplication BuildProxy(NamedBackends backends, CapturingLoggerProvider logs, string? directory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        var resolver = new StaticBackendEndpointResolver();
        foreach (var (name, address) in backends.Addresses)
        {
            resolver.Add(ReloadManifests.Namespace, name, 8080, new BackendEndpoint(address.Host, address.Port));
        }

        builder.Services.AddSingleton<IBackendEndpointResolver>(resolver);
        builder.Services.AddGatewayApiProxy(options =>
        {
            options.ListenAddress = IPAddress.Loopback;
            options.PortBindings[ListenerPort] = 0;
            options.Random = new Random(20261201);
            options.ManifestDirectory = directory;
            options.DirectoryDebounce = TimeSpan.FromMilliseconds(50);
        });
        var app = builder.Build();
        app.MapGatewayApiProxy();
        return app;
    }

    /// <summary>
    /// Confirms version 1, starts the loops, then submits versions 2..<paramref name="versions"/> one at a time (the
    /// invalid change just before <paramref name="invalidAt"/>), each confirmed by a probe and loaded by every loop.
    /// </summary>
    private static async Task DriveAsync(WebApplication app, CapturingLoggerProvider logs, int versions, int invalidAt, Func<int, Task> submit, Func<Task<ConfigurationChange>> submitInvalid)
    {
        var address = app.Services.GetRequiredService<GatewayApiProxyListeners>().GetUri(ListenerPort);
        using var client = new HttpClient { BaseAddress = address, Timeout = Patience };
        client.DefaultRequestHeaders.Host = ReloadManifests.Hostname;
        using var probe = new HttpClient { BaseAddress = address, Timeout = Patience };
        probe.DefaultRequestHeaders.Host = ReloadManifests.Hostname;

        var loops = new ReloadLoadLoops(client, Loops) { SubmittedVersion = 1 };
        await ProbeUntilAsync(probe, 1);
        loops.ConfirmedVersion = 1;
        var running = loops.RunAsync();
        var rejected = 0;
        string? rejectedError = null;
        try
        {
            await loops.WaitUntilEveryLoopStartedUnderAsync(1, Patience);
            for (var version = 2; version <= versions; version++)
            {
                if (version == invalidAt)
                {
                    var change = await submitInvalid();
                    rejected++;
                    rejectedError = change.Error;
                    Assert.NotNull(change.Error);
                    Assert.Equal(change.Error, app.Services.GetRequiredService<GatewayApiProxyConfiguration>().LastError);

                    // The last good state stays: a probe still sees the previous version, and the loops keep going under it.
                    await ProbeUntilAsync(probe, version - 1);
                    await loops.WaitUntilEveryLoopStartedUnderAsync(version - 1, Patience);
                }

                loops.SubmittedVersion = version;
                await submit(version);
                await ProbeUntilAsync(probe, version);
                loops.ConfirmedVersion = version;
                await loops.WaitUntilEveryLoopStartedUnderAsync(version, Patience);
            }
        }
        finally
        {
            loops.Stop();
            await running;
        }

        Assert.True(loops.Problems.Count == 0, $"{loops.Problems.Count} of {loops.Requests} requests failed or were misrouted:\n{string.Join('\n', loops.Problems.Take(20))}");
        Assert.True(loops.Requests >= Loops * versions, $"only {loops.Requests} requests were checked");

        // The one invalid change was rejected with its log line; every valid one was applied.
        Assert.Equal(1, rejected);
        var rejections = logs.Logs.Where(l => l.Category == "GatewayApi.Yarp" && l.EventId.Id == 2).ToList();
        Assert.Single(rejections);
        Assert.Equal(LogLevel.Error, rejections[0].Level);
        Assert.Contains(rejectedError!, rejections[0].Message, StringComparison.Ordinal);
        Assert.True(logs.Logs.Count(l => l.Category == "GatewayApi.Yarp" && l.EventId.Id == 1) >= versions, "one ConfigurationApplied line per accepted version");
        Assert.Null(app.Services.GetRequiredService<GatewayApiProxyConfiguration>().LastError);
    }

    /// <summary>Sends probes to <c>/stable</c> until one is answered by <paramref name="version"/>.</summary>
    private static async Task ProbeUntilAsync(HttpClient probe, int version)
    {
        var expected = version.ToString(CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow + Patience;
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await probe.GetAsync("/stable");
            last = $"{(int)response.StatusCode} {string.Join(",", response.Headers.TryGetValues(ReloadManifests.ServedHeader, out var v) ? v : [])}";
            if (response.StatusCode == HttpStatusCode.OK && response.Headers.TryGetValues(ReloadManifests.ServedHeader, out var served))
            {
                var answered = int.Parse(served.Single(), CultureInfo.InvariantCulture);
                if (answered == version)
                {
                    return;
                }

                Assert.True(answered < version, $"/stable answered by version {answered} while waiting for {version}");
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException($"version {version} never answered /stable; last answer {last}");
    }

    /// <summary>
    /// The watcher takes its first look at the directory on a background thread after the host has started, and
    /// misses a change made before that look (see the report). Rewrite version 1 (with a comment that changes its
    /// size) until the watcher applies it, so the versions that follow are all seen.
    /// </summary>
    private static async Task WaitUntilTheWatcherSeesChangesAsync(GatewayApiProxyConfiguration configuration, string directory)
    {
        var before = configuration.LastChange?.Sequence ?? 0;
        for (var attempt = 1; ; attempt++)
        {
            await WriteAtomicallyAsync(directory, "routes.yaml", ReloadManifests.Routes(1) + "# watcher check " + new string('#', attempt) + "\n");
            using var nudge = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                var change = await configuration.WaitForChangeAsync(before, nudge.Token);
                Assert.True(change.Accepted, change.Error);
                return;
            }
            catch (OperationCanceledException) when (attempt < 12)
            {
                // Not seen yet: write again.
            }
        }
    }

    /// <summary>Replaces a file in one step (write a temporary name the watcher ignores, then rename), as `kubectl`-style tools and ConfigMap mounts do.</summary>
    private static async Task WriteAtomicallyAsync(string directory, string name, string content)
    {
        var temporary = Path.Combine(directory, "." + name + ".tmp");
        await File.WriteAllTextAsync(temporary, content);
        File.Move(temporary, Path.Combine(directory, name), overwrite: true);
    }
}
