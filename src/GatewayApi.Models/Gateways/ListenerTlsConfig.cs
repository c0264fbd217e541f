using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The TLS settings of one listener: whether the Gateway terminates TLS or passes it through, and the
/// certificates it presents. Chosen per connection by the listener's hostname (the longest matching SNI).
/// </summary>
/// <remarks>
/// Required for <c>HTTPS</c> and <c>TLS</c> listeners and forbidden for <c>HTTP</c>, <c>TCP</c> and
/// <c>UDP</c> ones. In <c>Terminate</c> mode at least one certificate reference or option must be given.
/// </remarks>
public sealed class ListenerTlsConfig : SchemaObject
{
    /// <summary>
    /// <c>Terminate</c> (the default) ends the client's TLS session at the Gateway; <c>Passthrough</c> forwards
    /// it untouched, so the Gateway only sees the ClientHello (TLSRoute only). <c>HTTPS</c> listeners must
    /// use <c>Terminate</c>.
    /// </summary>
    [JsonPropertyName("mode")]
    public TlsModeType? Mode { get; set; }

    /// <summary>
    /// The objects holding the certificate and private key to present, usually one <c>kubernetes.io/tls</c>
    /// Secret (Core support; more than one or other kinds are implementation-specific). At most 64 entries;
    /// ignored in <c>Passthrough</c> mode. A reference into another namespace needs a ReferenceGrant.
    /// </summary>
    [JsonPropertyName("certificateRefs")]
    public IList<SecretObjectReference>? CertificateRefs { get; set; }

    /// <summary>
    /// Implementation-specific TLS settings as key/value pairs, for example a minimum TLS version
    /// (Implementation-specific support). At most 16 entries, values at most 4096 characters; keys an
    /// implementation defines must be domain-prefixed.
    /// </summary>
    [JsonPropertyName("options")]
    public IDictionary<string, string>? Options { get; set; }
}

/// <summary>How a listener handles the client's TLS session.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<TlsModeType>))]
public readonly record struct TlsModeType(string Value) : IExtensibleValue<TlsModeType>
{
    /// <summary>The Gateway ends the TLS session and sees the traffic in clear (the default).</summary>
    public static TlsModeType Terminate { get; } = new("Terminate");

    /// <summary>
    /// The Gateway forwards the TLS session without decrypting it, routing by SNI only; only TLSRoute can use
    /// it.
    /// </summary>
    public static TlsModeType Passthrough { get; } = new("Passthrough");

    /// <inheritdoc />
    public static IReadOnlyList<TlsModeType> KnownValues { get; } = [Terminate, Passthrough];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static TlsModeType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator TlsModeType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
