using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// How a redirect (<see cref="HttpRequestRedirectFilter"/>) or rewrite (<see cref="HttpUrlRewriteFilter"/>)
/// changes the request path: <see cref="Type"/> picks the mode and exactly its value field is set.
/// </summary>
public sealed class HttpPathModifier : SchemaObject
{
    /// <summary>
    /// <c>ReplaceFullPath</c> or <c>ReplacePrefixMatch</c>; requires the field of the same name and
    /// forbids the other. Required. An unsupported value makes the route not accepted (<c>UnsupportedValue</c>).
    /// </summary>
    [JsonPropertyName("type")]
    public HttpPathModifierType? Type { get; set; }

    /// <summary>The path that replaces the whole request path. At most 1024 characters.</summary>
    [JsonPropertyName("replaceFullPath")]
    public string? ReplaceFullPath { get; set; }

    /// <summary>
    /// The value that replaces the part of the path matched by the rule's <c>PathPrefix</c> match, whole
    /// segments at a time (prefix <c>/foo</c> with <c>/xyz</c> turns <c>/foo/bar</c> into <c>/xyz/bar</c>).
    /// Only valid with a single <c>PathPrefix</c> match. At most 1024 characters.
    /// </summary>
    [JsonPropertyName("replacePrefixMatch")]
    public string? ReplacePrefixMatch { get; set; }
}

/// <summary>The mode of an <see cref="HttpPathModifier"/>.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<HttpPathModifierType>))]
public readonly record struct HttpPathModifierType(string Value) : IExtensibleValue<HttpPathModifierType>
{
    /// <summary>The whole path becomes <see cref="HttpPathModifier.ReplaceFullPath"/>.</summary>
    public static HttpPathModifierType ReplaceFullPath { get; } = new("ReplaceFullPath");

    /// <summary>The matched prefix is swapped for <see cref="HttpPathModifier.ReplacePrefixMatch"/>, the rest kept.</summary>
    public static HttpPathModifierType ReplacePrefixMatch { get; } = new("ReplacePrefixMatch");

    /// <inheritdoc />
    public static IReadOnlyList<HttpPathModifierType> KnownValues { get; } = [ReplaceFullPath, ReplacePrefixMatch];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static HttpPathModifierType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator HttpPathModifierType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
