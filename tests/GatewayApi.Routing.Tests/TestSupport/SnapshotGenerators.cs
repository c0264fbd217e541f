using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GatewayApi.Models;
using k8s;
using k8s.Models;

namespace GatewayApi.Routing.Tests.TestSupport;

/// <summary>A generated cluster: the objects, and the namespace labels the generator gave (for the oracles).</summary>
public sealed record World(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NamespaceLabels)
{
    public IEnumerable<Gateway> Gateways => Objects.OfType<Gateway>();

    public IEnumerable<HttpRoute> HttpRoutes => Objects.OfType<HttpRoute>();

    public IEnumerable<ReferenceGrant> Grants => Objects.OfType<ReferenceGrant>();

    public override string ToString()
        => string.Join("\n---\n", Objects.Select(o => GatewayApi.Models.Serialization.ManifestWriter.ToYaml(o)));
}

/// <summary>
/// Compact FsCheck generators of random snapshots: a few namespaces with labels, Gateways with listeners of random
/// protocols, ports, hostnames and allowedRoutes, HTTPRoutes with random parentRefs, hostnames and backendRefs across
/// namespaces, Services, TLS Secrets and ReferenceGrants.
/// </summary>
public static class SnapshotGenerators
{
    public static readonly string[] Namespaces = ["ns-a", "ns-b", "ns-c"];
    private static readonly string?[] Hostnames = [null, "a.example.com", "*.example.com", "b.example.org", "*.org"];
    private static readonly string[] Protocols = ["HTTP", "HTTP", "HTTPS", "TLS", "TCP", "UDP", "example.com/custom"];
    private static readonly int[] Ports = [80, 443, 8080];

    private static Gen<T> Pick<T>(params T[] values) => Gen.Elements(values);

    private static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(n => n <= percent);

    private static Gen<V1Namespace> Namespace(string name)
        => from env in Pick("prod", "dev", null)
           select new V1Namespace
           {
               ApiVersion = "v1", Kind = "Namespace",
               Metadata = new V1ObjectMeta { Name = name, Labels = env is null ? null : new Dictionary<string, string> { ["env"] = env } },
           };

    private static Gen<RouteNamespaces?> AllowedNamespaces()
        => Gen.OneOf(
            Gen.Constant<RouteNamespaces?>(null),
            Pick("Same", "All", "None").Select(from => (RouteNamespaces?)new RouteNamespaces { From = from }),
            Pick("prod", "dev").Select(env => (RouteNamespaces?)new RouteNamespaces { From = "Selector", Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["env"] = env } } }),
            Pick("ns-a", "ns-b").Select(ns => (RouteNamespaces?)new RouteNamespaces
            {
                From = "Selector",
                Selector = new V1LabelSelector { MatchExpressions = [new V1LabelSelectorRequirement { Key = "kubernetes.io/metadata.name", OperatorProperty = "In", Values = [ns] }] },
            }));

    private static Gen<IList<RouteGroupKind>?> AllowedKinds()
        => Gen.OneOf(
            Gen.Constant<IList<RouteGroupKind>?>(null),
            Gen.SubListOf(new[] { "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "FooRoute" })
                .Select(kinds => (IList<RouteGroupKind>?)kinds.Select(k => new RouteGroupKind { Kind = k }).ToList()));

    private static Gen<Listener> Listener(int index)
        => from protocol in Pick(Protocols)
           from port in Pick(Ports)
           from hostname in Pick(Hostnames)
           from mode in Pick("Terminate", "Passthrough")
           from certNamespace in Pick<string?>(null, null, "ns-a", "ns-b")
           from certName in Pick("cert", "cert", "missing")
           from namespaces in AllowedNamespaces()
           from kinds in AllowedKinds()
           select new Listener
           {
               Name = "l" + index,
               Protocol = protocol,
               Port = port,
               Hostname = protocol is "TCP" or "UDP" ? null : hostname,
               Tls = protocol switch
               {
                   "HTTPS" => new ListenerTlsConfig { CertificateRefs = [new SecretObjectReference { Name = certName, Namespace = certNamespace }] },
                   "TLS" => new ListenerTlsConfig { Mode = mode, CertificateRefs = mode == "Terminate" ? [new SecretObjectReference { Name = certName, Namespace = certNamespace }] : null },
                   _ => null,
               },
               AllowedRoutes = namespaces is null && kinds is null ? null : new AllowedRoutes { Namespaces = namespaces, Kinds = kinds },
           };

    private static Gen<Gateway> Gateway(int index)
        => from @namespace in Pick(Namespaces)
           from count in Gen.Choose(1, 4)
           from listeners in Gen.CollectToArray(Enumerable.Range(0, count).Select(Listener))
           select new Gateway
           {
               Metadata = new V1ObjectMeta { Name = "gw-" + index, NamespaceProperty = @namespace, Generation = 1 },
               Spec = new GatewaySpec { GatewayClassName = "gw-class", Listeners = listeners.ToList() },
           };

    private static Gen<ParentReference> ParentRef(int gateways)
        => from gateway in Gen.Choose(0, gateways - 1)
           from @namespace in Pick<string?>(null, "ns-a", "ns-b", "ns-c")
           from section in Pick<string?>(null, null, "l0", "l1", "l9")
           from port in Pick<int?>(null, null, null, 80, 443)
           select new ParentReference { Name = "gw-" + gateway, Namespace = @namespace, SectionName = section, Port = port };

    private static Gen<HttpBackendRef> Backend()
        => from name in Pick("svc-0", "svc-1", "missing")
           from @namespace in Pick<string?>(null, null, "ns-a", "ns-b", "ns-c")
           from kind in Pick<string?>(null, null, null, null, "Unknown")
           select new HttpBackendRef { Name = name, Namespace = @namespace, Kind = kind, Port = 8080 };

    private static Gen<HttpRoute> Route(int index, int gateways)
        => from @namespace in Pick(Namespaces)
           from parentCount in Gen.Choose(1, 2)
           from parents in Gen.ListOf(ParentRef(gateways), parentCount)
           from hostnames in Gen.SubListOf(new[] { "a.example.com", "x.example.com", "b.example.org", "*.example.com" })
           from backendCount in Gen.Choose(0, 3)
           from backends in Gen.ListOf(Backend(), backendCount)
           from invalidRule in Chance(15)
           select new HttpRoute
           {
               Metadata = new V1ObjectMeta { Name = "r-" + index, NamespaceProperty = @namespace, Generation = 2 },
               Spec = new HttpRouteSpec
               {
                   ParentRefs = DistinctParents(parents),
                   Hostnames = hostnames.ToList(),
                   Rules = invalidRule
                       ? [new HttpRouteRule { Filters = [new HttpRouteFilter { Type = "Bogus" }] }]
                       : [new HttpRouteRule { BackendRefs = backends.ToList() }],
               },
           };

    // CEL forbids two parentRefs to the same parent and section; keep the first of each.
    private static List<ParentReference> DistinctParents(IEnumerable<ParentReference> parents)
        => parents.GroupBy(p => (p.Name, p.Namespace, p.SectionName, p.Port)).Select(g => g.First()).ToList();

    private static Gen<ReferenceGrant> Grant(int index)
        => from @namespace in Pick(Namespaces)
           from fromKind in Pick("HTTPRoute", "Gateway")
           from fromNamespace in Pick(Namespaces)
           from toKind in Pick("Service", "Secret")
           from toName in Pick<string?>(null, "svc-0", "cert")
           select new ReferenceGrant
           {
               Metadata = new V1ObjectMeta { Name = "grant-" + index, NamespaceProperty = @namespace },
               Spec = new ReferenceGrantSpec
               {
                   From = [new ReferenceGrantFrom { Group = GatewayApiGroups.Group, Kind = fromKind, Namespace = fromNamespace }],
                   To = [new ReferenceGrantTo { Group = string.Empty, Kind = toKind, Name = toName }],
               },
           };

    public static Gen<World> Worlds()
        => from namespaces in Gen.CollectToArray(Namespaces.Select(Namespace))
           from gatewayCount in Gen.Choose(1, 3)
           from gateways in Gen.CollectToArray(Enumerable.Range(0, gatewayCount).Select(Gateway))
           from routeCount in Gen.Choose(0, 8)
           from routes in Gen.CollectToArray(Enumerable.Range(0, routeCount).Select(i => Route(i, gatewayCount)))
           from grantCount in Gen.Choose(0, 3)
           from grants in Gen.CollectToArray(Enumerable.Range(0, grantCount).Select(Grant))
           from certNamespaces in Gen.SubListOf(Namespaces)
           select Build(namespaces, gateways, routes, grants, certNamespaces);

    private static World Build(IEnumerable<V1Namespace> namespaces, IEnumerable<Gateway> gateways, IEnumerable<HttpRoute> routes, IEnumerable<ReferenceGrant> grants, IEnumerable<string> certNamespaces)
    {
        var objects = new List<IKubernetesObject<V1ObjectMeta>>
        {
            new GatewayClass { Metadata = new V1ObjectMeta { Name = "gw-class", Generation = 1 }, Spec = new GatewayClassSpec { ControllerName = Scenario.Controller } },
        };
        var namespaceList = namespaces.ToList();
        objects.AddRange(namespaceList);
        objects.AddRange(gateways);
        objects.AddRange(routes);
        objects.AddRange(grants);
        foreach (var @namespace in Namespaces)
        {
            objects.Add(new V1Service
            {
                ApiVersion = "v1", Kind = "Service", Metadata = new V1ObjectMeta { Name = "svc-0", NamespaceProperty = @namespace },
                Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 8080 }] },
            });
            objects.Add(new V1Service
            {
                ApiVersion = "v1", Kind = "Service", Metadata = new V1ObjectMeta { Name = "svc-1", NamespaceProperty = @namespace },
                Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 8080 }] },
            });
        }

        foreach (var @namespace in certNamespaces)
        {
            objects.Add(Scenario.TlsSecret(@namespace, "cert", "a.example.com"));
        }

        var labels = namespaceList.ToDictionary(
            n => n.Metadata.Name,
            n => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(n.Metadata.Labels ?? new Dictionary<string, string>()) { ["kubernetes.io/metadata.name"] = n.Metadata.Name });
        return new World(objects, labels);
    }

    public static Arbitrary<World> Arbitrary() => Worlds().ToArbitrary();

    /// <summary>A world and the same objects in another order.</summary>
    public static Arbitrary<(World World, IKubernetesObject<V1ObjectMeta>[] Shuffled)> WithShuffle()
        => (from world in Worlds()
            from shuffled in Gen.Shuffle(world.Objects.ToArray())
            select (world, shuffled)).ToArbitrary();

    /// <summary>Every status of a result as JSON, in the result's order: equal strings mean byte-identical statuses.</summary>
    public static string Serialize(StatusResult result)
    {
        var text = new StringBuilder();
        void Add<T>(IEnumerable<StatusUpdate<T>> updates)
            where T : SchemaObject
        {
            foreach (var update in updates)
            {
                text.Append(update.Kind).Append(' ').Append(update.Namespace).Append('/').Append(update.Name).Append(' ')
                    .Append(GatewayApi.Models.Serialization.GatewayApiJson.Serialize(update.Status)).Append('\n');
            }
        }

        Add(result.GatewayClasses);
        Add(result.Gateways);
        Add(result.ListenerSets);
        Add(result.Routes);
        Add(result.BackendTlsPolicies);
        return text.ToString();
    }
}
