using FsCheck;
using FsCheck.Fluent;
using static GatewayApi.Routing.Tests.Routing.RouteFixtures;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>The explain API and the exported precedence list.</summary>
public class ExplainAndPrecedenceTests
{
    [Fact]
    public void Explain_ListsEveryCandidateInOrder_WithWhyItLost()
    {
        var configuration = OneListener(
            HttpRoute("api", created: T0, rules: [Rule(Prefix("/api")), Rule(Exact("/api/v1").Header("x-beta", "1"))]),
            HttpRoute("root", created: T0.AddDays(1), rules: Rule(Prefix("/"))),
            HttpRoute("other-host", ["other.example"], rules: Rule(Prefix("/"))));
        var explanation = Router.Compile(configuration).ExplainHttp(Request("h.example", "/api/v1"));
        Assert.Equal(RoutingResult.Matched, explanation.Result);
        Assert.Equal(
            [
                "other-host 0 HostnameDidNotMatch",
                "api 1 DidNotMatch",
                "api 0 Won",
                "root 0 OutrankedByWinner",
            ],
            explanation.Candidates.Select(c => $"{c.Candidate.Route.Name} {c.Candidate.RuleIndex} {c.Outcome}"));
        Assert.Contains("header 'x-beta'", explanation.Candidates[1].Reason, StringComparison.Ordinal);
        Assert.Contains("path length", explanation.Candidates[3].Reason, StringComparison.Ordinal);
        Assert.Equal("api", explanation.Winner!.Route.Name);
    }

    [Fact]
    public void Explain_WithoutFallThrough_MarksLessSpecificHostnamesNotConsidered()
    {
        var configuration = OneListener(
            HttpRoute("precise", ["foo.example.com"], rules: Rule(Exact("/login"))),
            HttpRoute("wild", ["*.example.com"], rules: Rule(Prefix("/"))));
        var explanation = Router.Compile(configuration, new RouterOptions { HostnameFallThrough = false }).ExplainHttp(Request("foo.example.com", "/x"));
        Assert.Equal(RoutingResult.NoMatchingRule, explanation.Result);
        Assert.Equal(["DidNotMatch", "NotConsideredLessSpecificHostname"], explanation.Candidates.Select(c => c.Outcome.ToString()));
    }

    [Fact]
    public void Explain_ReportsListenerSelectionFailures()
    {
        var configuration = Gateway(Listener("only", hostname: "a.example"));
        var explanation = Router.Compile(configuration).ExplainHttp(Request("b.example", "/"));
        Assert.Equal(RoutingResult.NoListenerForHostname, explanation.Result);
        Assert.Contains("b.example", explanation.ListenerSelection, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_AgreesWithMatch_OnGeneratedInput()
    {
        // 300 configurations x 20 requests: the explanation's winner is the router's winner.
        var cases = RoutingGenerators.HttpConfiguration()
            .SelectMany(c => RoutingGenerators.Options().Select(o => (c, o)))
            .SelectMany(x => RoutingGenerators.HttpRequest().ArrayOf(20).Select(r => (x.c, x.o, r)));
        Check.One(RouterEquivalenceProperties.Seeded(300, 99), Prop.ForAll(cases.ToArbitrary(), input =>
        {
            var router = Router.Compile(input.c, input.o);
            foreach (var request in input.r)
            {
                var match = router.MatchHttp(request);
                var explanation = router.ExplainHttp(request);
                Assert.Equal(match.Result, explanation.Result);
                Assert.Equal(match.Target?.Route, explanation.Winner?.Route);
                Assert.Equal(match.Target?.RuleIndex, explanation.Winner?.RuleIndex);
                Assert.Equal(match.Target?.MatchIndex, explanation.Winner?.MatchIndex);
                Assert.Equal(match.Hostname, explanation.Winner?.Hostname);
            }
        }));
    }

    [Fact]
    public void ExportedPrecedence_FirstMatchingEntryIsTheRoutersWinner()
    {
        // The list is what a proxy with its own first-match matcher is fed; walking it must reproduce the router
        // (with hostname fall-through, the default).
        var cases = RoutingGenerators.HttpConfiguration().SelectMany(c => RoutingGenerators.HttpRequest().Where(r => r.Scheme == "http").ArrayOf(20).Select(r => (c, r)));
        Check.One(RouterEquivalenceProperties.Seeded(300, 5), Prop.ForAll(cases.ToArbitrary(), input =>
        {
            var router = Router.Compile(input.c);
            foreach (var request in input.r)
            {
                var match = router.MatchHttp(request);
                if (match.Result != RoutingResult.Matched && match.Result != RoutingResult.NoMatchingRule)
                {
                    continue;
                }

                var list = router.GetHttpPrecedence(new NamespacedName("infra", "gw"), match.ListenerName!);
                var explanation = router.ExplainHttp(request);
                var first = explanation.Candidates.FirstOrDefault(c => c.Outcome == CandidateOutcome.Won)?.Candidate;
                Assert.Equal(list.Count, explanation.Candidates.Count);
                Assert.Equal(match.Target?.Route, first?.Route);
                Assert.True(list.Zip(list.Skip(1)).All(p => HttpRoutePrecedence.Instance.Compare(p.First, p.Second) < 0), "the list is strictly ordered");
            }
        }));
    }
}
