namespace GatewayApi.Cli.Engine;

/// <summary>A clock stopped at one instant (<c>--now</c>), so status output can be compared between runs.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => now;
}
