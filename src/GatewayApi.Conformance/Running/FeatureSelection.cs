using GatewayApi.Conformance.Features;
using GatewayApi.Conformance.Profiles;

namespace GatewayApi.Conformance.Running;

/// <summary>
/// The supported-feature set of a run, resolved as upstream does: the claimed features (or every feature) minus the
/// exempt ones, plus the core features of every requested profile; and, per profile, its extended features split into
/// supported and unsupported (computed after every profile's core is folded in, so the order profiles are named in
/// does not matter).
/// </summary>
public sealed class FeatureSelection
{
    private FeatureSelection(IReadOnlySet<string> supported, IReadOnlyList<ConformanceProfile> profiles)
    {
        Supported = supported;
        Profiles = profiles;
    }

    /// <summary>The features the run treats as supported.</summary>
    public IReadOnlySet<string> Supported { get; }

    /// <summary>The requested profiles, sorted by name.</summary>
    public IReadOnlyList<ConformanceProfile> Profiles { get; }

    /// <summary>Resolves the selection of a run.</summary>
    /// <param name="options">The run options.</param>
    /// <exception cref="ArgumentException">A profile or feature name is unknown.</exception>
    public static FeatureSelection Resolve(ConformanceRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profiles = options.Profiles.Count == 0
            ? ConformanceProfiles.All
            : options.Profiles.Distinct(StringComparer.Ordinal)
                .Select(name => ConformanceProfiles.Find(name) ?? throw new ArgumentException($"{name} is not a valid conformance profile (known: {string.Join(", ", ConformanceProfiles.All.Select(profile => profile.Name))}).", nameof(options)))
                .OrderBy(profile => profile.Name, StringComparer.Ordinal)
                .ToArray();
        foreach (var feature in options.SupportedFeatures.Concat(options.ExemptFeatures))
        {
            if (!ConformanceFeatures.IsKnown(feature))
            {
                // Upstream accepts unknown names silently (a typo then hides tests); we refuse them.
                throw new ArgumentException($"'{feature}' is not a Gateway API v1.6.1 feature name.", nameof(options));
            }
        }

        var supported = new HashSet<string>(
            options.AllFeatures ? ConformanceFeatures.All.Select(feature => feature.Name) : options.SupportedFeatures,
            StringComparer.Ordinal);
        supported.ExceptWith(options.ExemptFeatures);
        foreach (var profile in profiles)
        {
            supported.UnionWith(profile.CoreFeatures);
        }

        return new FeatureSelection(supported, profiles);
    }

    /// <summary>The profile's extended features that are supported, sorted.</summary>
    /// <param name="profile">A requested profile.</param>
    public IReadOnlyList<string> SupportedExtended(ConformanceProfile profile) =>
        profile.ExtendedFeatures.Where(Supported.Contains).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The profile's extended features that are not supported, sorted.</summary>
    /// <param name="profile">A requested profile.</param>
    public IReadOnlyList<string> UnsupportedExtended(ConformanceProfile profile) =>
        profile.ExtendedFeatures.Where(feature => !Supported.Contains(feature)).Order(StringComparer.Ordinal).ToArray();
}
