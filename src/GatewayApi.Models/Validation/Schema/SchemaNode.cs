using System.Text.Json.Nodes;
using GatewayApi.Models.Validation.Rules;

namespace GatewayApi.Models.Validation.Schema;

/// <summary>The JSON type of a schema node, as the CRD's OpenAPI <c>type</c> names it.</summary>
internal enum SchemaType
{
    Object,
    Array,
    String,
    Integer,
    Boolean,
}

/// <summary>
/// One node of the hand-written structural schema: its type, its OpenAPI constraints, its default and the
/// CEL rules (<c>x-kubernetes-validations</c>) declared on it. Nodes are immutable records so that shared
/// shapes (a ParentReference, a Condition) are declared once and reused, with <c>with</c> for local variants.
/// </summary>
internal abstract record SchemaNode
{
    /// <summary>The node's JSON type.</summary>
    public abstract SchemaType Type { get; }

    /// <summary>The OpenAPI <c>default</c>, deep-copied into an object where the field is absent.</summary>
    public JsonNode? Default { get; init; }

    /// <summary>The CEL rules declared on this node, evaluated once per node instance.</summary>
    public CelRule[] Rules { get; init; } = [];

    /// <summary>The type name the API server quotes as the "value" of a CEL rule error (<c>"object"</c>, <c>"array"</c>, ...).</summary>
    public string TypeName => NameOf(Type);

    public static string NameOf(SchemaType type) => type switch
    {
        SchemaType.Object => "object",
        SchemaType.Array => "array",
        SchemaType.String => "string",
        SchemaType.Integer => "integer",
        _ => "boolean",
    };
}

/// <summary>
/// An object: named properties (with the channel's own set of fields), <c>required</c>, or a string map
/// (<c>additionalProperties</c>) with <c>maxProperties</c>.
/// </summary>
internal sealed record ObjectSchema : SchemaNode
{
    public override SchemaType Type => SchemaType.Object;

    private readonly KeyValuePair<string, SchemaNode>[] _properties = [];
    private readonly Dictionary<string, SchemaNode> _byName = new(StringComparer.Ordinal);

    /// <summary>The declared properties, in declaration order.</summary>
    public KeyValuePair<string, SchemaNode>[] Properties
    {
        get => _properties;
        init
        {
            _properties = value;
            _byName = value.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }
    }

    /// <summary>The properties that must be present.</summary>
    public string[] Required { get; init; } = [];

    /// <summary>The schema of every value of a map-typed object (<c>additionalProperties</c>); null for plain objects.</summary>
    public SchemaNode? AdditionalProperties { get; init; }

    /// <summary>The most entries a map may have.</summary>
    public int? MaxProperties { get; init; }

    /// <summary><c>x-kubernetes-map-type</c> (only <c>atomic</c> occurs, on label selectors).</summary>
    public string? MapType { get; init; }

    /// <summary>
    /// The content is not described (object <c>metadata</c>, validated by the API server's generic code): it is
    /// neither pruned nor validated here.
    /// </summary>
    public bool Opaque { get; init; }

    /// <summary>
    /// The Gateway address construct: <c>oneOf</c> [type IPAddress with value <c>anyOf</c> format ipv4/ipv6,
    /// type not IPAddress]. It is the only <c>oneOf</c>/<c>anyOf</c>/<c>not</c> in the v1.6.1 CRDs.
    /// </summary>
    public bool IpAddressValueOneOf { get; init; }

    /// <summary>Finds a declared property.</summary>
    public SchemaNode? Property(string name) => _byName.GetValueOrDefault(name);
}

/// <summary>An array: item schema, item counts and <c>x-kubernetes-list-type</c> (atomic, set, or map with keys).</summary>
internal sealed record ArraySchema : SchemaNode
{
    public override SchemaType Type => SchemaType.Array;

    public required SchemaNode Items { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary><c>atomic</c>, <c>set</c> or <c>map</c>.</summary>
    public string ListType { get; init; } = "atomic";

    /// <summary>The key fields of a <c>map</c> list.</summary>
    public string[] MapKeys { get; init; } = [];
}

/// <summary>A string: lengths (in Unicode code points), pattern, enumeration, format.</summary>
internal sealed record StringSchema : SchemaNode
{
    public override SchemaType Type => SchemaType.String;

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public SchemaPattern? Pattern { get; init; }

    public string[]? Enum { get; init; }

    /// <summary>The OpenAPI format; only <c>date-time</c> occurs on plain strings.</summary>
    public string? Format { get; init; }
}

/// <summary>An integer: bounds, enumeration and the (informational) <c>int32</c>/<c>int64</c> format.</summary>
internal sealed record IntegerSchema : SchemaNode
{
    public override SchemaType Type => SchemaType.Integer;

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    public long[]? Enum { get; init; }

    public string? Format { get; init; }
}

/// <summary>A boolean.</summary>
internal sealed record BooleanSchema : SchemaNode
{
    public override SchemaType Type => SchemaType.Boolean;
}
