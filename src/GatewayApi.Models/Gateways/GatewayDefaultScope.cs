using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The scope of default-Gateway attachment (GEP-3793, experimental): a Gateway's <c>spec.defaultScope</c> and a
/// route's <c>spec.useDefaultGateways</c>.
/// </summary>
/// <remarks>
/// Absent and <c>None</c> mean the same: no defaulting. A claimed route behaves as if it listed the Gateway in
/// its <c>parentRefs</c>, still subject to each listener's <c>allowedRoutes</c>.
/// </remarks>
[JsonConverter(typeof(ExtensibleValueJsonConverter<GatewayDefaultScope>))]
public readonly record struct GatewayDefaultScope(string Value) : IExtensibleValue<GatewayDefaultScope>
{
    /// <summary>
    /// On a Gateway: it claims every route asking for a default Gateway. On a route: it asks for every default
    /// Gateway of that scope.
    /// </summary>
    public static GatewayDefaultScope All { get; } = new("All");

    /// <summary>Not a default Gateway; on a route, explicitly never attach to a default Gateway.</summary>
    public static GatewayDefaultScope None { get; } = new("None");

    /// <inheritdoc />
    public static IReadOnlyList<GatewayDefaultScope> KnownValues { get; } = [All, None];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static GatewayDefaultScope Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GatewayDefaultScope(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
