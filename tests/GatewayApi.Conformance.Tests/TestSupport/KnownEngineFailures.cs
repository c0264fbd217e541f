namespace GatewayApi.Conformance.Tests.TestSupport;

/// <summary>
/// Cases our engine fails today because GatewayApi.Routing is wrong (not the case). The in-memory tests assert that
/// exactly these fail, so fixing the engine makes the test say so and the entry must then be removed.
/// </summary>
internal static class KnownEngineFailures
{
    public static IReadOnlyDictionary<string, string> Cases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Empty: every case our engine runs passes. Add an entry (case name -> who is wrong and why) when one does not.
    };
}
