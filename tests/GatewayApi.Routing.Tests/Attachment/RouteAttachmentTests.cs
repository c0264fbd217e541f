using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Attachment;

/// <summary>
/// Route → Gateway attachment per parentRef and the route's Accepted/PartiallyInvalid conditions: attachment-and-status.md
/// §2.1–§2.9, §6.5 and §7 (upstream apis/v1/shared_types.go RouteConditionReason*, RouteParentStatus).
/// </summary>
public class RouteAttachmentTests
{
    /// <summary>Worked examples 1–3 of §9: listeners 'a' (80, no hostname, Same) and 'b' (80, x.example.com, All).</summary>
    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: gw-class
          listeners:
          - {name: a, port: 80, protocol: HTTP}
          - {name: b, port: 80, protocol: HTTP, hostname: x.example.com, allowedRoutes: {namespaces: {from: All}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: app}
        spec: {ports: [{port: 8080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: infra}
        spec: {ports: [{port: 8080}]}
        """;

    private static string Route(string parentRef, string hostnames = "[x.example.com]", string @namespace = "app", string name = "r", string rules = "[{backendRefs: [{name: web, port: 8080}]}]") => $$"""

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: {{name}}, namespace: {{@namespace}}, generation: 3}
        spec:
          parentRefs: [{{parentRef}}]
          hostnames: {{hostnames}}
          rules: {{rules}}
        """;

    [Fact]
    public void WorkedExample1_AttachesToTheListenerThatAdmitsIt()
    {
        var result = Scenario.Run(Gateway + Route("{name: gw, namespace: infra}"));
        var parent = result.Parent("app", "r");
        parent.Condition("Accepted").Is("True", "Accepted");
        parent.Condition("ResolvedRefs").Is("True", "ResolvedRefs");
        Assert.False(parent.Conditions.HasCondition("PartiallyInvalid"));
        Assert.Equal(Scenario.Controller, parent.ControllerName);
        Assert.All(parent.Conditions!, c => Assert.Equal(3, c.ObservedGeneration));
        // The status parentRef copies the spec's with group and kind defaulted (§6.5, conformance helpers compare them).
        Assert.Equal((GatewayApiGroups.Group, "Gateway", "infra", "gw"), (parent.ParentRef!.Group, parent.ParentRef.Kind, parent.ParentRef.Namespace, parent.ParentRef.Name));
        var gateway = result.Gateway("infra", "gw");
        Assert.Equal(0, gateway.Listener("a").AttachedRoutes);
        Assert.Equal(1, gateway.Listener("b").AttachedRoutes);
    }

    [Fact]
    public void WorkedExample2_NoIntersectingHostname_IsNoMatchingListenerHostname()
    {
        var result = Scenario.Run(Gateway + Route("{name: gw, namespace: infra}", "[y.example.com]"));
        result.Parent("app", "r").Condition("Accepted").Is("False", "NoMatchingListenerHostname");
        Assert.Equal(0, result.Gateway("infra", "gw").Listener("b").AttachedRoutes);
    }

    [Theory]
    // §2.1 step 2, conformance httproute-invalid-parentref-not-matching-section-name.go,
    // -not-matching-listener-port.go, -section-name-not-matching-port.go (worked example 3).
    [InlineData("{name: gw, namespace: infra, sectionName: nope}")]
    [InlineData("{name: gw, namespace: infra, port: 8080}")]
    [InlineData("{name: gw, namespace: infra, sectionName: a, port: 8080}")]
    public void NoRelevantListener_IsNoMatchingParent(string parentRef)
        => Scenario.Run(Gateway + Route(parentRef)).Parent("app", "r").Condition("Accepted").Is("False", "NoMatchingParent");

    [Fact]
    public void SectionNameAndPort_SelectTheListener()
    {
        var result = Scenario.Run(Gateway + Route("{name: gw, namespace: infra, sectionName: b, port: 80}"));
        result.Parent("app", "r").Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void NamespaceNotAllowed_IsNotAllowedByListeners()
    {
        // Conformance httproute-invalid-cross-namespace-parent-ref.go: from: Same refuses other namespaces, attachedRoutes 0.
        var result = Scenario.Run(Gateway + Route("{name: gw, namespace: infra, sectionName: a}", "[]"));
        result.Parent("app", "r").Condition("Accepted").Is("False", "NotAllowedByListeners");
        Assert.Equal(0, result.Gateway("infra", "gw").Listener("a").AttachedRoutes);
    }

    [Fact]
    public void KindNotAllowed_IsNotAllowedByListeners()
    {
        // Conformance httproute-disallowed-kind.go: the listener allows only TLSRoute.
        var yaml = Gateway.Replace("hostname: x.example.com, allowedRoutes: {namespaces: {from: All}}", "hostname: x.example.com, allowedRoutes: {namespaces: {from: All}, kinds: [{kind: GRPCRoute}]}");
        Scenario.Run(yaml + Route("{name: gw, namespace: infra, sectionName: b}")).Parent("app", "r").Condition("Accepted").Is("False", "NotAllowedByListeners");
    }

    [Fact]
    public void SelectorMatchesNamespaceLabels_IncludingTheMetadataNameLabel()
    {
        var yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra}
            spec:
              gatewayClassName: gw-class
              listeners:
              - {name: prod, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {env: prod}}}}}
              - {name: byname, port: 81, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [dev]}]}}}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: prod, labels: {env: prod}}
            """;
        var result = Scenario.Run(yaml + Route("{name: gw, namespace: infra}", "[]", "prod", "p", "[]") + Route("{name: gw, namespace: infra}", "[]", "dev", "d", "[]"));
        var gateway = result.Gateway("infra", "gw");
        Assert.Equal(1, gateway.Listener("prod").AttachedRoutes);
        Assert.Equal(1, gateway.Listener("byname").AttachedRoutes);
        Assert.Contains("'prod'", result.Parent("prod", "p").Condition("Accepted").Message);
    }

    [Fact]
    public void FromNone_AdmitsNoRoute()
        => Scenario.Run(Gateway.Replace("{from: All}", "{from: None}") + Route("{name: gw, namespace: infra, sectionName: b}")).Parent("app", "r").Condition("Accepted").Is("False", "NotAllowedByListeners");

    [Fact]
    public void ReasonOrder_NotAllowedByListenersBeatsNoMatchingListenerHostname()
    {
        // §7 / A2: the nested definitions give NoMatchingParent → NotAllowedByListeners → NoMatchingListenerHostname.
        // Listener 'a' refuses the namespace; its hostname would intersect anything, yet the reason is the namespace.
        Scenario.Run(Gateway + Route("{name: gw, namespace: infra, sectionName: a}", "[y.example.com]")).Parent("app", "r").Condition("Accepted").Is("False", "NotAllowedByListeners");
    }

    [Fact]
    public void ReasonOrder_NoMatchingParentBeatsTheOthers()
        => Scenario.Run(Gateway + Route("{name: gw, namespace: infra, sectionName: zzz}", "[y.example.com]")).Parent("app", "r").Condition("Accepted").Is("False", "NoMatchingParent");

    [Fact]
    public void HostnameIntersection_CountsPerListener()
    {
        // Conformance httproute-hostname-intersection.go: routes count only on listeners they intersect (expectations 2/1/1).
        var yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra}
            spec:
              gatewayClassName: gw-class
              listeners:
              - {name: listener-1, port: 80, protocol: HTTP, hostname: very.specific.com}
              - {name: listener-2, port: 80, protocol: HTTP, hostname: "*.wildcard.io"}
              - {name: listener-3, port: 80, protocol: HTTP, hostname: "*.anotherwildcard.io"}
            """;
        var routes = Route("{name: gw}", "[non.matching.com, \"*.nonmatchingwildcard.io\", very.specific.com]", "infra", "specific-host-matches-listener-specific-host", "[]")
            + Route("{name: gw}", "[non.matching.com, wildcard.io, foo.wildcard.io, bar.wildcard.io, foo.bar.wildcard.io]", "infra", "specific-host-matches-listener-wildcard-host", "[]")
            + Route("{name: gw}", "[\"*.anotherwildcard.io\"]", "infra", "wildcard-host-matches-listener-wildcard-host", "[]")
            + Route("{name: gw}", "[\"*.specific.com\"]", "infra", "wildcard-host-matches-listener-specific-host", "[]")
            + Route("{name: gw}", "[non.matching.com, \"*.nonmatchingwildcard.io\"]", "infra", "no-intersecting-hosts", "[]");
        var result = Scenario.Run(yaml + routes);
        var gateway = result.Gateway("infra", "gw");
        Assert.Equal([2, 1, 1], gateway.Listeners!.Select(l => l.AttachedRoutes!.Value));
        result.Parent("infra", "no-intersecting-hosts").Condition("Accepted").Is("False", "NoMatchingListenerHostname");
    }

    [Fact]
    public void RouteWithoutHostnames_AttachesEverywhereItIsAllowed()
    {
        var result = Scenario.Run(Gateway + Route("{name: gw}", "[]", "infra"));
        var gateway = result.Gateway("infra", "gw");
        Assert.Equal(1, gateway.Listener("a").AttachedRoutes);
        Assert.Equal(1, gateway.Listener("b").AttachedRoutes);
    }

    [Fact]
    public void AttachedRoutes_CountAcceptedRoutesOnly_AndEachRouteOncePerListener()
    {
        // §2.9 and A4: {name: gw} and {name: gw, namespace: infra} are two parentRefs to the same Gateway; the route counts once.
        var rules = "[{filters: [{type: Bogus}], backendRefs: [{name: web, port: 8080}]}]";
        var result = Scenario.Run(Gateway
            + Route("{name: gw, sectionName: a}, {name: gw, namespace: infra, sectionName: a}", "[]", "infra", "twice")
            + Route("{name: gw, sectionName: a}", "[]", "infra", "invalid", rules));
        Assert.Equal(2, result.Parents("infra", "twice").Count);
        result.Parent("infra", "invalid").Condition("Accepted").Is("False", "UnsupportedValue");
        Assert.Equal(1, result.Gateway("infra", "gw").Listener("a").AttachedRoutes);
    }

    [Fact]
    public void AttachedRoutes_AreCountedOnListenersWithInvalidCertificates()
    {
        // §2.2 / A3, conformance gateway-with-attached-routes.go: a listener with unresolved refs still counts its route.
        var yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra}
            spec:
              gatewayClassName: gw-class
              listeners:
              - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: missing}]}}
            """;
        var result = Scenario.Run(yaml + Route("{name: gw}", "[]", "infra", "r", "[]"));
        result.Parent("infra", "r").Condition("Accepted").Is("True", "Accepted");
        var listener = result.Gateway("infra", "gw").Listener("https");
        Assert.Equal(1, listener.AttachedRoutes);
        listener.Condition("Programmed").Is("False", "Invalid");

        var strict = Scenario.Run(yaml + Route("{name: gw}", "[]", "infra", "r", "[]"), Scenario.Options() with { AcceptRoutesOnInvalidListeners = false });
        strict.Parent("infra", "r").Condition("Accepted").Is("True", "Accepted"); // the listener is accepted, only unresolved
    }

    [Fact]
    public void OptionA3_KeepsRoutesOffConflictedListeners()
    {
        var yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra}
            spec:
              gatewayClassName: gw-class
              listeners:
              - {name: tcp, port: 80, protocol: TCP}
              - {name: http, port: 80, protocol: HTTP}
            """;
        var route = Route("{name: gw, sectionName: http}", "[]", "infra", "r", "[]");
        Scenario.Run(yaml + route).Parent("infra", "r").Condition("Accepted").Is("True", "Accepted");
        Scenario.Run(yaml + route, Scenario.Options() with { AcceptRoutesOnInvalidListeners = false }).Parent("infra", "r").Condition("Accepted").Is("False", "NotAllowedByListeners");
    }

    [Theory]
    // §6.5: unknown or unsupported enum values are UnsupportedValue; filters that cannot go together IncompatibleFilters.
    [InlineData("[{filters: [{type: Bogus}]}]", "UnsupportedValue")]
    [InlineData("[{matches: [{path: {type: Glob, value: /x}}]}]", "UnsupportedValue")]
    [InlineData("[{matches: [{path: {type: RegularExpression, value: /x.*}}]}]", "UnsupportedValue")]
    [InlineData("[{matches: [{method: BREW}]}]", "UnsupportedValue")]
    [InlineData("[{filters: [{type: RequestRedirect, requestRedirect: {statusCode: 305}}]}]", "UnsupportedValue")]
    [InlineData("[{filters: [{type: RequestRedirect, requestRedirect: {scheme: ftp}}]}]", "UnsupportedValue")]
    [InlineData("[{filters: [{type: URLRewrite, urlRewrite: {path: {type: Squash}}}]}]", "UnsupportedValue")]
    // httproute_types.go HTTPPathModifier: ReplacePrefixMatch with any match type but PathPrefix makes the rule not accepted,
    // wherever the filter sits (rule or backendRef) and whether it rewrites or redirects.
    [InlineData("[{matches: [{path: {type: Exact, value: /x}}], filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /y}}}]}]", "UnsupportedValue")]
    [InlineData("[{matches: [{path: {type: PathPrefix, value: /a}}, {path: {type: Exact, value: /x}}], filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /y}}}]}]", "UnsupportedValue")]
    [InlineData("[{matches: [{path: {type: Exact, value: /x}}], backendRefs: [{name: svc, port: 80, filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /y}}}]}]}]", "UnsupportedValue")]
    [InlineData("[{filters: [{type: RequestRedirect, requestRedirect: {hostname: a.com}}, {type: URLRewrite, urlRewrite: {hostname: b.com}}]}]", "IncompatibleFilters")]
    [InlineData("[{filters: [{type: RequestRedirect, requestRedirect: {scheme: ftp}}, {type: URLRewrite, urlRewrite: {hostname: b.com}}]}]", "UnsupportedValue")] // UnsupportedValue wins (our §7 choice)
    public void EveryRuleInvalid_IsNotAccepted(string rules, string reason)
        => Scenario.Run(Gateway + Route("{name: gw}", "[]", "infra", "r", rules)).Parent("infra", "r").Condition("Accepted").Is("False", reason);

    [Theory]
    // The counterpart of the ReplacePrefixMatch rows above: PathPrefix matches, or no match at all (the default
    // PathPrefix "/"), or a match without a path, are what ReplacePrefixMatch needs.
    [InlineData("[{matches: [{path: {type: PathPrefix, value: /a}}], filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /y}}}]}]")]
    [InlineData("[{filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /y}}}]}]")]
    [InlineData("[{matches: [{headers: [{name: x, value: y}]}], filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /y}}}]}]")]
    [InlineData("[{matches: [{path: {type: Exact, value: /x}}], filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /y}}}]}]")]
    public void PrefixReplacement_WithPathPrefixMatches_IsAccepted(string rules)
        => Scenario.Run(Gateway + Route("{name: gw}", "[]", "infra", "r", rules)).Parent("infra", "r").Condition("Accepted").Is("True", "Accepted");

    [Fact]
    public void RegularExpressionMatches_AreAccepted_WithTheOption()
        => Scenario.Run(Gateway + Route("{name: gw}", "[]", "infra", "r", "[{matches: [{path: {type: RegularExpression, value: /x.*}}]}]"), Scenario.Options() with { SupportsRegularExpressionMatches = true })
            .Parent("infra", "r").Condition("Accepted").Is("True", "Accepted");

    [Theory]
    // Extended fields whose feature is not supported make the rule invalid.
    [InlineData(GatewayApiFeatures.HttpRouteResponseHeaderModification, "[{filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {set: [{name: a, value: b}]}}]}]")]
    [InlineData(GatewayApiFeatures.HttpRouteQueryParamMatching, "[{matches: [{queryParams: [{name: a, value: b}]}]}]")]
    [InlineData(GatewayApiFeatures.HttpRouteMethodMatching, "[{matches: [{method: GET}]}]")]
    [InlineData(GatewayApiFeatures.HttpRoute303RedirectStatusCode, "[{filters: [{type: RequestRedirect, requestRedirect: {statusCode: 303}}]}]")]
    [InlineData(GatewayApiFeatures.HttpRouteRequestTimeout, "[{timeouts: {request: 10s}}]")]
    [InlineData(GatewayApiFeatures.HttpRouteCors, "[{filters: [{type: CORS, cors: {allowOrigins: [\"https://a.com\"]}}]}]")]
    public void ExtendedFeatureNotSupported_IsUnsupportedValue(string feature, string rules)
    {
        var yaml = Gateway + Route("{name: gw}", "[]", "infra", "r", rules);
        Scenario.Run(yaml, Scenario.Without(feature)).Parent("infra", "r").Condition("Accepted").Is("False", "UnsupportedValue");
        Scenario.Run(yaml).Parent("infra", "r").Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void SomeRulesInvalid_IsAccepted_AndPartiallyInvalid_DroppedRule()
    {
        // §6.5: Accepted=True plus PartiallyInvalid=True; our strategy drops the invalid rules ("Dropped Rule").
        var parent = Scenario.Run(Gateway + Route("{name: gw}", "[]", "infra", "r", "[{backendRefs: [{name: web, port: 8080}]}, {filters: [{type: Bogus}]}]")).Parent("infra", "r");
        parent.Condition("Accepted").Is("True", "Accepted");
        var partially = parent.Condition("PartiallyInvalid");
        partially.Is("True", "UnsupportedValue");
        Assert.StartsWith("Dropped Rule", partially.Message);
        Assert.Contains("1", partially.Message);
    }

    [Fact]
    public void PartiallyInvalid_IsNotWritten_WhenTheRouteIsNotAccepted()
        => Assert.False(Scenario.Run(Gateway + Route("{name: gw, sectionName: nope}", "[]", "infra", "r", "[{}, {filters: [{type: Bogus}]}]"))
            .Parent("infra", "r").Conditions.HasCondition("PartiallyInvalid"));

    [Fact]
    public void RouteWithoutRules_IsAccepted()
        => Scenario.Run(Gateway + Route("{name: gw}", "[]", "infra", "r", "[]")).Parent("infra", "r").Condition("Accepted").Is("True", "Accepted");

    [Fact]
    public void ParentsOfOtherControllers_GetNoEntry_AndTheirEntriesAreKept()
    {
        // §2.1 step 1 and §8: parents we do not manage get nothing; other controllers' entries are never touched.
        var yaml = Gateway + """

            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: theirs, namespace: infra}
            spec:
              gatewayClassName: other-class
              listeners: [{name: http, port: 80, protocol: HTTP}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r, namespace: infra}
            spec:
              parentRefs: [{name: theirs}, {name: gw}, {name: ghost}]
            status:
              parents:
              - parentRef: {name: theirs}
                controllerName: other.io/controller
                conditions: [{type: Accepted, status: "True", reason: Accepted, message: theirs, lastTransitionTime: "2020-01-01T00:00:00Z"}]
            """;
        var status = Scenario.Run(yaml).Route("HTTPRoute", "infra", "r");
        Assert.Equal(["other.io/controller", Scenario.Controller], status.Parents!.Select(p => p.ControllerName));
        Assert.Equal("theirs", status.Parents![0].Conditions![0].Message);
        Assert.Equal("gw", status.Parents[1].ParentRef!.Name);
    }

    [Fact]
    public void MissingGateway_IsReportedOnlyWithTheOption()
    {
        // A1: the spec lets a controller write nothing for a parent that does not exist.
        var yaml = Gateway + Route("{name: ghost}", "[]", "infra", "r", "[]");
        Assert.DoesNotContain(Scenario.Run(yaml).Routes, u => u.Name == "r");
        Scenario.Run(yaml, Scenario.Options() with { ReportMissingGatewayParents = true }).Parent("infra", "r").Condition("Accepted").Is("False", "NoMatchingParent");
    }

    [Fact]
    public void StaleEntriesOfOurs_AreRemoved()
    {
        var yaml = Gateway + """

            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r, namespace: infra}
            spec:
              parentRefs: []
            status:
              parents:
              - parentRef: {name: gw}
                controllerName: example.com/gateway-controller
                conditions: [{type: Accepted, status: "True", reason: Accepted, message: old, lastTransitionTime: "2020-01-01T00:00:00Z"}]
            """;
        var update = Assert.Single(Scenario.Run(yaml).Routes);
        Assert.Empty(update.Status.Parents!);
        Assert.True(update.HasChanges);
    }

    [Fact]
    public void EachParentRef_IsEvaluatedIndependently()
    {
        // §2.1, conformance listenerset-dual-parentref-independence.go: one parentRef may be accepted while another is not.
        var result = Scenario.Run(Gateway + Route("{name: gw, namespace: infra, sectionName: b}, {name: gw, namespace: infra, sectionName: nope}"));
        var parents = result.Parents("app", "r");
        parents[0].Condition("Accepted").Is("True", "Accepted");
        parents[1].Condition("Accepted").Is("False", "NoMatchingParent");
    }

    [Fact]
    public void TwoTcpRoutesOnOneListener_AreBothAccepted_AndCounted()
    {
        // Conformance tcproute-multiple-routes-attachment.go (C11): attachedRoutes 2.
        var yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra}
            spec:
              gatewayClassName: gw-class
              listeners: [{name: tcp, port: 9000, protocol: TCP}, {name: http, port: 80, protocol: HTTP}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: {name: one, namespace: infra}
            spec: {parentRefs: [{name: gw}], rules: [{backendRefs: [{name: svc, port: 9000}]}]}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: {name: two, namespace: infra}
            spec: {parentRefs: [{name: gw}], rules: [{backendRefs: [{name: svc, port: 9000}]}]}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: {name: wrong-listener, namespace: infra}
            spec: {parentRefs: [{name: gw, sectionName: http}], rules: [{backendRefs: [{name: svc, port: 9000}]}]}
            """;
        var result = Scenario.Run(yaml);
        Assert.Equal(2, result.Gateway("infra", "gw").Listener("tcp").AttachedRoutes);
        result.Parent("infra", "one", "TCPRoute").Condition("Accepted").Is("True", "Accepted");
        // Conformance tcproute-invalid-non-tcp-listener.go.
        result.Parent("infra", "wrong-listener", "TCPRoute").Condition("Accepted").Is("False", "NotAllowedByListeners");
    }

    [Fact]
    public void TlsRoute_NeedsAnIntersectingHostname_AndATlsListener()
    {
        // Conformance tlsroute-invalid-no-matching-listener-hostname.go and tlsroute-invalid-no-matching-listener.go.
        var yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra}
            spec:
              gatewayClassName: gw-class
              listeners:
              - {name: tls, port: 443, protocol: TLS, hostname: "*.example.com", tls: {mode: Passthrough}}
              - {name: http, port: 80, protocol: HTTP}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TLSRoute
            metadata: {name: ok, namespace: infra}
            spec: {parentRefs: [{name: gw}], hostnames: [a.example.com], rules: [{backendRefs: [{name: svc, port: 443}]}]}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TLSRoute
            metadata: {name: elsewhere, namespace: infra}
            spec: {parentRefs: [{name: gw}], hostnames: [a.example.org], rules: [{backendRefs: [{name: svc, port: 443}]}]}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TLSRoute
            metadata: {name: on-http, namespace: infra}
            spec: {parentRefs: [{name: gw, sectionName: http}], hostnames: [a.example.com], rules: [{backendRefs: [{name: svc, port: 443}]}]}
            """;
        var result = Scenario.Run(yaml);
        result.Parent("infra", "ok", "TLSRoute").Condition("Accepted").Is("True", "Accepted");
        result.Parent("infra", "elsewhere", "TLSRoute").Condition("Accepted").Is("False", "NoMatchingListenerHostname");
        result.Parent("infra", "on-http", "TLSRoute").Condition("Accepted").Is("False", "NotAllowedByListeners");
    }

    [Fact]
    public void DefaultGateway_ClaimsRoutesThatAskForIt()
    {
        // GEP-3793 §2.7: a defaulted route behaves as if it listed the default Gateway; no defaultScope, no claim.
        var yaml = Gateway.Replace("listeners:", "defaultScope: All\n  listeners:") + """

            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: wants-default, namespace: infra}
            spec: {useDefaultGateways: All}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: no-default, namespace: infra}
            spec: {}
            """;
        var result = Scenario.Run(yaml);
        var parent = result.Parent("infra", "wants-default");
        parent.Condition("Accepted").Is("True", "Accepted");
        Assert.Equal(("Gateway", "infra", "gw"), (parent.ParentRef!.Kind, parent.ParentRef.Namespace, parent.ParentRef.Name));
        Assert.DoesNotContain(result.Routes, u => u.Name == "no-default");
    }
}
