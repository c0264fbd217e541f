using GatewayApi.Models.Validation.Rules;
using static GatewayApi.Models.Validation.Schema.SchemaDsl;

namespace GatewayApi.Models.Validation.Schema;

/// <summary>Gateway, ListenerSet, GatewayClass, ReferenceGrant, BackendTLSPolicy and the X kinds; every kind's root.</summary>
internal sealed partial class SchemaBuilder
{
    // Gateway listeners (resources digest §5), shared with ListenerSet (§6).
    private ObjectSchema Listener => field ??= Object(
        Optional("allowedRoutes", Object(
            Optional("kinds", List(RouteGroupKind, 8)),
            Optional("namespaces", Object(
                Optional("from", Enum("All", "Selector", "Same").DefaultString("Same")),
                Optional("selector", LabelSelector)).Default("""{"from":"Same"}"""))).Default("""{"namespaces":{"from":"Same"}}""")),
        Optional("hostname", Hostname),
        Required("name", SectionName),
        Required("port", PortNumber),
        Required("protocol", ProtocolType),
        Optional("tls", Object(
            Optional("certificateRefs", List(SecretObjectReference, 64)),
            Optional("mode", Enum("Terminate", "Passthrough").DefaultString("Terminate")),
            Optional("options", StringMap(AnnotationValue, 16))).Rules(CelRules.R15)));

    private ObjectSchema ListenerStatus => field ??= Object(
        Required("attachedRoutes", Int32()),
        Required("conditions", Conditions()),
        Required("name", SectionName),
        Optional("supportedKinds", List(RouteGroupKind, 8)));

    private ObjectSchema FrontendTlsValidation => field ??= Object(
        Required("caCertificateRefs", List(ObjectReference, 16, 1)),
        Optional("mode", Enum("AllowValidOnly", "AllowInsecureFallback").DefaultString("AllowValidOnly")));

    private ObjectSchema GatewaySpec => field ??= Object(
        Optional("addresses", List(
            Object(
                Optional("type", AddressType.DefaultString("IPAddress")),
                Optional("value", String(maxLength: 253))) with { IpAddressValueOneOf = true, Rules = [CelRules.R4] },
            16).Rules(CelRules.R2, CelRules.R3)),
        Optional("allowedListeners", Object(
            Optional("namespaces", Object(
                Optional("from", Enum("All", "Selector", "Same", "None").DefaultString("None")),
                Optional("selector", LabelSelector)).Default("""{"from":"None"}""")))),
        Optional("defaultScope", DefaultScope).Experimental(),
        Required("gatewayClassName", ObjectName),
        Optional("infrastructure", Object(
            Optional("annotations", StringMap(AnnotationValue, 16).Rules(CelRules.R5, CelRules.R6)),
            Optional("labels", StringMap(LabelValue, 8).Rules(CelRules.R7, CelRules.R8)),
            Optional("parametersRef", LocalObjectReference))),
        Required("listeners", MapList(Listener, ["name"], 64, 1)
            .Rules(CelRules.R9, CelRules.R10, CelRules.R11, CelRules.R12, CelRules.R13, CelRules.R14)),
        Optional("tls", Object(
            Optional("backend", Object(Optional("clientCertificateRef", SecretObjectReference))),
            Optional("frontend", Object(
                Required("default", Object(Optional("validation", FrontendTlsValidation))),
                Optional("perPort", MapList(
                    Object(
                        Required("port", PortNumber),
                        Required("tls", Object(Optional("validation", FrontendTlsValidation)))),
                    ["port"],
                    64).Rules(CelRules.R16)))))));

    private ObjectSchema GatewayStatus => field ??= Object(
        Optional("addresses", List(
            Object(
                Optional("type", AddressType.DefaultString("IPAddress")),
                Required("value", String(1, 253))) with { IpAddressValueOneOf = true, Rules = [CelRules.R17] },
            16)),
        Optional("attachedListenerSets", Int32()),
        Optional("conditions", Conditions().Default(PendingConditions("Accepted", "Programmed"))),
        Optional("listeners", MapList(ListenerStatus, ["name"], 64)))
        .Default("{\"conditions\":" + PendingConditions("Accepted", "Programmed") + "}");

    private ObjectSchema ListenerSetSpec => field ??= Object(
        Required("listeners", MapList(Listener, ["name"], 64, 1)
            .Rules(CelRules.R9, CelRules.R10, CelRules.R11, CelRules.R12, CelRules.R13, CelRules.R18)),
        Required("parentRef", ParentGatewayReference));

    private ObjectSchema ListenerSetStatus => field ??= Object(
        Optional("conditions", Conditions().Default(PendingConditions("Accepted", "Programmed"))),
        Optional("listeners", MapList(ListenerStatus, ["name"], 64)))
        .Default("{\"conditions\":" + PendingConditions("Accepted", "Programmed") + "}");

    // GatewayClass (resources digest §4) and XMesh (§15) share the class shape; only their status defaults differ.
    private ObjectSchema ClassSpec => field ??= Object(
        Required("controllerName", GatewayController.Rules(CelRules.R1)),
        Optional("description", String(maxLength: 64)),
        Optional("parametersRef", ParametersReference));

    private ObjectSchema ClassStatus(string objectDefault, string listDefault) => Object(
        Optional("conditions", Conditions().Default(listDefault)),
        Optional("supportedFeatures", MapList(Object(Required("name", String())), ["name"], 64)))
        .Default("{\"conditions\":" + objectDefault + "}");

    // ReferenceGrant (§12).
    private ObjectSchema ReferenceGrantSpec => field ??= Object(
        Required("from", List(Object(Required("group", Group), Required("kind", Kind), Required("namespace", Namespace)), 16, 1)),
        Required("to", List(Object(Required("group", Group), Required("kind", Kind), Optional("name", ObjectName)), 16, 1)));

    // BackendTLSPolicy (§13); its validation block is reused by XBackend.
    private ObjectSchema BackendTlsPolicyValidation => field ??= Object(
        Optional("caCertificateRefs", List(LocalObjectReference, 8)),
        Required("hostname", PreciseHostname),
        Optional("subjectAltNames", List(
            Object(
                Optional("hostname", Hostname),
                Required("type", Enum("Hostname", "URI")),
                Optional("uri", AbsoluteUri))
                .Rules(CelRules.R91, CelRules.R92, CelRules.R93, CelRules.R94),
            5)),
        Optional("wellKnownCACertificates", WellKnownCaCertificates))
        .Rules(CelRules.R89, CelRules.R90);

    private ObjectSchema BackendTlsPolicySpec => field ??= Object(
        Optional("options", StringMap(AnnotationValue, 16)),
        Required("targetRefs", List(LocalPolicyTargetReferenceWithSectionName, 16, 1).Rules(CelRules.R87, CelRules.R88)),
        Required("validation", BackendTlsPolicyValidation));

    // XBackendTrafficPolicy (§14).
    private ObjectSchema XBackendTrafficPolicySpec => field ??= Object(
        Optional("retryConstraint", Object(
            Optional("budget", Object(
                Optional("interval", Duration.DefaultString("10s").Rules(CelRules.R95)),
                Optional("percent", Integer(0, 100).Default("20"))).Default("""{"interval":"10s","percent":20}""")),
            Optional("minRetryRate", Object(
                Optional("count", Integer(1, 1_000_000)),
                Optional("interval", Duration.Rules(CelRules.R96))).Default("""{"count":10,"interval":"1s"}""")))),
        Optional("sessionPersistence", SessionPersistence),
        Required("targetRefs", MapList(LocalObjectReference, ["group", "kind", "name"], 16, 1)));

    // XBackend (§16).
    private ObjectSchema XBackendSpec => field ??= Object(
        Optional("externalHostname", Object(Required("hostname", PreciseHostname.Rules(CelRules.R98)))),
        Required("port", Object(
            Optional("name", String(maxLength: 63).Rules(CelRules.R99)),
            Required("port", PortNumber))),
        Optional("protocol", Enum("TCP", "HTTP", "HTTP2", "HTTP11", "H2C", "MCP")),
        Optional("tls", Object(
            Optional("clientCertificateRef", SecretObjectReference),
            Required("mode", Enum("None", "ServerOnly", "ClientAndServer")),
            Optional("validation", BackendTlsPolicyValidation)).Rules(CelRules.R100)),
        Required("type", Enum("ExternalHostname")))
        .Rules(CelRules.R97);

    private ObjectSchema XBackendStatus => field ??= Object(
        Optional("parents", List(
            Object(
                Optional("conditions", Conditions(maxItems: null)),
                Required("controllerName", GatewayController),
                Required("parentRef", ParentReference)),
            32)));

    /// <summary>A kind's root: <c>apiVersion</c>, <c>kind</c>, opaque <c>metadata</c>, required <c>spec</c>, optional <c>status</c>.</summary>
    private static ObjectSchema Root(ObjectSchema spec, ObjectSchema? status)
    {
        Field[] fields =
        [
            Optional("apiVersion", String()),
            Optional("kind", String()),
            Optional("metadata", new ObjectSchema { Opaque = true }),
            Required("spec", spec),
            .. status is null ? Array.Empty<Field>() : [Optional("status", status)],
        ];
        return SchemaDsl.Object(ReleaseChannel.Experimental, fields);
    }

    /// <summary>Every kind and version whose CRD exists in this channel, with whether the channel serves it.</summary>
    public IReadOnlyList<KindSchema> BuildKinds()
    {
        const string Group = GatewayGroup;
        const string XGroup = "gateway.networking.x-k8s.io";
        var experimental = IsExperimental;
        var gatewayClass = Root(ClassSpec, ClassStatus(PendingConditions("Accepted"), PendingConditions("Accepted")));
        var gateway = Root(GatewaySpec, GatewayStatus);
        var httpRoute = Root(HttpRouteSpec, RouteStatus);
        var tlsRoute = Root(TlsRouteSpec(v1Alpha2: false), RouteStatus);
        var tcpRoute = Root(L4RouteSpec(v1Alpha2: false), RouteStatus);
        var referenceGrant = Root(ReferenceGrantSpec, status: null);
        var backendTlsPolicy = Root(BackendTlsPolicySpec, PolicyStatus);
        var kinds = new List<KindSchema>
        {
            new(Group, "GatewayClass", "v1", true, gatewayClass),
            new(Group, "GatewayClass", "v1beta1", true, gatewayClass),
            new(Group, "Gateway", "v1", true, gateway),
            new(Group, "Gateway", "v1beta1", true, gateway),
            new(Group, "ListenerSet", "v1", true, Root(ListenerSetSpec, ListenerSetStatus)),
            new(Group, "HTTPRoute", "v1", true, httpRoute),
            new(Group, "HTTPRoute", "v1beta1", true, httpRoute),
            new(Group, "GRPCRoute", "v1", true, Root(GrpcRouteSpec, RouteStatus)),
            new(Group, "TLSRoute", "v1", true, tlsRoute),
            new(Group, "TLSRoute", "v1alpha2", experimental, Root(TlsRouteSpec(v1Alpha2: true), RouteStatus)),
            new(Group, "TLSRoute", "v1alpha3", experimental, tlsRoute),
            new(Group, "TCPRoute", "v1", true, tcpRoute),
            new(Group, "TCPRoute", "v1alpha2", experimental, Root(L4RouteSpec(v1Alpha2: true), RouteStatus)),
            new(Group, "UDPRoute", "v1", true, tcpRoute),
            new(Group, "UDPRoute", "v1alpha2", experimental, Root(L4RouteSpec(v1Alpha2: true), RouteStatus)),
            new(Group, "ReferenceGrant", "v1", true, referenceGrant),
            new(Group, "ReferenceGrant", "v1beta1", true, referenceGrant),
            new(Group, "BackendTLSPolicy", "v1", true, backendTlsPolicy),
            new(Group, "BackendTLSPolicy", "v1alpha3", experimental, backendTlsPolicy),
        };

        if (experimental)
        {
            kinds.Add(new(XGroup, "XBackendTrafficPolicy", "v1alpha1", true, Root(XBackendTrafficPolicySpec, PolicyStatus)));
            kinds.Add(new(XGroup, "XMesh", "v1alpha1", true, Root(ClassSpec, ClassStatus(PendingConditions("Accepted"), PendingConditions("Accepted", "Programmed")))));
            kinds.Add(new(XGroup, "XBackend", "v1alpha1", true, Root(XBackendSpec, XBackendStatus)));
        }

        return kinds;
    }
}

/// <summary>The schema of one kind in one version of one channel's CRD.</summary>
/// <param name="Group">The API group.</param>
/// <param name="Kind">The kind name.</param>
/// <param name="Version">The version name.</param>
/// <param name="Served">Whether the channel's CRD serves this version (a present but unserved version rejects every object).</param>
/// <param name="Root">The root object schema.</param>
internal sealed record KindSchema(string Group, string Kind, string Version, bool Served, ObjectSchema Root)
{
    public string ApiVersion => Group + "/" + Version;
}

/// <summary>The schemas of both channels, built once on first use.</summary>
internal static class GatewayApiSchemas
{
    private static readonly Lazy<IReadOnlyList<KindSchema>> Standard = new(() => new SchemaBuilder(ReleaseChannel.Standard).BuildKinds());
    private static readonly Lazy<IReadOnlyList<KindSchema>> Experimental = new(() => new SchemaBuilder(ReleaseChannel.Experimental).BuildKinds());

    /// <summary>Every kind and version of a channel.</summary>
    public static IReadOnlyList<KindSchema> For(ReleaseChannel channel)
        => channel == ReleaseChannel.Experimental ? Experimental.Value : Standard.Value;

    /// <summary>Finds the schema of a kind and version in a channel (served or not).</summary>
    public static KindSchema? Find(ReleaseChannel channel, string group, string kind, string version)
    {
        foreach (var schema in For(channel))
        {
            if (schema.Kind == kind && schema.Version == version && schema.Group == group)
            {
                return schema;
            }
        }

        return null;
    }

    /// <summary>The served versions of a kind in a channel.</summary>
    public static IEnumerable<KindSchema> Served(ReleaseChannel channel, string group, string kind)
        => For(channel).Where(s => s.Served && s.Kind == kind && s.Group == group);
}
