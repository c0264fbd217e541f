using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// Header changes made to a request or response, used by the <c>RequestHeaderModifier</c> and
/// <c>ResponseHeaderModifier</c> filters of HTTPRoute and GRPCRoute. Each header name may take part in one
/// action only; several values for one header are written comma-separated in one value.
/// </summary>
public sealed class HttpHeaderFilter : SchemaObject
{
    /// <summary>Headers to write, replacing any existing value of the same name. At most 16 entries, keyed by name.</summary>
    [JsonPropertyName("set")]
    public IList<HttpHeader>? Set { get; set; }

    /// <summary>
    /// Headers to append: the value is added to any existing values of the same name. At most 16 entries,
    /// keyed by name.
    /// </summary>
    [JsonPropertyName("add")]
    public IList<HttpHeader>? Add { get; set; }

    /// <summary>Names of headers to delete, compared without regard to case. At most 16 entries, no duplicates.</summary>
    [JsonPropertyName("remove")]
    public IList<string>? Remove { get; set; }
}

/// <summary>An HTTP header name and value (RFC 7230), as written by an <see cref="HttpHeaderFilter"/>.</summary>
public sealed class HttpHeader : SchemaObject
{
    /// <summary>
    /// The header name, compared without regard to case (only the first of equivalent names counts).
    /// Required; an RFC 7230 token of 1 to 256 characters.
    /// </summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// The header value. Required, 1 to 4096 characters; the experimental channel also requires printable
    /// ASCII separated by at most single spaces or tabs.
    /// </summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}
