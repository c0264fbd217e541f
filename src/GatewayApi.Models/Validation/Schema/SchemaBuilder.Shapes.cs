using GatewayApi.Models.Validation.Rules;
using static GatewayApi.Models.Validation.Schema.SchemaDsl;

namespace GatewayApi.Models.Validation.Schema;

/// <summary>
/// Builds the structural schema of every kind for one release channel, by hand, from shared shapes declared
/// once (resources digest §2–§3). The CRDs themselves are read only by the tests, to prove this matches them.
/// </summary>
internal sealed partial class SchemaBuilder
{
    private const string GatewayGroup = "gateway.networking.k8s.io";

    private const string PendingCondition = """{"lastTransitionTime":"1970-01-01T00:00:00Z","message":"Waiting for controller","reason":"Pending","status":"Unknown","type":"{0}"}""";

    // Scalar types (resources digest §2).
    private static readonly StringSchema Group = String(maxLength: 253, pattern: Patterns.Group);
    private static readonly StringSchema Kind = String(1, 63, Patterns.Kind);
    private static readonly StringSchema ObjectName = String(1, 253);
    private static readonly StringSchema Namespace = String(1, 63, Patterns.Namespace);
    private static readonly StringSchema SectionName = String(1, 253, Patterns.SectionName);
    private static readonly StringSchema PreciseHostname = String(1, 253, Patterns.SectionName);
    private static readonly StringSchema Hostname = String(1, 253, Patterns.Hostname);
    private static readonly StringSchema GatewayController = String(1, 253, Patterns.GatewayController);
    private static readonly StringSchema ProtocolType = String(1, 255, Patterns.ProtocolType);
    private static readonly StringSchema AddressType = String(1, 253, Patterns.AddressType);
    private static readonly StringSchema HeaderName = String(1, 256, Patterns.HeaderName);
    private static readonly StringSchema Duration = String(pattern: Patterns.Duration);
    private static readonly IntegerSchema PortNumber = Int32(1, 65535);
    private static readonly StringSchema AbsoluteUri = String(1, 253, Patterns.AbsoluteUri);
    private static readonly StringSchema CorsOrigin = String(1, 253, Patterns.CorsOrigin);
    private static readonly StringSchema WellKnownCaCertificates = String(1, 253, Patterns.WellKnownCaCertificates);
    private static readonly StringSchema AnnotationValue = String(0, 4096);
    private static readonly StringSchema LabelValue = String(0, 63, Patterns.LabelValue);
    private static readonly StringSchema MatchType = Enum("Exact", "RegularExpression").DefaultString("Exact");
    private static readonly StringSchema DefaultScope = Enum("All", "None");

    private readonly ReleaseChannel _channel;

    public SchemaBuilder(ReleaseChannel channel)
    {
        _channel = channel;
    }

    private bool IsExperimental => _channel == ReleaseChannel.Experimental;

    private ObjectSchema Object(params Field[] fields) => SchemaDsl.Object(_channel, fields);

    /// <summary>A header value: the experimental CRD adds the printable-ASCII pattern (resources digest §2).</summary>
    private StringSchema HeaderValue => field ??= IsExperimental ? String(1, 4096, Patterns.HeaderValue) : String(1, 4096);

    // References (resources digest §3.1–§3.4).
    private ObjectSchema ParentReference => field ??= Object(
        Optional("group", Group.DefaultString(GatewayGroup)),
        Optional("kind", Kind.DefaultString("Gateway")),
        Required("name", ObjectName),
        Optional("namespace", Namespace),
        Optional("port", PortNumber),
        Optional("sectionName", SectionName));

    private ObjectSchema ParentGatewayReference => field ??= Object(
        Optional("group", Group.DefaultString(GatewayGroup)),
        Optional("kind", Kind.DefaultString("Gateway")),
        Required("name", ObjectName),
        Optional("namespace", Namespace));

    private Field[] BackendObjectReferenceFields => field ??=
    [
        Optional("group", Group.DefaultString(string.Empty)),
        Optional("kind", Kind.DefaultString("Service")),
        Required("name", ObjectName),
        Optional("namespace", Namespace),
        Optional("port", PortNumber),
    ];

    /// <summary>A mirror or ExternalAuth backend: a core Service needs a port (R27).</summary>
    private ObjectSchema BackendObjectReference => field ??= Object(BackendObjectReferenceFields).Rules(CelRules.R27);

    private Field Weight => Optional("weight", Int32(0, 1_000_000).Default("1"));

    /// <summary>A route backend (TLS/TCP/UDP routes): reference plus weight.</summary>
    private ObjectSchema BackendRef => field ??= Object([.. BackendObjectReferenceFields, Weight]).Rules(CelRules.R27);

    private ObjectSchema SecretObjectReference => field ??= Object(
        Optional("group", Group.DefaultString(string.Empty)),
        Optional("kind", Kind.DefaultString("Secret")),
        Required("name", ObjectName),
        Optional("namespace", Namespace));

    private ObjectSchema ObjectReference => field ??= Object(
        Required("group", Group),
        Required("kind", Kind),
        Required("name", ObjectName),
        Optional("namespace", Namespace));

    private ObjectSchema LocalObjectReference => field ??= Object(
        Required("group", Group),
        Required("kind", Kind),
        Required("name", ObjectName));

    private ObjectSchema ParametersReference => field ??= Object(
        Required("group", Group),
        Required("kind", Kind),
        Required("name", ObjectName),
        Optional("namespace", Namespace));

    private ObjectSchema LocalPolicyTargetReferenceWithSectionName => field ??= Object(
        Required("group", Group),
        Required("kind", Kind),
        Required("name", ObjectName),
        Optional("sectionName", SectionName));

    private ObjectSchema RouteGroupKind => field ??= Object(
        Optional("group", Group.DefaultString(GatewayGroup)),
        Required("kind", Kind));

    // Status shapes (resources digest §3.5).
    private ObjectSchema Condition => field ??= Object(
        Required("lastTransitionTime", new StringSchema { Format = "date-time" }),
        Required("message", String(maxLength: 32768)),
        Optional("observedGeneration", Int64(0)),
        Required("reason", String(1, 1024, Patterns.ConditionReason)),
        Required("status", Enum("True", "False", "Unknown")),
        Required("type", String(maxLength: 316, pattern: Patterns.ConditionType)));

    private ArraySchema Conditions(int? maxItems = 8, int? minItems = null) => MapList(Condition, ["type"], maxItems, minItems);

    private static string PendingConditions(params string[] types)
        => "[" + string.Join(",", types.Select(t => PendingCondition.Replace("{0}", t, StringComparison.Ordinal))) + "]";

    private ObjectSchema RouteParentStatus => field ??= Object(
        Required("conditions", Conditions(8, 1)),
        Required("controllerName", GatewayController),
        Required("parentRef", ParentReference));

    private ObjectSchema RouteStatus => field ??= Object(Required("parents", List(RouteParentStatus, 32)));

    private ObjectSchema PolicyStatus => field ??= Object(Required("ancestors", List(
        Object(
            Required("ancestorRef", ParentReference),
            Required("conditions", Conditions(8, 1)),
            Required("controllerName", GatewayController)),
        16)));

    // metav1.LabelSelector (resources digest §3.6).
    private ObjectSchema LabelSelector => field ??= Object(
        Optional("matchExpressions", List(Object(
            Required("key", String()),
            Required("operator", String()),
            Optional("values", List(String()))))),
        Optional("matchLabels", StringMap(String()))) with { MapType = "atomic" };

    // Route shapes shared by HTTPRoute and GRPCRoute (resources digest §3.7–§3.9).
    private ObjectSchema HttpHeaderFilter => field ??= Object(
        Optional("add", MapList(HttpHeader, ["name"], 16)),
        Optional("remove", Set(String(), 16)),
        Optional("set", MapList(HttpHeader, ["name"], 16)));

    private ObjectSchema HttpHeader => field ??= Object(
        Required("name", HeaderName),
        Required("value", HeaderValue));

    private ObjectSchema RequestMirrorFilter => field ??= Object(
        Required("backendRef", BackendObjectReference),
        Optional("fraction", Object(
            Optional("denominator", Int32(1).Default("100")),
            Required("numerator", Int32(0))).Rules(CelRules.R52)),
        Optional("percent", Int32(0, 100))).Rules(CelRules.R51);

    private ObjectSchema ExtensionRef => LocalObjectReference;

    private ObjectSchema SessionPersistence => field ??= Object(
        Optional("absoluteTimeout", Duration),
        Optional("cookieConfig", Object(Optional("lifetimeType", Enum("Permanent", "Session").DefaultString("Session")))),
        Optional("sessionName", String(maxLength: 128)),
        Optional("type", Enum("Cookie", "Header").DefaultString("Cookie"))).Rules(CelRules.R78, CelRules.R79);

    /// <summary>Route <c>parentRefs</c>: the standard channel checks sectionName, the experimental one sectionName and port.</summary>
    private ArraySchema ParentRefs => field ??= List(ParentReference, 32).Rules(
        IsExperimental ? [CelRules.R69, CelRules.R70] : [CelRules.R19, CelRules.R20]);

    private ArraySchema RouteHostnames => field ??= List(Hostname, 16);

    private Field UseDefaultGateways => Optional("useDefaultGateways", DefaultScope).Experimental();

    private Field RouteStatusField => Optional("status", RouteStatus);
}
