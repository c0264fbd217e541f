namespace GatewayApi.Routing;

/// <summary>
/// How a gateway must connect to a backend that a BackendTLSPolicy governs: originate TLS, send
/// <see cref="Hostname"/> as SNI, trust only the given CA certificates (or the system's) and check the certificate's
/// identity (<c>routing-semantics.md</c> §10). Carried by <see cref="RoutedBackend.Tls"/>, so a proxy needs no
/// policy lookup of its own.
/// </summary>
public sealed record BackendTlsSettings
{
    /// <summary>The BackendTLSPolicy these settings come from.</summary>
    public required NamespacedName Policy { get; init; }

    /// <summary>The governed Service's namespace (the policy's).</summary>
    public required string ServiceNamespace { get; init; }

    /// <summary>The governed Service's name.</summary>
    public required string ServiceName { get; init; }

    /// <summary>
    /// The governed Service port (the target's <c>sectionName</c>, resolved to its number); null when the policy
    /// targets the whole Service. A port-specific policy governs its port instead of a whole-Service one.
    /// </summary>
    public int? Port { get; init; }

    /// <summary>The name sent as SNI (<c>validation.hostname</c>); also the identity to check when <see cref="SubjectAltNames"/> is empty.</summary>
    public required string Hostname { get; init; }

    /// <summary>
    /// The PEM bundles (<c>ca.crt</c>) of the CA certificate references that resolved, in reference order. The
    /// backend's chain must end in one of their certificates.
    /// </summary>
    public IReadOnlyList<string> CaCertificates { get; init; } = [];

    /// <summary>Whether the platform's trusted roots are used instead (<c>wellKnownCACertificates: System</c>).</summary>
    public bool SystemCaCertificates { get; init; }

    /// <summary>
    /// When set, the certificate must carry at least one of these names, and <see cref="Hostname"/> is not used to
    /// authenticate it (feature <c>BackendTLSPolicySANValidation</c>).
    /// </summary>
    public IReadOnlyList<BackendTlsSubjectAltName> SubjectAltNames { get; init; } = [];

    /// <summary>The policy's implementation-specific <c>options</c>, for the proxy to interpret.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Why no connection can be verified (the policy is <c>Invalid</c> or none of its CA references resolved), or
    /// null. The spec requires such connections to fail with a 5xx; the router then marks the backend unusable
    /// (500) rather than let a proxy send the traffic unprotected.
    /// </summary>
    public string? Problem { get; init; }
}

/// <summary>One name a backend certificate may carry to satisfy a BackendTLSPolicy.</summary>
/// <param name="Type"><c>Hostname</c> (a DNS name, possibly <c>*.</c> wildcard) or <c>URI</c> (for example a SPIFFE ID).</param>
/// <param name="Value">The name.</param>
public sealed record BackendTlsSubjectAltName(string Type, string Value);
