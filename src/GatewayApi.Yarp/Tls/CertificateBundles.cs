using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GatewayApi.Yarp;

/// <summary>
/// PEM CA bundles from ConfigMaps (<c>ca.crt</c>) as trust anchors: a certificate is trusted when its chain, built
/// with only these roots (no system store, no revocation check), ends in one of them. Used for backend certificates
/// (BackendTLSPolicy) and client certificates (Gateway <c>spec.tls.frontend</c>).
/// </summary>
internal static class CertificateBundles
{
    // Parsed bundles, by their PEM text: configurations change rarely, handshakes are frequent.
    private static readonly ConcurrentDictionary<string, X509Certificate2Collection> Parsed = new(StringComparer.Ordinal);

    public static bool ChainsTo(X509Certificate2 certificate, IReadOnlyList<string> bundles, X509Chain? presented)
    {
        var roots = new X509Certificate2Collection();
        foreach (var bundle in bundles)
        {
            roots.AddRange(Parsed.GetOrAdd(bundle, Parse));
        }

        if (roots.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                // Intermediates the peer sent.
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }

    private static X509Certificate2Collection Parse(string pem)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            collection.Clear();
        }

        return collection;
    }
}
