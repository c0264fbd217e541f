using System.Collections.Frozen;
using GatewayApi.Models;
using GatewayApi.Models.Serialization;
using k8s;
using k8s.Models;

namespace GatewayApi.Routing.Snapshots;

/// <summary>
/// An immutable view of the cluster objects that decide attachment and status: GatewayClasses, Gateways,
/// ListenerSets, routes of every kind, ReferenceGrants, BackendTLSPolicies, Namespaces (for their labels),
/// Services (for their ports), Secrets, ConfigMaps, and any other object (for <c>parametersRef</c> and
/// implementation-specific references).
/// </summary>
/// <remarks>
/// <para>Every list is sorted by <c>{namespace}/{name}</c>, so nothing computed from a snapshot depends on the order the
/// objects were given in. A namespaced object whose metadata has no namespace is taken to be in <c>default</c>, as
/// <c>kubectl apply</c> would place it. Two objects of the same kind, namespace and name are an error.</para>
/// <para>The snapshot keeps the objects it is given, without copying them: do not change them afterwards.</para>
/// </remarks>
public sealed class ResourceSnapshot
{
    private readonly FrozenDictionary<string, GatewayClass> _gatewayClasses;
    private readonly FrozenDictionary<string, Gateway> _gateways;
    private readonly FrozenDictionary<string, ListenerSet> _listenerSets;
    private readonly FrozenDictionary<string, V1Namespace> _namespaces;
    private readonly FrozenDictionary<string, V1Service> _services;
    private readonly FrozenDictionary<string, V1Secret> _secrets;
    private readonly FrozenDictionary<string, V1ConfigMap> _configMaps;
    private readonly FrozenDictionary<(string Group, string Kind, string Key), IKubernetesObject<V1ObjectMeta>> _others;
    private readonly FrozenDictionary<(RouteKind Kind, string Key), RouteObject> _routesByKey;
    private readonly FrozenDictionary<string, IReadOnlyDictionary<string, string>> _namespaceLabels;

    private ResourceSnapshot(List<IKubernetesObject<V1ObjectMeta>> objects)
    {
        var seen = new HashSet<(string Group, string Kind, string Key)>();
        var gatewayClasses = new List<GatewayClass>();
        var gateways = new List<Gateway>();
        var listenerSets = new List<ListenerSet>();
        var httpRoutes = new List<HttpRoute>();
        var grpcRoutes = new List<GrpcRoute>();
        var tlsRoutes = new List<TlsRoute>();
        var tcpRoutes = new List<TcpRoute>();
        var udpRoutes = new List<UdpRoute>();
        var grants = new List<ReferenceGrant>();
        var policies = new List<BackendTlsPolicy>();
        var namespaces = new List<V1Namespace>();
        var services = new List<V1Service>();
        var secrets = new List<V1Secret>();
        var configMaps = new List<V1ConfigMap>();
        var others = new List<IKubernetesObject<V1ObjectMeta>>();

        foreach (var value in objects)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(objects));
            var (group, kind) = GroupKindOf(value);
            var key = IdentityKey(value);
            if (!seen.Add((group, kind, key)))
            {
                throw new ArgumentException($"The snapshot holds two {kind} objects named '{key}'.", nameof(objects));
            }

            switch (value)
            {
                case GatewayClass x: gatewayClasses.Add(x); break;
                case Gateway x: gateways.Add(x); break;
                case ListenerSet x: listenerSets.Add(x); break;
                case HttpRoute x: httpRoutes.Add(x); break;
                case GrpcRoute x: grpcRoutes.Add(x); break;
                case TlsRoute x: tlsRoutes.Add(x); break;
                case TcpRoute x: tcpRoutes.Add(x); break;
                case UdpRoute x: udpRoutes.Add(x); break;
                case ReferenceGrant x: grants.Add(x); break;
                case BackendTlsPolicy x: policies.Add(x); break;
                case V1Namespace x: namespaces.Add(x); break;
                case V1Service x: services.Add(x); break;
                case V1Secret x: secrets.Add(x); break;
                case V1ConfigMap x: configMaps.Add(x); break;
                default: others.Add(value); break;
            }
        }

        GatewayClasses = SortedByName(gatewayClasses);
        Gateways = Sorted(gateways);
        ListenerSets = Sorted(listenerSets);
        HttpRoutes = Sorted(httpRoutes);
        GrpcRoutes = Sorted(grpcRoutes);
        TlsRoutes = Sorted(tlsRoutes);
        TcpRoutes = Sorted(tcpRoutes);
        UdpRoutes = Sorted(udpRoutes);
        ReferenceGrants = Sorted(grants);
        BackendTlsPolicies = Sorted(policies);
        Namespaces = SortedByName(namespaces);
        Services = Sorted(services);
        Secrets = Sorted(secrets);
        ConfigMaps = Sorted(configMaps);
        OtherObjects = others
            .OrderBy(o => GroupKindOf(o).Group, StringComparer.Ordinal)
            .ThenBy(o => GroupKindOf(o).Kind, StringComparer.Ordinal)
            .ThenBy(ObjectNames.KeyOf, StringComparer.Ordinal)
            .ToArray();

        _gatewayClasses = GatewayClasses.ToFrozenDictionary(c => ObjectNames.NameOf(c), StringComparer.Ordinal);
        _gateways = Gateways.ToFrozenDictionary(ObjectNames.KeyOf, StringComparer.Ordinal);
        _listenerSets = ListenerSets.ToFrozenDictionary(ObjectNames.KeyOf, StringComparer.Ordinal);
        _namespaces = Namespaces.ToFrozenDictionary(n => ObjectNames.NameOf(n), StringComparer.Ordinal);
        _services = Services.ToFrozenDictionary(ObjectNames.KeyOf, StringComparer.Ordinal);
        _secrets = Secrets.ToFrozenDictionary(ObjectNames.KeyOf, StringComparer.Ordinal);
        _configMaps = ConfigMaps.ToFrozenDictionary(ObjectNames.KeyOf, StringComparer.Ordinal);
        _others = OtherObjects.ToFrozenDictionary(o => (GroupKindOf(o).Group, GroupKindOf(o).Kind, IdentityKey(o)));

        var routes = new List<RouteObject>(httpRoutes.Count + grpcRoutes.Count + tlsRoutes.Count + tcpRoutes.Count + udpRoutes.Count);
        foreach (var route in HttpRoutes.Concat<IKubernetesObject<V1ObjectMeta>>(GrpcRoutes).Concat(TlsRoutes).Concat(TcpRoutes).Concat(UdpRoutes))
        {
            routes.Add(RouteObject.From(route)!);
        }

        Routes = routes;
        _routesByKey = routes.ToFrozenDictionary(r => (r.Kind, r.Key));

        // Labels of every namespace the snapshot mentions, computed once (selectors are evaluated per route and listener).
        _namespaceLabels = Namespaces.Select(n => ObjectNames.NameOf(n))
            .Concat(objects.Where(o => !string.IsNullOrEmpty(o.Metadata?.NamespaceProperty)).Select(o => o.Metadata.NamespaceProperty))
            .Append(ObjectNames.DefaultNamespace)
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(n => n, ComputeNamespaceLabels, StringComparer.Ordinal);
    }

    /// <summary>A snapshot without objects.</summary>
    public static ResourceSnapshot Empty { get; } = new([]);

    /// <summary>The GatewayClasses, sorted by name.</summary>
    public IReadOnlyList<GatewayClass> GatewayClasses { get; }

    /// <summary>The Gateways, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<Gateway> Gateways { get; }

    /// <summary>The ListenerSets, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<ListenerSet> ListenerSets { get; }

    /// <summary>The HTTPRoutes, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<HttpRoute> HttpRoutes { get; }

    /// <summary>The GRPCRoutes, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<GrpcRoute> GrpcRoutes { get; }

    /// <summary>The TLSRoutes, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<TlsRoute> TlsRoutes { get; }

    /// <summary>The TCPRoutes, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<TcpRoute> TcpRoutes { get; }

    /// <summary>The UDPRoutes, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<UdpRoute> UdpRoutes { get; }

    /// <summary>The ReferenceGrants, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<ReferenceGrant> ReferenceGrants { get; }

    /// <summary>The BackendTLSPolicies, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<BackendTlsPolicy> BackendTlsPolicies { get; }

    /// <summary>The Namespaces, sorted by name. Their labels drive <c>from: Selector</c>.</summary>
    public IReadOnlyList<V1Namespace> Namespaces { get; }

    /// <summary>The Services, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<V1Service> Services { get; }

    /// <summary>The Secrets, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<V1Secret> Secrets { get; }

    /// <summary>The ConfigMaps, sorted by <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<V1ConfigMap> ConfigMaps { get; }

    /// <summary>Every other object (unknown kinds included), sorted by group, kind and <c>{namespace}/{name}</c>.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> OtherObjects { get; }

    /// <summary>Every route of every kind: HTTP, GRPC, TLS, TCP, UDP, each sorted by key.</summary>
    internal IReadOnlyList<RouteObject> Routes { get; }

    /// <summary>Builds a snapshot from objects in any order.</summary>
    /// <param name="objects">Typed Gateway API objects, KubernetesClient core objects, or any other object.</param>
    /// <exception cref="ArgumentException">Two objects share kind, namespace and name.</exception>
    public static ResourceSnapshot Create(IEnumerable<IKubernetesObject<V1ObjectMeta>> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        return new ResourceSnapshot([.. objects]);
    }

    /// <summary>Reads YAML (one or more documents) or JSON and builds a snapshot of every object in it.</summary>
    /// <param name="yamlOrJson">The manifests.</param>
    /// <param name="source">A name for the text in error messages, such as its file name.</param>
    /// <exception cref="ManifestException">The text is not valid manifests.</exception>
    public static ResourceSnapshot FromManifests(string yamlOrJson, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(yamlOrJson);
        return Create(ManifestReader.Read(yamlOrJson, source).Select(m => m.Object));
    }

    internal GatewayClass? FindGatewayClass(string? name) => name is not null && _gatewayClasses.TryGetValue(name, out var value) ? value : null;

    internal Gateway? FindGateway(string @namespace, string? name) => name is not null && _gateways.TryGetValue(ObjectNames.Key(@namespace, name), out var value) ? value : null;

    internal ListenerSet? FindListenerSet(string @namespace, string? name) => name is not null && _listenerSets.TryGetValue(ObjectNames.Key(@namespace, name), out var value) ? value : null;

    internal V1Service? FindService(string @namespace, string? name) => name is not null && _services.TryGetValue(ObjectNames.Key(@namespace, name), out var value) ? value : null;

    internal V1Secret? FindSecret(string @namespace, string? name) => name is not null && _secrets.TryGetValue(ObjectNames.Key(@namespace, name), out var value) ? value : null;

    internal V1ConfigMap? FindConfigMap(string @namespace, string? name) => name is not null && _configMaps.TryGetValue(ObjectNames.Key(@namespace, name), out var value) ? value : null;

    internal RouteObject? FindRoute(RouteKind kind, string @namespace, string name) => _routesByKey.TryGetValue((kind, ObjectNames.Key(@namespace, name)), out var value) ? value : null;

    /// <summary>Finds an object of any kind; <paramref name="namespace"/> is null for cluster-scoped objects.</summary>
    internal IKubernetesObject<V1ObjectMeta>? FindObject(GroupKind kind, string? @namespace, string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (kind == GroupKind.ConfigMap)
        {
            return @namespace is null ? null : FindConfigMap(@namespace, name);
        }

        if (kind == GroupKind.Secret)
        {
            return @namespace is null ? null : FindSecret(@namespace, name);
        }

        if (kind == GroupKind.Service)
        {
            return @namespace is null ? null : FindService(@namespace, name);
        }

        var key = @namespace is null ? name : ObjectNames.Key(@namespace, name);
        return _others.TryGetValue((kind.Group, kind.Kind, key), out var value) ? value : null;
    }

    /// <summary>
    /// The labels of a namespace: those of its Namespace object plus <c>kubernetes.io/metadata.name</c>, which the API
    /// server sets on every Namespace. A namespace without a Namespace object in the snapshot has only that label.
    /// </summary>
    internal IReadOnlyDictionary<string, string> NamespaceLabels(string @namespace)
        => _namespaceLabels.TryGetValue(@namespace, out var labels) ? labels : ComputeNamespaceLabels(@namespace);

    private IReadOnlyDictionary<string, string> ComputeNamespaceLabels(string @namespace)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_namespaces.TryGetValue(@namespace, out var value) && value.Metadata?.Labels is { } own)
        {
            foreach (var (key, label) in own)
            {
                labels[key] = label;
            }
        }

        labels[ObjectNames.NamespaceNameLabel] = @namespace;
        return labels;
    }

    internal static (string Group, string Kind) GroupKindOf(IKubernetesObject<V1ObjectMeta> value)
    {
        if (GatewayApiKinds.TryFind(value.GetType(), out var known))
        {
            return (known.Group, known.Kind);
        }

        var (group, _) = GatewayApiKinds.SplitApiVersion(value.ApiVersion ?? string.Empty);
        return (group, value.Kind ?? string.Empty);
    }

    /// <summary>The name of a cluster-scoped object, or <c>{namespace}/{name}</c> of a namespaced one (unknown kinds: by whether a namespace is set).</summary>
    private static string IdentityKey(IKubernetesObject<V1ObjectMeta> value)
    {
        var clusterScoped = GatewayApiKinds.TryFind(value.GetType(), out var known)
            ? !known.Namespaced
            : string.IsNullOrEmpty(value.Metadata?.NamespaceProperty);
        return clusterScoped ? ObjectNames.NameOf(value) : ObjectNames.KeyOf(value);
    }

    private static T[] Sorted<T>(List<T> values)
        where T : IKubernetesObject<V1ObjectMeta>
        => values.OrderBy(v => ObjectNames.KeyOf(v), StringComparer.Ordinal).ToArray();

    private static T[] SortedByName<T>(List<T> values)
        where T : IKubernetesObject<V1ObjectMeta>
        => values.OrderBy(v => ObjectNames.NameOf(v), StringComparer.Ordinal).ToArray();
}
