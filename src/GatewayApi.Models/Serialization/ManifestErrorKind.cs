namespace GatewayApi.Models.Serialization;

/// <summary>What went wrong reading a manifest document.</summary>
public enum ManifestErrorKind
{
    /// <summary>The text is not well-formed YAML or JSON.</summary>
    Syntax,

    /// <summary>A document is not a JSON object (for example a bare string or a list at the top).</summary>
    NotAnObject,

    /// <summary>A document has no <c>kind</c>.</summary>
    MissingKind,

    /// <summary>A document has no <c>apiVersion</c>.</summary>
    MissingApiVersion,

    /// <summary>The kind is a Gateway API kind, but not in this <c>apiVersion</c>: no CRD of v1.6.1 serves it.</summary>
    UnsupportedApiVersion,

    /// <summary>A field has a value of the wrong JSON type (a string where a number belongs, ...), or a value its type cannot hold.</summary>
    InvalidValue,

    /// <summary>The input could not be read at all (a missing or unreadable file).</summary>
    Unreadable,
}
