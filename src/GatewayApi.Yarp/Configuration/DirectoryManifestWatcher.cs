using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GatewayApi.Yarp;

/// <summary>
/// Reloads <see cref="GatewayApiProxyOptions.ManifestDirectory"/> when a manifest file is added, changed or
/// removed (recursively). File system events wake it; a fingerprint of names, sizes and times decides whether
/// anything changed (and catches what events miss, with a poll every few seconds); a change is read only after
/// the directory has been quiet for <see cref="GatewayApiProxyOptions.DirectoryDebounce"/>.
/// </summary>
internal sealed class DirectoryManifestWatcher(GatewayApiProxyConfiguration configuration, IOptions<GatewayApiProxyOptions> options) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ManifestDirectory is not { } directory)
        {
            return;
        }

        var debounce = options.Value.DirectoryDebounce;
        using var watcher = TryWatch(directory);
        // Compare with what the store read at start-up, not with the directory now: a file changed between
        // the two would otherwise never be read.
        var applied = configuration.DirectoryFingerprint ?? ManifestLoader.Fingerprint(directory);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _wake.WaitAsync(PollInterval, stoppingToken).ConfigureAwait(false);
                var seen = ManifestLoader.Fingerprint(directory);
                if (seen == applied)
                {
                    continue;
                }

                // Wait until the directory stops changing, so a half-written set of files is not read.
                while (true)
                {
                    await Task.Delay(debounce, stoppingToken).ConfigureAwait(false);
                    var now = ManifestLoader.Fingerprint(directory);
                    if (now == seen)
                    {
                        break;
                    }

                    seen = now;
                }

                configuration.ApplyDirectory(directory);
                applied = configuration.DirectoryFingerprint ?? seen;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private FileSystemWatcher? TryWatch(string directory)
    {
        try
        {
            var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            FileSystemEventHandler wake = (_, _) => _wake.Release();
            watcher.Changed += wake;
            watcher.Created += wake;
            watcher.Deleted += wake;
            watcher.Renamed += (_, _) => _wake.Release();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Out of inotify watches, or a missing directory: polling alone still finds changes.
            return null;
        }
    }
}
