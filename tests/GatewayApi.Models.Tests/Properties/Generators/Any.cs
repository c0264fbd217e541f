using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using GatewayApi.Models.Serialization;
using k8s.Models;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>
/// The building blocks of every kind's generator: absent-or-present values, short lists, strings that YAML
/// could mistake for something else, open-enum values known and unknown, durations, timestamps, conditions,
/// label selectors, metadata, and unknown fields for <see cref="SchemaObject.ExtensionData"/>.
/// </summary>
/// <remarks>
/// Sizes are fixed (lists of at most 3, unknown JSON at most 2 levels deep) rather than driven by FsCheck's
/// size parameter, so a case takes milliseconds and hundreds of cases per kind stay cheap.
/// </remarks>
internal static class Any
{
    /// <summary>
    /// Strings a YAML writer must quote or escape to keep them strings: YAML 1.1 and 1.2 booleans, nulls and
    /// numbers, indicators that start other YAML constructs, line breaks of every kind, and non-ASCII text.
    /// </summary>
    public static readonly string[] TrickyStrings =
    [
        "true", "false", "True", "FALSE", "on", "Off", "yes", "No", "y", "n", "Y",
        "null", "Null", "NULL", "~", "", " ",
        "80", "-1", "+1", "-0", "007", "0x1F", "0o17", "0b101", "1_000", "1.5", "1.50", "1e3", "1E+3", ".5", "1.",
        ".inf", "-.Inf", ".nan", "Infinity", "NaN", "1:30", "12:30:45", "2024-01-01", "2024-01-01T00:00:00Z",
        "*.example.com", "*", "a: b", "a:b", "key:", "- item", "-", "--", "#comment", "a #b", "? q", "@at", "`tick",
        "%p", "!tag", "!!str", "&anchor", "*alias", "|", ">", "'single'", "\"double\"", "[1, 2]", "{a: 1}", ",", "<<",
        "---", "...", "--- x", "=", "/", "/foo/bar?x=1&y=2#frag", "a\\b", "C:\\path",
        "with\nnewline", "trailing\n", "\nleading", "cr\rlf\r\n", "\ttab", "tab\tinside", " padded ", "two  spaces",
        "ünïcödé", "日本語", "🚀 rocket", "Ωmega", "nbsp\u00a0here", "nel\u0085here", "line\u2028separator",
        "para\u2029separator", "bell\u0007", "del\u007f", "zero\u200bwidth",
        "GET", "Exact", "PathPrefix", "1h30m", "500ms",
        new string('x', 1100),
    ];

    /// <summary>Ordinary values: what most real manifests carry.</summary>
    private static readonly string[] PlainStrings =
    [
        "example", "gateway", "my-route", "default", "kube-system", "gateway.networking.k8s.io", "Service", "Gateway",
        "HTTPRoute", "example.net/gateway-controller", "foo.example.com", "https", "http-80", "v1", "Accepted",
        "backend-v2", "/api", "x-request-id", "Bearer", "10.0.0.1", "GRPC", "a",
    ];

    // Whole characters (the emoji is one surrogate pair), so random strings are always well-formed UTF-16.
    private static readonly string[] RandomAlphabet =
        ["a", "b", "z", "A", "Z", "0", "1", "9", "-", ".", "_", "/", ":", " ", "#", "'", "\"", "\\", "\t", "\n", "é", "日", "🙂"];

    /// <summary>
    /// Keys of unknown fields; none is a field name of any Gateway API object, though some differ from one only
    /// by case (names are case-sensitive) and some look like JSON metadata (<c>$ref</c>).
    /// </summary>
    private static readonly string[] UnknownFieldNames =
    [
        "futureField", "x-vendor-extension", "zzUnknown", "true", "80", "null", "on", "~", "", "a: b",
        "*.example.com", "with space", "ünknown", "with\nnewline", "Spec", "Kind", "NAME", "$ref", "$id", "$type",
    ];

    /// <summary>
    /// JSON numbers with exact written forms that every reader keeps: integers (including beyond what a double
    /// holds exactly), decimals with trailing zeros, exponents.
    /// </summary>
    private static readonly string[] UnknownFieldNumbers =
    [
        "0", "42", "-7", "1.5", "1.50", "-1.0", "2.5e3", "1E-7", "6.02e+23", "9007199254740993",
        "9223372036854775807", "-9223372036854775808", "0.1",
    ];

    // Generators are built once, in dependency order (static initializers run top to bottom): inside a query,
    // every source after the first is evaluated again for each generated value, so it must be a stored generator
    // or a cheap wrapper around one, never a call that builds a whole tree.
    private static readonly Gen<string> RandomCharacter = Gen.Elements(RandomAlphabet);
    private static readonly Gen<string> DurationDigit = Gen.Elements("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static readonly Gen<string> DurationUnit = Gen.Elements("h", "m", "s", "ms");
    private static readonly Gen<string> UnknownFieldName = Gen.Elements(UnknownFieldNames);
    private static readonly Gen<string> ConditionStatus = Gen.Elements("True", "False", "Unknown");
    private static readonly Gen<string> SelectorOperator = Gen.Elements("In", "NotIn", "Exists", "DoesNotExist", "FutureOperator");

    // One GEP-2257 component: 1 to 5 digits (leading zeros allowed) and a unit.
    private static readonly Gen<string> DurationComponent =
        from digits in Gen.Choose(1, 5)
        from number in DurationDigit.ArrayOf(digits)
        from unit in DurationUnit
        select string.Concat(number) + unit;

    /// <summary>Any string: mostly ordinary, often tricky, sometimes random.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
        (4, Gen.Elements(PlainStrings)),
        (4, Gen.Elements(TrickyStrings)),
        (2, Gen.Choose(1, 12).SelectMany(length => RandomCharacter.ArrayOf(length)).Select(string.Concat)));

    /// <summary>Any 32-bit integer: mostly small, sometimes at the edges of the range.</summary>
    public static Gen<int> Int { get; } = Gen.Frequency(
        (4, Gen.Choose(0, 65535)),
        (1, Gen.Choose(-1000, -1)),
        (1, Gen.Elements(int.MinValue, -1, 0, 1, int.MaxValue)));

    /// <summary>Any 64-bit integer: mostly small, sometimes at the edges of the range.</summary>
    public static Gen<long> Long { get; } = Gen.Frequency(
        (4, Gen.Choose(0, 1000).Select(value => (long)value)),
        (1, Gen.Elements(long.MinValue, -1L, 0L, long.MaxValue, 1L << 53, (1L << 53) + 1)));

    /// <summary>True or false.</summary>
    public static Gen<bool> Bool { get; } = Gen.Elements(true, false);

    /// <summary>
    /// A GEP-2257 duration parsed from generated text: canonical and non-canonical (<c>90s1m</c>, <c>1s1s</c>,
    /// leading zeros), one to four components, every unit.
    /// </summary>
    public static Gen<GatewayDuration> Duration { get; } = Gen.Frequency(
            (1, Gen.Elements("1h30m", "500ms", "0s", "90s1m", "1s1s", "00010s", "0h0m0s0ms", "99999h99999m99999s99999ms", "1ms")),
            (3, Gen.Choose(1, 4).SelectMany(count => DurationComponent.ArrayOf(count)).Select(string.Concat)))
        .Select(GatewayDuration.Parse);

    /// <summary>A UTC time at whole seconds, what Kubernetes timestamps can carry.</summary>
    public static Gen<DateTime> Timestamp { get; } = Gen.Frequency(
        (6, Gen.Choose(0, 2_000_000_000).Select(seconds => DateTime.UnixEpoch.AddSeconds(seconds))),
        (1, Gen.Elements(
            new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc),
            new DateTime(2024, 2, 29, 12, 0, 0, DateTimeKind.Utc),
            new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc))));

    /// <summary>A string or absent.</summary>
    public static Gen<string?> MaybeText { get; } = Maybe(Text);

    /// <summary>A 32-bit integer or absent.</summary>
    public static Gen<int?> MaybeInt { get; } = MaybeValue(Int);

    /// <summary>A 64-bit integer or absent.</summary>
    public static Gen<long?> MaybeLong { get; } = MaybeValue(Long);

    /// <summary>A timestamp or absent.</summary>
    public static Gen<DateTime?> MaybeTimestamp { get; } = MaybeValue(Timestamp);

    /// <summary>A duration or absent.</summary>
    public static Gen<GatewayDuration?> MaybeDuration { get; } = MaybeValue(Duration);

    /// <summary>Absent, empty, or up to 3 strings.</summary>
    public static Gen<IList<string>?> MaybeTexts { get; } = MaybeList(Text);

    /// <summary>Absent, empty, or up to 3 string entries (labels, annotations, options).</summary>
    public static Gen<IDictionary<string, string>?> MaybeTextMap { get; } = MaybeMap(Text, Text);

    /// <summary>One match expression of a label selector; the operator known or not.</summary>
    public static Gen<V1LabelSelectorRequirement> LabelSelectorRequirement { get; } =
        from key in Text
        from @operator in SelectorOperator
        from values in MaybeTexts
        select new V1LabelSelectorRequirement { Key = key, OperatorProperty = @operator, Values = values };

    /// <summary>A label selector: match labels and match expressions, each absent, empty or filled.</summary>
    public static Gen<V1LabelSelector> LabelSelector { get; } =
        from matchLabels in MaybeTextMap
        from matchExpressions in MaybeList(LabelSelectorRequirement)
        select new V1LabelSelector { MatchLabels = matchLabels, MatchExpressions = matchExpressions };

    /// <summary>A label selector or absent.</summary>
    public static Gen<V1LabelSelector?> MaybeLabelSelector { get; } = Maybe(LabelSelector);

    /// <summary>Object metadata: name, namespace, labels, annotations, generation and creation time, each maybe absent.</summary>
    public static Gen<V1ObjectMeta> Metadata { get; } =
        from name in MaybeText
        from @namespace in MaybeText
        from labels in MaybeTextMap
        from annotations in MaybeTextMap
        from generation in MaybeLong
        from creationTimestamp in MaybeTimestamp
        select new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = @namespace,
            Labels = labels,
            Annotations = annotations,
            Generation = generation,
            CreationTimestamp = creationTimestamp,
        };

    /// <summary>A JSON value a newer API version could put in an unknown field: scalars, objects, arrays.</summary>
    public static Gen<JsonElement> UnknownValue { get; } = JsonValueText(depth: 2).Select(ParseElement);

    /// <summary>Unknown fields for a nested object: absent most of the time, otherwise one or two.</summary>
    public static Gen<IDictionary<string, JsonElement>?> UnknownFields { get; } = Gen.Frequency(
        (4, Gen.Constant<IDictionary<string, JsonElement>?>(null)),
        (1, SomeUnknownFields()));

    /// <summary>Unknown fields for a top-level object, present half of the time.</summary>
    public static Gen<IDictionary<string, JsonElement>?> TopLevelUnknownFields { get; } = Gen.Frequency(
        (1, Gen.Constant<IDictionary<string, JsonElement>?>(null)),
        (1, SomeUnknownFields()));

    /// <summary>
    /// An <c>apiVersion</c> the reader serves for the kind: its storage version or an older served one (objects
    /// read keep the version they were read as).
    /// </summary>
    public static Gen<string> ApiVersion<T>()
        where T : GatewayApiObject
    {
        if (!GatewayApiKinds.TryFind(typeof(T), out var kind))
        {
            throw new InvalidOperationException($"{typeof(T).Name} is not a registered Gateway API kind.");
        }

        return Gen.Elements(kind.ServedVersions.Select(version => kind.Group + "/" + version).ToArray());
    }

    /// <summary>The value, or null a third of the time.</summary>
    public static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : class
        => Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(value => (T?)value)));

    /// <summary>The value, or null (absent) a third of the time.</summary>
    public static Gen<T?> MaybeValue<T>(Gen<T> gen)
        where T : struct
        => Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(value => (T?)value)));

    /// <summary>A list of 0 to 3 items, so empty lists are common.</summary>
    public static Gen<IList<T>> ListOf0To3<T>(Gen<T> item)
        => Gen.Choose(0, 3).SelectMany(count => item.ListOf(count)).Select(items => (IList<T>)items.ToList());

    /// <summary>Absent, empty, or a list of up to 3 items.</summary>
    public static Gen<IList<T>?> MaybeList<T>(Gen<T> item) => Maybe(ListOf0To3(item));

    /// <summary>Absent, empty, or up to 3 entries with distinct keys.</summary>
    public static Gen<IDictionary<string, string>?> MaybeMap(Gen<string> key, Gen<string> value)
        => Maybe(
            from count in Gen.Choose(0, 3)
            from keys in key.ListOf(count)
            from values in value.ListOf(count)
            select (IDictionary<string, string>)ToMap(keys, values));

    /// <summary>
    /// A value of an open enumeration: one of the values Gateway API v1.6.1 defines, or (a quarter of the time)
    /// one it does not, as a newer API version could write.
    /// </summary>
    public static Gen<T> OpenEnum<T>()
        where T : struct, IExtensibleValue<T>
        => EnumGenerators<T>.Value;

    /// <summary>An open-enum value, or absent.</summary>
    public static Gen<T?> MaybeEnum<T>()
        where T : struct, IExtensibleValue<T>
        => EnumGenerators<T>.MaybeValue;

    /// <summary>
    /// Absent, empty, or up to 3 conditions with every field, their times at whole seconds in UTC, their type and
    /// reason known or not.
    /// </summary>
    public static Gen<IList<V1Condition>?> Conditions<TType, TReason>()
        where TType : struct, IExtensibleValue<TType>
        where TReason : struct, IExtensibleValue<TReason>
        => ConditionGenerators<TType, TReason>.MaybeList;

    /// <summary>Gives generated objects unknown fields (sometimes), as if written by a newer API version.</summary>
    public static Gen<T> WithUnknownFields<T>(this Gen<T> gen)
        where T : SchemaObject
        => gen.WithUnknownFields(UnknownFields);

    /// <summary>Gives generated objects the unknown fields <paramref name="fields"/> generates.</summary>
    public static Gen<T> WithUnknownFields<T>(this Gen<T> gen, Gen<IDictionary<string, JsonElement>?> fields)
        where T : SchemaObject
        => from value in gen
           from extensionData in fields
           select SetExtensionData(value, extensionData);

    /// <summary>Parses JSON text to a standalone element.</summary>
    public static JsonElement ParseElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static T SetExtensionData<T>(T value, IDictionary<string, JsonElement>? extensionData)
        where T : SchemaObject
    {
        value.ExtensionData = extensionData;
        return value;
    }

    private static Gen<IDictionary<string, JsonElement>?> SomeUnknownFields()
        => from count in Gen.Choose(1, 2)
           from names in UnknownFieldName.ListOf(count)
           from values in UnknownValue.ListOf(count)
           select (IDictionary<string, JsonElement>?)ToMap(names, values);

    private static Gen<string> JsonValueText(int depth)
    {
        var scalar = Gen.Frequency(
            (3, Text.Select(Quote)),
            (2, Gen.Elements(UnknownFieldNumbers)),
            (1, Gen.Elements("true", "false", "null")));
        if (depth == 0)
        {
            return scalar;
        }

        var inner = JsonValueText(depth - 1);
        var jsonObject =
            from count in Gen.Choose(0, 3)
            from names in UnknownFieldName.ListOf(count)
            from values in inner.ListOf(count)
            select "{" + string.Join(",", ToMap(names, values).Select(entry => Quote(entry.Key) + ":" + entry.Value)) + "}";
        var jsonArray =
            from count in Gen.Choose(0, 3)
            from values in inner.ListOf(count)
            select "[" + string.Join(",", values) + "]";
        return Gen.Frequency((4, scalar), (1, jsonObject), (1, jsonArray));
    }

    private static string Quote(string text) => JsonValue.Create(text).ToJsonString();

    // Later duplicates of a key are dropped, so maps keep what a JSON object can hold.
    private static Dictionary<string, TValue> ToMap<TValue>(IEnumerable<string> keys, IEnumerable<TValue> values)
    {
        var map = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in keys.Zip(values))
        {
            map.TryAdd(key, value);
        }

        return map;
    }

    // One generator per open-enum type, built on first use.
    private static class EnumGenerators<T>
        where T : struct, IExtensibleValue<T>
    {
        public static readonly Gen<T> Value = Gen.Frequency(
            (3, Gen.Elements(T.KnownValues.ToArray())),
            (1, Gen.Elements("FutureValue", "example.com/custom", "", "true", "80", "with space").Select(T.Create)));

        public static readonly Gen<T?> MaybeValue = Any.MaybeValue(Value);
    }

    // One condition generator per pair of condition type and reason, built on first use.
    private static class ConditionGenerators<TType, TReason>
        where TType : struct, IExtensibleValue<TType>
        where TReason : struct, IExtensibleValue<TReason>
    {
        private static readonly Gen<V1Condition> Condition =
            from type in EnumGenerators<TType>.Value
            from status in ConditionStatus
            from reason in EnumGenerators<TReason>.Value
            from message in Text
            from observedGeneration in MaybeLong
            from lastTransitionTime in Timestamp
            select new V1Condition
            {
                Type = type.Value,
                Status = status,
                Reason = reason.Value,
                Message = message,
                ObservedGeneration = observedGeneration,
                LastTransitionTime = lastTransitionTime,
            };

        public static readonly Gen<IList<V1Condition>?> MaybeList = Any.MaybeList(Condition);
    }
}
