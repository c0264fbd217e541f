using System.CommandLine;
using System.Globalization;
using GatewayApi.Cli.Engine;
using GatewayApi.Models;

namespace GatewayApi.Cli.Commands;

/// <summary>
/// The options every command that reads manifests takes: where the manifests are (<c>-f</c>, and positional inputs
/// where a command has no other positional argument), the output format, the channel, the controller we act as,
/// <c>--assume-backends</c> and <c>--now</c>. A new instance per command: System.CommandLine symbols have one parent.
/// </summary>
internal sealed class SharedOptions
{
    public Option<string[]> Files { get; } = new("--filename", "-f")
    {
        Description = "A manifest file, a directory (read recursively: *.yaml, *.yml, *.json) or - for standard input. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
        HelpName = "path",
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: text (tables, the default), yaml or json (documented schemas, for machines).",
        DefaultValueFactory = _ => "text",
        HelpName = "text|yaml|json",
    };

    public Option<string> Channel { get; } = new("--channel")
    {
        Description = "The Gateway API release channel whose CRDs validate and default the objects.",
        DefaultValueFactory = _ => "standard",
        HelpName = "standard|experimental",
    };

    public Option<string?> ControllerName { get; } = new("--controller-name")
    {
        Description = "Act as the controller with this GatewayClass controllerName only. Default: act for every GatewayClass in the inputs (and for classes Gateways name but the inputs lack).",
        HelpName = "name",
    };

    public Option<bool> AssumeBackends { get; } = new("--assume-backends")
    {
        Description = "Treat every Service that routes reference but the inputs lack as existing, with the referenced ports (lint routes alone).",
    };

    public Option<string?> Now { get; } = new("--now")
    {
        Description = "The time written as lastTransitionTime (RFC 3339), for output that does not change between runs. Default: the current time.",
        HelpName = "time",
    };

    public SharedOptions()
    {
        Output.AcceptOnlyFromAmong("text", "yaml", "json");
        Channel.AcceptOnlyFromAmong("standard", "experimental");
    }

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Files);
        command.Options.Add(Output);
        command.Options.Add(Channel);
        command.Options.Add(ControllerName);
        command.Options.Add(AssumeBackends);
        command.Options.Add(Now);
    }

    /// <summary>The output format chosen.</summary>
    public OutputFormat Format(ParseResult result) => result.GetValue(Output) switch
    {
        "yaml" => OutputFormat.Yaml,
        "json" => OutputFormat.Json,
        _ => OutputFormat.Text,
    };

    /// <summary>The engine settings chosen.</summary>
    public EngineSettings Settings(ParseResult result)
    {
        DateTimeOffset? now = null;
        if (result.GetValue(Now) is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                throw new Inputs.CliInputException($"--now: '{text}' is not a time; write it as RFC 3339, for example 2026-01-01T00:00:00Z");
            }

            now = parsed;
        }

        return new EngineSettings
        {
            Channel = result.GetValue(Channel) == "experimental" ? ReleaseChannel.Experimental : ReleaseChannel.Standard,
            ControllerName = string.IsNullOrWhiteSpace(result.GetValue(ControllerName)) ? null : result.GetValue(ControllerName),
            AssumeBackends = result.GetValue(AssumeBackends),
            Now = now,
        };
    }
}
