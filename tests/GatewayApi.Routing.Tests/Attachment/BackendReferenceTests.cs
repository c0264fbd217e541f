using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Attachment;

/// <summary>
/// The route's ResolvedRefs condition: attachment-and-status.md §5 and §6.5, §7 (upstream apis/v1/shared_types.go
/// RouteReasonRefNotPermitted/InvalidKind/BackendNotFound/UnsupportedProtocol; conformance httproute-invalid-*.go).
/// </summary>
public class BackendReferenceTests
{
    private const string World = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: gw-class
          listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}, {name: udp, port: 53, protocol: UDP, allowedRoutes: {namespaces: {from: All}}}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: infra}
        spec: {ports: [{port: 8080}, {port: 8081, appProtocol: kubernetes.io/h2c}, {port: 53, protocol: UDP}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-backend, namespace: web}
        spec: {ports: [{port: 8080}]}
        """;

    private static StatusResult Run(string backendRefs, string extra = "", StatusEngineOptions? options = null) => Scenario.Run(World + extra + $$"""

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: infra}
        spec:
          parentRefs: [{name: gw, sectionName: http}]
          rules: [{backendRefs: {{backendRefs}}}]
        """, options);

    [Theory]
    [InlineData("[{name: missing, port: 8080}]", "BackendNotFound")]                   // httproute-invalid-nonexistent-backendref.go
    [InlineData("[{name: web, port: 9999}]", "BackendNotFound")]                       // no such Service port (our choice)
    [InlineData("[{group: unknown.io, kind: Thing, name: web, port: 8080}]", "InvalidKind")] // httproute-invalid-backendref-unknown-kind.go
    [InlineData("[{name: web-backend, namespace: web, port: 8080}]", "RefNotPermitted")] // httproute-invalid-cross-namespace-backend-ref.go
    [InlineData("[{name: web, port: 8081}]", "UnsupportedProtocol")]                   // appProtocol h2c without HTTPRouteBackendProtocolH2C
    [InlineData("[{name: web, port: 53}]", "UnsupportedProtocol")]                     // a UDP port cannot carry HTTP
    public void BadBackendRef_IsResolvedRefsFalse_WhileTheRouteStaysAccepted(string backendRefs, string reason)
    {
        var options = Scenario.Without(GatewayApiFeatures.HttpRouteBackendProtocolH2C);
        var parent = Run(backendRefs, options: options).Parent("infra", "r");
        var resolved = parent.Condition("ResolvedRefs");
        resolved.Is("False", reason);
        Assert.Contains("rules[0].backendRefs[0]", resolved.Message); // the message says which ref is wrong
        parent.Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void H2cBackend_Resolves_WhenSupported()
        => Run("[{name: web, port: 8081}]").Parent("infra", "r").Condition("ResolvedRefs").Is("True", "ResolvedRefs");

    [Fact]
    public void CrossNamespaceMissingBackendWithoutGrant_IsRefNotPermitted_NotBackendNotFound()
    {
        // §7 / §5.4: existence must not leak.
        var resolved = Run("[{name: nothing-here, namespace: web, port: 8080}]").Parent("infra", "r").Condition("ResolvedRefs");
        resolved.Is("False", "RefNotPermitted");
        Assert.DoesNotContain("does not exist", resolved.Message);
    }

    private const string GrantInWeb = """

        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: allow-infra, namespace: web}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]
          to: [{group: "", kind: Service}]
        """;

    [Fact]
    public void GrantInTheTargetNamespace_PermitsTheReference()
    {
        // Worked example 4 of §9 and conformance httproute-reference-grant.go.
        Run("[{name: web-backend, namespace: web, port: 8080}]", GrantInWeb).Parent("infra", "r").Condition("ResolvedRefs").Is("True", "ResolvedRefs");
        Run("[{name: web-backend, namespace: web, port: 8080}]", GrantInWeb.Replace("namespace: web", "namespace: infra")).Parent("infra", "r").Condition("ResolvedRefs").Is("False", "RefNotPermitted");
    }

    [Fact]
    public void SeveralBadRefs_ReasonFollowsTheDocumentedPriority()
    {
        // A9: RefNotPermitted > InvalidKind > BackendNotFound > UnsupportedProtocol, whatever the order in the spec.
        var resolved = Run("[{name: missing, port: 8080}, {group: x.io, kind: Y, name: z, port: 1}, {name: web-backend, namespace: web, port: 8080}]").Parent("infra", "r").Condition("ResolvedRefs");
        resolved.Is("False", "RefNotPermitted");
        Assert.Contains("rules[0].backendRefs[0]", resolved.Message);
        Assert.Contains("rules[0].backendRefs[1]", resolved.Message);
        Run("[{name: missing, port: 8080}, {group: x.io, kind: Y, name: z, port: 1}]").Parent("infra", "r").Condition("ResolvedRefs").Is("False", "InvalidKind");
    }

    [Fact]
    public void MirrorAndExtensionRefs_AreResolvedToo()
    {
        var result = Scenario.Run(World + """

            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r, namespace: infra}
            spec:
              parentRefs: [{name: gw, sectionName: http}]
              rules:
              - backendRefs: [{name: web, port: 8080}]
                filters:
                - {type: RequestMirror, requestMirror: {backendRef: {name: missing, port: 8080}}}
                - {type: ExtensionRef, extensionRef: {group: acme.io, kind: Fancy, name: f}}
            """);
        var resolved = result.Parent("infra", "r").Condition("ResolvedRefs");
        resolved.Is("False", "InvalidKind"); // the ExtensionRef kind is not supported; the mirror is missing
        Assert.Contains("requestMirror.backendRef", resolved.Message);
        Assert.Contains("extensionRef", resolved.Message);
    }

    [Fact]
    public void UdpRoute_NeedsAUdpServicePort()
    {
        var yaml = World + """

            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: UDPRoute
            metadata: {name: dns, namespace: infra}
            spec: {parentRefs: [{name: gw, sectionName: udp}], rules: [{backendRefs: [{name: web, port: 53}]}]}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: UDPRoute
            metadata: {name: wrong, namespace: infra}
            spec: {parentRefs: [{name: gw, sectionName: udp}], rules: [{backendRefs: [{name: web, port: 8080}]}]}
            """;
        var result = Scenario.Run(yaml);
        result.Parent("infra", "dns", "UDPRoute").Condition("ResolvedRefs").Is("True", "ResolvedRefs");
        result.Parent("infra", "wrong", "UDPRoute").Condition("ResolvedRefs").Is("False", "UnsupportedProtocol");
    }

    [Fact]
    public void OtherBackendKinds_ResolveWhenListed_AndPresent()
    {
        var options = Scenario.Options() with { BackendKinds = [GroupKind.Service, new GroupKind("acme.io", "Pool")] };
        var pool = "\n---\napiVersion: acme.io/v1\nkind: Pool\nmetadata: {name: p, namespace: infra}\n";
        Run("[{group: acme.io, kind: Pool, name: p}]", pool, options).Parent("infra", "r").Condition("ResolvedRefs").Is("True", "ResolvedRefs");
        Run("[{group: acme.io, kind: Pool, name: q}]", pool, options).Parent("infra", "r").Condition("ResolvedRefs").Is("False", "BackendNotFound");
    }

    [Theory]
    // Backend-level filters are checked like rule-level ones (§4.0, §4.7): unsupported kind, missing object, resolved.
    [InlineData("acme.io", "Fancy", "f", "False", "InvalidKind")]
    [InlineData("example.com", "RateLimit", "missing", "False", "BackendNotFound")]
    [InlineData("example.com", "RateLimit", "tight", "True", "ResolvedRefs")]
    public void BackendLevelExtensionRef_IsResolved(string group, string kind, string name, string status, string reason)
    {
        var options = Scenario.Options() with { ExtensionRefKinds = [new GroupKind("example.com", "RateLimit")] };
        var result = Scenario.Run(World + $$$"""

            ---
            apiVersion: example.com/v1
            kind: RateLimit
            metadata: {name: tight, namespace: infra}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r, namespace: infra}
            spec:
              parentRefs: [{name: gw, sectionName: http}]
              rules:
              - backendRefs:
                - name: web
                  port: 8080
                  filters: [{type: ExtensionRef, extensionRef: {group: {{{group}}}, kind: {{{kind}}}, name: {{{name}}}}}]
            """, options);
        var resolved = result.Parent("infra", "r").Condition("ResolvedRefs");
        resolved.Is(status, reason);
        if (status == "False")
        {
            Assert.Contains("rules[0].backendRefs[0].filters[0].extensionRef", resolved.Message);
        }

        // The hand-over locates it as that backendRef's filter, so the router answers 500 through it (R9).
        var route = RoutingConfigurationFromStatus.Create(result).Gateways.Single().Listeners.Single(l => l.Name == "http").Routes.Single();
        if (status == "False")
        {
            var unusable = Assert.Single(route.UnusableReferences);
            Assert.Equal((0, 0, 0, reason), (unusable.RuleIndex, unusable.BackendRefIndex, unusable.FilterIndex, unusable.Reason.Value));
            Assert.Equal(500, Router.Compile(RoutingConfigurationFromStatus.Create(result)).RouteHttp(Routing.RouteFixtures.Request("h", "/")).StatusCode);
        }
        else
        {
            Assert.Empty(route.UnusableReferences);
        }
    }

    [Fact]
    public void GrpcRoute_BackendLevelExtensionRef_IsResolvedToo()
    {
        var result = Scenario.Run(World + """

            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata: {name: g, namespace: infra}
            spec:
              parentRefs: [{name: gw, sectionName: http}]
              rules:
              - backendRefs:
                - name: web
                  port: 8080
                  filters: [{type: ExtensionRef, extensionRef: {group: acme.io, kind: Fancy, name: f}}]
            """);
        var resolved = result.Parent("infra", "g", "GRPCRoute").Condition("ResolvedRefs");
        resolved.Is("False", "InvalidKind");
        Assert.Contains("rules[0].backendRefs[0].filters[0].extensionRef", resolved.Message);
    }
}
