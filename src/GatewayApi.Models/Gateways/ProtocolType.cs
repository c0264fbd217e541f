using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>The application protocol a listener accepts.</summary>
/// <remarks>
/// An open set: any other value must be domain-prefixed (for example <c>example.com/my-protocol</c>) and is
/// implementation-specific. Implementations must compare the five core values case-insensitively (<c>http</c> is
/// <c>HTTP</c>), while <c>IsKnown</c> and equality here compare the text exactly as written; an unsupported
/// protocol makes the listener <c>Accepted=False</c> with reason <c>UnsupportedProtocol</c>.
/// </remarks>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ProtocolType>))]
public readonly record struct ProtocolType(string Value) : IExtensibleValue<ProtocolType>
{
    /// <summary>
    /// Cleartext HTTP/1.1 over TCP (HTTP/2 cleartext only where the implementation documents it). Routes:
    /// HTTPRoute, and GRPCRoute where supported.
    /// </summary>
    public static ProtocolType Http { get; } = new("HTTP");

    /// <summary>
    /// HTTP/1.1 or HTTP/2 over TLS, terminated at the Gateway. Routes: HTTPRoute, and GRPCRoute where
    /// supported.
    /// </summary>
    public static ProtocolType Https { get; } = new("HTTPS");

    /// <summary>TLS sessions over TCP, passed through (or terminated where supported). Routes: TLSRoute.</summary>
    public static ProtocolType Tls { get; } = new("TLS");

    /// <summary>Plain TCP connections. Routes: TCPRoute.</summary>
    public static ProtocolType Tcp { get; } = new("TCP");

    /// <summary>UDP datagrams. Routes: UDPRoute.</summary>
    public static ProtocolType Udp { get; } = new("UDP");

    /// <inheritdoc />
    public static IReadOnlyList<ProtocolType> KnownValues { get; } = [Http, Https, Tls, Tcp, Udp];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static ProtocolType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ProtocolType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
