using GatewayApi.Models.Tests.Validation.Support;
using static GatewayApi.Models.Tests.Validation.Support.Docs;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// One test of one CEL rule: a manifest and where the rule must report (<see cref="FailsAt"/>), or null when
/// the manifest must be entirely valid. <see cref="Old"/> makes it an update (transition rules).
/// </summary>
public sealed record RuleCase(string Rule, ReleaseChannel Channel, string Manifest, string? FailsAt, string? Old = null, bool EvaluationError = false)
{
    public bool Passes => FailsAt is null;
}

/// <summary>
/// Passing and failing cases for every rule R1–R100 of the validation digest §4, each written from the rule's
/// meaning (not from our implementation). Failing cases name the field path the API server reports: the
/// node that declares the rule.
/// </summary>
internal static class RuleCases
{
    private const ReleaseChannel Std = ReleaseChannel.Standard;
    private const ReleaseChannel Exp = ReleaseChannel.Experimental;

    private const string Listener80 = "- {name: http, port: 80, protocol: HTTP}";
    private const string Gc = "controllerName: example.com/gateway-controller";

    public static IReadOnlyList<RuleCase> All { get; } = Build();

    private static string Gw(string extra, string listeners = Listener80)
        => "gatewayClassName: gc\n" + (extra.Length > 0 ? extra + "\n" : string.Empty) + "listeners:\n" + listeners;

    private static string Listeners(params string[] listeners) => string.Join("\n", listeners);

    private static string Http(string spec) => Manifest("HTTPRoute", spec);

    private static string HttpFilter(string filter) => Http("rules:\n- filters:\n  - " + filter);

    private static string HttpBackendFilter(string filter, string matches = "")
        => Http("rules:\n- " + (matches.Length > 0 ? matches + "\n  " : string.Empty) + "backendRefs:\n  - name: svc\n    port: 80\n    filters:\n    - " + filter);

    private static string Redirect(string path) => "{type: RequestRedirect, requestRedirect: {path: " + path + "}}";

    private static string Btls(string validation, string targets = "[{group: '', kind: Service, name: svc}]")
        => Manifest("BackendTLSPolicy", "targetRefs: " + targets + "\nvalidation: " + validation);

    private static string Xbackend(string spec) => Manifest("XBackend", spec);

    private static string PathMatch(string type, string value) => Http($"rules:\n- matches:\n  - path: {{type: {type}, value: '{value}'}}");

    private static IReadOnlyList<RuleCase> Build()
    {
        List<RuleCase> cases =
        [
            // R1: immutable controllerName (transition rule: only on update).
            new("R1", Std, Manifest("GatewayClass", Gc), null, Old: Manifest("GatewayClass", Gc)),
            new("R1", Std, Manifest("GatewayClass", "controllerName: example.com/other"), null),
            new("R1", Std, Manifest("GatewayClass", "controllerName: example.com/other"), "spec.controllerName", Old: Manifest("GatewayClass", Gc)),
            new("R1", Exp, Manifest("XMesh", "controllerName: example.com/other"), "spec.controllerName", Old: Manifest("XMesh", Gc)),

            // R2–R4: Gateway addresses.
            new("R2", Std, Manifest("Gateway", Gw("addresses: [{type: IPAddress, value: 10.0.0.1}, {value: 10.0.0.2}]")), null),
            new("R2", Std, Manifest("Gateway", Gw("addresses: [{value: 10.0.0.1}, {type: IPAddress, value: 10.0.0.1}]")), "spec.addresses"),
            new("R3", Std, Manifest("Gateway", Gw("addresses: [{type: Hostname, value: a.example.com}, {type: Hostname, value: b.example.com}]")), null),
            new("R3", Std, Manifest("Gateway", Gw("addresses: [{type: Hostname, value: a.example.com}, {type: Hostname, value: a.example.com}]")), "spec.addresses"),
            new("R4", Std, Manifest("Gateway", Gw("addresses: [{type: Hostname, value: '*.example.com'}, {type: Hostname}]")), null),
            new("R4", Std, Manifest("Gateway", Gw("addresses: [{type: Hostname, value: Example.com}]")), "spec.addresses[0]"),

            // R5–R8: infrastructure label and annotation keys.
            new("R5", Std, Manifest("Gateway", Gw("infrastructure: {annotations: {example.com/team: a, plain: b}}")), null),
            new("R5", Std, Manifest("Gateway", Gw("infrastructure: {annotations: {'bad key': a}}")), "spec.infrastructure.annotations"),
            new("R6", Std, Manifest("Gateway", Gw("infrastructure: {annotations: {" + new string('a', 252) + "/x: a}}")), null),
            new("R6", Std, Manifest("Gateway", Gw("infrastructure: {annotations: {" + new string('a', 253) + "/x: a}}")), "spec.infrastructure.annotations"),
            new("R7", Std, Manifest("Gateway", Gw("infrastructure: {labels: {example.com/team: a}}")), null),
            new("R7", Std, Manifest("Gateway", Gw("infrastructure: {labels: {'example.com/': a}}")), "spec.infrastructure.labels"),
            new("R8", Std, Manifest("Gateway", Gw("infrastructure: {labels: {" + new string('b', 252) + "/x: a}}")), null),
            new("R8", Std, Manifest("Gateway", Gw("infrastructure: {labels: {" + new string('b', 253) + "/x: a}}")), "spec.infrastructure.labels"),

            // R9–R15: listeners.
            new("R9", Std, Manifest("Gateway", Gw(string.Empty, "- {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}")), null),
            new("R9", Std, Manifest("Gateway", Gw(string.Empty, "- {name: http, port: 80, protocol: HTTP, tls: {certificateRefs: [{name: cert}]}}")), "spec.listeners"),
            new("R9", Std, Manifest("ListenerSet", "parentRef: {name: gw}\nlisteners:\n- {name: udp, port: 53, protocol: UDP, tls: {mode: Passthrough}}"), "spec.listeners"),
            new("R10", Std, Manifest("Gateway", Gw(string.Empty, "- {name: https, port: 443, protocol: HTTPS, tls: {mode: Terminate, certificateRefs: [{name: cert}]}}")), null),
            new("R10", Std, Manifest("Gateway", Gw(string.Empty, "- {name: https, port: 443, protocol: HTTPS, tls: {mode: Passthrough}}")), "spec.listeners"),
            new("R11", Std, Manifest("Gateway", Gw(string.Empty, "- {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}")), null),
            new("R11", Std, Manifest("Gateway", Gw(string.Empty, "- {name: tls, port: 443, protocol: TLS}")), "spec.listeners"),
            new("R12", Std, Manifest("Gateway", Gw(string.Empty, "- {name: tcp, port: 5432, protocol: TCP}")), null),
            new("R12", Std, Manifest("Gateway", Gw(string.Empty, "- {name: tcp, port: 5432, protocol: TCP, hostname: db.example.com}")), "spec.listeners"),
            new("R13", Std, Manifest("Gateway", Gw(string.Empty, Listeners(Listener80, "- {name: other, port: 81, protocol: HTTP}"))), null),
            new("R13", Std, Manifest("Gateway", Gw(string.Empty, Listeners(Listener80, "- {name: http, port: 81, protocol: HTTP}"))), "spec.listeners"),
            new("R13", Std, Manifest("ListenerSet", "parentRef: {name: gw}\nlisteners:\n" + Listeners(Listener80, "- {name: http, port: 81, protocol: HTTP}")), "spec.listeners"),
            new("R14", Std, Manifest("Gateway", Gw(string.Empty, Listeners("- {name: a, port: 80, protocol: HTTP, hostname: a.example.com}", "- {name: b, port: 80, protocol: HTTP, hostname: b.example.com}", "- {name: c, port: 80, protocol: HTTP}"))), null),
            new("R14", Std, Manifest("Gateway", Gw(string.Empty, Listeners("- {name: a, port: 80, protocol: HTTP}", "- {name: b, port: 80, protocol: HTTP}"))), "spec.listeners"),
            new("R15", Std, Manifest("Gateway", Gw(string.Empty, "- {name: https, port: 443, protocol: HTTPS, tls: {options: {example.com/cert: vault}}}")), null),
            new("R15", Std, Manifest("Gateway", Gw(string.Empty, "- {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}")), null),
            new("R15", Std, Manifest("Gateway", Gw(string.Empty, "- {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: []}}")), "spec.listeners[0].tls", EvaluationError: true),
            new("R15", Std, Manifest("Gateway", Gw(string.Empty, "- {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [], options: {}}}")), "spec.listeners[0].tls"),
            new("R15", Std, Manifest("ListenerSet", "parentRef: {name: gw}\nlisteners:\n- {name: https, port: 443, protocol: HTTPS, tls: {}}"), "spec.listeners[0].tls", EvaluationError: true),

            // R16, R17: Gateway frontend TLS and status addresses.
            new("R16", Std, Manifest("Gateway", Gw("tls: {frontend: {default: {}, perPort: [{port: 443, tls: {}}, {port: 8443, tls: {}}]}}")), null),
            new("R16", Std, Manifest("Gateway", Gw("tls: {frontend: {default: {}, perPort: [{port: 443, tls: {}}, {port: 443, tls: {}}]}}")), "spec.tls.frontend.perPort"),
            new("R17", Std, Manifest("Gateway", Gw(string.Empty), "addresses: [{type: Hostname, value: gw.example.com}, {value: 10.0.0.1}]"), null),
            new("R17", Std, Manifest("Gateway", Gw(string.Empty), "addresses: [{type: Hostname, value: Gw.Example.com}]"), "status.addresses[0]"),

            // R18: ListenerSet port/protocol/hostname, skipping listeners without a port.
            new("R18", Std, Manifest("ListenerSet", "parentRef: {name: gw}\nlisteners:\n- {name: a, port: 80, protocol: HTTP, hostname: a.example.com}\n- {name: b, port: 80, protocol: HTTP}"), null),
            new("R18", Std, Manifest("ListenerSet", "parentRef: {name: gw}\nlisteners:\n- {name: a, port: 80, protocol: HTTP}\n- {name: b, port: 80, protocol: HTTP}"), "spec.listeners"),

            // R19, R20 (standard) and R69, R70 (experimental): parentRefs to the same parent.
            new("R19", Std, Http("parentRefs: [{name: gw, sectionName: a}, {name: gw, sectionName: b}, {name: other}]"), null),
            new("R19", Std, Http("parentRefs: [{name: gw, sectionName: a}, {name: gw}]"), "spec.parentRefs"),
            new("R19", Std, Manifest("TCPRoute", "parentRefs: [{name: gw, namespace: ''}, {name: gw, sectionName: a}]\nrules: [{backendRefs: [{name: svc, port: 80}]}]"), "spec.parentRefs"),
            new("R20", Std, Http("parentRefs: [{name: gw}, {name: gw, namespace: other}]"), null),
            new("R20", Std, Http("parentRefs: [{name: gw}, {name: gw}]"), "spec.parentRefs"),
            new("R20", Std, Manifest("GRPCRoute", "parentRefs: [{name: gw, sectionName: a}, {name: gw, sectionName: a}]"), "spec.parentRefs"),
            new("R69", Exp, Http("parentRefs: [{name: gw, port: 80}, {name: gw, port: 443}]"), null),
            new("R69", Exp, Http("parentRefs: [{name: gw, port: 80}, {name: gw}]"), "spec.parentRefs"),
            new("R70", Exp, Http("parentRefs: [{name: gw, sectionName: a, port: 80}, {name: gw, sectionName: a, port: 81}]"), null),
            new("R70", Exp, Manifest("UDPRoute", "parentRefs: [{name: gw, port: 53}, {name: gw, port: 53}]\nrules: [{backendRefs: [{name: svc, port: 53}]}]"), "spec.parentRefs"),

            // R21: at most 128 matches across the rules of an HTTPRoute.
            new("R21", Std, Http("rules:\n" + string.Concat(Enumerable.Range(0, 2).Select(r => $"- matches: {FlowList(64, i => $"{{path: {{value: /r{r}m{i}}}}}")}\n"))), null),
            new("R21", Std, Http("rules:\n" + string.Concat(Enumerable.Range(0, 3).Select(r => $"- matches: {FlowList(64, i => $"{{path: {{value: /r{r}m{i}}}}}")}\n"))), "spec.rules"),

            // R22–R26: redirects and rewrites in a rule.
            new("R22", Std, Http("rules:\n- filters: [" + Redirect("{type: ReplaceFullPath, replaceFullPath: /x}") + "]"), null),
            new("R22", Std, Http("rules:\n- backendRefs: [{name: svc, port: 80}]\n  filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]"), "spec.rules[0]"),
            new("R23", Std, Http("rules:\n- matches: [{path: {type: PathPrefix, value: /a}}]\n  filters: [" + Redirect("{type: ReplacePrefixMatch, replacePrefixMatch: /b}") + "]"), null),
            new("R23", Std, Http("rules:\n- matches: [{path: {value: /a}}, {path: {value: /c}}]\n  filters: [" + Redirect("{type: ReplacePrefixMatch, replacePrefixMatch: /b}") + "]"), "spec.rules[0]"),
            new("R24", Std, Http("rules:\n- filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]"), null),
            new("R24", Std, Http("rules:\n- matches: [{path: {type: Exact, value: /a}}]\n  filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]"), "spec.rules[0]"),
            new("R25", Std, HttpBackendFilter(Redirect("{type: ReplacePrefixMatch, replacePrefixMatch: /b}")), null),
            new("R25", Std, HttpBackendFilter(Redirect("{type: ReplacePrefixMatch, replacePrefixMatch: /b}"), "matches: [{path: {type: Exact, value: /a}}]"), "spec.rules[0]"),
            new("R26", Std, HttpBackendFilter("{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}", "matches: [{path: {type: PathPrefix, value: /a}}]"), null),
            new("R26", Std, HttpBackendFilter("{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}", "matches: [{path: {value: /a}}, {path: {value: /b}}]"), "spec.rules[0]"),

            // R27: a core Service backend needs a port, wherever a backend reference appears.
            new("R27", Std, Http("rules:\n- backendRefs: [{name: svc, port: 80}, {group: example.com, kind: Bucket, name: b}]"), null),
            new("R27", Std, Http("rules:\n- backendRefs: [{name: svc}]"), "spec.rules[0].backendRefs[0]"),
            new("R27", Std, HttpFilter("{type: RequestMirror, requestMirror: {backendRef: {name: mirror}}}"), "spec.rules[0].filters[0].requestMirror.backendRef"),
            new("R27", Std, Manifest("TLSRoute", "hostnames: [a.example.com]\nrules: [{backendRefs: [{name: svc}]}]"), "spec.rules[0].backendRefs[0]"),
            new("R27", Exp, HttpFilter("{type: ExternalAuth, externalAuth: {protocol: HTTP, http: {}, backendRef: {name: auth}}}"), "spec.rules[0].filters[0].externalAuth.backendRef"),

            // R28–R33: filter lists.
            new("R28", Std, HttpFilter(Redirect("{type: ReplaceFullPath, replaceFullPath: /x}")), null),
            new("R28", Std, Http("rules:\n- filters: [{type: RequestRedirect, requestRedirect: {}}, {type: URLRewrite, urlRewrite: {}}]"), "spec.rules[0].filters"),
            new("R29", Std, HttpFilter("{type: CORS, cors: {allowOrigins: ['*']}}"), null),
            new("R29", Std, Http("rules:\n- filters: [{type: CORS, cors: {}}, {type: CORS, cors: {}}]"), "spec.rules[0].filters"),
            new("R30", Std, Http("rules:\n- filters: [{type: RequestHeaderModifier, requestHeaderModifier: {}}, {type: ResponseHeaderModifier, responseHeaderModifier: {}}]"), null),
            new("R30", Std, Http("rules:\n- filters: [{type: RequestHeaderModifier, requestHeaderModifier: {}}, {type: RequestHeaderModifier, requestHeaderModifier: {}}]"), "spec.rules[0].filters"),
            new("R30", Std, Manifest("GRPCRoute", "rules:\n- backendRefs: [{name: svc, port: 80, filters: [{type: RequestHeaderModifier, requestHeaderModifier: {}}, {type: RequestHeaderModifier, requestHeaderModifier: {}}]}]"), "spec.rules[0].backendRefs[0].filters"),
            new("R31", Std, Manifest("GRPCRoute", "rules:\n- filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {}}]"), null),
            new("R31", Std, Http("rules:\n- filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {}}, {type: ResponseHeaderModifier, responseHeaderModifier: {}}]"), "spec.rules[0].filters"),
            new("R32", Std, Http("rules:\n- filters: [{type: RequestRedirect, requestRedirect: {}}, {type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}}}, {type: RequestMirror, requestMirror: {backendRef: {name: n, port: 80}}}]"), null),
            new("R32", Std, Http("rules:\n- filters: [{type: RequestRedirect, requestRedirect: {}}, {type: RequestRedirect, requestRedirect: {}}]"), "spec.rules[0].filters"),
            new("R33", Std, Http("rules:\n- filters: [{type: URLRewrite, urlRewrite: {}}, {type: ExtensionRef, extensionRef: {group: example.com, kind: F, name: a}}, {type: ExtensionRef, extensionRef: {group: example.com, kind: F, name: b}}]"), null),
            new("R33", Std, Http("rules:\n- filters: [{type: URLRewrite, urlRewrite: {}}, {type: URLRewrite, urlRewrite: {}}]"), "spec.rules[0].filters"),

            // R34–R47, R72, R73: the filter union (member present iff its type is chosen).
            new("R34", Std, HttpFilter("{type: CORS, cors: {}}"), null),
            new("R34", Std, HttpFilter("{type: RequestHeaderModifier, requestHeaderModifier: {}, cors: {}}"), "spec.rules[0].filters[0]"),
            new("R35", Std, HttpFilter("{type: CORS}"), "spec.rules[0].filters[0]"),
            new("R35", Std, HttpBackendFilter("{type: CORS, cors: {allowCredentials: true}}"), null),
            new("R36", Std, HttpFilter("{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-A, value: b}]}}"), null),
            new("R36", Std, HttpFilter("{type: CORS, cors: {}, requestHeaderModifier: {}}"), "spec.rules[0].filters[0]"),
            new("R36", Std, Manifest("GRPCRoute", "rules:\n- filters: [{type: ExtensionRef, extensionRef: {group: example.com, kind: F, name: a}, requestHeaderModifier: {}}]"), "spec.rules[0].filters[0]"),
            new("R37", Std, HttpFilter("{type: RequestHeaderModifier}"), "spec.rules[0].filters[0]"),
            new("R37", Std, Manifest("GRPCRoute", "rules:\n- filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [x-a]}}]"), null),
            new("R38", Std, HttpFilter("{type: ResponseHeaderModifier, responseHeaderModifier: {add: [{name: X-A, value: b}]}}"), null),
            new("R38", Std, HttpFilter("{type: CORS, cors: {}, responseHeaderModifier: {}}"), "spec.rules[0].filters[0]"),
            new("R39", Std, HttpFilter("{type: ResponseHeaderModifier}"), "spec.rules[0].filters[0]"),
            new("R39", Std, Manifest("GRPCRoute", "rules:\n- filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {}}]"), null),
            new("R40", Std, HttpFilter("{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}}}"), null),
            new("R40", Std, HttpFilter("{type: CORS, cors: {}, requestMirror: {backendRef: {name: m, port: 80}}}"), "spec.rules[0].filters[0]"),
            new("R41", Std, HttpFilter("{type: RequestMirror}"), "spec.rules[0].filters[0]"),
            new("R41", Std, Manifest("GRPCRoute", "rules:\n- filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}}}]"), null),
            new("R42", Std, HttpFilter("{type: RequestRedirect, requestRedirect: {statusCode: 301}}"), null),
            new("R42", Std, HttpFilter("{type: CORS, cors: {}, requestRedirect: {}}"), "spec.rules[0].filters[0]"),
            new("R43", Std, HttpFilter("{type: RequestRedirect}"), "spec.rules[0].filters[0]"),
            new("R43", Std, HttpFilter("{type: RequestRedirect, requestRedirect: {hostname: example.com}}"), null),
            new("R44", Std, HttpFilter("{type: URLRewrite, urlRewrite: {hostname: example.com}}"), null),
            new("R44", Std, HttpFilter("{type: CORS, cors: {}, urlRewrite: {}}"), "spec.rules[0].filters[0]"),
            new("R45", Std, HttpFilter("{type: URLRewrite}"), "spec.rules[0].filters[0]"),
            new("R45", Std, HttpBackendFilter("{type: URLRewrite, urlRewrite: {}}"), null),
            new("R46", Std, HttpFilter("{type: ExtensionRef, extensionRef: {group: example.com, kind: F, name: a}}"), null),
            new("R46", Std, HttpFilter("{type: CORS, cors: {}, extensionRef: {group: example.com, kind: F, name: a}}"), "spec.rules[0].filters[0]"),
            new("R47", Std, HttpFilter("{type: ExtensionRef}"), "spec.rules[0].filters[0]"),
            new("R47", Std, Manifest("GRPCRoute", "rules:\n- filters: [{type: ExtensionRef, extensionRef: {group: example.com, kind: F, name: a}}]"), null),
            new("R72", Exp, HttpFilter("{type: ExternalAuth, externalAuth: {protocol: GRPC, grpc: {}, backendRef: {name: auth, port: 9000}}}"), null),
            new("R72", Exp, HttpFilter("{type: CORS, cors: {}, externalAuth: {protocol: GRPC, grpc: {}, backendRef: {name: auth, port: 9000}}}"), "spec.rules[0].filters[0]"),
            new("R73", Exp, HttpFilter("{type: ExternalAuth}"), "spec.rules[0].filters[0]"),
            new("R73", Exp, HttpBackendFilter("{type: ExternalAuth, externalAuth: {protocol: HTTP, http: {path: /auth}, backendRef: {name: auth, port: 9000}}}"), null),

            // R48–R50: CORS wildcards stand alone.
            new("R48", Std, HttpFilter("{type: CORS, cors: {allowHeaders: ['*']}}"), null),
            new("R48", Std, HttpFilter("{type: CORS, cors: {allowHeaders: ['*', X-A]}}"), "spec.rules[0].filters[0].cors.allowHeaders"),
            new("R49", Std, HttpFilter("{type: CORS, cors: {allowMethods: [GET, POST]}}"), null),
            new("R49", Std, HttpFilter("{type: CORS, cors: {allowMethods: [GET, '*']}}"), "spec.rules[0].filters[0].cors.allowMethods"),
            new("R50", Std, HttpFilter("{type: CORS, cors: {allowOrigins: ['https://a.example.com', 'https://*.example.com:8443']}}"), null),
            new("R50", Std, HttpBackendFilter("{type: CORS, cors: {allowOrigins: ['*', 'https://a.example.com']}}"), "spec.rules[0].backendRefs[0].filters[0].cors.allowOrigins"),

            // R51, R52: mirror percentage.
            new("R51", Std, HttpFilter("{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, percent: 50}}"), null),
            new("R51", Std, HttpFilter("{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, percent: 50, fraction: {numerator: 1}}}"), "spec.rules[0].filters[0].requestMirror"),
            new("R52", Std, HttpFilter("{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, fraction: {numerator: 100}}}"), null),
            new("R52", Std, HttpFilter("{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, fraction: {numerator: 101}}}"), "spec.rules[0].filters[0].requestMirror.fraction"),
            new("R52", Std, Manifest("GRPCRoute", "rules:\n- filters: [{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, fraction: {numerator: 3, denominator: 2}}}]"), "spec.rules[0].filters[0].requestMirror.fraction"),

            // R53–R56: the path modifier union.
            new("R53", Std, HttpFilter(Redirect("{type: ReplaceFullPath, replaceFullPath: /x}")), null),
            new("R53", Std, HttpFilter(Redirect("{type: ReplaceFullPath}")), "spec.rules[0].filters[0].requestRedirect.path"),
            new("R54", Std, HttpFilter("{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /x}}}"), null),
            new("R54", Std, HttpFilter("{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /a, replaceFullPath: /x}}}"), "spec.rules[0].filters[0].urlRewrite.path"),
            new("R55", Std, HttpFilter(Redirect("{type: ReplacePrefixMatch, replacePrefixMatch: /x}")), null),
            new("R55", Std, HttpFilter(Redirect("{type: ReplacePrefixMatch}")), "spec.rules[0].filters[0].requestRedirect.path"),
            new("R56", Std, HttpFilter("{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: ''}}}"), null),
            new("R56", Std, HttpBackendFilter("{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /x, replacePrefixMatch: /y}}}"), "spec.rules[0].backendRefs[0].filters[0].urlRewrite.path"),

            // R57–R67: path match values.
            new("R57", Std, PathMatch("Exact", "/a/b"), null),
            new("R57", Std, PathMatch("Exact", "a/b"), "spec.rules[0].matches[0].path"),
            new("R57", Std, PathMatch("RegularExpression", "a.*"), null),
            new("R58", Std, PathMatch("PathPrefix", "/a/b/"), null),
            new("R58", Std, PathMatch("PathPrefix", "/a//b"), "spec.rules[0].matches[0].path"),
            new("R59", Std, PathMatch("Exact", "/a/.b"), null),
            new("R59", Std, PathMatch("Exact", "/a/./b"), "spec.rules[0].matches[0].path"),
            new("R60", Std, PathMatch("Exact", "/a/..b"), null),
            new("R60", Std, PathMatch("Exact", "/a/../b"), "spec.rules[0].matches[0].path"),
            new("R61", Std, PathMatch("Exact", "/a%20b"), null),
            new("R61", Std, PathMatch("Exact", "/a%2fb"), "spec.rules[0].matches[0].path"),
            new("R62", Std, PathMatch("PathPrefix", "/a%2Ab"), null),
            new("R62", Std, PathMatch("PathPrefix", "/a%2Fb"), "spec.rules[0].matches[0].path"),
            new("R63", Std, PathMatch("RegularExpression", "/a#b"), null),
            new("R63", Std, PathMatch("Exact", "/a#b"), "spec.rules[0].matches[0].path"),
            new("R64", Std, PathMatch("Exact", "/a/..b/c"), null),
            new("R64", Std, PathMatch("Exact", "/a/.."), "spec.rules[0].matches[0].path"),
            new("R65", Std, PathMatch("Exact", "/a/.b"), null),
            new("R65", Std, PathMatch("PathPrefix", "/a/."), "spec.rules[0].matches[0].path"),
            new("R66", Std, PathMatch("RegularExpression", "/a/[0-9]+"), null),
            new("R66", Std, PathMatch("Regex", "/a"), "spec.rules[0].matches[0].path"),
            new("R67", Std, PathMatch("Exact", "/a-b_c~d!$&()*+,;=:@%41"), null),
            new("R67", Std, PathMatch("Exact", "/a b"), "spec.rules[0].matches[0].path"),
            new("R67", Std, PathMatch("PathPrefix", "/a%zz"), "spec.rules[0].matches[0].path"),

            // R68: backendRequest <= request, unless request is 0s.
            new("R68", Std, Http("rules:\n- timeouts: {request: 10s, backendRequest: 10000ms}"), null),
            new("R68", Std, Http("rules:\n- timeouts: {request: 0s, backendRequest: 1h}"), null),
            new("R68", Std, Http("rules:\n- timeouts: {request: 1m, backendRequest: 1m1ms}"), "spec.rules[0].timeouts"),

            // R71 (experimental): unique rule names.
            new("R71", Exp, Http("rules:\n- name: a\n- name: b\n- {}"), null),
            new("R71", Std, Http("rules:\n- name: a\n- name: a"), null),
            new("R71", Exp, Http("rules:\n- name: a\n- name: a"), "spec.rules"),
            new("R71", Exp, Manifest("TLSRoute", "rules: [{name: a, backendRefs: [{name: s, port: 443}]}, {name: a, backendRefs: [{name: s, port: 443}]}]", apiVersion: "gateway.networking.k8s.io/v1alpha2"), "spec.rules"),

            // R74–R77 (experimental): ExternalAuth protocol union.
            new("R74", Exp, HttpFilter("{type: ExternalAuth, externalAuth: {protocol: GRPC, grpc: {allowedHeaders: [x-a]}, backendRef: {name: auth, port: 9000}}}"), null),
            new("R74", Exp, HttpFilter("{type: ExternalAuth, externalAuth: {protocol: GRPC, backendRef: {name: auth, port: 9000}}}"), "spec.rules[0].filters[0].externalAuth"),
            new("R75", Exp, HttpFilter("{type: ExternalAuth, externalAuth: {protocol: HTTP, http: {}, grpc: {}, backendRef: {name: auth, port: 9000}}}"), "spec.rules[0].filters[0].externalAuth"),
            new("R75", Exp, HttpFilter("{type: ExternalAuth, externalAuth: {protocol: GRPC, grpc: {}, backendRef: {name: auth, port: 9000}}}"), null),
            new("R76", Exp, HttpFilter("{type: ExternalAuth, externalAuth: {protocol: HTTP, http: {allowedHeaders: [x-a]}, backendRef: {name: auth, port: 9000}}}"), null),
            new("R76", Exp, HttpFilter("{type: ExternalAuth, externalAuth: {protocol: HTTP, backendRef: {name: auth, port: 9000}}}"), "spec.rules[0].filters[0].externalAuth"),
            new("R77", Exp, HttpFilter("{type: ExternalAuth, externalAuth: {protocol: GRPC, grpc: {}, http: {}, backendRef: {name: auth, port: 9000}}}"), "spec.rules[0].filters[0].externalAuth"),
            new("R77", Exp, HttpBackendFilter("{type: ExternalAuth, externalAuth: {protocol: HTTP, http: {}, backendRef: {name: auth, port: 9000}}}"), null),

            // R78, R79 (experimental): session persistence.
            new("R78", Exp, Http("rules:\n- sessionPersistence: {cookieConfig: {lifetimeType: Permanent}, absoluteTimeout: 1h}"), null),
            new("R78", Exp, Http("rules:\n- sessionPersistence: {cookieConfig: {lifetimeType: Permanent}}"), "spec.rules[0].sessionPersistence"),
            new("R78", Exp, Manifest("XBackendTrafficPolicy", "targetRefs: [{group: '', kind: Service, name: svc}]\nsessionPersistence: {cookieConfig: {lifetimeType: Permanent}}"), "spec.sessionPersistence"),
            new("R79", Exp, Manifest("GRPCRoute", "rules:\n- sessionPersistence: {type: Header, sessionName: x-session}"), null),
            new("R79", Exp, Manifest("GRPCRoute", "rules:\n- sessionPersistence: {type: Header, cookieConfig: {}}"), "spec.rules[0].sessionPersistence"),

            // R80–R83: GRPCRoute.
            new("R80", Std, Manifest("GRPCRoute", "rules:\n" + string.Concat(Enumerable.Range(0, 2).Select(r => $"- matches: {FlowList(64, i => $"{{method: {{service: s{r}, method: m{i}}}}}")}\n")) + "- {}"), null),
            new("R80", Std, Manifest("GRPCRoute", "rules:\n" + string.Concat(Enumerable.Range(0, 3).Select(r => $"- matches: {FlowList(43, i => $"{{method: {{service: s{r}, method: m{i}}}}}")}\n"))), "spec.rules"),
            new("R81", Std, Manifest("GRPCRoute", "rules:\n- matches: [{method: {method: Get}}, {headers: [{name: x-a, value: b}]}]"), null),
            new("R81", Std, Manifest("GRPCRoute", "rules:\n- matches: [{method: {}}]"), "spec.rules[0].matches[0].method"),
            new("R82", Std, Manifest("GRPCRoute", "rules:\n- matches: [{method: {service: .foo.Bar_Baz}}, {method: {type: RegularExpression, service: 'foo-.*'}}]"), null),
            new("R82", Std, Manifest("GRPCRoute", "rules:\n- matches: [{method: {service: foo-bar}}]"), "spec.rules[0].matches[0].method"),
            new("R83", Std, Manifest("GRPCRoute", "rules:\n- matches: [{method: {method: Get_Thing2}}, {method: {type: RegularExpression, method: 'Get.*'}}]"), null),
            new("R83", Std, Manifest("GRPCRoute", "rules:\n- matches: [{method: {service: foo, method: foo.Get}}]"), "spec.rules[0].matches[0].method"),

            // R84–R86: TLSRoute hostnames.
            new("R84", Std, Manifest("TLSRoute", "hostnames: [a.example.com, '*.example.com', 1.2.3]\nrules: [{backendRefs: [{name: s, port: 443}]}]"), null),
            new("R84", Std, Manifest("TLSRoute", "hostnames: [1.2.3.4]\nrules: [{backendRefs: [{name: s, port: 443}]}]"), "spec.hostnames"),
            new("R85", Std, Manifest("TLSRoute", "hostnames: [foo.example.com]\nrules: [{backendRefs: [{name: s, port: 443}]}]"), null),
            new("R85", Std, Manifest("TLSRoute", "hostnames: [Foo.example.com]\nrules: [{backendRefs: [{name: s, port: 443}]}]"), "spec.hostnames"),
            new("R86", Std, Manifest("TLSRoute", "hostnames: ['*.example.com']\nrules: [{backendRefs: [{name: s, port: 443}]}]"), null),
            new("R86", Std, Manifest("TLSRoute", "hostnames: ['foo.*.example.com']\nrules: [{backendRefs: [{name: s, port: 443}]}]"), "spec.hostnames"),

            // R87–R94: BackendTLSPolicy.
            new("R87", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: System}", "[{group: '', kind: Service, name: svc, sectionName: a}, {group: '', kind: Service, name: svc, sectionName: b}]"), null),
            new("R87", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: System}", "[{group: '', kind: Service, name: svc, sectionName: a}, {group: '', kind: Service, name: svc}]"), "spec.targetRefs"),
            new("R88", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: System}", "[{group: '', kind: Service, name: svc}, {group: '', kind: Service, name: other}]"), null),
            new("R88", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: System}", "[{group: '', kind: Service, name: svc}, {group: '', kind: Service, name: svc}]"), "spec.targetRefs"),
            new("R89", Std, Btls("{hostname: a.example.com, caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]}"), null),
            new("R89", Std, Btls("{hostname: a.example.com, caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}], wellKnownCACertificates: System}"), "spec.validation"),
            new("R90", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: example.com/roots}"), null),
            new("R90", Std, Btls("{hostname: a.example.com, caCertificateRefs: []}"), "spec.validation"),
            new("R91", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: System, subjectAltNames: [{type: Hostname, hostname: b.example.com}]}"), null),
            new("R91", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: System, subjectAltNames: [{type: Hostname}]}"), "spec.validation.subjectAltNames[0]"),
            new("R92", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: System, subjectAltNames: [{type: URI, uri: 'spiffe://cluster.local/ns/a/sa/b'}]}"), null),
            new("R92", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: System, subjectAltNames: [{type: URI, uri: 'spiffe://c/d', hostname: b.example.com}]}"), "spec.validation.subjectAltNames[0]"),
            new("R93", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: System, subjectAltNames: [{type: URI}]}"), "spec.validation.subjectAltNames[0]"),
            new("R93", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443}\ntls: {mode: ServerOnly, validation: {hostname: api.example.com, wellKnownCACertificates: System, subjectAltNames: [{type: URI, uri: 'https://api.example.com'}]}}"), null),
            new("R94", Std, Btls("{hostname: a.example.com, wellKnownCACertificates: System, subjectAltNames: [{type: Hostname, hostname: b.example.com}]}"), null),
            new("R94", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443}\ntls: {mode: ServerOnly, validation: {hostname: api.example.com, wellKnownCACertificates: System, subjectAltNames: [{type: Hostname, hostname: b.example.com, uri: 'https://b'}]}}"), "spec.tls.validation.subjectAltNames[0]"),

            // R95–R100: experimental kinds.
            new("R95", Exp, Manifest("XBackendTrafficPolicy", "targetRefs: [{group: '', kind: Service, name: svc}]\nretryConstraint: {budget: {interval: 1h, percent: 10}}"), null),
            new("R95", Exp, Manifest("XBackendTrafficPolicy", "targetRefs: [{group: '', kind: Service, name: svc}]\nretryConstraint: {budget: {interval: 999ms}}"), "spec.retryConstraint.budget.interval"),
            new("R95", Exp, Manifest("XBackendTrafficPolicy", "targetRefs: [{group: '', kind: Service, name: svc}]\nretryConstraint: {budget: {interval: 1h1ms}}"), "spec.retryConstraint.budget.interval"),
            new("R96", Exp, Manifest("XBackendTrafficPolicy", "targetRefs: [{group: '', kind: Service, name: svc}]\nretryConstraint: {minRetryRate: {count: 5, interval: 1ms}}"), null),
            new("R96", Exp, Manifest("XBackendTrafficPolicy", "targetRefs: [{group: '', kind: Service, name: svc}]\nretryConstraint: {minRetryRate: {interval: 0s}}"), "spec.retryConstraint.minRetryRate.interval"),
            new("R97", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443}"), null),
            new("R97", Exp, Xbackend("type: ExternalHostname\nport: {port: 443}"), "spec"),
            new("R98", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443}"), null),
            new("R98", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.svc.cluster.local}\nport: {port: 443}"), "spec.externalHostname.hostname"),
            new("R99", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443, name: https}"), null),
            new("R99", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443, name: ''}"), null),
            new("R99", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443, name: Https}"), "spec.port.name"),
            new("R100", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443}\ntls: {mode: ClientAndServer, clientCertificateRef: {name: client}}"), null),
            new("R100", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443}\ntls: {mode: ClientAndServer}"), "spec.tls"),
            new("R100", Exp, Xbackend("type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443}\ntls: {mode: ServerOnly, clientCertificateRef: {name: client}}"), "spec.tls"),
        ];

        return cases;
    }
}
