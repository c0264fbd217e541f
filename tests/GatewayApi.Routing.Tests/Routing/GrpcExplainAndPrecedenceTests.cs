using FsCheck;
using FsCheck.Fluent;
using GatewayApi.Models;
using k8s.Models;
using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>The gRPC explain API and exported GRPCRoute precedence (routing-semantics.md §3.2), like the HTTP ones.</summary>
public class GrpcExplainAndPrecedenceTests
{
    private static GrpcRoute GrpcRoute(string name, DateTime created, string[]? hostnames = null, params GrpcRouteRule[] rules) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", CreationTimestamp = created },
        Spec = new GrpcRouteSpec { Hostnames = hostnames, Rules = [.. rules] },
    };

    private static GrpcRouteRule GrpcRule(string? service, string? method, params (string Name, string Value)[] headers) => new()
    {
        Matches =
        [
            new GrpcRouteMatch
            {
                Method = service is null && method is null ? null : new GrpcMethodMatch { Service = service, Method = method },
                Headers = headers.Length == 0 ? null : [.. headers.Select(h => new GrpcHeaderMatch { Name = h.Name, Value = h.Value })],
            },
        ],
        BackendRefs = [new GrpcBackendRef { Name = "svc", Port = 9000 }],
    };

    private static RoutingConfiguration Configuration() => OneListener(
        GrpcRoute("svc-only", T0, null, GrpcRule("pkg.Echo", null)),
        GrpcRoute("method", T0.AddDays(1), null, GrpcRule("pkg.Echo", "Say"), GrpcRule("pkg.Echo", "Say", ("x-beta", "1"))),
        GrpcRoute("any", T0, null, GrpcRule(null, "Say")),
        GrpcRoute("host", T0.AddDays(2), ["api.example"], GrpcRule(null, "Other")));

    [Fact]
    public void ExportedPrecedence_OrdersByHostnameServiceMethodHeadersAge()
    {
        var list = Router.Compile(Configuration()).GetGrpcPrecedence(Gw, "http");
        Assert.Equal(
            [
                "host 0 */Other",           // a precise hostname beats '*' whatever the names
                "method 1 pkg.Echo/Say",    // same service and method, one header more
                "method 0 pkg.Echo/Say",
                "svc-only 0 pkg.Echo/*",    // the longer method wins before age
                "any 0 */Say",
            ],
            list.Select(c => $"{c.Route.Name} {c.RuleIndex} {c.Service ?? "*"}/{c.Method ?? "*"}"));
        Assert.Equal(Enumerable.Range(0, list.Count), list.Select(c => c.Order));
        Assert.Equal(1, list[1].HeaderMatchCount);
        Assert.Equal("Exact", list[1].MethodMatchType);
        Assert.True(list.Zip(list.Skip(1)).All(p => GrpcRoutePrecedence.Instance.Compare(p.First, p.Second) < 0), "the list is strictly ordered");
        Assert.Empty(Router.Compile(Configuration()).GetGrpcPrecedence(Gw, "no-such-listener"));
    }

    [Fact]
    public void Explain_ListsEveryCandidate_WithWhyItLost()
    {
        var request = Request("h.example", "/pkg.Echo/Say", "POST");
        var explanation = Router.Compile(Configuration()).ExplainGrpc(request);
        Assert.Equal(RoutingResult.Matched, explanation.Result);
        Assert.Equal(
            ["host HostnameDidNotMatch", "method DidNotMatch", "method Won", "svc-only OutrankedByWinner", "any OutrankedByWinner"],
            explanation.Candidates.Select(c => $"{c.Candidate.Route.Name} {c.Outcome}"));
        Assert.Contains("header 'x-beta'", explanation.Candidates[1].Reason, StringComparison.Ordinal);
        Assert.Contains("method length", explanation.Candidates[3].Reason, StringComparison.Ordinal);
        Assert.Contains("service length", explanation.Candidates[4].Reason, StringComparison.Ordinal);
        Assert.Equal("method", explanation.Winner!.Route.Name);
        Assert.Contains("[Won]", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_NoMatch_SaysWhichConditionFailed()
    {
        var explanation = Router.Compile(Configuration()).ExplainGrpc(Request("h.example", "/other.Svc/Nope", "POST"));
        Assert.Equal(RoutingResult.NoMatchingRule, explanation.Result);
        Assert.Null(explanation.Winner);
        Assert.Contains(explanation.Candidates, c => c.Reason.Contains("service Exact 'pkg.Echo' does not match 'other.Svc'", StringComparison.Ordinal));
        Assert.Equal(RoutingResult.NoListener, Router.Compile(Configuration()).ExplainGrpc(Request("h.example", "/pkg.Echo/Say", "POST") with { Port = 81 }).Result);
    }

    [Fact]
    public void Explain_AgreesWithMatch_AndTheExportedListReproducesTheRouter_OnGeneratedInput()
    {
        var cases = RoutingGenerators.GrpcConfiguration().SelectMany(c => RoutingGenerators.GrpcRequest().ArrayOf(20).Select(r => (c, r)));
        Check.One(RouterEquivalenceProperties.Seeded(300, 17), Prop.ForAll(cases.ToArbitrary(), input =>
        {
            var router = Router.Compile(input.c);
            foreach (var request in input.r)
            {
                var match = router.MatchGrpc(request);
                var explanation = router.ExplainGrpc(request);
                Assert.Equal(match.Result, explanation.Result);
                Assert.Equal(match.Target?.Route, explanation.Winner?.Route);
                Assert.Equal(match.Target?.RuleIndex, explanation.Winner?.RuleIndex);
                Assert.Equal(match.Target?.MatchIndex, explanation.Winner?.MatchIndex);
                Assert.Equal(match.Hostname, explanation.Winner?.Hostname);
                if (match.ListenerName is { } listener)
                {
                    var list = router.GetGrpcPrecedence(Gw, listener);
                    Assert.Equal(list.Count, explanation.Candidates.Count);
                    Assert.True(list.Zip(list.Skip(1)).All(p => GrpcRoutePrecedence.Instance.Compare(p.First, p.Second) < 0), "the list is strictly ordered");
                }
            }
        }));
    }
}
