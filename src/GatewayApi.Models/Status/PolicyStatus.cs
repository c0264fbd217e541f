using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>The status every direct policy kind shares: one entry per ancestor a controller evaluated it for.</summary>
public sealed class PolicyStatus : SchemaObject
{
    /// <summary>The ancestors and the policy's conditions for each. Required inside a status, at most 16 entries.</summary>
    [JsonPropertyName("ancestors")]
    public IList<PolicyAncestorStatus>? Ancestors { get; set; }
}
