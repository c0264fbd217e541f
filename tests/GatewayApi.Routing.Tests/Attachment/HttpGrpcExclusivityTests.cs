using GatewayApi.Models;
using GatewayApi.Routing.Tests.TestSupport;

namespace GatewayApi.Routing.Tests.Attachment;

/// <summary>
/// An HTTPRoute and a GRPCRoute with intersecting hostnames on one listener: exactly one is accepted there, the older
/// (then the first by {namespace}/{name}); upstream apis/v1/grpcroute_types.go GRPCRouteSpec.Hostnames, GEP-1016,
/// attachment-and-status.md §2.8 and A5.
/// </summary>
public class HttpGrpcExclusivityTests
{
    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: gw-class
          listeners:
          - {name: web, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
          - {name: other, port: 8080, protocol: HTTP, hostname: other.example.com, allowedRoutes: {namespaces: {from: All}}}
        """;

    private static string Route(string kind, string @namespace, string name, string created, string hostnames, string sectionName = "web") => $$"""

        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: {{kind}}
        metadata: {name: {{name}}, namespace: {{@namespace}}, creationTimestamp: "{{created}}"}
        spec:
          parentRefs: [{name: gw, namespace: infra{{(sectionName.Length == 0 ? string.Empty : ", sectionName: " + sectionName)}}}]
          hostnames: {{hostnames}}
          rules: [{}]
        """;

    [Fact]
    public void OlderRoute_KeepsTheListener_TheNewerOneIsAcceptedFalseConflicted()
    {
        var result = Scenario.Run(Gateway
            + Route("HTTPRoute", "a", "web", "2024-02-01T00:00:00Z", "[api.example.com]")
            + Route("GRPCRoute", "b", "rpc", "2024-01-01T00:00:00Z", "[\"*.example.com\"]"));

        result.Parent("b", "rpc", "GRPCRoute").Condition("Accepted").Is("True", "Accepted");
        var loser = result.Parent("a", "web").Condition("Accepted");
        loser.Is("False", "Conflicted");
        Assert.Contains("GRPCRoute b/rpc", loser.Message);
        Assert.Equal(1, result.Gateway("infra", "gw").Listener("web").AttachedRoutes); // the loser is not counted

        // The router never sees the loser on that listener.
        var configuration = RoutingConfigurationFromStatus.Create(result);
        var routes = configuration.Gateways.Single().Listeners.Single(l => l.Name == "web").Routes;
        Assert.Equal(["rpc"], routes.Select(r => r.Route.Metadata.Name));
    }

    [Theory]
    // Same timestamp: {namespace}/{name} decides, whatever the kind.
    [InlineData("a", "z", "b", "a", "GRPCRoute")]
    [InlineData("b", "a", "a", "z", "HTTPRoute")]
    public void EqualAge_FirstByNamespaceAndName_Wins(string httpNamespace, string httpName, string grpcNamespace, string grpcName, string loserKind)
    {
        const string created = "2024-01-01T00:00:00Z";
        var result = Scenario.Run(Gateway
            + Route("HTTPRoute", httpNamespace, httpName, created, "[api.example.com]")
            + Route("GRPCRoute", grpcNamespace, grpcName, created, "[api.example.com]"));
        var (loserNamespace, loserName, winnerNamespace, winnerName, winnerKind) = loserKind == "HTTPRoute"
            ? (httpNamespace, httpName, grpcNamespace, grpcName, "GRPCRoute")
            : (grpcNamespace, grpcName, httpNamespace, httpName, "HTTPRoute");
        result.Parent(loserNamespace, loserName, loserKind).Condition("Accepted").Is("False", "Conflicted");
        result.Parent(winnerNamespace, winnerName, winnerKind).Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void DisjointHostnames_BothAccepted()
    {
        var result = Scenario.Run(Gateway
            + Route("HTTPRoute", "a", "web", "2024-02-01T00:00:00Z", "[www.example.com]")
            + Route("GRPCRoute", "b", "rpc", "2024-01-01T00:00:00Z", "[rpc.example.com]"));
        result.Parent("a", "web").Condition("Accepted").Is("True", "Accepted");
        result.Parent("b", "rpc", "GRPCRoute").Condition("Accepted").Is("True", "Accepted");
        Assert.Equal(2, result.Gateway("infra", "gw").Listener("web").AttachedRoutes);
    }

    [Fact]
    public void RouteWithoutHostnames_OverlapsEverythingOnTheListener()
    {
        var result = Scenario.Run(Gateway
            + Route("HTTPRoute", "a", "web", "2024-01-01T00:00:00Z", "[]")
            + Route("GRPCRoute", "b", "rpc", "2024-02-01T00:00:00Z", "[rpc.example.com]"));
        result.Parent("b", "rpc", "GRPCRoute").Condition("Accepted").Is("False", "Conflicted");
    }

    [Fact]
    public void LosingOneListener_KeepsTheParentAccepted_OnTheOthers()
    {
        // The GRPCRoute's parentRef reaches both listeners; it loses only where the older HTTPRoute serves its hostname.
        var result = Scenario.Run(Gateway
            + Route("HTTPRoute", "a", "web", "2024-01-01T00:00:00Z", "[\"*.example.com\"]")
            + Route("GRPCRoute", "b", "rpc", "2024-02-01T00:00:00Z", "[other.example.com]", sectionName: ""));
        var gateway = result.Gateway("infra", "gw");
        result.Parent("b", "rpc", "GRPCRoute").Condition("Accepted").Is("True", "Accepted");
        Assert.Equal(1, gateway.Listener("web").AttachedRoutes);   // only the HTTPRoute
        Assert.Equal(1, gateway.Listener("other").AttachedRoutes); // the GRPCRoute
        Assert.Contains("takes precedence", result.ExplainListener("GRPCRoute", "b", "rpc", "infra", "gw", "web"));
    }

    [Fact]
    public void Decisions_ChainInPrecedenceOrder_ALoserTakesNothingFromLaterRoutes()
    {
        // http-old wins over grpc (shared api.example.com); grpc lost, so it does not push out http-new (shared
        // rpc.example.com only with grpc). Deterministic whatever the object order.
        var yaml = Gateway
            + Route("HTTPRoute", "a", "http-old", "2024-01-01T00:00:00Z", "[api.example.com]")
            + Route("GRPCRoute", "a", "grpc", "2024-02-01T00:00:00Z", "[api.example.com, rpc.example.com]")
            + Route("HTTPRoute", "a", "http-new", "2024-03-01T00:00:00Z", "[rpc.example.com]");
        var result = Scenario.Run(yaml);
        result.Parent("a", "http-old").Condition("Accepted").Is("True", "Accepted");
        result.Parent("a", "grpc", "GRPCRoute").Condition("Accepted").Is("False", "Conflicted");
        result.Parent("a", "http-new").Condition("Accepted").Is("True", "Accepted");

        var reversed = Scenario.Snapshot(yaml);
        var shuffled = GatewayApiStatusEngine.Compute(
            GatewayApi.Routing.Snapshots.ResourceSnapshot.Create(Scenario.AllObjects(reversed).Reverse()), Scenario.Options());
        Assert.Equal(
            result.Routes.Select(r => GatewayApi.Models.Serialization.GatewayApiJson.Serialize(r.Status)),
            shuffled.Routes.Select(r => GatewayApi.Models.Serialization.GatewayApiJson.Serialize(r.Status)));
    }

    [Fact]
    public void Option_Off_AcceptsBoth_TheReferencePagesMay()
    {
        var result = Scenario.Run(
            Gateway + Route("HTTPRoute", "a", "web", "2024-02-01T00:00:00Z", "[api.example.com]") + Route("GRPCRoute", "b", "rpc", "2024-01-01T00:00:00Z", "[api.example.com]"),
            Scenario.Options() with { RejectOverlappingHttpAndGrpcRoutes = false });
        result.Parent("a", "web").Condition("Accepted").Is("True", "Accepted");
        result.Parent("b", "rpc", "GRPCRoute").Condition("Accepted").Is("True", "Accepted");
    }

    [Fact]
    public void RoutesOfOneKind_NeverConflict()
    {
        var result = Scenario.Run(Gateway
            + Route("HTTPRoute", "a", "one", "2024-01-01T00:00:00Z", "[api.example.com]")
            + Route("HTTPRoute", "a", "two", "2024-02-01T00:00:00Z", "[api.example.com]"));
        result.Parent("a", "one").Condition("Accepted").Is("True", "Accepted");
        result.Parent("a", "two").Condition("Accepted").Is("True", "Accepted");
    }
}
