using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// A share expressed as <see cref="Numerator"/> out of <see cref="Denominator"/>, for shares finer than
/// whole percents (for example 1 request in 1000 mirrored). The numerator must not exceed the denominator.
/// </summary>
public sealed class Fraction : SchemaObject
{
    /// <summary>The part taken. Required, at least 0, and at most <see cref="Denominator"/>.</summary>
    [JsonPropertyName("numerator")]
    public int? Numerator { get; set; }

    /// <summary>The whole the numerator is a part of. Absent means 100. At least 1.</summary>
    [JsonPropertyName("denominator")]
    public int? Denominator { get; set; }
}
