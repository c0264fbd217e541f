using GatewayApi.Models;
using GatewayApi.Routing.Filters;

namespace GatewayApi.Routing.Compiled;

/// <summary>How a gRPC match compares the service or the method.</summary>
internal enum NameKind
{
    Any,
    Exact,
    RegularExpression,
}

/// <summary>One <c>GRPCRouteMatch</c> after defaulting, with patterns compiled.</summary>
internal sealed class GrpcMatchSummary
{
    public NameKind ServiceKind { get; init; }

    public string? Service { get; init; }

    public CompiledPattern? ServicePattern { get; init; }

    public NameKind MethodKind { get; init; }

    public string? Method { get; init; }

    public CompiledPattern? MethodPattern { get; init; }

    public HeaderCondition[] Headers { get; init; } = [];

    public string? NeverReason { get; init; }

    public static GrpcMatchSummary FromGrpc(GrpcRouteMatch? match, CompiledPattern.Cache patterns)
    {
        string? never = null;
        var type = match?.Method?.Type?.Value ?? GrpcMethodMatchType.Exact.Value;
        var service = string.IsNullOrEmpty(match?.Method?.Service) ? null : match!.Method!.Service;
        var method = string.IsNullOrEmpty(match?.Method?.Method) ? null : match!.Method!.Method;
        var regex = type == GrpcMethodMatchType.RegularExpression.Value;
        if (!regex && type != GrpcMethodMatchType.Exact.Value)
        {
            never = $"unsupported method match type '{type}'";
        }

        CompiledPattern? servicePattern = regex && service is not null ? patterns.Get(service) : null;
        CompiledPattern? methodPattern = regex && method is not null ? patterns.Get(method) : null;
        if (servicePattern is { IsValid: false } || methodPattern is { IsValid: false })
        {
            never ??= "a service or method pattern is not supported";
        }

        var headers = new List<HeaderCondition>();
        var headerMatches = match?.Headers;
        for (var headerIndex = 0; headerIndex < (headerMatches?.Count ?? 0); headerIndex++)
        {
            var header = headerMatches![headerIndex];
            if (header.Name is null || header.Value is null)
            {
                never ??= "a header match without name or value";
                continue;
            }

            if (headers.Exists(h => string.Equals(h.Name, header.Name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var headerType = header.Type?.Value ?? GrpcHeaderMatchType.Exact.Value;
            CompiledPattern? pattern = null;
            if (headerType == GrpcHeaderMatchType.RegularExpression.Value)
            {
                pattern = patterns.Get(header.Value);
                if (!pattern.IsValid)
                {
                    never ??= $"header pattern '{header.Value}' is not supported";
                }
            }
            else if (headerType != GrpcHeaderMatchType.Exact.Value)
            {
                never ??= $"unsupported header match type '{headerType}'";
            }

            headers.Add(new HeaderCondition(header.Name, header.Value, pattern));
        }

        return new GrpcMatchSummary
        {
            ServiceKind = service is null ? NameKind.Any : regex ? NameKind.RegularExpression : NameKind.Exact,
            Service = service,
            ServicePattern = servicePattern,
            MethodKind = method is null ? NameKind.Any : regex ? NameKind.RegularExpression : NameKind.Exact,
            Method = method,
            MethodPattern = methodPattern,
            Headers = [.. headers],
            NeverReason = never,
        };
    }

    /// <summary>Splits a gRPC path <c>/service/method</c>; false when the path has another shape.</summary>
    public static bool TrySplit(ReadOnlySpan<char> path, out ReadOnlySpan<char> service, out ReadOnlySpan<char> method)
    {
        service = method = default;
        if (path.Length < 4 || path[0] != '/')
        {
            return false;
        }

        var rest = path[1..];
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1 || rest[(slash + 1)..].IndexOf('/') >= 0)
        {
            return false;
        }

        service = rest[..slash];
        method = rest[(slash + 1)..];
        return true;
    }

    public bool Matches(bool isGrpcPath, ReadOnlySpan<char> service, ReadOnlySpan<char> method, scoped in HttpRequestView request)
    {
        if (NeverReason is not null)
        {
            return false;
        }

        if (ServiceKind != NameKind.Any || MethodKind != NameKind.Any)
        {
            if (!isGrpcPath || !NameMatches(ServiceKind, Service, ServicePattern, service, request.MaxRegexInput)
                || !NameMatches(MethodKind, Method, MethodPattern, method, request.MaxRegexInput))
            {
                return false;
            }
        }

        foreach (var header in Headers)
        {
            if (!header.Matches(request.Headers, request.MaxRegexInput))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NameMatches(NameKind kind, string? value, CompiledPattern? pattern, ReadOnlySpan<char> actual, int maxInput) => kind switch
    {
        NameKind.Any => true,
        NameKind.Exact => actual.SequenceEqual(value),
        _ => pattern!.IsMatch(actual, maxInput),
    };

    public GrpcPrecedenceKey Key(long ticks, string routeName, int ruleIndex, int matchIndex) =>
        new(0, 0, Service?.Length ?? 0, Method?.Length ?? 0, Headers.Length, ticks, routeName, ruleIndex, matchIndex);

    /// <summary>The first condition the call fails, in words, or null when it matches (for explanations).</summary>
    public string? FirstFailure(bool isGrpcPath, ReadOnlySpan<char> service, ReadOnlySpan<char> method, scoped in HttpRequestView request)
    {
        if (NeverReason is not null)
        {
            return "never matches: " + NeverReason;
        }

        if ((ServiceKind != NameKind.Any || MethodKind != NameKind.Any) && !isGrpcPath)
        {
            return $"path '{request.Path}' is not /service/method";
        }

        if (!NameMatches(ServiceKind, Service, ServicePattern, service, request.MaxRegexInput))
        {
            return $"service {ServiceKind} '{Service}' does not match '{service}'";
        }

        if (!NameMatches(MethodKind, Method, MethodPattern, method, request.MaxRegexInput))
        {
            return $"method {MethodKind} '{Method}' does not match '{method}'";
        }

        foreach (var header in Headers)
        {
            if (!header.Matches(request.Headers, request.MaxRegexInput))
            {
                return $"header '{header.Name}' does not match {(header.Pattern is null ? "Exact" : "RegularExpression")} '{header.Value}'";
            }
        }

        return null;
    }
}

/// <summary>One compiled (route, rule, match) of a GRPCRoute for one hostname.</summary>
internal sealed record GrpcCandidate(GrpcRouteTarget Target, GrpcPrecedenceKey Key, DateTime? CreationTimestamp = null)
{
    public GrpcMatchSummary Match => Target.Match;
}

/// <summary>
/// The candidates of one hostname: for each exact service name the candidates that can match it (that service
/// exactly, or any/regex service) merged in precedence order, and the any/regex candidates for other services.
/// </summary>
internal sealed class GrpcServiceIndex
{
    private readonly Dictionary<string, GrpcCandidate[]> _byService;
    private readonly Dictionary<string, GrpcCandidate[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly GrpcCandidate[] _others;

    public GrpcServiceIndex(string hostname, IEnumerable<GrpcCandidate> candidates)
    {
        Hostname = hostname;
        var every = candidates.ToList();
        every.Sort((x, y) => GrpcPrecedenceKey.Compare(x.Key, y.Key));
        Ordered = every;
        var all = every.Where(c => c.Match.NeverReason is null).ToList();
        _others = [.. all.Where(c => c.Match.ServiceKind != NameKind.Exact)];
        _byService = all.Where(c => c.Match.ServiceKind == NameKind.Exact)
            .Select(c => c.Match.Service!)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, s => all.Where(c => c.Match.ServiceKind != NameKind.Exact || c.Match.Service == s).ToArray(), StringComparer.Ordinal);
        _lookup = _byService.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The hostname these candidates serve (<c>*</c> for any).</summary>
    public string Hostname { get; }

    /// <summary>Every candidate of the hostname in precedence order, those that can never match included (for export and explanations).</summary>
    public IReadOnlyList<GrpcCandidate> Ordered { get; }

    public GrpcCandidate? Find(bool isGrpcPath, ReadOnlySpan<char> service, ReadOnlySpan<char> method, scoped in HttpRequestView request)
    {
        var candidates = isGrpcPath && _byService.Count > 0 && _lookup.TryGetValue(service, out var specific) ? specific : _others;
        foreach (var candidate in candidates)
        {
            if (candidate.Match.Matches(isGrpcPath, service, method, request))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>The GRPCRoutes of one listener or mesh group, by hostname.</summary>
internal sealed class CompiledGrpcRoutes
{
    private readonly HostnameTable<GrpcServiceIndex> _table;
    private readonly bool _fallThrough;

    private CompiledGrpcRoutes(HostnameTable<GrpcServiceIndex> table, bool fallThrough, int routeCount)
    {
        _table = table;
        _fallThrough = fallThrough;
        RouteCount = routeCount;
    }

    public static CompiledGrpcRoutes Empty { get; } = new(new HostnameTable<GrpcServiceIndex>(), true, 0);

    /// <summary>How many GRPCRoutes were compiled here (a route without rules counts).</summary>
    public int RouteCount { get; }

    /// <summary>The candidates of every hostname.</summary>
    public IEnumerable<GrpcServiceIndex> Entries => _table.Entries.Select(e => e.Value);

    /// <summary>The hostnames matching a host, most specific first (for explanations).</summary>
    public List<string> MatchingHostnames(ReadOnlySpan<char> host) => _table.MatchingHostnames(host);

    public static CompiledGrpcRoutes Compile(IEnumerable<AttachedRoute> routes, string? listenerHostname, CompileContext context, RoutedBackend? meshParent)
    {
        var byHostname = new Dictionary<string, List<GrpcCandidate>>(StringComparer.OrdinalIgnoreCase);
        var routeCount = 0;
        foreach (var attached in routes)
        {
            if (attached.Route is not GrpcRoute route)
            {
                continue;
            }

            routeCount++;
            var reference = RouteIdentity.Of(route);
            var ticks = RouteIdentity.Ticks(route.Metadata.CreationTimestamp);
            var routeName = reference.Namespace + "/" + reference.Name;
            var hostnames = RouteIdentity.EffectiveHostnames(attached, listenerHostname, meshParent is not null);

            // A GRPCRoute without rules matches nothing (R7); a rule without matches matches every call.
            var rules = route.Spec.Rules ?? [];
            for (var ruleIndex = 0; ruleIndex < rules.Count; ruleIndex++)
            {
                if (attached.RuleIndexes is { } accepted && !accepted.Contains(ruleIndex))
                {
                    continue;
                }

                var rule = rules[ruleIndex];
                var compiledRule = RuleCompiler.CompileGrpc(rule, ruleIndex, reference, attached, meshParent is not null && context.Options.MeshRuleWithoutBackendsUsesParentService ? meshParent : null, context.BackendTls);
                IList<GrpcRouteMatch?> matches = rule.Matches is { Count: > 0 } given ? [.. given] : [null];
                for (var matchIndex = 0; matchIndex < matches.Count; matchIndex++)
                {
                    var summary = GrpcMatchSummary.FromGrpc(matches[matchIndex], context.Patterns);
                    var target = new GrpcRouteTarget(compiledRule, matchIndex, summary);
                    var key = summary.Key(ticks, routeName, ruleIndex, matchIndex);
                    for (var hostnameIndex = 0; hostnameIndex < hostnames.Count; hostnameIndex++)
                    {
                        var hostname = hostnames[hostnameIndex];
                        if (!byHostname.TryGetValue(hostname, out var list))
                        {
                            byHostname.Add(hostname, list = []);
                        }

                        list.Add(new GrpcCandidate(target, key.WithHostname(hostname), route.Metadata.CreationTimestamp));
                    }
                }
            }
        }

        var table = new HostnameTable<GrpcServiceIndex>();
        foreach (var (hostname, candidates) in byHostname)
        {
            table.GetOrAdd(hostname, _ => new GrpcServiceIndex(hostname, candidates));
        }

        return new CompiledGrpcRoutes(table, context.Options.HostnameFallThrough, routeCount);
    }

    public GrpcCandidate? Find(ReadOnlySpan<char> host, scoped in HttpRequestView request, out string? hostname)
    {
        var isGrpcPath = GrpcMatchSummary.TrySplit(request.Path, out var service, out var method);
        var entries = _table.Match(host);
        while (entries.MoveNext())
        {
            var entry = entries.Current;
            if (entry.Value.Find(isGrpcPath, service, method, request) is { } found)
            {
                hostname = entry.Hostname;
                return found;
            }

            if (!_fallThrough)
            {
                break;
            }
        }

        hostname = null;
        return null;
    }
}
