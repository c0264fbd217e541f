using System.Text.Json.Nodes;
using GatewayApi.Models.Validation.Rules;

namespace GatewayApi.Models.Validation.Schema;

/// <summary>A property of an object schema: its name, its schema, whether it is required, and in which channels it exists.</summary>
internal readonly record struct Field(string Name, SchemaNode Schema, bool IsRequired, bool ExperimentalOnly)
{
    /// <summary>Marks the property as present only in the experimental channel's CRD.</summary>
    public Field Experimental() => this with { ExperimentalOnly = true };
}

/// <summary>
/// The small vocabulary the hand-written schema is written in: objects of fields, lists (atomic, set, map with
/// keys), strings, integers, maps, plus defaults and CEL rules attached to a node.
/// </summary>
internal static class SchemaDsl
{
    public static Field Required(string name, SchemaNode schema) => new(name, schema, IsRequired: true, ExperimentalOnly: false);

    public static Field Optional(string name, SchemaNode schema) => new(name, schema, IsRequired: false, ExperimentalOnly: false);

    /// <summary>An object with the given fields; experimental-only fields are left out of the standard channel's schema.</summary>
    public static ObjectSchema Object(ReleaseChannel channel, params Field[] fields)
    {
        var present = fields.Where(f => channel == ReleaseChannel.Experimental || !f.ExperimentalOnly).ToArray();
        return new ObjectSchema
        {
            Properties = present.Select(f => new KeyValuePair<string, SchemaNode>(f.Name, f.Schema)).ToArray(),
            Required = present.Where(f => f.IsRequired).Select(f => f.Name).ToArray(),
        };
    }

    /// <summary>A map of strings (<c>additionalProperties</c>).</summary>
    public static ObjectSchema StringMap(StringSchema values, int? maxProperties = null)
        => new() { AdditionalProperties = values, MaxProperties = maxProperties };

    /// <summary>An atomic list.</summary>
    public static ArraySchema List(SchemaNode items, int? maxItems = null, int? minItems = null)
        => new() { Items = items, MaxItems = maxItems, MinItems = minItems };

    /// <summary>A list whose items must be unique (<c>x-kubernetes-list-type: set</c>).</summary>
    public static ArraySchema Set(SchemaNode items, int? maxItems = null)
        => new() { Items = items, MaxItems = maxItems, ListType = "set" };

    /// <summary>A list of objects keyed by some of their fields (<c>x-kubernetes-list-type: map</c>).</summary>
    public static ArraySchema MapList(SchemaNode items, string[] keys, int? maxItems = null, int? minItems = null)
        => new() { Items = items, MaxItems = maxItems, MinItems = minItems, ListType = "map", MapKeys = keys };

    public static StringSchema String(int? minLength = null, int? maxLength = null, string? pattern = null)
        => new() { MinLength = minLength, MaxLength = maxLength, Pattern = pattern is null ? null : SchemaPattern.Of(pattern) };

    public static StringSchema Enum(params string[] values) => new() { Enum = values };

    public static IntegerSchema Int32(long? minimum = null, long? maximum = null)
        => new() { Minimum = minimum, Maximum = maximum, Format = "int32" };

    public static IntegerSchema Int64(long? minimum = null, long? maximum = null)
        => new() { Minimum = minimum, Maximum = maximum, Format = "int64" };

    /// <summary>An integer without <c>format</c> (Go <c>int</c>/<c>uint16</c> fields).</summary>
    public static IntegerSchema Integer(long? minimum = null, long? maximum = null)
        => new() { Minimum = minimum, Maximum = maximum };

    public static BooleanSchema Boolean() => new();

    /// <summary>The node with an OpenAPI default (a JSON literal).</summary>
    public static T Default<T>(this T node, string json)
        where T : SchemaNode
        => node with { Default = JsonNode.Parse(json) };

    /// <summary>The node with a string default.</summary>
    public static T DefaultString<T>(this T node, string value)
        where T : SchemaNode
        => node with { Default = JsonValue.Create(value) };

    /// <summary>The node with the given CEL rules (in the CRD's order).</summary>
    public static T Rules<T>(this T node, params CelRule[] rules)
        where T : SchemaNode
        => node with { Rules = rules };
}
