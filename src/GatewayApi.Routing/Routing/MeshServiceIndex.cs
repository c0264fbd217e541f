using System.Net;
using GatewayApi.Routing.Snapshots;
using k8s.Models;

namespace GatewayApi.Routing;

/// <summary>
/// Finds the Service a mesh proxy's outbound connection is addressed to, so that <see cref="Router.RouteMeshHttp"/>
/// and <see cref="Router.RouteMeshGrpc"/> can be called from what the proxy knows: the destination cluster IP and port
/// (<c>mesh.md</c> §1: routes bind to the Service frontend and are matched by cluster IP, not by <c>Host</c>), or a
/// Service DNS name. Immutable and thread-safe; build it again when Services change.
/// </summary>
/// <remarks>
/// <para>Indexed: every address in <c>spec.clusterIPs</c> and <c>spec.clusterIP</c> (IPv4 and IPv6, compared as
/// addresses), and the names <c>name.namespace.svc.{clusterDomain}</c>, <c>name.namespace.svc</c>,
/// <c>name.namespace</c>, plus a bare <c>name</c> in the client's own namespace, as the Kubernetes DNS search path
/// resolves them. Names compare without regard to case and may end with a dot.</para>
/// <para>Left out: headless Services (<c>clusterIP: None</c>) and <c>ExternalName</c> Services, which have no frontend
/// (their names resolve to endpoints or elsewhere, the backend facet routes do not apply to). The port must be one of the
/// Service's ports. Two Services claiming one address (which the API server prevents) resolve to the first by
/// <c>{namespace}/{name}</c>.</para>
/// </remarks>
public sealed class MeshServiceIndex
{
    private readonly Dictionary<IPAddress, ServiceFrontend> _byAddress;
    private readonly Dictionary<string, ServiceFrontend> _byName;
    private readonly string _clusterDomain;

    private MeshServiceIndex(Dictionary<IPAddress, ServiceFrontend> byAddress, Dictionary<string, ServiceFrontend> byName, string clusterDomain)
    {
        _byAddress = byAddress;
        _byName = byName;
        _clusterDomain = clusterDomain;
    }

    /// <summary>Indexes the Services of a snapshot.</summary>
    /// <param name="snapshot">The cluster objects.</param>
    /// <param name="clusterDomain">The cluster's DNS domain; default <c>cluster.local</c>.</param>
    public static MeshServiceIndex FromSnapshot(ResourceSnapshot snapshot, string clusterDomain = "cluster.local")
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Create(snapshot.Services, clusterDomain);
    }

    /// <summary>Indexes Services.</summary>
    /// <param name="services">The Services (objects without a name are skipped; a missing namespace is <c>default</c>).</param>
    /// <param name="clusterDomain">The cluster's DNS domain; default <c>cluster.local</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="clusterDomain"/> is empty.</exception>
    public static MeshServiceIndex Create(IEnumerable<V1Service> services, string clusterDomain = "cluster.local")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterDomain);
        var domain = clusterDomain.Trim().TrimEnd('.').ToLowerInvariant();
        var byAddress = new Dictionary<IPAddress, ServiceFrontend>();
        var byName = new Dictionary<string, ServiceFrontend>(StringComparer.OrdinalIgnoreCase);
        var frontends = services
            .Where(s => s is not null && !string.IsNullOrEmpty(s.Metadata?.Name))
            .Select(s => (Service: s, Name: new NamespacedName(ObjectNames.NamespaceOf(s), s.Metadata!.Name)))
            .OrderBy(s => s.Name.ToString(), StringComparer.Ordinal);
        foreach (var (service, name) in frontends)
        {
            var spec = service.Spec;
            if (spec is null || spec.Type == "ExternalName" || spec.ClusterIP == "None")
            {
                continue;
            }

            var frontend = new ServiceFrontend(name, [.. (spec.Ports ?? []).Select(p => p.Port).Distinct()]);
            foreach (var text in (spec.ClusterIPs ?? []).Append(spec.ClusterIP ?? string.Empty))
            {
                if (IPAddress.TryParse(text, out var address))
                {
                    byAddress.TryAdd(Normalize(address), frontend);
                }
            }

            var local = name.Name + "." + name.Namespace;
            byName.TryAdd(local, frontend);
            byName.TryAdd(local + ".svc", frontend);
            byName.TryAdd(local + ".svc." + domain, frontend);
        }

        return new MeshServiceIndex(byAddress, byName, domain);
    }

    /// <summary>How many Service addresses are indexed.</summary>
    public int AddressCount => _byAddress.Count;

    /// <summary>Finds the Service whose cluster IP and port a connection is addressed to.</summary>
    /// <param name="clientNamespace">The namespace of the calling workload (its consumer routes apply first).</param>
    /// <param name="address">The destination address (an IPv4-mapped IPv6 address counts as IPv4).</param>
    /// <param name="port">The destination port, a Service port.</param>
    /// <param name="destination">The destination to pass to <see cref="Router.RouteMeshHttp"/> or <see cref="Router.RouteMeshGrpc"/>.</param>
    /// <returns>False when no Service has that cluster IP, or it has no such port: not mesh frontend traffic.</returns>
    public bool TryGetDestination(string clientNamespace, IPAddress address, int port, out MeshDestination destination)
    {
        ArgumentNullException.ThrowIfNull(clientNamespace);
        ArgumentNullException.ThrowIfNull(address);
        return Found(_byAddress.TryGetValue(Normalize(address), out var frontend) ? frontend : null, clientNamespace, port, out destination);
    }

    /// <summary>Finds the Service a destination <c>IP:port</c> belongs to.</summary>
    /// <param name="clientNamespace">The namespace of the calling workload.</param>
    /// <param name="endpoint">The destination address and port.</param>
    /// <param name="destination">The destination to route with.</param>
    public bool TryGetDestination(string clientNamespace, IPEndPoint endpoint, out MeshDestination destination)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return TryGetDestination(clientNamespace, endpoint.Address, endpoint.Port, out destination);
    }

    /// <summary>
    /// Finds the Service a host names: an IP literal (as <see cref="TryGetDestination(string, IPAddress, int, out MeshDestination)"/>),
    /// <c>name.namespace.svc.{clusterDomain}</c>, <c>name.namespace.svc</c>, <c>name.namespace</c>, or a bare
    /// <c>name</c> in the client's namespace.
    /// </summary>
    /// <param name="clientNamespace">The namespace of the calling workload; bare names resolve in it.</param>
    /// <param name="host">The host without port (IPv6 literals with or without brackets).</param>
    /// <param name="port">The destination Service port.</param>
    /// <param name="destination">The destination to route with.</param>
    public bool TryGetDestination(string clientNamespace, string host, int port, out MeshDestination destination)
    {
        ArgumentNullException.ThrowIfNull(clientNamespace);
        ArgumentNullException.ThrowIfNull(host);
        var trimmed = host.Trim().TrimEnd('.');
        if (IPAddress.TryParse(trimmed.Trim('[', ']'), out var address))
        {
            return TryGetDestination(clientNamespace, address, port, out destination);
        }

        if (!_byName.TryGetValue(trimmed, out var frontend) && trimmed.Length > 0 && !trimmed.Contains('.', StringComparison.Ordinal))
        {
            _byName.TryGetValue(trimmed + "." + clientNamespace, out frontend);
        }

        return Found(frontend, clientNamespace, port, out destination);
    }

    /// <summary>The cluster DNS domain names are resolved under.</summary>
    public string ClusterDomain => _clusterDomain;

    private static bool Found(ServiceFrontend? frontend, string clientNamespace, int port, out MeshDestination destination)
    {
        if (frontend is not null && Array.IndexOf(frontend.Ports, port) >= 0)
        {
            destination = new MeshDestination(clientNamespace, frontend.Service, port);
            return true;
        }

        destination = default;
        return false;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>A Service frontend: its name and ports.</summary>
    private sealed record ServiceFrontend(NamespacedName Service, int[] Ports);
}
