namespace GatewayApi.Conformance.Http.Targets;

/// <summary>Settings of <see cref="HttpConformanceTarget"/>.</summary>
public sealed record HttpTargetOptions
{
    /// <summary>The time limit of one request (default 30 s: generous, a loaded machine must not fail a case).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after an answer from an echo backend the target waits for mirrored copies that have not arrived yet
    /// (default 15 ms). Copies are sent without waiting for the answer, so a copy may land just after it; a longer
    /// wait is paid by every request (distribution cases send hundreds).
    /// </summary>
    public TimeSpan MirrorGrace { get; init; } = TimeSpan.FromMilliseconds(15);
}
