using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using BenchmarkDotNet.Attributes;
using GatewayApi.Models;
using GatewayApi.Routing;
using GatewayApi.Routing.Snapshots;
using k8s;
using k8s.Models;

namespace GatewayApi.Benchmarks;

/// <summary>
/// Full status computation at scale: 1,000 Gateways × 10 listeners (HTTP, HTTPS with certificates, TCP; allowedRoutes
/// Same, All and Selector), 10,000 HTTPRoutes across 20 namespaces (hostnames, sectionNames, one local and one
/// cross-namespace backend each), ReferenceGrants permitting half of the cross-namespace references.
/// The baseline is building the snapshot from the same objects.
/// </summary>
[MemoryDiagnoser]
public class StatusBenchmarks
{
    private const int Namespaces = 20;
    private const int Gateways = 1_000;
    private const int ListenersPerGateway = 10;
    private const int Routes = 10_000;

    private List<IKubernetesObject<V1ObjectMeta>> _objects = [];
    private ResourceSnapshot _snapshot = ResourceSnapshot.Empty;
    private StatusEngineOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _objects = BuildCluster();
        _snapshot = ResourceSnapshot.Create(_objects);
        _options = new StatusEngineOptions
        {
            ControllerNames = ["bench.example.com/gateway"],
            SupportedFeatures = GatewayApiFeatures.All,
            TimeProvider = TimeProvider.System,
        };
    }

    [Benchmark(Baseline = true, Description = "ResourceSnapshot.Create (baseline)")]
    public ResourceSnapshot CreateSnapshot() => ResourceSnapshot.Create(_objects);

    [Benchmark(Description = "GatewayApiStatusEngine.Compute (1,000 Gateways × 10 listeners, 10,000 HTTPRoutes)")]
    public StatusResult ComputeStatuses() => GatewayApiStatusEngine.Compute(_snapshot, _options);

    internal static List<IKubernetesObject<V1ObjectMeta>> BuildCluster()
    {
        var objects = new List<IKubernetesObject<V1ObjectMeta>>
        {
            new GatewayClass { Metadata = new V1ObjectMeta { Name = "bench", Generation = 1 }, Spec = new GatewayClassSpec { ControllerName = "bench.example.com/gateway" } },
        };
        var (certificate, key) = Certificate();
        for (var n = 0; n < Namespaces; n++)
        {
            var @namespace = Ns(n);
            objects.Add(new V1Namespace
            {
                ApiVersion = "v1", Kind = "Namespace",
                Metadata = new V1ObjectMeta { Name = @namespace, Labels = new Dictionary<string, string> { ["env"] = n % 2 == 0 ? "prod" : "dev" } },
            });
            objects.Add(new V1Secret
            {
                ApiVersion = "v1", Kind = "Secret", Type = "kubernetes.io/tls", Metadata = new V1ObjectMeta { Name = "cert", NamespaceProperty = @namespace },
                Data = new Dictionary<string, byte[]> { ["tls.crt"] = Encoding.UTF8.GetBytes(certificate), ["tls.key"] = Encoding.UTF8.GetBytes(key) },
            });
            for (var s = 0; s < 10; s++)
            {
                objects.Add(new V1Service
                {
                    ApiVersion = "v1", Kind = "Service", Metadata = new V1ObjectMeta { Name = "svc-" + s, NamespaceProperty = @namespace },
                    Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 8080 }] },
                });
            }

            // Each namespace admits HTTPRoutes from the even namespaces: half the cross-namespace backends resolve.
            objects.Add(new ReferenceGrant
            {
                Metadata = new V1ObjectMeta { Name = "from-even", NamespaceProperty = @namespace },
                Spec = new ReferenceGrantSpec
                {
                    From = Enumerable.Range(0, Namespaces / 2).Select(e => new ReferenceGrantFrom { Group = GatewayApiGroups.Group, Kind = "HTTPRoute", Namespace = Ns(e * 2) }).ToList(),
                    To = [new ReferenceGrantTo { Group = string.Empty, Kind = "Service" }],
                },
            });
        }

        for (var g = 0; g < Gateways; g++)
        {
            var listeners = new List<Listener>();
            for (var l = 0; l < ListenersPerGateway; l++)
            {
                var namespaces = (l % 3) switch
                {
                    0 => new RouteNamespaces { From = "All" },
                    1 => new RouteNamespaces { From = "Selector", Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["env"] = "prod" } } },
                    _ => new RouteNamespaces { From = "Same" },
                };
                listeners.Add(l switch
                {
                    < 7 => new Listener { Name = "http-" + l, Protocol = "HTTP", Port = 80, Hostname = $"h{l}.gw{g}.example.com", AllowedRoutes = new AllowedRoutes { Namespaces = namespaces } },
                    < 9 => new Listener
                    {
                        Name = "https-" + l, Protocol = "HTTPS", Port = 443, Hostname = $"h{l}.gw{g}.example.com", AllowedRoutes = new AllowedRoutes { Namespaces = namespaces },
                        Tls = new ListenerTlsConfig { CertificateRefs = [new SecretObjectReference { Name = "cert" }] },
                    },
                    _ => new Listener { Name = "tcp", Protocol = "TCP", Port = 9000 },
                });
            }

            objects.Add(new Gateway
            {
                Metadata = new V1ObjectMeta { Name = $"gw-{g:D4}", NamespaceProperty = Ns(g % Namespaces), Generation = 1 },
                Spec = new GatewaySpec { GatewayClassName = "bench", Listeners = listeners },
            });
        }

        for (var r = 0; r < Routes; r++)
        {
            var g = r % Gateways;
            var @namespace = Ns(r % Namespaces);
            var hostname = (r % 4) switch
            {
                0 => $"h{r % 9}.gw{g}.example.com",
                1 => $"*.gw{g}.example.com",
                2 => "unrelated.example.org",
                _ => null,
            };
            objects.Add(new HttpRoute
            {
                Metadata = new V1ObjectMeta { Name = $"route-{r:D5}", NamespaceProperty = @namespace, Generation = 1 },
                Spec = new HttpRouteSpec
                {
                    ParentRefs = [new ParentReference { Name = $"gw-{g:D4}", Namespace = Ns(g % Namespaces), SectionName = r % 5 == 0 ? "http-" + (r % 7) : null }],
                    Hostnames = hostname is null ? null : [hostname],
                    Rules =
                    [
                        new HttpRouteRule
                        {
                            Matches = [new HttpRouteMatch { Path = new HttpPathMatch { Type = "PathPrefix", Value = "/r" + r } }],
                            BackendRefs =
                            [
                                new HttpBackendRef { Name = "svc-" + (r % 10), Port = 8080 },
                                new HttpBackendRef { Name = "svc-" + ((r + 1) % 10), Namespace = Ns((r + 1) % Namespaces), Port = 8080 },
                            ],
                        },
                    ],
                },
            });
        }

        return objects;
    }

    private static string Ns(int index) => $"ns-{index:D2}";

    private static (string Certificate, string Key) Certificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=bench", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("*.example.com");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
