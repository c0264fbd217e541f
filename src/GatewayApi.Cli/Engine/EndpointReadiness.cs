using GatewayApi.Cli.Inputs;
using GatewayApi.Models;
using GatewayApi.Routing;
using k8s.Models;

namespace GatewayApi.Cli.Engine;

/// <summary>
/// Uses the EndpointSlices of the inputs: a Service backend whose EndpointSlices (label
/// <c>kubernetes.io/service-name</c>) are in the inputs but hold no ready endpoint is unusable with
/// <c>NoReadyEndpoints</c>, so its share of requests is answered 503 (<c>routing-semantics.md</c> §7). A Service without
/// EndpointSlices in the inputs is taken to be ready: repositories rarely hold them, and a cluster always has them.
/// </summary>
internal static class EndpointReadiness
{
    private const string ServiceNameLabel = "kubernetes.io/service-name";

    public static RoutingConfiguration Apply(RoutingConfiguration configuration, IReadOnlyList<LoadedManifest> manifests)
    {
        var slices = manifests.Select(m => m.Object).OfType<V1EndpointSlice>()
            .Where(s => s.Metadata?.Labels?.ContainsKey(ServiceNameLabel) == true)
            .GroupBy(s => ObjectDisplay.NamespaceOf(s) + "/" + s.Metadata.Labels[ServiceNameLabel], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Any(HasReadyEndpoint), StringComparer.Ordinal);
        if (slices.Count == 0 || slices.Values.All(ready => ready))
        {
            return configuration;
        }

        var notReady = slices.Where(s => !s.Value).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        return configuration with
        {
            Gateways = [.. configuration.Gateways.Select(g => g with { Listeners = [.. g.Listeners.Select(l => l with { Routes = [.. l.Routes.Select(r => Mark(r, notReady))] })] })],
            Services = [.. configuration.Services.Select(s => s with { Ports = [.. s.Ports.Select(p => p with { Routes = [.. p.Routes.Select(r => Mark(r, notReady))] })] })],
        };
    }

    private static bool HasReadyEndpoint(V1EndpointSlice slice)
        => slice.Endpoints?.Any(e => (e.Conditions?.Ready ?? true) && (e.Addresses?.Count ?? 0) > 0) ?? false;

    private static AttachedRoute Mark(AttachedRoute attached, HashSet<string> notReady)
    {
        var routeNamespace = ObjectDisplay.NamespaceOf(attached.Route)!;
        IEnumerable<IEnumerable<BackendRef>?> rules = attached.Route switch
        {
            HttpRoute r => (r.Spec.Rules ?? []).Select(rule => rule.BackendRefs?.Cast<BackendRef>()),
            GrpcRoute r => (r.Spec.Rules ?? []).Select(rule => rule.BackendRefs?.Cast<BackendRef>()),
            _ => [],
        };
        var added = new List<UnusableReference>();
        var ruleIndex = 0;
        foreach (var backends in rules)
        {
            var backendIndex = 0;
            foreach (var backend in backends ?? [])
            {
                var isService = string.IsNullOrEmpty(backend.Group) && (backend.Kind ?? "Service") == "Service";
                var index = backendIndex;
                var rule = ruleIndex;
                if (isService && notReady.Contains((backend.Namespace ?? routeNamespace) + "/" + backend.Name)
                    && !attached.UnusableReferences.Any(u => u.RuleIndex == rule && u.BackendRefIndex == index && u.FilterIndex is null))
                {
                    added.Add(new UnusableReference { RuleIndex = rule, BackendRefIndex = index, NoReadyEndpoints = true });
                }

                backendIndex++;
            }

            ruleIndex++;
        }

        return added.Count == 0 ? attached : attached with { UnusableReferences = [.. attached.UnusableReferences, .. added] };
    }
}
