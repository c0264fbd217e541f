namespace GatewayApi.Conformance.Http.Tests.Yarp;

/// <summary>
/// Cases the YARP run fails today, each with who is wrong and why. The run asserts that exactly these fail: fixing
/// one makes its test fail until the entry is removed, so the list stays honest.
/// </summary>
internal static class KnownYarpFailures
{
    private const string ValidatedLikeAnApiServer =
        "GatewayApi.Yarp validates every change as an API server with the v1.6.1 CRDs would and keeps the last good state on " +
        "an invalid one (GatewayApiProxyConfiguration.Apply, by design: issue 7). The case's route carries a value outside " +
        "the CRD's enum, which a cluster would refuse before any controller saw it, so the status the case expects (the " +
        "controller's Accepted=False/UnsupportedValue for objects from a newer CRD) is reachable only on the in-memory target.";

    public static IReadOnlyDictionary<string, string> Cases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HTTPRouteUnsupportedMatchTypePartiallyInvalid"] = ValidatedLikeAnApiServer + " (path match type MadeUpMatchType)",
        ["HTTPRouteAllRulesInvalidNotAccepted"] = ValidatedLikeAnApiServer + " (filter type MadeUpFilter)",
    };
}
