using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>The status engine's attachment result feeds the router: only accepted state is routed.</summary>
public class StatusHandOverTests
{
    private const string Manifests = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra, generation: 1}
        spec:
          gatewayClassName: gw-class
          listeners:
          - name: http
            port: 80
            protocol: HTTP
            hostname: "*.example.com"
            allowedRoutes: {namespaces: {from: All}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: apps}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: other}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: apps}
        spec: {ports: [{port: 8080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: secret, namespace: other}
        spec: {ports: [{port: 8080}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: shop, namespace: apps, creationTimestamp: "2024-01-01T00:00:00Z"}
        spec:
          parentRefs: [{name: gw, namespace: infra}]
          hostnames: ["shop.example.com", "shop.example.net"]
          rules:
          - matches: [{path: {type: PathPrefix, value: /cart}}]
            backendRefs:
            - {name: web, port: 8080, weight: 1}
            - {name: secret, namespace: other, port: 8080, weight: 1}
          - matches: [{path: {type: PathPrefix, value: /}}]
            backendRefs: [{name: web, port: 8080}]
        """;

    [Fact]
    public void AcceptedRoutes_AreRouted_WithIntersectedHostnames_AndUnpermittedBackendsAnswer500()
    {
        var status = Scenario.Run(Manifests);
        var configuration = RoutingConfigurationFromStatus.Create(status);
        var listener = configuration.Gateways.Single().Listeners.Single();
        var route = listener.Routes.Single();
        Assert.Equal(["shop.example.com"], route.Hostnames!);
        Assert.Contains(route.UnusableReferences, u => u is { RuleIndex: 0, BackendRefIndex: 1, FilterIndex: null } && u.Reason.Value == "RefNotPermitted");

        var router = Router.Compile(configuration);
        var random = new Random(7);
        var decisions = Enumerable.Range(0, 400).Select(_ => router.RouteHttp(RouteFixtures.Request("shop.example.com", "/cart/1"), random)).ToList();

        // No ReferenceGrant lets apps reach other/secret: its half of the traffic is answered 500, never forwarded.
        Assert.DoesNotContain(decisions, d => d.Action == HttpAction.Forward && d.Backend!.Name == "secret");
        Assert.InRange(decisions.Count(d => d.StatusCode == 500), 140, 260);
        Assert.Equal(RoutingResult.NoListenerForHostname, router.MatchHttp(RouteFixtures.Request("shop.example.net", "/")).Result);
        Assert.Equal("web", router.RouteHttp(RouteFixtures.Request("shop.example.com", "/")).Backend!.Name);
    }
}
