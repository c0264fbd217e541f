namespace GatewayApi.Models.Tests.Properties;

/// <summary>The settings every round-trip property shares.</summary>
internal static class PropertySettings
{
    /// <summary>Cases per property: enough to meet every generator branch many times, cheap enough to run always.</summary>
    public const int Cases = 200;

    /// <summary>A fixed FsCheck seed (seed, gamma), so every run tests the same cases and a failure reproduces.</summary>
    public const string Seed = "(20240601,1442695040888963407)";
}
