namespace GatewayApi.Yarp;

/// <summary>The outcome of one attempt to change the configuration, accepted or rejected.</summary>
public sealed record ConfigurationChange
{
    /// <summary>Increments with every attempt.</summary>
    public required long Sequence { get; init; }

    /// <summary>Whether the change became the current state; false means the previous state was kept.</summary>
    public required bool Accepted { get; init; }

    /// <summary>The version of the state in effect after this attempt.</summary>
    public required long Version { get; init; }

    /// <summary>Why the change was rejected (the first problem); null when accepted.</summary>
    public string? Error { get; init; }

    /// <summary>Every problem found, each saying where (<c>file:line:column</c> or <c>Kind namespace/name: field</c>) and what.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Where the change came from.</summary>
    public required string Source { get; init; }

    /// <summary>When it was attempted.</summary>
    public required DateTimeOffset At { get; init; }
}
