namespace GatewayApi.Routing;

/// <summary>
/// How an HTTPS listener validates client certificates (Gateway <c>spec.tls.frontend</c>, GEP-91): the port's
/// <c>perPort</c> entry, else the <c>default</c>. Carried by <see cref="ListenerRoutes.ClientCertificateValidation"/>
/// for listeners whose validation has at least one CA reference that resolved.
/// </summary>
public sealed record ClientCertificateValidation
{
    /// <summary>
    /// The PEM bundles (<c>ca.crt</c>) of the CA references that resolved, in reference order. A client certificate
    /// must chain to one of their certificates.
    /// </summary>
    public required IReadOnlyList<string> CaCertificates { get; init; }

    /// <summary>
    /// <c>AllowValidOnly</c> (the default: a connection without a valid client certificate is refused during the
    /// handshake) or <c>AllowInsecureFallback</c> (a certificate is asked for, and connections without a valid one are
    /// accepted too).
    /// </summary>
    public required string Mode { get; init; }

    /// <summary>Whether connections without a valid client certificate are refused.</summary>
    public bool RequiresValidCertificate => Mode != "AllowInsecureFallback";
}
