using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;
using GatewayApi.Routing.Tests.TestSupport;
using k8s;
using k8s.Models;

namespace GatewayApi.Routing.Tests.Attachment;

/// <summary>
/// The spec's "for all" rules over random snapshots, each checked against a plain oracle written here from the spec's
/// words (not against the engine's own helpers): §2.1 step 3 (allowedRoutes), §5 (ReferenceGrants), §2.9 (attachedRoutes),
/// and determinism (same objects in any order ⇒ byte-identical statuses).
/// </summary>
public class AttachmentProperties
{
    private static StatusResult Compute(IEnumerable<IKubernetesObject<V1ObjectMeta>> objects)
        => GatewayApiStatusEngine.Compute(ResourceSnapshot.Create(objects), Scenario.Options());

    [Property(Replay = "(1234567,7654321)", MaxTest = 150)]
    public Property Statuses_DoNotDependOnObjectOrder()
        => Prop.ForAll(SnapshotGenerators.WithShuffle(), c => SnapshotGenerators.Serialize(Compute(c.World.Objects)) == SnapshotGenerators.Serialize(Compute(c.Shuffled)));

    [Property(Replay = "(42,4243)", MaxTest = 200)]
    public Property RouteIsNeverAttached_ToAListenerWhoseAllowedRoutesExcludeIt()
        => Prop.ForAll(SnapshotGenerators.Arbitrary(), world =>
        {
            var result = Compute(world.Objects);
            foreach (var listener in result.Graph.Listeners)
            {
                var gateway = world.Gateways.Single(g => g.Metadata.Name == listener.GatewayName);
                var spec = gateway.Spec.Listeners!.Single(l => l.Name == listener.ListenerName);
                foreach (var route in listener.Routes)
                {
                    if (!Oracle.AllowsKind(spec, route.Kind.KindName()) || !Oracle.AllowsNamespace(spec, gateway.Metadata.NamespaceProperty, route.Namespace, world.NamespaceLabels))
                    {
                        return false.Label($"{route.Kind} {route.Namespace}/{route.Name} attached to {listener.GatewayName}/{listener.ListenerName}");
                    }
                }
            }

            return true.ToProperty();
        });

    [Property(Replay = "(2025,101)", MaxTest = 200)]
    public Property CrossNamespaceReferences_ResolveOnlyWithAPermittingGrant()
        => Prop.ForAll(SnapshotGenerators.Arbitrary(), world =>
        {
            var result = Compute(world.Objects);

            // backendRefs: a route parent entry with ResolvedRefs=True has no cross-namespace backend without a grant.
            foreach (var route in world.HttpRoutes)
            {
                var update = result.Routes.SingleOrDefault(u => u.Name == route.Metadata.Name);
                var resolved = update?.Status.Parents?.Any(p => p.Conditions!.Single(c => c.Type == "Accepted") is not null && p.Conditions!.Single(c => c.Type == "ResolvedRefs").Status == "True") ?? false;
                var backends = route.Spec.Rules!.SelectMany(r => r.BackendRefs ?? []);
                foreach (var backend in backends)
                {
                    var target = backend.Namespace ?? route.Metadata.NamespaceProperty;
                    if (resolved && target != route.Metadata.NamespaceProperty && !Oracle.Granted(world, "HTTPRoute", route.Metadata.NamespaceProperty, "Service", target, backend.Name!))
                    {
                        return false.Label($"{route.Metadata.Name} resolves {target}/{backend.Name} without a grant");
                    }
                }
            }

            // certificateRefs: a listener with ResolvedRefs=True has no cross-namespace certificate without a grant.
            foreach (var gateway in world.Gateways)
            {
                var status = result.Gateways.Single(u => u.Name == gateway.Metadata.Name).Status;
                foreach (var listener in gateway.Spec.Listeners!)
                {
                    var resolved = status.Listeners!.Single(l => l.Name == listener.Name).Conditions!.Single(c => c.Type == "ResolvedRefs").Status == "True";
                    foreach (var certificate in listener.Tls?.CertificateRefs ?? [])
                    {
                        var target = certificate.Namespace ?? gateway.Metadata.NamespaceProperty;
                        var terminates = listener.Protocol?.Value is "HTTPS" || (listener.Protocol?.Value == "TLS" && listener.Tls!.Mode?.Value != "Passthrough");
                        if (resolved && terminates && target != gateway.Metadata.NamespaceProperty && !Oracle.Granted(world, "Gateway", gateway.Metadata.NamespaceProperty, "Secret", target, certificate.Name!))
                        {
                            return false.Label($"{gateway.Metadata.Name}/{listener.Name} resolves Secret {target}/{certificate.Name} without a grant");
                        }
                    }
                }
            }

            // And the attachment graph never holds a resolved cross-namespace backend without a grant.
            foreach (var route in result.Graph.Listeners.SelectMany(l => l.Routes))
            {
                foreach (var backend in route.Backends.Where(b => b.IsResolved && b.Namespace != route.Namespace))
                {
                    if (!Oracle.Granted(world, "HTTPRoute", route.Namespace, backend.Kind.Kind, backend.Namespace, backend.Name))
                    {
                        return false.Label($"graph: {route.Namespace}/{route.Name} → {backend.Namespace}/{backend.Name}");
                    }
                }
            }

            return true.ToProperty();
        });

    [Property(Replay = "(777,999)", MaxTest = 200)]
    public Property AttachedRoutes_IsTheNumberOfAcceptedRoutesOnTheListener()
        => Prop.ForAll(SnapshotGenerators.Arbitrary(), world =>
        {
            var result = Compute(world.Objects);
            foreach (var gateway in world.Gateways)
            {
                var status = result.Gateways.Single(u => u.Name == gateway.Metadata.Name).Status;
                foreach (var listener in gateway.Spec.Listeners!)
                {
                    var expected = Oracle.AcceptedRoutesOn(world, result, gateway, listener);
                    var actual = status.Listeners!.Single(l => l.Name == listener.Name).AttachedRoutes;
                    if (expected != actual)
                    {
                        return false.Label($"{gateway.Metadata.Name}/{listener.Name}: attachedRoutes {actual}, expected {expected}");
                    }
                }
            }

            return true.ToProperty();
        });

    /// <summary>Plain restatements of the spec rules, used as oracles.</summary>
    private static class Oracle
    {
        /// <summary>§2.3: the kinds a listener admits (named kinds ∩ the protocol's kinds, or the protocol's kinds).</summary>
        public static bool AllowsKind(Listener listener, string kind)
        {
            var protocol = listener.Protocol?.Value.ToUpperInvariant();
            string[] protocolKinds = protocol switch
            {
                "HTTP" or "HTTPS" => ["HTTPRoute", "GRPCRoute"],
                "TLS" => ["TLSRoute"],
                "TCP" => ["TCPRoute"],
                "UDP" => ["UDPRoute"],
                _ => [],
            };
            var named = listener.AllowedRoutes?.Kinds;
            return protocolKinds.Contains(kind) && (named is null || named.Count == 0 || named.Any(k => k.Kind == kind && (k.Group ?? GatewayApiGroups.Group) == GatewayApiGroups.Group));
        }

        /// <summary>§2.4: Same (the default) = the Gateway's namespace, All, Selector on Namespace labels, None = nothing.</summary>
        public static bool AllowsNamespace(Listener listener, string gatewayNamespace, string routeNamespace, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> labels)
        {
            var namespaces = listener.AllowedRoutes?.Namespaces;
            switch (namespaces?.From?.Value ?? "Same")
            {
                case "Same": return gatewayNamespace == routeNamespace;
                case "All": return true;
                case "Selector":
                    var own = labels[routeNamespace];
                    var selector = namespaces!.Selector!;
                    return (selector.MatchLabels ?? new Dictionary<string, string>()).All(p => own.TryGetValue(p.Key, out var v) && v == p.Value)
                        && (selector.MatchExpressions ?? []).All(e => own.TryGetValue(e.Key, out var v) && e.Values.Contains(v));
                default: return false;
            }
        }

        /// <summary>§5.2: a grant in the target namespace with a matching from entry and to entry.</summary>
        public static bool Granted(World world, string fromKind, string fromNamespace, string toKind, string toNamespace, string toName)
            => world.Grants.Any(g => g.Metadata.NamespaceProperty == toNamespace
                && g.Spec.From!.Any(f => f.Group == GatewayApiGroups.Group && f.Kind == fromKind && f.Namespace == fromNamespace)
                && g.Spec.To!.Any(t => t.Group == string.Empty && t.Kind == toKind && (t.Name is null || t.Name == toName)));

        /// <summary>§2.6, plainly: do a listener hostname and a route hostname share a host?</summary>
        private static bool Intersect(string? listener, string route)
        {
            if (listener is null)
            {
                return true;
            }

            bool Covers(string wildcard, string host) => host.EndsWith(wildcard[1..], StringComparison.Ordinal) && host.Length > wildcard.Length - 1;
            return (listener.StartsWith("*."), route.StartsWith("*.")) switch
            {
                (false, false) => listener == route,
                (true, false) => Covers(listener, route),
                (false, true) => Covers(route, listener),
                _ => listener.EndsWith(route[1..], StringComparison.Ordinal) || route.EndsWith(listener[1..], StringComparison.Ordinal),
            };
        }

        /// <summary>
        /// §2.9: routes with Accepted=True for a parentRef to this Gateway that selects the listener, whose kind and
        /// namespace the listener admits and whose hostnames intersect the listener's; each route once.
        /// </summary>
        public static int AcceptedRoutesOn(World world, StatusResult result, Gateway gateway, Listener listener)
        {
            var count = 0;
            foreach (var route in world.HttpRoutes)
            {
                var routeNamespace = route.Metadata.NamespaceProperty;
                var status = result.Routes.SingleOrDefault(u => u.Name == route.Metadata.Name)?.Status;
                var counted = false;
                foreach (var parentRef in route.Spec.ParentRefs!)
                {
                    if (parentRef.Name != gateway.Metadata.Name || (parentRef.Namespace ?? routeNamespace) != gateway.Metadata.NamespaceProperty)
                    {
                        continue;
                    }

                    var entry = status?.Parents?.SingleOrDefault(p => p.ParentRef!.Name == parentRef.Name && p.ParentRef.Namespace == parentRef.Namespace && p.ParentRef.SectionName == parentRef.SectionName && p.ParentRef.Port == parentRef.Port);
                    var accepted = entry?.Conditions!.Single(c => c.Type == "Accepted").Status == "True";
                    var selects = (parentRef.SectionName is null || parentRef.SectionName == listener.Name) && (parentRef.Port is null || parentRef.Port == listener.Port);
                    var hostnames = route.Spec.Hostnames ?? [];
                    var intersects = hostnames.Count == 0 || hostnames.Any(h => Intersect(listener.Hostname, h));
                    if (accepted && selects && AllowsKind(listener, "HTTPRoute") && AllowsNamespace(listener, gateway.Metadata.NamespaceProperty, routeNamespace, world.NamespaceLabels) && intersects)
                    {
                        counted = true;
                    }
                }

                count += counted ? 1 : 0;
            }

            return count;
        }
    }
}
