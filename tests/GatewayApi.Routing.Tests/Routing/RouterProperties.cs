using FsCheck;
using FsCheck.Fluent;
using GatewayApi.Models;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>The "for all" statements of issue 6 beyond equivalence: order independence, safety, convergence.</summary>
public class RouterProperties
{
    private static string Key(HttpRouteMatchResult m) => $"{m.Result} {m.ListenerName} {m.Target} {m.Hostname}";

    [Fact]
    public void PermutingRoutes_NeverChangesADecision()
    {
        // The order of routes in the snapshot carries no meaning: precedence alone decides.
        var cases = RoutingGenerators.HttpConfiguration()
            .SelectMany(c => Gen.Choose(0, int.MaxValue).Select(seed => (c, seed)))
            .SelectMany(x => RoutingGenerators.HttpRequest().ArrayOf(20).Select(r => (x.c, x.seed, r)));
        Check.One(RouterEquivalenceProperties.Seeded(400, 17), Prop.ForAll(cases.ToArbitrary(), input =>
        {
            var shuffle = new Random(input.seed);
            var permuted = input.c with
            {
                Gateways = [.. input.c.Gateways.Select(g => g with { Listeners = [.. g.Listeners.Select(l => l with { Routes = [.. l.Routes.OrderBy(_ => shuffle.Next())] })] })],
            };
            var original = Router.Compile(input.c);
            var shuffled = Router.Compile(permuted);
            foreach (var request in input.r)
            {
                Assert.Equal(Key(original.MatchHttp(request)), Key(shuffled.MatchHttp(request)));
            }
        }));
    }

    [Fact]
    public void Requests_AreNeverForwardedToAnUnusableBackend_NorByARouteNotOnTheListener()
    {
        // Unusable = not permitted (no ReferenceGrant), missing, wrong kind: never a forwarding target.
        var cases = RoutingGenerators.HttpConfiguration()
            .SelectMany(c => Gen.Choose(0, int.MaxValue).Select(seed => (c, seed)))
            .SelectMany(x => RoutingGenerators.HttpRequest().ArrayOf(20).Select(r => (x.c, x.seed, r)));
        Check.One(RouterEquivalenceProperties.Seeded(400, 23), Prop.ForAll(cases.ToArbitrary(), input =>
        {
            var random = new Random(input.seed);
            var withBackends = input.c with
            {
                Gateways = [.. input.c.Gateways.Select(g => g with { Listeners = [.. g.Listeners.Select(l => l with { Routes = [.. l.Routes.Select(r => WithRandomBackends(r, random))] })] })],
            };
            var router = Router.Compile(withBackends);
            foreach (var request in input.r)
            {
                var decision = router.RouteHttp(request, random);
                if (decision.Route is null)
                {
                    Assert.NotEqual(HttpAction.Forward, decision.Action);
                    continue;
                }

                var listener = withBackends.Gateways[0].Listeners.Single(l => l.Name == decision.ListenerName);
                var attached = listener.Routes.Single(r => r.Route.Metadata.Name == decision.Route.Name && r.Route.Metadata.NamespaceProperty == decision.Route.Namespace);
                if (decision.Action == HttpAction.Forward)
                {
                    Assert.True(decision.Backend!.Usable);
                    Assert.DoesNotContain(attached.UnusableReferences, u => u.RuleIndex == decision.RuleIndex && u.BackendRefIndex == decision.Backend.Index);
                    Assert.True(decision.Backend.Weight > 0);
                }
                else if (decision.Backend is { } backend)
                {
                    Assert.False(backend.Usable);
                    Assert.Equal(backend.ErrorStatusCode, decision.StatusCode);
                }
            }
        }));
    }

    private static AttachedRoute WithRandomBackends(AttachedRoute attached, Random random)
    {
        // Each rule gets 1-4 backends with random weights; about a third are unusable (RefNotPermitted and friends).
        var route = (HttpRoute)attached.Route;
        var unusable = new List<UnusableReference>();
        var rules = route.Spec.Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var count = random.Next(1, 5);
            rules[i].BackendRefs = [.. Enumerable.Range(0, count).Select(j => new HttpBackendRef { Name = $"b{j}", Port = 80, Weight = random.Next(0, 4) })];
            for (var j = 0; j < count; j++)
            {
                if (random.Next(3) == 0)
                {
                    unusable.Add(new UnusableReference { RuleIndex = i, BackendRefIndex = j, Reason = RouteConditionReason.RefNotPermitted, NoReadyEndpoints = random.Next(4) == 0 });
                }
            }
        }

        return attached with { UnusableReferences = unusable };
    }

    [Fact]
    public void WeightedSelection_ConvergesToTheWeights()
    {
        // For random weight vectors, 20,000 draws each land within 5 standard deviations of weight/total,
        // and weight-0 backends get nothing.
        var weights = Gen.Choose(0, 10).ArrayOf(4).Where(w => w.Sum() > 0);
        Check.One(RouterEquivalenceProperties.Seeded(40, 31), Prop.ForAll(weights.ToArbitrary(), w =>
        {
            var route = RouteFixtures.HttpRoute("r", rules: RouteFixtures.Rule("rule", [RouteFixtures.Prefix("/")], null, [.. w.Select((weight, i) => RouteFixtures.Backend("b" + i, weight))]));
            var router = Router.Compile(RouteFixtures.OneListener(route));
            var random = new Random(w.Sum());
            const int draws = 20_000;
            var counts = new int[w.Length];
            var request = RouteFixtures.Request("h", "/");
            for (var i = 0; i < draws; i++)
            {
                counts[router.RouteHttp(request, random).Backend!.Index]++;
            }

            for (var i = 0; i < w.Length; i++)
            {
                var p = w[i] / (double)w.Sum();
                var sigma = Math.Sqrt(p * (1 - p) / draws);
                Assert.InRange(counts[i] / (double)draws, p - 5 * sigma - 1e-12, p + 5 * sigma + 1e-12);
            }
        }));
    }
}
