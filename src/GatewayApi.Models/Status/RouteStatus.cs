using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The status every route kind shares: one entry per parent that a controller has looked at. Each
/// controller writes only the entries for the parents it manages and leaves the others alone.
/// </summary>
public sealed class RouteStatus : SchemaObject
{
    /// <summary>
    /// The parents the route is (or tried to be) attached to, with their conditions. Required inside a
    /// status, at most 32 entries. A controller removes its entry once the route no longer refers to
    /// that parent.
    /// </summary>
    [JsonPropertyName("parents")]
    public IList<RouteParentStatus>? Parents { get; set; }
}
