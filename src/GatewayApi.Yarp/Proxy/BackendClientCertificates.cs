using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GatewayApi.Routing;

namespace GatewayApi.Yarp;

/// <summary>
/// The client certificate each Gateway presents on the TLS connections it opens to backends
/// (<c>spec.tls.backend.clientCertificateRef</c>, GEP-3155), loaded once per state from the Secret the router
/// configuration names (only references that resolved get there).
/// </summary>
internal static class BackendClientCertificates
{
    private static readonly object CacheKey = new();

    public static X509Certificate2? Find(GatewayApiProxyState state, NamespacedName gateway) =>
        state.Cache.GetOrAdd(CacheKey, () => Load(state)).GetValueOrDefault(gateway);

    private static FrozenDictionary<NamespacedName, X509Certificate2> Load(GatewayApiProxyState state)
    {
        var certificates = new Dictionary<NamespacedName, X509Certificate2>();
        foreach (var gateway in state.Routing.Gateways)
        {
            if (gateway.BackendClientCertificate is not { } reference)
            {
                continue;
            }

            var secret = state.Snapshot.Secrets.FirstOrDefault(s => s.Metadata?.Name == reference.Name && (s.Metadata.NamespaceProperty ?? "default") == reference.Namespace);
            if (secret?.Data is null || !secret.Data.TryGetValue("tls.crt", out var certificate) || !secret.Data.TryGetValue("tls.key", out var key))
            {
                continue;
            }

            try
            {
                using var pem = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(certificate), Encoding.ASCII.GetString(key));

                // Through PKCS#12 so the key is usable for client authentication on every platform.
                certificates[new NamespacedName(gateway.Namespace, gateway.Name)] = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
            catch (CryptographicException)
            {
                // The status engine validated the PEM; a Secret that still fails to load presents no certificate.
            }
        }

        return certificates.ToFrozenDictionary();
    }
}
