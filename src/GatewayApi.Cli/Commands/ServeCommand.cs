using System.CommandLine;
using System.Net;
using GatewayApi.Cli.Inputs;
using GatewayApi.Cli.Output;
using GatewayApi.Cli.Serving;
using GatewayApi.Models;
using GatewayApi.Routing;
using GatewayApi.Yarp;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Cli.Commands;

/// <summary>
/// <c>gwapi serve DIR</c>: the GatewayApi.Yarp data plane serving the Gateways of a directory of manifests, on
/// loopback by default, reloading when a file changes, until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("directory")
        {
            Description = "The directory of manifests (read recursively: *.yaml, *.yml, *.json): Gateways, routes, Services, EndpointSlices, Secrets. Watched: a change is applied when the directory is quiet; a bad change is reported and the last good one stays.",
        };
        var ports = new Option<string[]>("--port", "-p")
        {
            Description = "Serve a Gateway listener port on another local port: LISTENER=LOCAL (80=8080; LOCAL 0 picks a free port, printed at start). Repeatable. Listener ports not given are bound as themselves.",
            HelpName = "listener=local",
        };
        var address = new Option<string>("--address")
        {
            Description = "The local address every listener port is bound on (0.0.0.0 for every interface).",
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "ip",
        };
        var controller = new Option<string>("--controller-name")
        {
            Description = "Serve the Gateways whose GatewayClass has this controllerName.",
            DefaultValueFactory = _ => GatewayApiProxyOptions.DefaultControllerName,
            HelpName = "name",
        };
        var backends = new Option<string[]>("--backend")
        {
            Description = "Send a Service port's traffic to a fixed endpoint: NAMESPACE/NAME:PORT=HOST:PORT. Repeatable. Without it, EndpointSlices in the directory are used, then cluster DNS names.",
            HelpName = "ns/name:port=host:port",
        };
        var command = new Command("serve", "Run the YARP data plane for the Gateways in a directory of manifests, reloading on change. Ctrl+C stops it (exit 0). Exit 2 when the directory is missing, nothing can be served, or a port is in use.")
        {
            directory,
            ports,
            address,
            controller,
            backends,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            ServeSettings settings;
            try
            {
                settings = Parse(result, directory, ports, address, controller, backends);
            }
            catch (CliInputException exception)
            {
                return CommandRunner.Fail(console, exception.Message);
            }

            return await RunAsync(settings, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static ServeSettings Parse(ParseResult result, Argument<string> directory, Option<string[]> ports, Option<string> address, Option<string> controller, Option<string[]> backends)
    {
        var path = result.GetValue(directory) ?? "";
        if (!Directory.Exists(path))
        {
            throw new CliInputException(File.Exists(path)
                ? $"{path}: is a file; serve takes a directory of manifests"
                : $"{path}: no such directory");
        }

        var bindings = new Dictionary<int, int>();
        foreach (var text in result.GetValue(ports) ?? [])
        {
            var (listener, local) = ServeSettings.ParsePort(text);
            if (!bindings.TryAdd(listener, local))
            {
                throw new CliInputException($"--port: listener port {listener} is mapped twice");
            }
        }

        var name = result.GetValue(controller);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CliInputException("--controller-name: must not be empty");
        }

        return new ServeSettings(
            Path.GetFullPath(path),
            ServeSettings.ParseAddress(result.GetValue(address) ?? "127.0.0.1"),
            bindings,
            name,
            [.. (result.GetValue(backends) ?? []).Select(ServeSettings.ParseBackend)]);
    }

    /// <summary>Builds, starts and runs the proxy until cancelled; 0 when stopped, 2 when it cannot start.</summary>
    internal static async Task<int> RunAsync(ServeSettings settings, CliConsole console, CancellationToken cancellationToken, Action<GatewayApiProxyListeners>? started = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new CliLoggerProvider(console));
        builder.Services.AddSingleton<IBackendEndpointResolver>(new ServeBackendResolver(settings.Backends));
        builder.Services.AddGatewayApiProxy(options =>
        {
            options.ManifestDirectory = settings.Directory;
            options.ListenAddress = settings.Address;
            options.StatusEngine = options.StatusEngine with { ControllerNames = [settings.ControllerName] };
            foreach (var (listener, local) in settings.PortBindings)
            {
                options.PortBindings[listener] = local;
            }
        });
        var app = builder.Build();
        await using (app.ConfigureAwait(false))
        {
            app.MapGatewayApiProxy();
            var configuration = app.Services.GetRequiredService<GatewayApiProxyConfiguration>();
            var listenerPorts = ServedPorts(configuration.Current);
            if (listenerPorts.Count == 0)
            {
                // Kestrel would otherwise bind its default address; and ports added later are only bound at start.
                var why = configuration.LastError is { } error
                    ? "the manifests were rejected: " + error
                    : $"no Gateway of a GatewayClass with controllerName {settings.ControllerName} has an accepted HTTP or HTTPS listener";
                return CommandRunner.Fail(console, $"{settings.Directory}: nothing to serve: {why}");
            }

            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                return CommandRunner.Fail(console, "cannot listen: " + exception.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }

            var listeners = app.Services.GetRequiredService<GatewayApiProxyListeners>();
            configuration.Changed += change => Report(console, change);
            lock (console.Out)
            {
                console.Out.WriteLine($"gwapi: serving {settings.Directory} (configuration version {configuration.Current.Version}, controller {settings.ControllerName})");
                foreach (var bound in listeners.Bound.OrderBy(b => b.ListenerPort))
                {
                    console.Out.WriteLine($"  listener port {bound.ListenerPort} ({bound.Protocol}) on {bound.Uri}");
                }

                console.Out.WriteLine("  Ctrl+C stops");
                console.Out.Flush();
            }

            started?.Invoke(listeners);
            try
            {
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: a normal stop.
            }
            finally
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            lock (console.Out)
            {
                console.Out.WriteLine("gwapi: stopped");
                console.Out.Flush();
            }

            return ExitCodes.Ok;
        }
    }

    private static List<int> ServedPorts(GatewayApiProxyState state) =>
        [.. state.Routing.Gateways
            .SelectMany(gateway => gateway.Listeners)
            .Where(listener => listener.Protocol == ProtocolType.Http || listener.Protocol == ProtocolType.Https)
            .Select(listener => listener.Port)
            .Distinct()];

    private static void Report(CliConsole console, ConfigurationChange change)
    {
        lock (console.Out)
        {
            if (change.Accepted)
            {
                console.Out.WriteLine($"gwapi: reloaded {change.Source}: configuration version {change.Version}");
                console.Out.Flush();
            }
        }

        // Rejected changes are logged by the proxy (event 2) on standard error, each problem on its line.
    }
}
