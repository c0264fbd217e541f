using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// How a Gateway checks a backend's TLS certificate: the SNI hostname to send, the trust anchors (CA
/// certificates, or a well-known set) and, optionally, the subject alternative names to accept. Used by
/// BackendTLSPolicy and by the experimental XBackend's <c>tls.validation</c>.
/// </summary>
/// <remarks>
/// Exactly one of <see cref="CaCertificateRefs"/> (non-empty) and <see cref="WellKnownCACertificates"/> (non-empty)
/// must be set.
/// </remarks>
public sealed class BackendTlsPolicyValidation : SchemaObject
{
    /// <summary>
    /// Objects in the same namespace holding a PEM CA bundle to trust. At most 8 entries. Core support is a
    /// single ConfigMap with the bundle under key <c>ca.crt</c>; more references or other kinds are
    /// implementation-specific. Mutually exclusive with <see cref="WellKnownCACertificates"/>.
    /// </summary>
    [JsonPropertyName("caCertificateRefs")]
    public IList<LocalObjectReference>? CaCertificateRefs { get; set; }

    /// <summary>
    /// A named set of trusted CAs instead of explicit references: <c>System</c> (the platform's trust store)
    /// or an implementation-defined, domain-prefixed name. Implementation-specific support. Mutually
    /// exclusive with <see cref="CaCertificateRefs"/>.
    /// </summary>
    [JsonPropertyName("wellKnownCACertificates")]
    public WellKnownCACertificatesType? WellKnownCACertificates { get; set; }

    /// <summary>
    /// The hostname sent as SNI, and the name the certificate must match unless <see cref="SubjectAltNames"/>
    /// is set (then it only helps select the certificate). Required; a DNS name without wildcard.
    /// </summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; set; }

    /// <summary>
    /// The subject alternative names to accept: the backend's certificate must carry at least one of them.
    /// At most 5 entries. Extended support. When set, <see cref="Hostname"/> is no longer checked unless listed here.
    /// </summary>
    [JsonPropertyName("subjectAltNames")]
    public IList<SubjectAltName>? SubjectAltNames { get; set; }
}

/// <summary>A subject alternative name a backend certificate may carry: a DNS name or a URI.</summary>
public sealed class SubjectAltName : SchemaObject
{
    /// <summary>Which of <see cref="Hostname"/> and <see cref="Uri"/> is set: <c>Hostname</c> or <c>URI</c>. Required.</summary>
    [JsonPropertyName("type")]
    public SubjectAltNameType? Type { get; set; }

    /// <summary>
    /// A DNS name, optionally with a leading <c>*.</c> wildcard label. Set exactly when <see cref="Type"/> is
    /// <c>Hostname</c>.
    /// </summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; set; }

    /// <summary>
    /// An absolute URI with scheme and authority, such as a SPIFFE ID (<c>spiffe://trust.domain/ns/a/sa/b</c>).
    /// Set exactly when <see cref="Type"/> is <c>URI</c>. At most 253 characters.
    /// </summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; set; }
}

/// <summary>The form of a <see cref="SubjectAltName"/>.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<SubjectAltNameType>))]
public readonly record struct SubjectAltNameType(string Value) : IExtensibleValue<SubjectAltNameType>
{
    /// <summary>A DNS name, in <see cref="SubjectAltName.Hostname"/>.</summary>
    public static SubjectAltNameType Hostname { get; } = new("Hostname");

    /// <summary>A URI such as a SPIFFE ID, in <see cref="SubjectAltName.Uri"/>.</summary>
    public static SubjectAltNameType Uri { get; } = new("URI");

    /// <inheritdoc />
    public static IReadOnlyList<SubjectAltNameType> KnownValues { get; } = [Hostname, Uri];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static SubjectAltNameType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator SubjectAltNameType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A named set of CA certificates a Gateway may trust for backend TLS. Besides <c>System</c>, implementations may define their own domain-prefixed names (for example <c>example.com/internal-cas</c>).</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<WellKnownCACertificatesType>))]
public readonly record struct WellKnownCACertificatesType(string Value) : IExtensibleValue<WellKnownCACertificatesType>
{
    /// <summary>The CA certificates the platform trusts by default (its system trust store).</summary>
    public static WellKnownCACertificatesType System { get; } = new("System");

    /// <inheritdoc />
    public static IReadOnlyList<WellKnownCACertificatesType> KnownValues { get; } = [System];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static WellKnownCACertificatesType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator WellKnownCACertificatesType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
