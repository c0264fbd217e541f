using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// The settings of a <c>URLRewrite</c> filter (Extended support): the request is forwarded with its host
/// and/or path changed. At most one per rule; not combinable with <c>RequestRedirect</c>.
/// </summary>
public sealed class HttpUrlRewriteFilter : SchemaObject
{
    /// <summary>The value that replaces the <c>Host</c> header, a hostname without wildcard. Absent means unchanged.</summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; set; }

    /// <summary>How the request path is rewritten. Absent means unchanged.</summary>
    [JsonPropertyName("path")]
    public HttpPathModifier? Path { get; set; }
}
