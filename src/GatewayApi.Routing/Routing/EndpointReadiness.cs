using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;
using k8s.Models;

namespace GatewayApi.Routing;

/// <summary>
/// Applies what EndpointSlices say about Service backends: a Service whose EndpointSlices (label
/// <c>kubernetes.io/service-name</c>) are known but hold no ready endpoint is a valid backend with nowhere to send
/// to, so its share of requests is answered 503 (HTTP), <c>UNAVAILABLE</c> (gRPC), or rejected and dropped (TLS, TCP,
/// UDP), as <c>routing-semantics.md</c> §7 says, rather than forwarded. A Service without any of its EndpointSlices
/// among those given is left as it is: the caller may simply not watch them (a data plane that resolves endpoints
/// itself answers 503 on its own when it finds none).
/// </summary>
public static class EndpointReadiness
{
    /// <summary>The label that ties an EndpointSlice to its Service.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>
    /// Marks every Service backendRef (of HTTPRoutes, GRPCRoutes, TLSRoutes, TCPRoutes and UDPRoutes, on Gateways
    /// and mesh Services) whose Service has EndpointSlices but no ready endpoint as unusable with
    /// <see cref="UnusableReference.NoReadyEndpoints"/>. A reference already unusable for another reason keeps it.
    /// </summary>
    /// <param name="configuration">The router's input, for example from <see cref="RoutingConfigurationFromStatus"/>.</param>
    /// <param name="endpointSlices">The EndpointSlices known (of any Services; others are ignored).</param>
    /// <returns>A new configuration, or the same instance when no backendRef had to be marked.</returns>
    public static RoutingConfiguration Apply(RoutingConfiguration configuration, IEnumerable<V1EndpointSlice> endpointSlices)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(endpointSlices);
        var ready = new Dictionary<NamespacedName, bool>();
        foreach (var slice in endpointSlices)
        {
            if (slice?.Metadata?.Labels is { } labels && labels.TryGetValue(ServiceNameLabel, out var service) && !string.IsNullOrEmpty(service))
            {
                var key = new NamespacedName(ObjectNames.NamespaceOf(slice), service);
                ready[key] = ready.GetValueOrDefault(key) || HasReadyEndpoint(slice);
            }
        }

        var notReady = ready.Where(s => !s.Value).Select(s => s.Key).ToHashSet();
        if (notReady.Count == 0)
        {
            return configuration;
        }

        var changed = false;
        AttachedRoute MarkRoute(AttachedRoute route)
        {
            var marked = Mark(route, notReady);
            changed |= !ReferenceEquals(marked, route);
            return marked;
        }

        var result = configuration with
        {
            Gateways = [.. configuration.Gateways.Select(g => g with { Listeners = [.. g.Listeners.Select(l => l with { Routes = [.. l.Routes.Select(MarkRoute)] })] })],
            Services = [.. configuration.Services.Select(s => s with { Ports = [.. s.Ports.Select(p => p with { Routes = [.. p.Routes.Select(MarkRoute)] })] })],
        };

        // Nothing routed to those Services: the same instance, so callers can tell nothing changed.
        return changed ? result : configuration;
    }

    /// <summary>
    /// Whether a slice holds an endpoint that can take traffic: one with an address whose <c>ready</c> condition is
    /// true or unknown (Kubernetes asks consumers to read an unknown <c>ready</c> as ready).
    /// </summary>
    public static bool HasReadyEndpoint(V1EndpointSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        return slice.Endpoints?.Any(e => e is not null && (e.Conditions?.Ready ?? true) && (e.Addresses?.Count ?? 0) > 0) ?? false;
    }

    private static AttachedRoute Mark(AttachedRoute attached, HashSet<NamespacedName> notReady)
    {
        var routeNamespace = ObjectNames.NamespaceOf(attached.Route);
        var added = new List<UnusableReference>();
        var ruleIndex = 0;
        foreach (var backends in BackendRefsByRule(attached.Route))
        {
            var backendIndex = 0;
            foreach (var backend in backends ?? [])
            {
                var isService = string.IsNullOrEmpty(backend.Group) && (backend.Kind ?? "Service") == "Service";
                if (isService && backend.Name is { } name && notReady.Contains(new NamespacedName(backend.Namespace ?? routeNamespace, name))
                    && attached.FindUnusable(ruleIndex, backendIndex, null) is null)
                {
                    added.Add(new UnusableReference { RuleIndex = ruleIndex, BackendRefIndex = backendIndex, NoReadyEndpoints = true });
                }

                backendIndex++;
            }

            ruleIndex++;
        }

        return added.Count == 0 ? attached : attached with { UnusableReferences = [.. attached.UnusableReferences, .. added] };
    }

    // The rules' weighted backendRefs in spec order (filters' backends, such as mirrors, are not traffic shares).
    private static IEnumerable<IEnumerable<BackendObjectReference>?> BackendRefsByRule(GatewayApiObject route) => route switch
    {
        HttpRoute r => (r.Spec.Rules ?? []).Select(rule => rule?.BackendRefs),
        GrpcRoute r => (r.Spec.Rules ?? []).Select(rule => rule?.BackendRefs),
        TlsRoute r => (r.Spec.Rules ?? []).Select(rule => rule?.BackendRefs),
        TcpRoute r => (r.Spec.Rules ?? []).Select(rule => rule?.BackendRefs),
        UdpRoute r => (r.Spec.Rules ?? []).Select(rule => rule?.BackendRefs),
        _ => [],
    };
}
