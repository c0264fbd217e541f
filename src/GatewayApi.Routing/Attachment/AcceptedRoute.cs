using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Attachment;

/// <summary>
/// A route accepted on a listener (or Service): its valid rules, intersected hostnames and backends. The status
/// engine's side of the hand-over; <see cref="RoutingConfigurationFromStatus"/> turns it into the public
/// <see cref="GatewayApi.Routing.AttachedRoute"/> the router reads.
/// </summary>
internal sealed record AcceptedRoute
{
    public required RouteKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required GatewayApiObject Route { get; init; }

    public DateTime? CreationTimestamp { get; init; }

    /// <summary>The intersected hostnames on this listener; empty means every host.</summary>
    public required IReadOnlyList<string> Hostnames { get; init; }

    /// <summary>The indexes of the rules that are implemented (invalid rules are dropped).</summary>
    public required IReadOnlyList<int> RuleIndexes { get; init; }

    public required IReadOnlyList<ResolvedBackendRef> Backends { get; init; }

    public static AcceptedRoute From(ParentEvaluation parent, IReadOnlyList<string> hostnames)
    {
        var route = parent.Route;
        var ruleCount = parent.Rules.RuleCount;
        return new AcceptedRoute
        {
            Kind = route.Kind,
            Namespace = route.Namespace,
            Name = route.Name,
            Route = route.Object,
            CreationTimestamp = route.Object.Metadata?.CreationTimestamp,
            Hostnames = hostnames,
            RuleIndexes = Enumerable.Range(0, ruleCount).Where(parent.Rules.IsRuleValid).ToArray(),
            Backends = parent.Backends.References,
        };
    }
}
