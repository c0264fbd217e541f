using System.Collections.Frozen;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using GatewayApi.Routing;

namespace GatewayApi.Yarp;

/// <summary>
/// Client-certificate validation on HTTPS ports (Gateway <c>spec.tls.frontend</c>, GEP-91). The settings are read for
/// every connection from the state current at its handshake, so a reload that adds, changes or removes validation
/// applies to the next connection. A port's validation is that of its Gateway's HTTPS listeners on the port (the
/// spec's <c>perPort</c> entry, else <c>default</c>, so the same for all of them).
/// </summary>
internal static class ClientCertificateValidator
{
    private static readonly object CacheKey = new();

    public static ClientCertificateValidation? For(GatewayApiProxyState state, int listenerPort) =>
        state.Cache.GetOrAdd(CacheKey, () => Compute(state)).GetValueOrDefault(listenerPort);

    /// <summary>
    /// The handshake's verdict on the client's certificate: <c>AllowValidOnly</c> needs one that chains to the
    /// configured CAs; <c>AllowInsecureFallback</c> takes any connection (the certificate, if any, is still asked for).
    /// </summary>
    public static bool Accept(ClientCertificateValidation validation, X509Certificate? certificate, X509Chain? chain)
    {
        if (!validation.RequiresValidCertificate)
        {
            return true;
        }

        return certificate is X509Certificate2 presented && CertificateBundles.ChainsTo(presented, validation.CaCertificates, chain);
    }

    public static SslServerAuthenticationOptions Options(ListenerTls? listener, ClientCertificateValidation? validation) => new()
    {
        ServerCertificate = listener?.Certificate,
        EnabledSslProtocols = listener?.Protocols ?? System.Security.Authentication.SslProtocols.None,
        ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
        ClientCertificateRequired = validation is not null,
        RemoteCertificateValidationCallback = validation is null ? null : (_, certificate, chain, _) => Accept(validation, certificate, chain),
    };

    private static FrozenDictionary<int, ClientCertificateValidation> Compute(GatewayApiProxyState state)
    {
        var byPort = new Dictionary<int, ClientCertificateValidation>();
        foreach (var (port, owner) in ListenerPorts.Of(state))
        {
            var validation = state.Routing.Gateways
                .Where(g => g.Namespace == owner.Gateway.Namespace && g.Name == owner.Gateway.Name)
                .SelectMany(g => g.Listeners)
                .FirstOrDefault(l => l.Port == port && l.Protocol == Models.ProtocolType.Https && l.ClientCertificateValidation is not null)?
                .ClientCertificateValidation;
            if (validation is not null)
            {
                byPort[port] = validation;
            }
        }

        return byPort.ToFrozenDictionary();
    }
}
