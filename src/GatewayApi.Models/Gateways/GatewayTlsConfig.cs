using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// TLS settings for the Gateway as a whole (Extended support): how it validates client certificates on its
/// HTTPS listeners (frontend) and which client certificate it presents to backends (backend).
/// </summary>
public sealed class GatewayTlsConfig : SchemaObject
{
    /// <summary>
    /// The Gateway's settings as a TLS client of its backends. Which backends get TLS at all is decided by
    /// BackendTLSPolicy, not here.
    /// </summary>
    [JsonPropertyName("backend")]
    public GatewayBackendTls? Backend { get; set; }

    /// <summary>How the Gateway validates the certificates clients present (mutual TLS).</summary>
    [JsonPropertyName("frontend")]
    public FrontendTlsConfig? Frontend { get; set; }
}

/// <summary>The Gateway's settings as a TLS client when it connects to backends.</summary>
public sealed class GatewayBackendTls : SchemaObject
{
    /// <summary>
    /// The certificate and private key the Gateway presents to backends that ask for one: Core support for a
    /// <c>kubernetes.io/tls</c> Secret (keys <c>tls.crt</c> and <c>tls.key</c>), other kinds are
    /// implementation-specific. A broken reference makes the Gateway <c>ResolvedRefs=False</c> with reason
    /// <c>InvalidClientCertificateRef</c>, or <c>RefNotPermitted</c> across namespaces without a ReferenceGrant.
    /// </summary>
    [JsonPropertyName("clientCertificateRef")]
    public SecretObjectReference? ClientCertificateRef { get; set; }
}

/// <summary>
/// Client-certificate validation for the Gateway's HTTPS listeners: one default, and optional overrides by
/// port.
/// </summary>
public sealed class FrontendTlsConfig : SchemaObject
{
    /// <summary>The validation every HTTPS listener uses unless its port has an entry in <see cref="PerPort"/>. Required.</summary>
    [JsonPropertyName("default")]
    public TlsConfig? Default { get; set; }

    /// <summary>
    /// Overrides by port: an entry replaces <see cref="Default"/> for every HTTPS listener on its port. At most
    /// 64 entries, one per port.
    /// </summary>
    [JsonPropertyName("perPort")]
    public IList<TlsPortConfig>? PerPort { get; set; }
}

/// <summary>
/// TLS settings that apply to several listeners of a Gateway. Today it only holds client-certificate
/// validation.
/// </summary>
public sealed class TlsConfig : SchemaObject
{
    /// <summary>
    /// How client certificates are validated. Setting it turns on mutual TLS: clients are asked for a
    /// certificate (browsers may show a prompt). Absent means no client-certificate validation.
    /// </summary>
    [JsonPropertyName("validation")]
    public FrontendTlsValidation? Validation { get; set; }
}

/// <summary>The client-certificate validation for the HTTPS listeners on one port.</summary>
public sealed class TlsPortConfig : SchemaObject
{
    /// <summary>The port whose HTTPS listeners this entry configures. Required, 1 to 65535; unique in the list.</summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }

    /// <summary>The settings for that port, replacing the Gateway's default. Required.</summary>
    [JsonPropertyName("tls")]
    public TlsConfig? Tls { get; set; }
}

/// <summary>How a Gateway validates the certificate a client presents in the TLS handshake.</summary>
public sealed class FrontendTlsValidation : SchemaObject
{
    /// <summary>
    /// The objects holding PEM CA bundles that client certificates must chain to. Required, 1 to 16 entries.
    /// Core support is one ConfigMap with the bundle under key <c>ca.crt</c>; more references or other kinds
    /// are implementation-specific. Broken references make the affected HTTPS listeners
    /// <c>ResolvedRefs=False</c>; when none is valid they are also <c>Accepted=False</c> with reason
    /// <c>NoValidCACertificate</c>.
    /// </summary>
    [JsonPropertyName("caCertificateRefs")]
    public IList<ObjectReference>? CaCertificateRefs { get; set; }

    /// <summary>
    /// <c>AllowValidOnly</c> (the default) lets in only clients with a valid certificate;
    /// <c>AllowInsecureFallback</c> also lets in clients without one or with one that fails validation.
    /// </summary>
    [JsonPropertyName("mode")]
    public FrontendValidationModeType? Mode { get; set; }
}

/// <summary>How strictly a Gateway requires valid client certificates.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<FrontendValidationModeType>))]
public readonly record struct FrontendValidationModeType(string Value) : IExtensibleValue<FrontendValidationModeType>
{
    /// <summary>
    /// A client must present a certificate that validates against the CA bundles, or the connection is refused
    /// (Core support). The default.
    /// </summary>
    public static FrontendValidationModeType AllowValidOnly { get; } = new("AllowValidOnly");

    /// <summary>
    /// Connections are accepted even without a valid client certificate, leaving authorisation to the backend
    /// (Extended support). Risky; meant for testing or a transition, and flagged on the Gateway by the
    /// <c>InsecureFrontendValidationMode</c> condition.
    /// </summary>
    public static FrontendValidationModeType AllowInsecureFallback { get; } = new("AllowInsecureFallback");

    /// <inheritdoc />
    public static IReadOnlyList<FrontendValidationModeType> KnownValues { get; } =
    [
        AllowValidOnly,
        AllowInsecureFallback,
    ];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static FrontendValidationModeType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator FrontendValidationModeType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
