using System.Collections.Frozen;
using GatewayApi.Models;
using GatewayApi.Routing.ReferenceGrants;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing;

/// <summary>Everything one status computation reads: the snapshot, the options resolved into fast lookups, and the clock reading.</summary>
internal sealed class EngineContext
{
    public EngineContext(ResourceSnapshot snapshot, StatusEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ControllerNames is null || options.ControllerNames.Count == 0 || options.ControllerNames.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("StatusEngineOptions.ControllerNames must name at least one controller.", nameof(options));
        }

        Snapshot = snapshot;
        Options = options;
        ControllerNames = options.ControllerNames.ToFrozenSet(StringComparer.Ordinal);
        Features = (options.SupportedFeatures ?? []).ToFrozenSet(StringComparer.Ordinal);
        Grants = new ReferenceGrantResolver(snapshot.ReferenceGrants);
        var now = options.TimeProvider.GetUtcNow().UtcDateTime;
        Now = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        RouteKindsByProtocol = (options.RouteKindsByProtocol ?? DefaultRouteKinds(Features))
            .ToFrozenDictionary(p => p.Key.ToUpperInvariant(), p => (IReadOnlyList<GroupKind>)[.. p.Value.Distinct()], StringComparer.Ordinal);
        BackendKinds = (options.BackendKinds ?? []).ToFrozenSet();
        ExtensionRefKinds = (options.ExtensionRefKinds ?? []).ToFrozenSet();
        ParametersRefKinds = (options.ParametersRefKinds ?? []).ToFrozenSet();
        UnavailablePorts = (options.UnavailablePorts ?? []).ToFrozenSet();
        AddressTypes = (options.SupportedAddressTypes ?? []).ToFrozenSet(StringComparer.Ordinal);
        MeshControllerName = Supports(GatewayApiFeatures.Mesh) ? options.MeshControllerName : null;
    }

    public ResourceSnapshot Snapshot { get; }

    public StatusEngineOptions Options { get; }

    public FrozenSet<string> ControllerNames { get; }

    public FrozenSet<string> Features { get; }

    public ReferenceGrantResolver Grants { get; }

    /// <summary>The time written as <c>lastTransitionTime</c>, truncated to whole seconds as Kubernetes stores it.</summary>
    public DateTime Now { get; }

    public FrozenDictionary<string, IReadOnlyList<GroupKind>> RouteKindsByProtocol { get; }

    public FrozenSet<GroupKind> BackendKinds { get; }

    public FrozenSet<GroupKind> ExtensionRefKinds { get; }

    public FrozenSet<GroupKind> ParametersRefKinds { get; }

    public FrozenSet<int> UnavailablePorts { get; }

    public FrozenSet<string> AddressTypes { get; }

    /// <summary>The controller name for Service parents, or null when mesh parents are not handled.</summary>
    public string? MeshControllerName { get; }

    /// <summary>Parsed TLS material per Secret or ConfigMap, so a certificate shared by many listeners is parsed once.</summary>
    public Dictionary<object, (bool Valid, IReadOnlyList<string> DnsNames)> ParsedTlsData { get; } = new(ReferenceEqualityComparer.Instance);

    public bool Supports(string feature) => Features.Contains(feature);

    public bool IsOurController(string? controllerName) => controllerName is not null && ControllerNames.Contains(controllerName);

    /// <summary>The default protocol → route kinds table, derived from the supported features (§2.3).</summary>
    internal static Dictionary<string, IReadOnlyList<GroupKind>> DefaultRouteKinds(IReadOnlySet<string> features)
    {
        var httpKinds = features.Contains(GatewayApiFeatures.GrpcRoute)
            ? new[] { GroupKind.HttpRoute, GroupKind.GrpcRoute }
            : [GroupKind.HttpRoute];
        var table = new Dictionary<string, IReadOnlyList<GroupKind>>(StringComparer.Ordinal)
        {
            [ProtocolType.Http.Value] = httpKinds,
            [ProtocolType.Https.Value] = httpKinds,
        };
        if (features.Contains(GatewayApiFeatures.TlsRoute))
        {
            table[ProtocolType.Tls.Value] = [GroupKind.TlsRoute];
        }

        if (features.Contains(GatewayApiFeatures.TcpRoute))
        {
            table[ProtocolType.Tcp.Value] = [GroupKind.TcpRoute];
        }

        if (features.Contains(GatewayApiFeatures.UdpRoute))
        {
            table[ProtocolType.Udp.Value] = [GroupKind.UdpRoute];
        }

        return table;
    }
}
