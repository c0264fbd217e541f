using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// An address a Gateway asks for in <c>spec.addresses</c>: a specific IP, a hostname, or an
/// implementation-defined kind of address. The implementation binds every listener to every address it
/// assigns.
/// </summary>
public sealed class GatewaySpecAddress : SchemaObject
{
    /// <summary>The kind of address. Absent means <c>IPAddress</c>.</summary>
    [JsonPropertyName("type")]
    public AddressType? Type { get; set; }

    /// <summary>
    /// The address, for example <c>1.2.3.4</c>, <c>128::1</c> or <c>my-ip-address</c>; at most 253 characters.
    /// An IPv4 or IPv6 literal when the type is <c>IPAddress</c>. Absent asks the implementation to assign
    /// one of the type; if it cannot, the Gateway is <c>Programmed=False</c> with reason <c>AddressNotAssigned</c>.
    /// </summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>An address a Gateway is actually reachable at, as the implementation reports it in <c>status.addresses</c>.</summary>
public sealed class GatewayStatusAddress : SchemaObject
{
    /// <summary>The kind of address. Absent means <c>IPAddress</c>.</summary>
    [JsonPropertyName("type")]
    public AddressType? Type { get; set; }

    /// <summary>
    /// The address, for example <c>1.2.3.4</c> or <c>lb.example.com</c>. Required, 1 to 253 characters; an
    /// IPv4 or IPv6 literal when the type is <c>IPAddress</c>.
    /// </summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>The kind of a Gateway address.</summary>
/// <remarks>
/// An open set: any other value must be domain-prefixed (for example <c>example.com/pool</c>) and is
/// implementation-specific. A type the implementation does not support makes the Gateway <c>Accepted=False</c>
/// with reason <c>UnsupportedAddress</c>.
/// </remarks>
[JsonConverter(typeof(ExtensibleValueJsonConverter<AddressType>))]
public readonly record struct AddressType(string Value) : IExtensibleValue<AddressType>
{
    /// <summary>A single IPv4 (dotted decimal) or IPv6 address; no ranges (Extended support). The default.</summary>
    public static AddressType IPAddress { get; } = new("IPAddress");

    /// <summary>A DNS name that leads to the Gateway, like a cloud load balancer's hostname (Extended support).</summary>
    public static AddressType Hostname { get; } = new("Hostname");

    /// <summary>
    /// Deprecated in favour of domain-prefixed types: an address known by a name, such as a cloud provider's
    /// reserved static IP (Implementation-specific support).
    /// </summary>
    public static AddressType NamedAddress { get; } = new("NamedAddress");

    /// <inheritdoc />
    public static IReadOnlyList<AddressType> KnownValues { get; } = [IPAddress, Hostname, NamedAddress];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static AddressType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator AddressType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
