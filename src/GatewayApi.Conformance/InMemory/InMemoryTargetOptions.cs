using GatewayApi.Conformance.Features;
using GatewayApi.Routing;

namespace GatewayApi.Conformance.InMemory;

/// <summary>Settings of the <see cref="InMemoryTarget"/>.</summary>
public sealed record InMemoryTargetOptions
{
    /// <summary>The features the status engine is told to support (default: <see cref="DefaultSupportedFeatures"/>).</summary>
    public IReadOnlyList<string> SupportedFeatures { get; init; } = DefaultSupportedFeatures;

    /// <summary>The controller name (default <c>gatewayapi.net/in-memory</c>); also the mesh controller name.</summary>
    public string ControllerName { get; init; } = "gatewayapi.net/in-memory";

    /// <summary>Router options (precedence choices the spec leaves open).</summary>
    public RouterOptions RouterOptions { get; init; } = new();

    /// <summary>Adjusts the status engine options the target builds (for example to accept regular expressions).</summary>
    public Func<StatusEngineOptions, StatusEngineOptions>? ConfigureStatusEngine { get; init; }

    /// <summary>The seed of the random source used for weights and fractional mirrors (reset on every apply, so runs are repeatable).</summary>
    public int Seed { get; init; } = 20261201;

    /// <summary>The address requests without a Host carry (a documentation address, as no network is involved).</summary>
    public string GatewayAddress { get; init; } = "192.0.2.10";

    /// <summary>
    /// What GatewayApi.Routing implements: every v1.6.1 feature except <c>GatewayInfrastructurePropagation</c> (the
    /// in-memory target generates no infrastructure). Behaviour that needs a network (timeouts, retries, TLS to
    /// backends, websockets) is claimed because the engine computes it; those cases need a live target and are skipped.
    /// </summary>
    public static IReadOnlyList<string> DefaultSupportedFeatures { get; } =
        ConformanceFeatures.All.Select(feature => feature.Name)
            .Where(name => name != ConformanceFeatures.GatewayInfrastructurePropagation)
            .ToArray();
}
