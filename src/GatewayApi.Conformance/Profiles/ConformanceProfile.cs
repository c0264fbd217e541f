using System.Collections.Frozen;

namespace GatewayApi.Conformance.Profiles;

/// <summary>
/// A conformance profile (GEP-1709): a name and the features that are core and extended in it. A case belongs to a
/// profile when every feature it needs is core or extended there; within the profile it counts as extended when at
/// least one of its features is not core (upstream's rule, <c>conformance/utils/suite/profiles.go</c> and <c>reports.go</c>).
/// </summary>
public sealed class ConformanceProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="name">The profile name, for example <c>GATEWAY-HTTP</c>.</param>
    /// <param name="coreFeatures">The features every implementation of the profile must support.</param>
    /// <param name="extendedFeatures">The optional features of the profile.</param>
    public ConformanceProfile(string name, IEnumerable<string> coreFeatures, IEnumerable<string> extendedFeatures)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        CoreFeatures = coreFeatures.ToFrozenSet(StringComparer.Ordinal);
        ExtendedFeatures = extendedFeatures.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The profile name.</summary>
    public string Name { get; }

    /// <summary>The core features; claiming the profile claims them.</summary>
    public IReadOnlySet<string> CoreFeatures { get; }

    /// <summary>The extended features (a feature may be in both sets, as <c>TCPRoute</c> is in GATEWAY-TCP).</summary>
    public IReadOnlySet<string> ExtendedFeatures { get; }

    /// <summary>Whether a case needing these features belongs to this profile (every feature core or extended here).</summary>
    /// <param name="features">The features the case needs.</param>
    public bool Includes(IEnumerable<string> features) =>
        features.All(feature => CoreFeatures.Contains(feature) || ExtendedFeatures.Contains(feature));

    /// <summary>Whether a case needing these features counts as extended in this profile (some feature is not core).</summary>
    /// <param name="features">The features the case needs.</param>
    public bool IsExtended(IEnumerable<string> features) => features.Any(feature => !CoreFeatures.Contains(feature));

    /// <inheritdoc />
    public override string ToString() => Name;
}
