namespace GatewayApi.Conformance.Features;

/// <summary>One feature name of the Gateway API v1.6.1 catalogue (<c>pkg/features</c>).</summary>
/// <param name="Name">The exact name, as it appears in <c>supportedFeatures</c> and in reports.</param>
/// <param name="Channel">The channel upstream gives the feature.</param>
/// <param name="Set">The upstream feature set it belongs to, for example <c>HTTPRouteExtendedFeatures</c>.</param>
public sealed record ConformanceFeature(string Name, FeatureChannel Channel, string Set)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
