using GatewayApi.Models;
using GatewayApi.Routing.Hostnames;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Attachment;

/// <summary>
/// HTTPRoutes and GRPCRoutes never share a hostname on one listener: when both are attached and their hostnames there
/// intersect, exactly one keeps the listener, the older route (then the first by <c>{namespace}/{name}</c>), and the
/// other is not attached to it.
/// </summary>
/// <remarks>
/// Spec: upstream <c>apis/v1/grpcroute_types.go</c> (GRPCRouteSpec.Hostnames: "MUST accept exactly one of these two
/// routes", the rejected one <c>Accepted=False</c> in the corresponding parent entry), GEP-1016;
/// <c>attachment-and-status.md</c> §2.8 and ambiguity A5 (the reference page says MAY). The Go doc names no reason, so
/// we write <c>Conflicted</c>, the literal GEP-1294 uses when a route of another kind wins the same traffic (mesh).
/// Per listener, routes are taken in precedence order and each one loses only to an earlier route of the other kind that
/// still holds the listener, so the outcome does not depend on object order. A parentRef that keeps another listener
/// stays accepted there; one that loses every listener it reached is <c>Accepted=False</c>.
/// Option <see cref="StatusEngineOptions.RejectOverlappingHttpAndGrpcRoutes"/> turns it off (the MAY reading).
/// </remarks>
internal static class HttpGrpcExclusivity
{
    /// <summary>The <c>Accepted=False</c> reason written on the losing route's parent entry (no Go constant exists).</summary>
    public const string Reason = "Conflicted";

    public static void Resolve(EngineContext context, IReadOnlyList<ParentEvaluation> parents)
    {
        if (!context.Options.RejectOverlappingHttpAndGrpcRoutes)
        {
            return;
        }

        // Every accepted (route, listener) pair of an HTTPRoute or GRPCRoute, grouped by listener.
        var byListener = new Dictionary<ListenerState, List<(RouteObject Route, IReadOnlyList<string> Hostnames)>>();
        foreach (var parent in parents)
        {
            if (!parent.Accepted || parent.Kind == ParentKind.Service || parent.Route.Kind is not (RouteKind.Http or RouteKind.Grpc))
            {
                continue;
            }

            foreach (var verdict in parent.AttachedListeners)
            {
                if (!byListener.TryGetValue(verdict.Listener, out var routes))
                {
                    byListener[verdict.Listener] = routes = [];
                }

                if (!routes.Exists(r => ReferenceEquals(r.Route, parent.Route)))
                {
                    routes.Add((parent.Route, verdict.Hostnames ?? []));
                }
            }
        }

        // The loser of each contested (listener, route) pair, with the route that took the hostnames.
        var lost = new Dictionary<(ListenerState, RouteObject), RouteObject>();
        foreach (var (listener, routes) in byListener)
        {
            if (!routes.Exists(r => r.Route.Kind == RouteKind.Http) || !routes.Exists(r => r.Route.Kind == RouteKind.Grpc))
            {
                continue;
            }

            routes.Sort((a, b) => Compare(a.Route, b.Route));
            var holders = new List<(RouteObject Route, IReadOnlyList<string> Hostnames)>();
            foreach (var candidate in routes)
            {
                var winner = holders.Find(h => h.Route.Kind != candidate.Route.Kind && Intersect(listener, h.Hostnames, candidate.Hostnames));
                if (winner.Route is not null)
                {
                    lost[(listener, candidate.Route)] = winner.Route;
                }
                else
                {
                    holders.Add(candidate);
                }
            }
        }

        if (lost.Count == 0)
        {
            return;
        }

        foreach (var parent in parents)
        {
            if (!parent.Accepted || parent.Kind == ParentKind.Service)
            {
                continue;
            }

            var changed = false;
            for (var i = 0; i < parent.Verdicts.Count; i++)
            {
                var verdict = parent.Verdicts[i];
                if (verdict.Outcome == ListenerOutcome.Attached && lost.TryGetValue((verdict.Listener, parent.Route), out var winner))
                {
                    parent.Verdicts[i] = verdict with { Outcome = ListenerOutcome.HostnameTakenByOtherKind, TakenBy = winner.DisplayName };
                    changed = true;
                }
            }

            if (!changed)
            {
                continue;
            }

            var remaining = parent.AttachedListeners.Select(v => "'" + v.Listener.Name + "'").ToList();
            if (remaining.Count == 0)
            {
                var winners = parent.Verdicts.Where(v => v.Outcome == ListenerOutcome.HostnameTakenByOtherKind).Select(v => v.TakenBy).Distinct(StringComparer.Ordinal);
                parent.Accepted = false;
                parent.AcceptedReason = Reason;
                parent.AcceptedMessage = $"{string.Join(", ", winners)} already serves overlapping hostnames on every listener of {parent.ParentDisplayName} this route reaches, and takes precedence (older, or first by namespace/name): an HTTPRoute and a GRPCRoute cannot share a hostname on one listener.";
            }
            else
            {
                parent.AcceptedMessage = $"Accepted by {parent.ParentDisplayName} on listener(s) {string.Join(", ", remaining)}; not on listener(s) where a route of the other kind (HTTPRoute/GRPCRoute) with overlapping hostnames takes precedence.";
            }
        }
    }

    /// <summary>Oldest first (a missing timestamp counts as newest), then <c>{namespace}/{name}</c>, then kind, so the order is total.</summary>
    private static int Compare(RouteObject left, RouteObject right)
    {
        var byAge = ObjectNames.CompareByAge(left.Object, right.Object);
        return byAge != 0 ? byAge : left.Kind.CompareTo(right.Kind);
    }

    /// <summary>Whether two routes' effective hostnames on the listener share a host (empty means whatever the listener serves).</summary>
    private static bool Intersect(ListenerState listener, IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        IEnumerable<string?> Effective(IReadOnlyList<string> hostnames) => hostnames.Count == 0 ? new[] { listener.Hostname } : hostnames.Select(h => (string?)h);
        return Effective(left).Any(a => Effective(right).Any(b => HostnameMatch.Overlap(a, b)));
    }
}
