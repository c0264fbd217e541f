using GatewayApi.Routing.Filters;

namespace GatewayApi.Routing.Compiled;

/// <summary>
/// The part of a rule that acts after matching: its filters, its weighted backends and its settings. Shared by
/// every match of the rule; immutable.
/// </summary>
internal sealed class CompiledRule
{
    private long[] _cumulativeWeights = [];

    public required RouteReference Route { get; init; }

    public required int RuleIndex { get; init; }

    public string? RuleName { get; init; }

    public CompiledFilter[] Filters { get; init; } = [];

    public CompiledBackend[] Backends
    {
        get;
        init
        {
            field = value;
            _cumulativeWeights = new long[value.Length];
            long total = 0;
            for (var i = 0; i < value.Length; i++)
            {
                total += Math.Max(0, value[i].Info.Weight);
                _cumulativeWeights[i] = total;
            }

            TotalWeight = total;
        }
    } = [];

    /// <summary>The sum of the weights of every backendRef, usable or not (§7: shares are over all of them).</summary>
    public long TotalWeight { get; private set; }

    public RouteTimeouts? Timeouts { get; init; }

    public RetrySettings? Retry { get; init; }

    public GatewayApi.Models.SessionPersistence? SessionPersistence { get; init; }

    /// <summary>For mesh rules: the parent Service a rule without backends sends to (M1), when the options say so.</summary>
    public RoutedBackend? ParentServiceBackend { get; init; }

    /// <summary>
    /// Picks a backend index with probability weight/total (weight 0 is never picked); -1 when there is no backend
    /// or every weight is 0 (R18).
    /// </summary>
    private string[]? _sessionKeys;

    public int ChooseBackend(Random random, string? sessionBackend = null)
    {
        // Session persistence: the session's backend, while it is still a usable, weighted backend of this rule.
        if (sessionBackend is not null && SessionPersistence is not null)
        {
            // Keys are made once per rule (a benign race at worst makes them twice), not per request.
            var keys = _sessionKeys ??= [.. Backends.Select(b => b.Info.SessionKey)];
            for (var i = 0; i < keys.Length; i++)
            {
                var info = Backends[i].Info;
                if (info.Usable && info.Weight > 0 && keys[i] == sessionBackend)
                {
                    return i;
                }
            }
        }

        if (TotalWeight <= 0)
        {
            return -1;
        }

        var draw = TotalWeight == 1 ? 0 : random.NextInt64(TotalWeight);
        var low = 0;
        var high = _cumulativeWeights.Length - 1;
        while (low < high)
        {
            // The first backend whose cumulative weight exceeds the draw; zero-width entries are skipped.
            var middle = (low + high) / 2;
            if (_cumulativeWeights[middle] > draw)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}

/// <summary>A backendRef of a rule with its own filters.</summary>
internal sealed record CompiledBackend(RoutedBackend Info, CompiledFilter[] Filters);
