using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Loading;
using GatewayApi.Conformance.Targets;
using GatewayApi.Models;
using GatewayApi.Models.Serialization;
using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.Running;

/// <summary>The shared base manifests (embedded <c>Cases/base/*.yaml</c>) and the TLS Secrets generated for them.</summary>
internal static class BaseResources
{
    /// <summary>The controllerName the base writes; the runner replaces it with the target's.</summary>
    public const string ControllerPlaceholder = "conformance.gatewayapi.net/placeholder";

    private static readonly Lazy<string> GatewayBase = new(() => Read("base/gateway.yaml"));
    private static readonly Lazy<string> MeshBase = new(() => Read("base/mesh.yaml"));

    // Generated once per process: key generation is the slow part, and the material never reaches a report.
    private static readonly Lazy<(string Certificate, string Key)> InfraCertificate =
        new(() => SelfSigned("gateway-conformance-infra", ["*", "*.org", "*.wildcard.org", "second-example.org"]));
    private static readonly Lazy<(string Certificate, string Key)> WebCertificate =
        new(() => SelfSigned("gateway-conformance-web-backend", ["*.example.com", "example.com"]));

    /// <summary>Fresh base objects for a case (new copies every call).</summary>
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Create(BaseManifests which) => which switch
    {
        BaseManifests.Gateway =>
        [
            .. ManifestReader.Read(GatewayBase.Value, "Cases/base/gateway.yaml").Select(manifest => manifest.Object),
            TlsSecret(SharedNames.InfraNamespace, "tls-validity-checks-certificate", InfraCertificate.Value),
            TlsSecret(SharedNames.WebBackendNamespace, "certificate", WebCertificate.Value),
            ConformanceCertificateAuthority.ConfigMap(),
        ],
        BaseManifests.Mesh => ManifestReader.Read(MeshBase.Value, "Cases/base/mesh.yaml").Select(manifest => manifest.Object).ToArray(),
        _ => [],
    };

    /// <summary>Gives every GatewayClass that carries the placeholder the target's controller name.</summary>
    public static void SetControllerName(IEnumerable<IKubernetesObject<V1ObjectMeta>> resources, string controllerName)
    {
        foreach (var gatewayClass in resources.OfType<GatewayClass>())
        {
            if (gatewayClass.Spec.ControllerName == ControllerPlaceholder)
            {
                gatewayClass.Spec.ControllerName = controllerName;
            }
        }
    }

    private static string Read(string name) =>
        ConformanceCaseLoader.ReadResource(typeof(BaseResources).Assembly, ConformanceCaseLoader.ResourcePrefix + name);

    private static V1Secret TlsSecret(string @namespace, string name, (string Certificate, string Key) material) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
        Type = "kubernetes.io/tls",
        Data = new Dictionary<string, byte[]>
        {
            ["tls.crt"] = Encoding.ASCII.GetBytes(material.Certificate),
            ["tls.key"] = Encoding.ASCII.GetBytes(material.Key),
        },
    };

    private static (string Certificate, string Key) SelfSigned(string commonName, IEnumerable<string> dnsNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dnsName in dnsNames)
        {
            names.AddDnsName(dnsName);
        }

        request.CertificateExtensions.Add(names.Build());
        var notBefore = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var certificate = request.CreateSelfSigned(notBefore, notBefore.AddYears(30));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
