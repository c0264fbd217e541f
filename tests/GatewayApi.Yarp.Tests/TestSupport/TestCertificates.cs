using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GatewayApi.Yarp.Tests.TestSupport;

/// <summary>Self-signed certificates made in the test, and the <c>kubernetes.io/tls</c> Secrets that carry them.</summary>
internal static class TestCertificates
{
    public static (string CertificatePem, string KeyPem) Create(string hostname)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + hostname, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(hostname);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    public static string Secret(string name, string hostname, string @namespace = "default")
    {
        var (certificate, key) = Create(hostname);
        return $"""

            apiVersion: v1
            kind: Secret
            metadata:
              name: {name}
              namespace: {@namespace}
            type: kubernetes.io/tls
            data:
              tls.crt: {Convert.ToBase64String(Encoding.ASCII.GetBytes(certificate))}
              tls.key: {Convert.ToBase64String(Encoding.ASCII.GetBytes(key))}
            ---
            """;
    }
}
