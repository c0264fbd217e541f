using GatewayApi.Routing.Filters;

namespace GatewayApi.Routing.Compiled;

/// <summary>
/// The part of a rule that acts after matching: its filters, its weighted backends and its settings. Shared by
/// every match of the rule; immutable.
/// </summary>
internal sealed class CompiledRule
{
    // Running totals of the weights, for a binary search; only rules with several backends need them.
    private long[]? _cumulativeWeights;

    // Settings most rules do not have live in one object, absent when none is set: a router holds one rule per
    // route rule, and most of them are a match and a backend.
    private RareSettings? _settings;

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
            long total = 0;
            if (value.Length > 1)
            {
                _cumulativeWeights = new long[value.Length];
                for (var i = 0; i < value.Length; i++)
                {
                    total += Math.Max(0, value[i].Info.Weight);
                    _cumulativeWeights[i] = total;
                }
            }
            else if (value.Length == 1)
            {
                total = Math.Max(0, value[0].Info.Weight);
            }

            TotalWeight = total;
        }
    } = [];

    /// <summary>The sum of the weights of every backendRef, usable or not (§7: shares are over all of them).</summary>
    public long TotalWeight { get; private set; }

    /// <summary>The route's creation timestamp (precedence and the exported order).</summary>
    public DateTime? CreationTimestamp { get; init; }

    /// <summary><c>{namespace}/{name}</c> of the route, the precedence tie-break; one string shared by its rules.</summary>
    public string QualifiedRouteName { get; init; } = "";

    public RouteTimeouts? Timeouts
    {
        get => _settings?.Timeouts;
        init => Set(value, static (s, v) => s.Timeouts = v);
    }

    public RetrySettings? Retry
    {
        get => _settings?.Retry;
        init => Set(value, static (s, v) => s.Retry = v);
    }

    public GatewayApi.Models.SessionPersistence? SessionPersistence
    {
        get => _settings?.SessionPersistence;
        init => Set(value, static (s, v) => s.SessionPersistence = v);
    }

    /// <summary>For mesh rules: the parent Service a rule without backends sends to (M1), when the options say so.</summary>
    public RoutedBackend? ParentServiceBackend
    {
        get => _settings?.ParentServiceBackend;
        init => Set(value, static (s, v) => s.ParentServiceBackend = v);
    }

    private void Set<T>(T? value, Action<RareSettings, T> set)
        where T : class
    {
        if (value is not null)
        {
            set(_settings ??= new RareSettings(), value);
        }
    }

    /// <summary>
    /// Picks a backend index with probability weight/total (weight 0 is never picked); -1 when there is no backend
    /// or every weight is 0 (R18).
    /// </summary>
    public int ChooseBackend(Random random, string? sessionBackend = null)
    {
        // Session persistence: the session's backend, while it is still a usable backend of this rule, whatever its
        // weight: GEP-1619 keeps a session "even if the weight is set to 0" (a traffic shift spares live sessions).
        if (sessionBackend is not null && SessionPersistence is not null)
        {
            // Keys are made once per rule (a benign race at worst makes them twice), not per request.
            var keys = _settings!.SessionKeys ??= [.. Backends.Select(b => b.Info.SessionKey)];
            for (var i = 0; i < keys.Length; i++)
            {
                var info = Backends[i].Info;
                if (info.Usable && keys[i] == sessionBackend)
                {
                    return i;
                }
            }
        }

        if (TotalWeight <= 0)
        {
            return -1;
        }

        if (_cumulativeWeights is null)
        {
            // One backend with a positive weight: no draw is needed to pick it.
            return 0;
        }

        var draw = random.NextInt64(TotalWeight);
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

    /// <summary>The rarely set settings of a rule (written only while the rule is built, and the session keys once).</summary>
    private sealed class RareSettings
    {
        public RouteTimeouts? Timeouts { get; set; }

        public RetrySettings? Retry { get; set; }

        public GatewayApi.Models.SessionPersistence? SessionPersistence { get; set; }

        public RoutedBackend? ParentServiceBackend { get; set; }

        public string[]? SessionKeys { get; set; }
    }
}

/// <summary>A backendRef of a rule with its own filters (a struct: stored inline in the rule's array).</summary>
internal readonly record struct CompiledBackend(RoutedBackend Info, CompiledFilter[] Filters);
