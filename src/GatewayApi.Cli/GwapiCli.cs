using System.CommandLine;
using GatewayApi.Cli.Commands;
using GatewayApi.Cli.Output;

namespace GatewayApi.Cli;

/// <summary>
/// The <c>gwapi</c> command tree and its in-process entry point. Commands: <c>validate</c>, <c>status</c>,
/// <c>route</c>, <c>serve</c> (the YARP data plane) and <c>conformance</c> (the suite against the built-in engine),
/// each one <see cref="Command"/> factory.
/// </summary>
internal static class GwapiCli
{
    /// <summary>Runs <c>gwapi</c> with these arguments and streams; returns the exit code (0 ok, 1 findings, 2 usage or input error).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return CommandRunner.Fail(console, parsed.Errors[0].Message + " (gwapi --help shows the usage)");
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug, not bad input; still one line, never a stack trace.
            return CommandRunner.Fail(console, $"unexpected {exception.GetType().Name}: {exception.Message} (please report this)");
        }
    }

    /// <summary>The command tree.</summary>
    public static RootCommand CreateRoot(CliConsole console)
    {
        var root = new RootCommand("gwapi: lint, explain and route Kubernetes Gateway API v1.6.1 manifests offline, with no cluster.")
        {
            ValidateCommand.Create(console),
            StatusCommand.Create(console),
            RouteCommand.Create(console),
            ServeCommand.Create(console),
            ConformanceCommand.Create(console),
        };
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(console);
        }

        return root;
    }
}
