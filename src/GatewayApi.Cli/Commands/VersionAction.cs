using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using GatewayApi.Cli.Output;

namespace GatewayApi.Cli.Commands;

/// <summary>
/// <c>gwapi --version</c>: the informational version of this assembly (not of the process's entry assembly, which is
/// a test host when the tool runs in-process).
/// </summary>
internal sealed class VersionAction(CliConsole console) : SynchronousCommandLineAction
{
    /// <summary>The version printed.</summary>
    public static string Version => typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        console.Out.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
