using System.Formats.Asn1;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using GatewayApi.Routing;

namespace GatewayApi.Yarp;

/// <summary>
/// Originates TLS to a backend as its BackendTLSPolicy says (<c>routing-semantics.md</c> §10): the policy hostname
/// as SNI, trust in the policy's CA certificates only (or the system roots for <c>wellKnownCACertificates:
/// System</c>), and the identity check: the certificate must match the hostname, or, when <c>subjectAltNames</c> is
/// set, carry one of those names (the hostname is then not checked). The Gateway's backend client certificate, if it
/// has one, is presented when the backend asks.
/// </summary>
internal static class BackendTls
{
    private const string SubjectAltNameOid = "2.5.29.17";

    /// <summary>Runs the client handshake over <paramref name="inner"/>; throws <see cref="System.Security.Authentication.AuthenticationException"/> when the backend is not trusted.</summary>
    public static async Task<SslStream> AuthenticateAsync(Stream inner, BackendTlsSettings settings, List<SslApplicationProtocol>? protocols, X509Certificate2? clientCertificate, CancellationToken cancellationToken)
    {
        var tls = new SslStream(inner, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = settings.Hostname,
                EnabledSslProtocols = Protocols(settings.Options),
                ApplicationProtocols = protocols,

                // The Gateway's backend client certificate (GEP-3155), offered whatever CA the backend asks for.
                LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) => IsTrusted(settings, certificate as X509Certificate2, chain, errors),
            }, cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The TLS versions the policy's <c>options</c> allow (<see cref="GatewayApiProxyOptions.MinimumTlsVersionOption"/>);
    /// a value this data plane cannot honour fails the handshake instead of silently offering less.
    /// </summary>
    internal static SslProtocols Protocols(IReadOnlyDictionary<string, string> options) =>
        TlsVersionOption.TryParse(options, out var protocols, out var problem) ? protocols : throw new AuthenticationException("BackendTLSPolicy " + problem);

    /// <summary>Whether the backend's certificate is trusted and has the identity the policy asks for.</summary>
    internal static bool IsTrusted(BackendTlsSettings settings, X509Certificate2? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || settings.Problem is not null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        return IsChainTrusted(settings, certificate, presented, errors) && HasIdentity(settings, certificate);
    }

    private static bool IsChainTrusted(BackendTlsSettings settings, X509Certificate2 certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (settings.SystemCaCertificates)
        {
            // The platform already built the chain against the system roots.
            return (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0;
        }

        return CertificateBundles.ChainsTo(certificate, settings.CaCertificates, presented);
    }

    private static bool HasIdentity(BackendTlsSettings settings, X509Certificate2 certificate)
    {
        if (settings.SubjectAltNames.Count == 0)
        {
            return certificate.MatchesHostname(settings.Hostname, allowWildcards: true, allowCommonName: false);
        }

        List<string>? uris = null;
        foreach (var name in settings.SubjectAltNames)
        {
            if (string.Equals(name.Type, "URI", StringComparison.Ordinal))
            {
                uris ??= UriNames(certificate);
                if (uris.Contains(name.Value, StringComparer.Ordinal))
                {
                    return true;
                }
            }
            else if (MatchesDnsName(certificate, name.Value))
            {
                return true;
            }
        }

        return false;
    }

    // A policy name may itself be a wildcard (*.example.com): then a certificate name with exactly one label in its
    // place, or the same wildcard, satisfies it. Otherwise the certificate's names (wildcards included) must cover it.
    private static bool MatchesDnsName(X509Certificate2 certificate, string expected)
    {
        if (!expected.StartsWith("*.", StringComparison.Ordinal))
        {
            return certificate.MatchesHostname(expected, allowWildcards: true, allowCommonName: false);
        }

        var suffix = expected[1..];
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension alternativeNames)
            {
                foreach (var dns in alternativeNames.EnumerateDnsNames())
                {
                    if (string.Equals(dns, expected, StringComparison.OrdinalIgnoreCase)
                        || (dns.Length > suffix.Length && dns.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && dns.IndexOf('.', StringComparison.Ordinal) == dns.Length - suffix.Length))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // .NET reads DNS names and IP addresses from the SAN extension but not URIs: GeneralName [6] IA5String.
    private static List<string> UriNames(X509Certificate2 certificate)
    {
        var uris = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value != SubjectAltNameOid)
            {
                continue;
            }

            try
            {
                var names = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
                var uriTag = new Asn1Tag(TagClass.ContextSpecific, 6);
                while (names.HasData)
                {
                    var tag = names.PeekTag();
                    if (tag.HasSameClassAndValue(uriTag))
                    {
                        uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, uriTag));
                    }
                    else
                    {
                        names.ReadEncodedValue();
                    }
                }
            }
            catch (AsnContentException)
            {
                // A malformed extension names nothing.
            }
        }

        return uris;
    }
}
