using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Explanation;

/// <summary>Why a route is (not) attached to a listener, in sentences.</summary>
public class AttachmentExplainerTests
{
    private const string Yaml = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: gw-class
          listeners:
          - {name: same-only, port: 80, protocol: HTTP}
          - {name: prod-only, port: 80, protocol: HTTP, hostname: shop.example.com, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {env: prod}}}}}
          - {name: wildcard, port: 80, protocol: HTTP, hostname: "*.example.org", allowedRoutes: {namespaces: {from: All}}}
          - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: All}}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: app}
        spec:
          parentRefs: [{name: gw, namespace: infra}]
          hostnames: [example.org]
        """;

    [Fact]
    public void EveryListenerGetsASentenceSayingWhy()
    {
        var explanation = Scenario.Run(Yaml).ExplainRoute("HTTPRoute", "app", "web")!;
        var parent = Assert.Single(explanation.Parents);
        Assert.False(parent.Accepted);
        Assert.Equal("NoMatchingListenerHostname", parent.Reason);
        var sentences = parent.Listeners.ToDictionary(l => l.Listener, l => l.Sentence);
        Assert.Contains("only from its own namespace 'infra'", sentences["same-only"]);
        Assert.Contains("'app' does not", sentences["prod-only"]);
        Assert.Contains("env=prod", sentences["prod-only"]);
        Assert.Contains("hostname '*.example.org'", sentences["wildcard"]);
        Assert.Contains("accepts only TLSRoute", sentences["tls"]);
        Assert.Contains("HTTPRoute app/web", explanation.ToString());
    }

    [Fact]
    public void ExplainListener_AnswersForOneListener_AndForParentsTheRouteDoesNotName()
    {
        var result = Scenario.Run(Yaml.Replace("hostnames: [example.org]", "hostnames: [a.example.org]"));
        Assert.StartsWith("Attached to listener 'wildcard'", result.ExplainListener("HTTPRoute", "app", "web", "infra", "gw", "wildcard"));
        Assert.Contains("does not name other/gw", result.ExplainListener("HTTPRoute", "app", "web", "other", "gw", "x"));
        Assert.Contains("names no Gateway", result.ExplainListener("HTTPRoute", "app", "nope", "infra", "gw", "x"));
    }
}
