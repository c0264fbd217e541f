using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using GatewayApi.Models;
using GatewayApi.Models.Serialization;
using GatewayApi.Routing.Snapshots;
using GatewayApi.Routing.Tests.TestSupport;
using k8s;
using k8s.Models;

namespace GatewayApi.Routing.Tests.Golden;

/// <summary>
/// The statuses computed for every upstream example (../shared/upstream/gateway-api-v1.6.1/examples), compared with
/// golden files that a person has read against the spec (see the review notes in docs/status.md). Each example file is
/// a case, and each example directory is one case made of all its files. Set <c>UPDATE_GOLDEN=1</c> to rewrite them.
/// </summary>
public class GoldenExamplesTests
{
    /// <summary>The controller of the examples' own GatewayClass (standard/basic-http.yaml).</summary>
    private static readonly Lazy<string> ExampleController = new(() =>
        ResourceSnapshot.FromManifests(File.ReadAllText(Path.Combine(SharedPaths.Examples, "standard", "basic-http.yaml"))).GatewayClasses.Single().Spec.ControllerName!);

    private const string MeshController = "acme.io/mesh-controller";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in ExampleCases().Keys)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>
    /// Case name → the manifest files it is made of. A file directly under <c>standard/</c> or <c>experimental/</c> is a
    /// case; a directory is one case, unless two of its files define the same object (alternative versions of one
    /// route): then each file is a case, together with the directory's files that define Gateways (its shared context).
    /// </summary>
    private static SortedDictionary<string, List<string>> ExampleCases()
    {
        var cases = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var root = SharedPaths.Examples;
        foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
        {
            var files = Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
            var relative = Path.GetRelativePath(root, directory).Replace('\\', '/');
            if (files.Count == 0)
            {
                continue;
            }

            if (relative is "standard" or "experimental")
            {
                foreach (var file in files.Where(f => Path.GetFileName(f) != "0-namespaces.yaml"))
                {
                    cases[relative + "_" + Path.GetFileNameWithoutExtension(file)] = [file];
                }

                continue;
            }

            var name = relative.Replace('/', '_');
            var identities = files.SelectMany(f => ManifestReader.ReadFile(f).Select(m => m.Object).Where(o => o.Kind != "Namespace").Select(o => (o.Kind, o.Metadata?.NamespaceProperty, o.Metadata?.Name))).ToList();
            if (identities.Count == identities.Distinct().Count())
            {
                cases[name] = files;
                continue;
            }

            var context = files.Where(f => ManifestReader.ReadFile(f).Any(m => m.Object is Gateway or GatewayClass or V1Namespace)).ToList();
            foreach (var file in files.Except(context))
            {
                cases[name + "_" + Path.GetFileNameWithoutExtension(file)] = [.. context, file];
            }
        }

        return cases;
    }

    internal static string Compute(string caseName)
    {
        var files = ExampleCases()[caseName];
        var channel = caseName.Split('_')[0];
        var shared = Path.Combine(SharedPaths.Examples, channel, "0-namespaces.yaml");
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        foreach (var file in (File.Exists(shared) ? [shared] : Array.Empty<string>()).Concat(files))
        {
            objects.AddRange(ManifestReader.ReadFile(file).Select(m => m.Object));
        }

        // Namespaces may be declared by several files of one case (and by the channel's shared file); keep one of each.
        objects = objects.Where(o => o is not V1Namespace).Concat(objects.OfType<V1Namespace>().DistinctBy(n => n.Metadata.Name)).ToList();

        // Many examples show a route whose Gateway lives in another example: add a stand-in Gateway with one permissive
        // listener per route kind that names it, so that the route's own content is evaluated. The header lists them.
        var standIns = StandInGateways(objects);
        objects.AddRange(standIns);

        // Most examples name a GatewayClass they do not define: give each such class the examples' controller.
        var defined = objects.OfType<GatewayClass>().Select(c => c.Metadata.Name).ToHashSet();
        foreach (var className in objects.OfType<Gateway>().Select(g => g.Spec.GatewayClassName).Where(n => n is not null && !defined.Contains(n)).Distinct().Order())
        {
            objects.Add(new GatewayClass { Metadata = new V1ObjectMeta { Name = className }, Spec = new GatewayClassSpec { ControllerName = ExampleController.Value } });
        }

        var options = Scenario.Options() with { ControllerNames = [ExampleController.Value], MeshControllerName = MeshController };
        var result = GatewayApiStatusEngine.Compute(ResourceSnapshot.Create(objects), options);
        var documents = new List<object>();
        void Add<T>(IEnumerable<StatusUpdate<T>> updates, string apiVersion)
            where T : SchemaObject
        {
            foreach (var update in updates)
            {
                var metadata = new JsonObject { ["name"] = update.Name };
                if (update.Namespace is not null)
                {
                    metadata["namespace"] = update.Namespace;
                }

                documents.Add(new UnknownObject(new JsonObject
                {
                    ["apiVersion"] = apiVersion,
                    ["kind"] = update.Kind,
                    ["metadata"] = metadata,
                    ["status"] = JsonNode.Parse(GatewayApiJson.Serialize(update.Status)),
                }));
            }
        }

        Add(result.GatewayClasses, GatewayApiGroups.V1);
        Add(result.Gateways, GatewayApiGroups.V1);
        Add(result.ListenerSets, GatewayApiGroups.V1);
        Add(result.Routes, GatewayApiGroups.V1);
        Add(result.BackendTlsPolicies, GatewayApiGroups.V1);
        var header = $"# Status computed by GatewayApiStatusEngine for upstream examples: {string.Join(", ", files.Select(f => Path.GetRelativePath(SharedPaths.Examples, f).Replace('\\', '/')))}\n"
            + $"# controllerName {ExampleController.Value}, mesh controller {MeshController}, every v1.6.1 feature, clock {Scenario.Now:yyyy-MM-ddTHH:mm:ssZ}.\n"
            + string.Concat(standIns.Select(g => $"# Stand-in (not in the example): Gateway {g.Metadata.NamespaceProperty}/{g.Metadata.Name} with listener(s) {string.Join(", ", g.Spec.Listeners!.Select(l => $"{l.Name} ({l.Protocol} {l.Port}, routes from All namespaces)"))}.\n"));
        return header + (documents.Count == 0 ? "# (nothing of ours)\n" : ManifestWriter.ToYaml(documents));
    }

    private static List<Gateway> StandInGateways(List<IKubernetesObject<V1ObjectMeta>> objects)
    {
        var existing = objects.OfType<Gateway>().Select(g => (g.Metadata.NamespaceProperty ?? "default", g.Metadata.Name)).ToHashSet();
        var wanted = new SortedDictionary<(string Namespace, string Name), SortedSet<string>>();
        foreach (var route in objects.Select(RouteParents).Where(r => r.ParentRefs is not null))
        {
            foreach (var parentRef in route.ParentRefs!)
            {
                if ((parentRef.Group ?? GatewayApiGroups.Group) != GatewayApiGroups.Group || (parentRef.Kind ?? "Gateway") != "Gateway" || parentRef.Name is null)
                {
                    continue;
                }

                var key = (parentRef.Namespace ?? route.Namespace, parentRef.Name);
                if (!existing.Contains(key))
                {
                    if (!wanted.TryGetValue(key, out var protocols))
                    {
                        wanted[key] = protocols = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    protocols.Add(route.Protocol);
                }
            }
        }

        var all = new RouteNamespaces { From = "All" };
        return wanted.Select(w => new Gateway
        {
            Metadata = new V1ObjectMeta { Name = w.Key.Name, NamespaceProperty = w.Key.Namespace },
            Spec = new GatewaySpec
            {
                GatewayClassName = "stand-in",
                Listeners = w.Value.Select(protocol => protocol switch
                {
                    "TLS" => new Listener { Name = "tls", Protocol = "TLS", Port = 443, Tls = new ListenerTlsConfig { Mode = "Passthrough" }, AllowedRoutes = new AllowedRoutes { Namespaces = all } },
                    "TCP" => new Listener { Name = "tcp", Protocol = "TCP", Port = 9000, AllowedRoutes = new AllowedRoutes { Namespaces = all } },
                    "UDP" => new Listener { Name = "udp", Protocol = "UDP", Port = 9001, AllowedRoutes = new AllowedRoutes { Namespaces = all } },
                    _ => new Listener { Name = "http", Protocol = "HTTP", Port = 80, AllowedRoutes = new AllowedRoutes { Namespaces = all } },
                }).ToList(),
            },
        }).ToList();
    }

    private static (string Namespace, string Protocol, IList<ParentReference>? ParentRefs) RouteParents(IKubernetesObject<V1ObjectMeta> value)
    {
        var @namespace = value.Metadata?.NamespaceProperty ?? "default";
        return value switch
        {
            HttpRoute r => (@namespace, "HTTP", r.Spec.ParentRefs),
            GrpcRoute r => (@namespace, "HTTP", r.Spec.ParentRefs),
            TlsRoute r => (@namespace, "TLS", r.Spec.ParentRefs),
            TcpRoute r => (@namespace, "TCP", r.Spec.ParentRefs),
            UdpRoute r => (@namespace, "UDP", r.Spec.ParentRefs),
            _ => (@namespace, string.Empty, null),
        };
    }

    /// <summary>
    /// The Golden folder of this project: found from the test binaries upwards (CI builds map source paths, so
    /// <c>CallerFilePath</c> is only the fallback).
    /// </summary>
    private static string GoldenDirectory([CallerFilePath] string thisFile = "")
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GatewayApi.Routing.Tests.csproj")))
            {
                return Path.Combine(directory.FullName, "Golden");
            }
        }

        return Path.GetDirectoryName(thisFile)!;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExampleStatus_MatchesTheReviewedGoldenFile(string caseName)
    {
        var actual = Compute(caseName);
        var path = Path.Combine(GoldenDirectory(), caseName + ".yaml");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run with UPDATE_GOLDEN=1, then read it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void EveryGoldenFile_BelongsToAnExample()
    {
        var cases = ExampleCases().Keys.ToHashSet();
        var orphans = Directory.EnumerateFiles(GoldenDirectory(), "*.yaml").Select(Path.GetFileNameWithoutExtension).Where(n => !cases.Contains(n!)).ToList();
        Assert.Empty(orphans);
    }
}
