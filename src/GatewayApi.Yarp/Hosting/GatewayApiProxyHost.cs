using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GatewayApi.Yarp;

/// <summary>A ready-made host that serves a directory of manifests (what <c>gwapi serve DIR</c> runs).</summary>
public static class GatewayApiProxyHost
{
    /// <summary>
    /// Builds (does not start) a web application that serves the Gateways in <paramref name="manifestDirectory"/>
    /// and reloads it on changes.
    /// </summary>
    /// <param name="manifestDirectory">The directory of manifests.</param>
    /// <param name="configure">More options (ports, address, controller name, ...), applied after the directory is set.</param>
    /// <param name="args">Command-line arguments for the host's configuration (logging levels, ...).</param>
    public static WebApplication Create(string manifestDirectory, Action<GatewayApiProxyOptions>? configure = null, string[]? args = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifestDirectory);
        var directory = Path.GetFullPath(manifestDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddGatewayApiProxy(options =>
        {
            options.ManifestDirectory = directory;
            configure?.Invoke(options);
        });
        var app = builder.Build();
        app.MapGatewayApiProxy();
        return app;
    }

    /// <summary>Builds the host, runs it until <paramref name="cancellationToken"/> is cancelled or the process is asked to stop, and disposes it.</summary>
    /// <param name="manifestDirectory">The directory of manifests.</param>
    /// <param name="configure">More options.</param>
    /// <param name="args">Command-line arguments for the host's configuration.</param>
    /// <param name="cancellationToken">Stops the host.</param>
    public static async Task RunAsync(string manifestDirectory, Action<GatewayApiProxyOptions>? configure = null, string[]? args = null, CancellationToken cancellationToken = default)
    {
        var app = Create(manifestDirectory, configure, args);
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
