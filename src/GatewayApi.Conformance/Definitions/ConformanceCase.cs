using GatewayApi.Conformance.Profiles;
using GatewayApi.Models.Serialization;
using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.Definitions;

/// <summary>
/// One conformance case: a named, documented unit with the resources to apply, the status to expect and the requests
/// to send. Cases are loaded from YAML files (see <c>docs/conformance.md</c>) by <see cref="Loading.ConformanceCaseLoader"/>.
/// </summary>
public sealed class ConformanceCase
{
    internal ConformanceCase(
        string name,
        string description,
        string source,
        IReadOnlyList<string> features,
        IReadOnlyList<string> declaredProfiles,
        bool provisional,
        bool live,
        string? liveReason,
        BaseManifests baseManifests,
        string? manifests,
        int manifestsLine,
        string? specReference,
        TimeSpan? timeout,
        StatusExpectations status,
        IReadOnlyList<RequestCase> requests)
    {
        Name = name;
        Description = description;
        Source = source;
        Features = features;
        DeclaredProfiles = declaredProfiles;
        Provisional = provisional;
        NeedsLiveNetwork = live;
        LiveReason = liveReason;
        Base = baseManifests;
        ManifestsText = manifests;
        ManifestsLine = manifestsLine;
        SpecReference = specReference;
        Timeout = timeout;
        Status = status;
        Requests = requests;
        Profiles = ConformanceProfiles.All.Where(profile => profile.Includes(features)).Select(profile => profile.Name).ToArray();
    }

    /// <summary>The case name, unique in the suite (PascalCase, like upstream's ShortNames).</summary>
    public string Name { get; }

    /// <summary>What the case checks and why, in the spec's words.</summary>
    public string Description { get; }

    /// <summary>Where the case came from: the embedded resource name or the file path.</summary>
    public string Source { get; }

    /// <summary>Every feature the case needs; it runs only when the implementation supports them all.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The profiles the case belongs to by upstream's rule (every feature core or extended in the profile), sorted.</summary>
    public IReadOnlyList<string> Profiles { get; }

    /// <summary>The profiles the file declared (checked against <see cref="Features"/> when loading; informative).</summary>
    public IReadOnlyList<string> DeclaredProfiles { get; }

    /// <summary>Whether the case is provisional (reported under <c>succeededProvisionalTests</c> when it passes).</summary>
    public bool Provisional { get; }

    /// <summary>Whether the case needs a live network target (real timeouts, TLS handshakes, websockets).</summary>
    public bool NeedsLiveNetwork { get; }

    /// <summary>Why the case needs a live network target.</summary>
    public string? LiveReason { get; }

    /// <summary>Which shared base manifests the case builds on.</summary>
    public BaseManifests Base { get; }

    /// <summary>The case's own manifests (multi-document YAML), or null when it only uses the base.</summary>
    public string? ManifestsText { get; }

    /// <summary>The line of the case file where the manifests text starts (for error locations).</summary>
    internal int ManifestsLine { get; }

    /// <summary>Where the spec states the behaviour (for example <c>routing-semantics.md §2.1</c>), when given.</summary>
    public string? SpecReference { get; }

    /// <summary>The case's own time limit, when it sets one.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>The status to expect after the manifests are applied.</summary>
    public StatusExpectations Status { get; }

    /// <summary>The requests to send, in order, with what must come back.</summary>
    public IReadOnlyList<RequestCase> Requests { get; }

    /// <summary>Reads the case's own manifests as fresh objects (a new copy on every call, so targets may change them).</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> CreateResources() =>
        ManifestsText is null ? [] : ManifestReader.Read(ManifestsText, Source).Select(manifest => manifest.Object).ToArray();

    /// <inheritdoc />
    public override string ToString() => Name;
}
