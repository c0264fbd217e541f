using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;
using k8s;
using k8s.Models;

namespace GatewayApi.Routing.Tests.TestSupport;

/// <summary>A clock that always says the same time, so statuses are reproducible.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Builds snapshots from YAML fixtures and runs the engine with test options.</summary>
internal static class Scenario
{
    public const string Controller = "example.com/gateway-controller";

    public static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>A GatewayClass <c>gw-class</c> of our controller, included in every scenario.</summary>
    public const string GatewayClass = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata:
          name: gw-class
          generation: 1
        spec:
          controllerName: example.com/gateway-controller
        """;

    /// <summary>Options with our controller, every Gateway-side feature and a fixed clock.</summary>
    public static StatusEngineOptions Options(IEnumerable<string>? features = null) => new()
    {
        ControllerNames = [Controller],
        SupportedFeatures = (features ?? GatewayApiFeatures.All).ToArray(),
        TimeProvider = new FixedTimeProvider(Now),
    };

    public static StatusEngineOptions Without(params string[] features) => Options(GatewayApiFeatures.All.Except(features));

    public static ResourceSnapshot Snapshot(string yaml, IEnumerable<IKubernetesObject<V1ObjectMeta>>? extra = null)
    {
        var objects = ResourceSnapshot.FromManifests(GatewayClass + "\n---\n" + yaml, "scenario.yaml");
        return extra is null ? objects : ResourceSnapshot.Create(AllObjects(objects).Concat(extra));
    }

    public static StatusResult Run(string yaml, StatusEngineOptions? options = null, IEnumerable<IKubernetesObject<V1ObjectMeta>>? extra = null)
        => GatewayApiStatusEngine.Compute(Snapshot(yaml, extra), options ?? Options());

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> AllObjects(ResourceSnapshot snapshot)
        => snapshot.GatewayClasses.Cast<IKubernetesObject<V1ObjectMeta>>()
            .Concat(snapshot.Gateways).Concat(snapshot.ListenerSets).Concat(snapshot.HttpRoutes).Concat(snapshot.GrpcRoutes)
            .Concat(snapshot.TlsRoutes).Concat(snapshot.TcpRoutes).Concat(snapshot.UdpRoutes).Concat(snapshot.ReferenceGrants)
            .Concat(snapshot.BackendTlsPolicies).Concat(snapshot.Namespaces).Concat(snapshot.Services).Concat(snapshot.Secrets)
            .Concat(snapshot.ConfigMaps).Concat(snapshot.OtherObjects);

    private static readonly Dictionary<string, (string Certificate, string Key)> Certificates = [];

    /// <summary>A self-signed certificate and key in PEM for the DNS names (cached per set of names).</summary>
    public static (string Certificate, string Key) Certificate(params string[] dnsNames)
    {
        var cacheKey = string.Join(",", dnsNames);
        lock (Certificates)
        {
            if (Certificates.TryGetValue(cacheKey, out var cached))
            {
                return cached;
            }

            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + dnsNames[0], key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            foreach (var name in dnsNames)
            {
                names.AddDnsName(name);
            }

            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(Now.AddDays(-1), Now.AddYears(1));
            var pem = (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
            Certificates[cacheKey] = pem;
            return pem;
        }
    }

    /// <summary>A <c>kubernetes.io/tls</c> Secret holding a certificate for the DNS names.</summary>
    public static V1Secret TlsSecret(string @namespace, string name, params string[] dnsNames)
    {
        var (certificate, key) = Certificate(dnsNames.Length == 0 ? ["example.com"] : dnsNames);
        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]> { ["tls.crt"] = Encoding.UTF8.GetBytes(certificate), ["tls.key"] = Encoding.UTF8.GetBytes(key) },
        };
    }

    /// <summary>A ConfigMap holding a CA bundle under <c>ca.crt</c> (or garbage when <paramref name="valid"/> is false).</summary>
    public static V1ConfigMap CaBundle(string @namespace, string name, bool valid = true)
        => new()
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            Data = new Dictionary<string, string> { ["ca.crt"] = valid ? Certificate("ca.example.com").Certificate : "not a certificate" },
        };
}
