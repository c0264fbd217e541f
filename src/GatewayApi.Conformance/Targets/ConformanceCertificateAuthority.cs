using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s.Models;

namespace GatewayApi.Conformance.Targets;

/// <summary>
/// The CA that echo backends' TLS certificates must be issued by, made once per process. The Gateway base publishes
/// it as the ConfigMap <c>gateway-conformance-infra/tls-checks-ca-certificate</c> (key <c>ca.crt</c>), the name the
/// upstream suite gives it, so the BackendTLSPolicy cases can verify the backends. A live target's TLS echo backend
/// presents <c>Issue("abc.example.com")</c>.
/// </summary>
public static class ConformanceCertificateAuthority
{
    /// <summary>The ConfigMap's namespace.</summary>
    public const string ConfigMapNamespace = "gateway-conformance-infra";

    /// <summary>The ConfigMap's name.</summary>
    public const string ConfigMapName = "tls-checks-ca-certificate";

    private static readonly Lazy<X509Certificate2> Authority = new(CreateAuthority);

    /// <summary>The CA certificate in PEM.</summary>
    public static string Pem => Authority.Value.ExportCertificatePem();

    /// <summary>The ConfigMap that publishes the CA (a new object every call).</summary>
    public static V1ConfigMap ConfigMap() => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = ConfigMapName, NamespaceProperty = ConfigMapNamespace },
        Data = new Dictionary<string, string> { ["ca.crt"] = Pem },
    };

    /// <summary>A server certificate for <paramref name="hostname"/> (CN and DNS SAN), with its private key, issued by the CA.</summary>
    /// <param name="hostname">The DNS name.</param>
    public static X509Certificate2 Issue(string hostname)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + hostname, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostname);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Authority.Value, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // Through PKCS#12 so the key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private static X509Certificate2 CreateAuthority()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=gateway-api-conformance-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddYears(2));
        return X509CertificateLoader.LoadPkcs12(authority.Export(X509ContentType.Pkcs12), null);
    }
}
