using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Attachment;

/// <summary>
/// ListenerSet attachment, merge order and conflicts: attachment-and-status.md §3.3, §4, §5.3, §6.4 (upstream
/// apis/v1/listenerset_types.go, GEP-1713; conformance listenerset-*.go).
/// </summary>
public class ListenerSetTests
{
    private static string Gateway(string allowed) => $$$"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: gw-class
          {{{allowed}}}
          listeners:
          - {name: h, port: 80, protocol: HTTP, hostname: a.com}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: team, labels: {shared-gateway: "yes"}}
        """;

    private static string Set(string name, string @namespace, string listeners, string created = "2024-01-01T00:00:00Z") => $$"""

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: ListenerSet
        metadata: {name: {{name}}, namespace: {{@namespace}}, creationTimestamp: "{{created}}"}
        spec:
          parentRef: {name: gw, namespace: infra}
          listeners: {{listeners}}
        """;

    private const string OneListener = "[{name: extra, port: 80, protocol: HTTP, hostname: b.com}]";

    [Theory]
    // Conformance listenerset-default-not-allowed.go, -allowed-namespace-none.go, -same.go, -selector.go.
    [InlineData("", "infra", false)]
    [InlineData("allowedListeners: {namespaces: {from: None}}", "infra", false)]
    [InlineData("allowedListeners: {namespaces: {from: Same}}", "infra", true)]
    [InlineData("allowedListeners: {namespaces: {from: Same}}", "team", false)]
    [InlineData("allowedListeners: {namespaces: {from: All}}", "team", true)]
    [InlineData("allowedListeners: {namespaces: {from: Selector, selector: {matchLabels: {shared-gateway: \"yes\"}}}}", "team", true)]
    [InlineData("allowedListeners: {namespaces: {from: Selector, selector: {matchLabels: {shared-gateway: \"yes\"}}}}", "infra", false)]
    public void AllowedListeners_DecidesWhichListenerSetsAttach(string allowed, string setNamespace, bool attached)
    {
        var result = Scenario.Run(Gateway(allowed) + Set("ls", setNamespace, OneListener));
        var set = result.ListenerSet(setNamespace, "ls");
        if (attached)
        {
            set.Conditions.Condition("Accepted").Is("True", "Accepted");
            set.Conditions.Condition("Programmed").Is("True", "Programmed");
            Assert.Equal(1, result.Gateway("infra", "gw").AttachedListenerSets);
        }
        else
        {
            set.Conditions.Condition("Accepted").Is("False", "NotAllowed");
            set.Conditions.Condition("Programmed").Is("False", "NotAllowed");
            Assert.Equal(0, result.Gateway("infra", "gw").AttachedListenerSets);
        }
    }

    [Fact]
    public void WorkedExample5_MergedListeners_FirstInPrecedenceWins()
    {
        // §9 example 5 and conformance listenerset-hostname-conflict.go / listenerset-protocol-conflict.go.
        var yaml = Gateway("allowedListeners: {namespaces: {from: Same}}")
            + Set("ls1", "infra", "[{name: h2, port: 80, protocol: HTTP, hostname: a.com}, {name: ok, port: 80, protocol: HTTP, hostname: b.com}]", "2024-01-01T00:00:00Z")
            + Set("ls2", "infra", "[{name: t, port: 80, protocol: TCP}]", "2024-02-01T00:00:00Z");
        var result = Scenario.Run(yaml);
        var gateway = result.Gateway("infra", "gw");
        gateway.Listener("h").Condition("Conflicted").Is("False", "NoConflicts"); // the Gateway's listener wins
        gateway.Conditions.Condition("Accepted").Is("True", "Accepted");

        var ls1 = result.ListenerSet("infra", "ls1");
        var h2 = ls1.Listener("h2");
        h2.Condition("Conflicted").Is("True", "HostnameConflict");
        h2.Condition("Accepted").Is("False", "HostnameConflict");
        h2.Condition("Programmed").Is("False", "HostnameConflict");
        ls1.Listener("ok").Condition("Accepted").Is("True", "Accepted");
        ls1.Conditions.Condition("Accepted").Is("True", "ListenersNotValid");

        var ls2 = result.ListenerSet("infra", "ls2");
        ls2.Listener("t").Condition("Conflicted").Is("True", "ProtocolConflict");
        ls2.Conditions.Condition("Accepted").Is("False", "ListenersNotValid");
        ls2.Conditions.Condition("Programmed").Is("False", "ListenersNotValid");
        Assert.Equal(1, gateway.AttachedListenerSets);
        // The Gateway's status lists only its own listeners (§4).
        Assert.Equal(["h"], gateway.Listeners!.Select(l => l.Name));
    }

    [Fact]
    public void OlderListenerSet_WinsOverYounger_RegardlessOfName()
    {
        var yaml = Gateway("allowedListeners: {namespaces: {from: Same}}")
            + Set("a-young", "infra", "[{name: x, port: 80, protocol: HTTP, hostname: c.com}]", "2024-03-01T00:00:00Z")
            + Set("z-old", "infra", "[{name: x, port: 80, protocol: HTTP, hostname: c.com}]", "2024-01-01T00:00:00Z");
        var result = Scenario.Run(yaml);
        result.ListenerSet("infra", "z-old").Listener("x").Condition("Conflicted").Is("False", "NoConflicts");
        result.ListenerSet("infra", "a-young").Listener("x").Condition("Conflicted").Is("True", "HostnameConflict");
    }

    [Fact]
    public void ListenerConflictReason_IsUsedOnlyWithTheOption()
    {
        // A8: the documented ListenerConflict reason versus conformance's HostnameConflict.
        var yaml = Gateway("allowedListeners: {namespaces: {from: Same}}") + Set("ls", "infra", "[{name: h, port: 80, protocol: HTTP, hostname: a.com}]");
        Scenario.Run(yaml, Scenario.Options() with { UseListenerConflictReason = true }).ListenerSet("infra", "ls").Listener("h").Condition("Conflicted").Is("True", "ListenerConflict");
    }

    [Fact]
    public void ParentGatewayNotAccepted_IsParentNotAccepted()
    {
        var yaml = Gateway("allowedListeners: {namespaces: {from: Same}}").Replace("protocol: HTTP, hostname: a.com", "protocol: example.com/nope") + Set("ls", "infra", OneListener);
        var set = Scenario.Run(yaml).ListenerSet("infra", "ls");
        set.Conditions.Condition("Accepted").Is("False", "ParentNotAccepted");
        set.Conditions.Condition("Programmed").Is("False", "ParentNotProgrammed");
    }

    [Fact]
    public void NotAllowed_WinsOverParentNotAccepted()
    {
        // §7 leaves NotAllowed vs ParentNotAccepted open; ours: a ListenerSet the Gateway does not admit is NotAllowed first.
        var yaml = Gateway(string.Empty).Replace("protocol: HTTP, hostname: a.com", "protocol: example.com/nope") + Set("ls", "infra", OneListener);
        Scenario.Run(yaml).ListenerSet("infra", "ls").Conditions.Condition("Accepted").Is("False", "NotAllowed");
    }

    [Fact]
    public void ListenerSetCertificate_NeedsItsOwnGrant()
    {
        // §5.3 and conformance listenerset-reference-grant.go: a grant for the Gateway does not cover its ListenerSets.
        var listeners = "[{name: https, port: 443, protocol: HTTPS, hostname: b.com, tls: {certificateRefs: [{name: cert, namespace: certs}]}}]";
        string Grant(string kind) => $$"""

            ---
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata: {name: g, namespace: certs}
            spec:
              from: [{group: gateway.networking.k8s.io, kind: {{kind}}, namespace: infra}]
              to: [{group: "", kind: Secret}]
            """;
        var secret = new[] { Scenario.TlsSecret("certs", "cert", "b.com") };
        var denied = Scenario.Run(Gateway("allowedListeners: {namespaces: {from: Same}}") + Set("ls", "infra", listeners) + Grant("Gateway"), extra: secret).ListenerSet("infra", "ls");
        denied.Listener("https").Condition("ResolvedRefs").Is("False", "RefNotPermitted");
        denied.Listener("https").Condition("Accepted").Is("True", "Accepted"); // the listener itself is still accepted ...
        denied.Conditions.Condition("Accepted").Is("False", "ListenersNotValid"); // ... but as the set's only listener it serves nothing
        denied.Conditions.Condition("Programmed").Is("False", "ListenersNotValid");

        var allowed = Scenario.Run(Gateway("allowedListeners: {namespaces: {from: Same}}") + Set("ls", "infra", listeners) + Grant("ListenerSet"), extra: secret).ListenerSet("infra", "ls");
        allowed.Listener("https").Condition("ResolvedRefs").Is("True", "ResolvedRefs");
        allowed.Conditions.Condition("Accepted").Is("True", "Accepted");

        // With a second, valid listener the set stays accepted and names the invalid one.
        var twoListeners = "[{name: https, port: 443, protocol: HTTPS, hostname: b.com, tls: {certificateRefs: [{name: cert, namespace: certs}]}}, {name: plain, port: 8080, protocol: HTTP}]";
        var mixed = Scenario.Run(Gateway("allowedListeners: {namespaces: {from: Same}}") + Set("ls", "infra", twoListeners) + Grant("Gateway"), extra: secret).ListenerSet("infra", "ls");
        mixed.Conditions.Condition("Accepted").Is("True", "ListenersNotValid");
        mixed.Conditions.Condition("Programmed").Is("True", "Programmed");
    }

    [Fact]
    public void ListenerSetListenersCount_UnderTheLimit_OthersAreTooManyListeners()
    {
        var options = Scenario.Options() with { MaxListenersPerGateway = 2 };
        var set = Scenario.Run(Gateway("allowedListeners: {namespaces: {from: Same}}") + Set("ls", "infra", "[{name: x, port: 80, protocol: HTTP, hostname: x.com}, {name: y, port: 80, protocol: HTTP, hostname: y.com}]"), options)
            .ListenerSet("infra", "ls");
        set.Listener("x").Condition("Accepted").Is("True", "Accepted");
        set.Listener("y").Condition("Accepted").Is("False", "TooManyListeners");
    }

    private const string Routes = """

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: to-set, namespace: infra}
        spec:
          parentRefs: [{kind: ListenerSet, name: ls}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: gateway-section, namespace: infra}
        spec:
          parentRefs: [{name: gw, sectionName: extra}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: both, namespace: infra}
        spec:
          parentRefs: [{name: gw}, {kind: ListenerSet, name: ls, sectionName: extra}]
        """;

    [Fact]
    public void RoutesOnAListenerSet_CountOnItsListeners_AndOnlyDeclaredParentsGetEntries()
    {
        var result = Scenario.Run(Gateway("allowedListeners: {namespaces: {from: Same}}") + Set("ls", "infra", OneListener) + Routes);
        result.Parent("infra", "to-set").Condition("Accepted").Is("True", "Accepted");
        Assert.Equal(2, result.ListenerSet("infra", "ls").Listener("extra").AttachedRoutes);
        Assert.Equal(1, result.Gateway("infra", "gw").Listener("h").AttachedRoutes);
        // Conformance listenerset-gateway-parent-section-name-not-found.go: a Gateway parentRef cannot reach a ListenerSet listener.
        result.Parent("infra", "gateway-section").Condition("Accepted").Is("False", "NoMatchingParent");
        // Conformance listenerset-route-status-scoped-to-parentref.go: one entry per declared parentRef.
        Assert.Equal(["Gateway", "ListenerSet"], result.Parents("infra", "both").Select(p => p.ParentRef!.Kind));
    }

    [Fact]
    public void RouteToANotAllowedListenerSet_IsNoMatchingParent()
        => Scenario.Run(Gateway(string.Empty) + Set("ls", "infra", OneListener) + Routes).Parent("infra", "to-set").Condition("Accepted").Is("False", "NoMatchingParent");

    [Fact]
    public void ListenerSetListener_SameNamespaceMeansTheListenerSetsNamespace()
    {
        // §2.4, conformance listenerset-allowed-routes-namespaces.go.
        var yaml = Gateway("allowedListeners: {namespaces: {from: All}}") + Set("ls", "team", OneListener) + """

            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: from-team, namespace: team}
            spec: {parentRefs: [{kind: ListenerSet, name: ls}]}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: from-infra, namespace: infra}
            spec: {parentRefs: [{kind: ListenerSet, name: ls, namespace: team}]}
            """;
        var result = Scenario.Run(yaml);
        result.Parent("team", "from-team").Condition("Accepted").Is("True", "Accepted");
        result.Parent("infra", "from-infra").Condition("Accepted").Is("False", "NotAllowedByListeners");
    }

    [Fact]
    public void WithoutTheListenerSetFeature_ListenerSetsAreIgnored()
    {
        var result = Scenario.Run(Gateway("allowedListeners: {namespaces: {from: Same}}") + Set("ls", "infra", OneListener), Scenario.Without(GatewayApiFeatures.ListenerSet));
        Assert.Empty(result.ListenerSets);
        Assert.Null(result.Gateway("infra", "gw").AttachedListenerSets);
    }

    private const string HttpsGateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: gw-class
          allowedListeners: {namespaces: {from: Same}}
          listeners:
          - {name: wild, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: {certificateRefs: [{name: net}]}}
        """;

    [Fact]
    public void OverlappingTlsConfig_IsDetectedAcrossTheMergedListenerSet()
    {
        // §3.4 applies to the merged list (§3.3): a ListenerSet HTTPS listener whose hostname overlaps the Gateway's on
        // the same port gets OverlappingTLSConfig, and so does the Gateway's; distinct ports or hostnames do not.
        var secrets = new[] { Scenario.TlsSecret("infra", "net", "a.example.net"), Scenario.TlsSecret("infra", "other", "b.example.org"), Scenario.TlsSecret("infra", "foo", "foo.example.com") };
        var yaml = HttpsGateway + Set("ls", "infra",
            "[{name: foo, port: 443, protocol: HTTPS, hostname: foo.example.com, tls: {certificateRefs: [{name: foo}]}}, "
            + "{name: org, port: 443, protocol: HTTPS, hostname: foo.example.org, tls: {certificateRefs: [{name: other}]}}, "
            + "{name: alt, port: 8443, protocol: HTTPS, hostname: bar.example.com, tls: {certificateRefs: [{name: other}]}}]");
        var result = Scenario.Run(yaml, extra: secrets);
        var set = result.ListenerSet("infra", "ls");
        var foo = set.Listener("foo").Condition("OverlappingTLSConfig");
        foo.Is("True", "OverlappingHostnames");
        Assert.DoesNotContain("wild", foo.Message); // §3.3: messages never reveal the parent's listeners
        result.Gateway("infra", "gw").Listener("wild").Condition("OverlappingTLSConfig").Is("True", "OverlappingHostnames");
        Assert.False(set.Listener("org").Conditions.HasCondition("OverlappingTLSConfig"));
        Assert.False(set.Listener("alt").Conditions.HasCondition("OverlappingTLSConfig"));
        set.Listener("foo").Condition("Accepted").Is("True", "Accepted"); // a warning, not a rejection
    }

    [Fact]
    public void OverlappingCertificates_AcrossGatewayAndListenerSet_ArePreferred()
    {
        var secrets = new[] { Scenario.TlsSecret("infra", "net", "*.example.net"), Scenario.TlsSecret("infra", "other", "shop.example.net") };
        var yaml = HttpsGateway + Set("ls", "infra", "[{name: org, port: 443, protocol: HTTPS, hostname: foo.example.org, tls: {certificateRefs: [{name: other}]}}]");
        var result = Scenario.Run(yaml, extra: secrets);
        result.ListenerSet("infra", "ls").Listener("org").Condition("OverlappingTLSConfig").Is("True", "OverlappingCertificates");
        result.Gateway("infra", "gw").Listener("wild").Condition("OverlappingTLSConfig").Is("True", "OverlappingCertificates");
    }

    [Fact]
    public void OverlappingTlsConfig_IsRemovedFromAnEntry_WhenTheOverlapIsGone()
    {
        // The condition is one of ours on ListenerSet entries: a stale one is removed, never written False.
        var secrets = new[] { Scenario.TlsSecret("infra", "net", "a.example.net"), Scenario.TlsSecret("infra", "other", "b.example.org") };
        var yaml = HttpsGateway + Set("ls", "infra", "[{name: org, port: 443, protocol: HTTPS, hostname: foo.example.org, tls: {certificateRefs: [{name: other}]}}]")
            + """

                status:
                  listeners:
                  - name: org
                    attachedRoutes: 0
                    supportedKinds: []
                    conditions:
                    - {type: OverlappingTLSConfig, status: "True", reason: OverlappingHostnames, message: old, lastTransitionTime: "2024-01-01T00:00:00Z"}
                """;
        var result = Scenario.Run(yaml, extra: secrets);
        Assert.False(result.ListenerSet("infra", "ls").Listener("org").Conditions.HasCondition("OverlappingTLSConfig"));
    }
}
