using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Which namespaces may attach to a Gateway: routes to a listener (<c>allowedRoutes.namespaces.from</c>) or
/// ListenerSets to the Gateway (<c>allowedListeners.namespaces.from</c>).
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<FromNamespaces>))]
public readonly record struct FromNamespaces(string Value) : IExtensibleValue<FromNamespaces>
{
    /// <summary>Every namespace.</summary>
    public static FromNamespaces All { get; } = new("All");

    /// <summary>The namespaces whose labels match the accompanying label selector.</summary>
    public static FromNamespaces Selector { get; } = new("Selector");

    /// <summary>Only the Gateway's own namespace. The default for routes.</summary>
    public static FromNamespaces Same { get; } = new("Same");

    /// <summary>
    /// No namespace at all. Only valid for <c>allowedListeners</c>, where it is the default: no ListenerSet may
    /// attach.
    /// </summary>
    public static FromNamespaces None { get; } = new("None");

    /// <inheritdoc />
    public static IReadOnlyList<FromNamespaces> KnownValues { get; } = [All, Selector, Same, None];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static FromNamespaces Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator FromNamespaces(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
