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

    /// <summary>A ConfigMap holding a PEM CA bundle under <c>ca.crt</c>.</summary>
    public static string CaBundle(string name, string pem, string @namespace = "default")
    {
        var indented = string.Join('\n', pem.TrimEnd().Split('\n').Select(line => "        " + line));
        return $$"""

            apiVersion: v1
            kind: ConfigMap
            metadata: {name: {{name}}, namespace: {{@namespace}}}
            data:
              ca.crt: |
            {{indented}}
            ---
            """;
    }
}

/// <summary>A CA made in the test, and the server and client certificates it issues.</summary>
internal sealed class TestAuthority
{
    private readonly X509Certificate2 _certificate;

    public TestAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        _certificate = X509CertificateLoader.LoadPkcs12(authority.Export(X509ContentType.Pkcs12), null);
        Pem = _certificate.ExportCertificatePem();
    }

    public string Pem { get; }

    public X509Certificate2 Issue(string hostname, string? uri = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + hostname, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostname);
        if (uri is not null)
        {
            names.AddUri(new Uri(uri));
        }
        request.CertificateExtensions.Add(names.Build());
        using var issued = request.Create(_certificate, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), RandomNumberGenerator.GetBytes(12));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
