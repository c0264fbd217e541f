using GatewayApi.Models;

namespace GatewayApi.Cli.Engine;

/// <summary>The options every command shares, as parsed from the command line.</summary>
internal sealed record EngineSettings
{
    /// <summary>The release channel whose CRDs validate and default the objects.</summary>
    public ReleaseChannel Channel { get; init; } = ReleaseChannel.Standard;

    /// <summary>The GatewayClass controllerName we act as; null acts as every controller of the inputs.</summary>
    public string? ControllerName { get; init; }

    /// <summary>Whether referenced Services missing from the inputs are made up (<c>--assume-backends</c>).</summary>
    public bool AssumeBackends { get; init; }

    /// <summary>The time written as <c>lastTransitionTime</c>; null for the current time.</summary>
    public DateTimeOffset? Now { get; init; }
}
