using GatewayApi.Models;
using GatewayApi.Routing.Compiled;

namespace GatewayApi.Routing.Reference;

/// <summary>What the reference router decided: enough to compare with the compiled router's match.</summary>
internal sealed record ReferenceResult(RoutingResult Result, string? ListenerName, RouteReference? Route, int RuleIndex, int MatchIndex, string? Hostname)
{
    public static ReferenceResult None(RoutingResult result, string? listener = null) => new(result, listener, null, -1, -1, null);
}

/// <summary>
/// The oracle. A deliberately plain router, meant to be read next to <c>routing-semantics.md</c>: for a request it
/// picks the listener, lists every (route, rule, match) on it, keeps those that match, sorts them by the spec's
/// precedence written out criterion by criterion, and returns the first. No indexes, no caches, nothing shared with
/// the compiled router except the regular-expression dialect (an implementation choice, not a spec rule). It is
/// slow on purpose; the compiled router must agree with it on every request.
/// </summary>
internal sealed class ReferenceRouter(RoutingConfiguration configuration, RouterOptions options)
{
    private readonly CompiledPattern.Cache _patterns = new(options.RegularExpressionMatchesWholeValue);

    // ---------------------------------------------------------------- HTTP (§0, §1, §2)

    public ReferenceResult RouteHttp(HttpRoutingRequest request)
    {
        var listener = SelectListener(request, out var result);
        if (listener is null || result != RoutingResult.Matched)
        {
            return ReferenceResult.None(result, listener?.Name);
        }

        var host = Host(request.Authority);
        var winner = BestHttp(listener.Routes, listener.Hostname, host, request, mesh: false);
        return winner is null
            ? ReferenceResult.None(RoutingResult.NoMatchingRule, listener.Name)
            : new ReferenceResult(RoutingResult.Matched, listener.Name, winner.Route, winner.RuleIndex, winner.MatchIndex, winner.Hostname);
    }

    /// <summary>One (route, rule, match) that matches the request, with everything the precedence reads.</summary>
    private sealed record Candidate(
        RouteReference Route,
        string Hostname,
        DateTime? Created,
        int RuleIndex,
        int MatchIndex,
        string PathType,
        string PathValue,
        bool HasMethod,
        int HeaderCount,
        int QueryCount);

    private Candidate? BestHttp(IEnumerable<AttachedRoute> attachedRoutes, string? listenerHostname, string host, HttpRoutingRequest request, bool mesh)
    {
        var candidates = new List<Candidate>();
        var routeHostnames = new List<string>();
        foreach (var attached in attachedRoutes)
        {
            if (attached.Route is not HttpRoute route)
            {
                continue;
            }

            // §1.4: the request must match one of the route's effective hostnames; the route ranks by the most
            // specific of those it matches (§2.2 criterion 1). Mesh routes ignore hostnames (mesh.md §1).
            var matching = EffectiveHostnames(attached, listenerHostname, mesh).Where(h => HostMatches(h, host)).ToList();
            if (matching.Count == 0)
            {
                continue;
            }

            var hostname = matching.OrderByDescending(h => NonWildcardCharacters(h)).ThenByDescending(h => Characters(h)).First();
            var rules = route.Spec.Rules is null ? new List<HttpRouteRule?> { null } : route.Spec.Rules.Cast<HttpRouteRule?>().ToList();
            if (Enumerable.Range(0, rules.Count).Any(i => attached.RuleIndexes is null || attached.RuleIndexes.Contains(i)))
            {
                routeHostnames.Add(hostname);
            }

            for (var i = 0; i < rules.Count; i++)
            {
                // Only the rules accepted on this parent are routed.
                if (attached.RuleIndexes is not null && !attached.RuleIndexes.Contains(i))
                {
                    continue;
                }

                // No matches (absent or empty) means a single match on PathPrefix "/" (§2.1).
                var matches = rules[i]?.Matches is { Count: > 0 } given ? given.Cast<HttpRouteMatch?>().ToList() : [null];
                for (var j = 0; j < matches.Count; j++)
                {
                    if (HttpMatches(matches[j], request))
                    {
                        candidates.Add(new Candidate(
                            new RouteReference(route.Kind, route.Metadata.NamespaceProperty ?? "default", route.Metadata.Name ?? ""),
                            hostname,
                            route.Metadata.CreationTimestamp,
                            i,
                            j,
                            matches[j]?.Path?.Type?.Value ?? "PathPrefix",
                            matches[j]?.Path?.Value ?? "/",
                            matches[j]?.Method is not null,
                            DistinctHeaderNames(matches[j]?.Headers),
                            DistinctQueryNames(matches[j]?.QueryParams)));
                    }
                }
            }
        }

        if (!options.HostnameFallThrough && routeHostnames.Count > 0)
        {
            // Without fall-through only the routes of the most specific hostname that has routes are candidates.
            var top = routeHostnames.Max(h => (NonWildcardCharacters(h), Characters(h)));
            candidates = [.. candidates.Where(c => (NonWildcardCharacters(c.Hostname), Characters(c.Hostname)) == top)];
        }

        candidates.Sort(ComparePrecedence);
        return candidates.FirstOrDefault();
    }

    /// <summary>§2.2, criterion by criterion. Negative when <paramref name="a"/> wins.</summary>
    private int ComparePrecedence(Candidate a, Candidate b)
    {
        // 1. The route whose matching hostname has the most characters as a non-wildcard hostname, then the most
        //    characters in a matching hostname.
        if (NonWildcardCharacters(a.Hostname) != NonWildcardCharacters(b.Hostname))
        {
            return NonWildcardCharacters(a.Hostname) > NonWildcardCharacters(b.Hostname) ? -1 : 1;
        }

        if (Characters(a.Hostname) != Characters(b.Hostname))
        {
            return Characters(a.Hostname) > Characters(b.Hostname) ? -1 : 1;
        }

        // 2. Exact beats PathPrefix; RegularExpression sits where the options put it (R2).
        if (PathRank(a.PathType) != PathRank(b.PathType))
        {
            return PathRank(a.PathType) > PathRank(b.PathType) ? -1 : 1;
        }

        // 3. The longest value (counted as the options say for a trailing "/", R6).
        if (PathLength(a) != PathLength(b))
        {
            return PathLength(a) > PathLength(b) ? -1 : 1;
        }

        // 4. A method match beats none.
        if (a.HasMethod != b.HasMethod)
        {
            return a.HasMethod ? -1 : 1;
        }

        // 5. More header matches.
        if (a.HeaderCount != b.HeaderCount)
        {
            return a.HeaderCount > b.HeaderCount ? -1 : 1;
        }

        // 6. More query parameter matches.
        if (a.QueryCount != b.QueryCount)
        {
            return a.QueryCount > b.QueryCount ? -1 : 1;
        }

        // 7. The oldest route (an absent timestamp counts as newest).
        var aCreated = a.Created?.ToUniversalTime() ?? DateTime.MaxValue;
        var bCreated = b.Created?.ToUniversalTime() ?? DateTime.MaxValue;
        if (aCreated != bCreated)
        {
            return aCreated < bCreated ? -1 : 1;
        }

        // 8. The first route in alphabetical order of "{namespace}/{name}".
        var order = string.CompareOrdinal(a.Route.Namespace + "/" + a.Route.Name, b.Route.Namespace + "/" + b.Route.Name);
        if (order != 0)
        {
            return order;
        }

        // 9. The first matching rule in list order; then (our tie-break) the first match within the rule.
        if (a.RuleIndex != b.RuleIndex)
        {
            return a.RuleIndex < b.RuleIndex ? -1 : 1;
        }

        return a.MatchIndex.CompareTo(b.MatchIndex);
    }

    private int PathRank(string type) => type switch
    {
        "Exact" => 3,
        "RegularExpression" => options.RegularExpressionPathPrecedence == RegularExpressionPathPrecedence.BetweenExactAndPrefix ? 2 : 0,
        _ => 1,
    };

    private int PathLength(Candidate candidate)
    {
        if (candidate.PathType == "PathPrefix" && options.PathPrefixLength == PathPrefixLength.IgnoringTrailingSlash && candidate.PathValue.EndsWith('/'))
        {
            return candidate.PathValue.Length - 1;
        }

        return candidate.PathValue.Length;
    }

    /// <summary>§2.1: every present condition of one HTTPRouteMatch must hold.</summary>
    private bool HttpMatches(HttpRouteMatch? match, HttpRoutingRequest request)
    {
        var (path, query) = SplitTarget(request.Path);
        var type = match?.Path?.Type?.Value ?? "PathPrefix";
        var value = match?.Path?.Value ?? "/";
        bool pathMatches;
        if (type == "Exact")
        {
            // Byte-for-byte, case-sensitive.
            pathMatches = path == value;
        }
        else if (type == "PathPrefix")
        {
            // Drop one trailing "/"; the path must equal the prefix or continue it with "/".
            var prefix = value.EndsWith('/') ? value[..^1] : value;
            pathMatches = (prefix.Length == 0 || prefix.StartsWith('/')) && (path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal));
        }
        else if (type == "RegularExpression")
        {
            pathMatches = _patterns.Get(value).IsMatch(path, options.MaxRegularExpressionInputLength);
        }
        else
        {
            pathMatches = false;
        }

        if (!pathMatches)
        {
            return false;
        }

        // Method: equal to the request's method.
        if (match?.Method is { } method && method.Value != request.Method)
        {
            return false;
        }

        if (!HeadersMatch(match?.Headers?.Select(h => (h.Name, h.Value, h.Type?.Value)), request))
        {
            return false;
        }

        // Query parameters: names exact, the first entry of a name counts; the first occurrence in the request wins.
        var seen = new List<string>();
        foreach (var parameter in match?.QueryParams ?? [])
        {
            if (parameter.Name is null || parameter.Value is null)
            {
                return false;
            }

            if (seen.Contains(parameter.Name))
            {
                continue;
            }

            seen.Add(parameter.Name);
            var actual = QueryValue(query, parameter.Name);
            if (actual is null)
            {
                return false;
            }

            var parameterType = parameter.Type?.Value ?? "Exact";
            var ok = parameterType switch
            {
                "Exact" => actual == parameter.Value,
                "RegularExpression" => _patterns.Get(parameter.Value).IsMatch(actual, options.MaxRegularExpressionInputLength),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Header conditions: names without case, the first entry of a name counts; repeated request headers joined with ",".</summary>
    private bool HeadersMatch(IEnumerable<(string? Name, string? Value, string? Type)>? headers, HttpRoutingRequest request)
    {
        var seen = new List<string>();
        foreach (var (name, value, type) in headers ?? [])
        {
            if (name is null || value is null)
            {
                return false;
            }

            if (seen.Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            seen.Add(name);
            var values = request.Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value ?? "").ToList();
            if (values.Count == 0)
            {
                return false;
            }

            // Comma-joined (RFC 7230 §3.2.2), except Cookie crumbs, joined with "; " (RFC 9113 §8.2.3).
            var joined = string.Join(string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase) ? "; " : ",", values);
            var ok = (type ?? "Exact") switch
            {
                "Exact" => joined == value,
                "RegularExpression" => _patterns.Get(value).IsMatch(joined, options.MaxRegularExpressionInputLength),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static int DistinctHeaderNames(IList<HttpHeaderMatch>? headers) =>
        (headers ?? []).Where(h => h.Name is not null && h.Value is not null).Select(h => h.Name!.ToLowerInvariant()).Distinct().Count();

    private static int DistinctQueryNames(IList<HttpQueryParamMatch>? parameters) =>
        (parameters ?? []).Where(p => p.Name is not null && p.Value is not null).Select(p => p.Name!).Distinct().Count();

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var rawName = equals >= 0 ? pair[..equals] : pair;
            if (Uri.UnescapeDataString(rawName) == name)
            {
                return Uri.UnescapeDataString(equals >= 0 ? pair[(equals + 1)..] : "");
            }
        }

        return null;
    }

    private static (string Path, string Query) SplitTarget(string target)
    {
        var withoutFragment = target.Split('#')[0];
        var question = withoutFragment.IndexOf('?');
        var path = question >= 0 ? withoutFragment[..question] : withoutFragment;
        return (path == "" ? "/" : path, question >= 0 ? withoutFragment[(question + 1)..] : "");
    }

    // ---------------------------------------------------------------- gRPC (§3)

    public ReferenceResult RouteGrpc(HttpRoutingRequest request)
    {
        var listener = SelectListener(request, out var result);
        if (listener is null || result != RoutingResult.Matched)
        {
            return ReferenceResult.None(result, listener?.Name);
        }

        return BestGrpc(listener.Routes, listener.Hostname, Host(request.Authority), request, listener.Name, mesh: false);
    }

    private sealed record GrpcCandidate(RouteReference Route, string Hostname, DateTime? Created, int RuleIndex, int MatchIndex, int ServiceCharacters, int MethodCharacters, int HeaderCount);

    private ReferenceResult BestGrpc(IEnumerable<AttachedRoute> attachedRoutes, string? listenerHostname, string host, HttpRoutingRequest request, string? listenerName, bool mesh)
    {
        var (path, _) = SplitTarget(request.Path);

        // A gRPC call's path is "/<service>/<method>".
        var parts = path.Split('/');
        var isGrpc = parts.Length == 3 && parts[0] == "" && parts[1] != "" && parts[2] != "";
        var candidates = new List<GrpcCandidate>();
        var routeHostnames = new List<string>();
        foreach (var attached in attachedRoutes)
        {
            if (attached.Route is not GrpcRoute route)
            {
                continue;
            }

            var matching = EffectiveHostnames(attached, listenerHostname, mesh).Where(h => HostMatches(h, host)).ToList();
            if (matching.Count == 0)
            {
                continue;
            }

            var hostname = matching.OrderByDescending(h => NonWildcardCharacters(h)).ThenByDescending(h => Characters(h)).First();
            var rules = route.Spec.Rules ?? [];
            if (Enumerable.Range(0, rules.Count).Any(i => attached.RuleIndexes is null || attached.RuleIndexes.Contains(i)))
            {
                routeHostnames.Add(hostname);
            }

            for (var i = 0; i < rules.Count; i++)
            {
                if (attached.RuleIndexes is not null && !attached.RuleIndexes.Contains(i))
                {
                    continue;
                }

                var matches = rules[i].Matches is { Count: > 0 } given ? given.Cast<GrpcRouteMatch?>().ToList() : [null];
                for (var j = 0; j < matches.Count; j++)
                {
                    var match = matches[j];
                    var service = string.IsNullOrEmpty(match?.Method?.Service) ? null : match!.Method!.Service;
                    var method = string.IsNullOrEmpty(match?.Method?.Method) ? null : match!.Method!.Method;
                    var type = match?.Method?.Type?.Value ?? "Exact";
                    if (type is not ("Exact" or "RegularExpression"))
                    {
                        continue;
                    }

                    if (service is not null || method is not null)
                    {
                        if (!isGrpc || !NameMatches(service, type, parts[1]) || !NameMatches(method, type, parts[2]))
                        {
                            continue;
                        }
                    }

                    if (!HeadersMatch(match?.Headers?.Select(h => (h.Name, h.Value, h.Type?.Value)), request))
                    {
                        continue;
                    }

                    candidates.Add(new GrpcCandidate(
                        new RouteReference(route.Kind, route.Metadata.NamespaceProperty ?? "default", route.Metadata.Name ?? ""),
                        hostname,
                        route.Metadata.CreationTimestamp,
                        i,
                        j,
                        service?.Length ?? 0,
                        method?.Length ?? 0,
                        (match?.Headers ?? []).Where(h => h.Name is not null && h.Value is not null).Select(h => h.Name!.ToLowerInvariant()).Distinct().Count()));
                }
            }
        }

        if (!options.HostnameFallThrough && routeHostnames.Count > 0)
        {
            var top = routeHostnames.Max(h => (NonWildcardCharacters(h), Characters(h)));
            candidates = [.. candidates.Where(c => (NonWildcardCharacters(c.Hostname), Characters(c.Hostname)) == top)];
        }

        // §3.2: hostname (non-wildcard characters, characters), service characters, method characters, header
        // matches, oldest route, {namespace}/{name}, rule order, match order.
        var winner = candidates
            .OrderByDescending(c => NonWildcardCharacters(c.Hostname))
            .ThenByDescending(c => Characters(c.Hostname))
            .ThenByDescending(c => c.ServiceCharacters)
            .ThenByDescending(c => c.MethodCharacters)
            .ThenByDescending(c => c.HeaderCount)
            .ThenBy(c => c.Created?.ToUniversalTime() ?? DateTime.MaxValue)
            .ThenBy(c => c.Route.Namespace + "/" + c.Route.Name, StringComparer.Ordinal)
            .ThenBy(c => c.RuleIndex)
            .ThenBy(c => c.MatchIndex)
            .FirstOrDefault();
        return winner is null
            ? ReferenceResult.None(RoutingResult.NoMatchingRule, listenerName)
            : new ReferenceResult(RoutingResult.Matched, listenerName, winner.Route, winner.RuleIndex, winner.MatchIndex, winner.Hostname);
    }

    private bool NameMatches(string? expected, string type, string actual) =>
        expected is null || (type == "Exact" ? expected == actual : _patterns.Get(expected).IsMatch(actual, options.MaxRegularExpressionInputLength));

    // ---------------------------------------------------------------- TLS, TCP, UDP (§5, §6)

    public ReferenceResult RouteTls(NamespacedName gatewayName, int port, string? serverName)
    {
        var gateway = configuration.Gateways.FirstOrDefault(g => g.Namespace == gatewayName.Namespace && g.Name == gatewayName.Name);
        var listeners = gateway?.Listeners.Where(l => l.Port == port && l.Protocol.Value.Equals("TLS", StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
        if (listeners.Count == 0)
        {
            return ReferenceResult.None(RoutingResult.NoListener);
        }

        var sni = (serverName ?? "").ToLowerInvariant();
        var listener = MostSpecificListener(listeners, sni);
        if (listener is null)
        {
            return ReferenceResult.None(RoutingResult.NoListenerForHostname);
        }

        // The most specific hostname matching the SNI, then the oldest route, then {namespace}/{name} (§5).
        var winner = listener.Routes
            .Where(r => r.Route is TlsRoute)
            .Select(r => (Attached: r, Hostname: EffectiveHostnames(r, listener.Hostname, false).Where(h => HostMatches(h, sni))
                .OrderByDescending(h => NonWildcardCharacters(h)).ThenByDescending(h => Characters(h)).FirstOrDefault()))
            .Where(x => x.Hostname is not null && ((TlsRoute)x.Attached.Route).Spec.Rules is not null && (x.Attached.RuleIndexes is null || x.Attached.RuleIndexes.Contains(0)))
            .OrderByDescending(x => NonWildcardCharacters(x.Hostname!))
            .ThenByDescending(x => Characters(x.Hostname!))
            .ThenBy(x => x.Attached.Route.Metadata.CreationTimestamp?.ToUniversalTime() ?? DateTime.MaxValue)
            .ThenBy(x => (x.Attached.Route.Metadata.NamespaceProperty ?? "default") + "/" + x.Attached.Route.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return winner.Attached is null
            ? ReferenceResult.None(RoutingResult.NoMatchingRule, listener.Name)
            : new ReferenceResult(RoutingResult.Matched, listener.Name, Reference(winner.Attached.Route), 0, -1, winner.Hostname);
    }

    public ReferenceResult RouteL4(NamespacedName gatewayName, int port, string protocol, string kind)
    {
        var gateway = configuration.Gateways.FirstOrDefault(g => g.Namespace == gatewayName.Namespace && g.Name == gatewayName.Name);
        var listener = gateway?.Listeners.FirstOrDefault(l => l.Port == port && l.Protocol.Value.Equals(protocol, StringComparison.OrdinalIgnoreCase));
        if (listener is null)
        {
            return ReferenceResult.None(RoutingResult.NoListener);
        }

        // No discriminator: the oldest route, then {namespace}/{name}, takes everything (§6).
        var winner = listener.Routes
            .Where(r => r.Route.Kind == kind && RulesOf(r.Route) is not null && (r.RuleIndexes is null || r.RuleIndexes.Contains(0)))
            .OrderBy(r => r.Route.Metadata.CreationTimestamp?.ToUniversalTime() ?? DateTime.MaxValue)
            .ThenBy(r => (r.Route.Metadata.NamespaceProperty ?? "default") + "/" + r.Route.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return winner is null
            ? ReferenceResult.None(RoutingResult.NoMatchingRule, listener.Name)
            : new ReferenceResult(RoutingResult.Matched, listener.Name, Reference(winner.Route), 0, -1, null);
    }

    private static IList<L4RouteRule>? RulesOf(GatewayApiObject route) => route switch
    {
        TlsRoute tls => tls.Spec.Rules,
        TcpRoute tcp => tcp.Spec.Rules,
        UdpRoute udp => udp.Spec.Rules,
        _ => null,
    };

    // ---------------------------------------------------------------- Mesh (mesh.md §2, §3)

    public ReferenceResult RouteMeshHttp(MeshDestination destination, HttpRoutingRequest request) =>
        RouteMesh(destination, request, grpc: false);

    public ReferenceResult RouteMeshGrpc(MeshDestination destination, HttpRoutingRequest request) =>
        RouteMesh(destination, request, grpc: true);

    private ReferenceResult RouteMesh(MeshDestination destination, HttpRoutingRequest request, bool grpc)
    {
        var service = configuration.Services.FirstOrDefault(s => s.Namespace == destination.Service.Namespace && s.Name == destination.Service.Name);
        var port = service?.Ports.FirstOrDefault(p => p.Port == destination.Port);
        if (service is null || port is null)
        {
            return ReferenceResult.None(RoutingResult.NoRoutesBound);
        }

        bool OfKind(AttachedRoute r) => grpc ? r.Route is GrpcRoute : r.Route is HttpRoute;
        string NamespaceOf(AttachedRoute r) => r.Route.Metadata.NamespaceProperty ?? "default";

        // Consumer routes (in the client's namespace, not the Service's) replace producer routes for that client.
        var consumer = port.Routes.Where(r => OfKind(r) && NamespaceOf(r) == destination.ClientNamespace && NamespaceOf(r) != service.Namespace).ToList();
        var routes = consumer.Count > 0 ? consumer : [.. port.Routes.Where(r => OfKind(r) && NamespaceOf(r) == service.Namespace)];
        if (routes.Count == 0)
        {
            return ReferenceResult.None(RoutingResult.NoRoutesBound);
        }

        var host = Host(request.Authority);
        if (grpc)
        {
            return BestGrpc(routes, null, host, request, null, mesh: true);
        }

        var winner = BestHttp(routes, null, host, request, mesh: true);
        return winner is null
            ? ReferenceResult.None(RoutingResult.NoMatchingRule)
            : new ReferenceResult(RoutingResult.Matched, null, winner.Route, winner.RuleIndex, winner.MatchIndex, winner.Hostname);
    }

    // ---------------------------------------------------------------- Listeners and hostnames (§1)

    /// <summary>§1.2/§1.3: the most specific listener for the Host; on HTTPS with SNI, the SNI's listener, 421 or 404.</summary>
    private ListenerRoutes? SelectListener(HttpRoutingRequest request, out RoutingResult result)
    {
        var gateway = configuration.Gateways.FirstOrDefault(g => g.Namespace == request.Gateway.Namespace && g.Name == request.Gateway.Name);
        var https = request.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
        var protocol = https ? "HTTPS" : "HTTP";
        var listeners = gateway?.Listeners.Where(l => l.Port == request.Port && l.Protocol.Value.Equals(protocol, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
        if (listeners.Count == 0)
        {
            result = RoutingResult.NoListener;
            return null;
        }

        var byHost = MostSpecificListener(listeners, Host(request.Authority));
        if (https && request.ServerName is not null)
        {
            var bySni = MostSpecificListener(listeners, request.ServerName.ToLowerInvariant());
            result = bySni is null || byHost is null ? RoutingResult.NoListenerForHostname
                : bySni == byHost ? RoutingResult.Matched : RoutingResult.Misdirected;
            return bySni;
        }

        result = byHost is null ? RoutingResult.NoListenerForHostname : RoutingResult.Matched;
        return byHost;
    }

    private static ListenerRoutes? MostSpecificListener(List<ListenerRoutes> listeners, string host)
    {
        // Exact first, then the wildcard with the most characters, then no hostname; the first of equal hostnames.
        return listeners
            .Select((l, index) => (Listener: l, Index: index, Hostname: Normalize(l.Hostname)))
            .Where(x => HostMatches(x.Hostname, host))
            .OrderByDescending(x => NonWildcardCharacters(x.Hostname))
            .ThenByDescending(x => Characters(x.Hostname))
            .ThenBy(x => x.Index)
            .Select(x => x.Listener)
            .FirstOrDefault();
    }

    private static List<string> EffectiveHostnames(AttachedRoute attached, string? listenerHostname, bool mesh)
    {
        if (mesh)
        {
            return ["*"];
        }

        if (attached.Hostnames is null || attached.Hostnames.Count == 0)
        {
            return [Normalize(listenerHostname)];
        }

        return [.. attached.Hostnames.Select(Normalize).Distinct()];
    }

    private static string Normalize(string? hostname) => string.IsNullOrEmpty(hostname) || hostname == "*" ? "*" : hostname.ToLowerInvariant();

    /// <summary>§1.1: "*" matches all; "*.s" matches one or more labels before ".s"; a precise name matches itself.</summary>
    private static bool HostMatches(string hostname, string host)
    {
        if (hostname == "*")
        {
            return true;
        }

        if (hostname.Length > 2 && hostname.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = hostname[1..];
            return host.EndsWith(suffix, StringComparison.Ordinal) && host.Length > suffix.Length;
        }

        return host == hostname;
    }

    private static bool IsWildcard(string hostname) => hostname.Length > 2 && hostname.StartsWith("*.", StringComparison.Ordinal);

    private static int NonWildcardCharacters(string hostname) => hostname == "*" || IsWildcard(hostname) ? 0 : hostname.Length;

    private static int Characters(string hostname) => hostname == "*" ? 0 : hostname.Length;

    /// <summary>The host of a Host header, port removed, lower-cased (R1).</summary>
    private static string Host(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            return (close < 0 ? authority : authority[..(close + 1)]).ToLowerInvariant();
        }

        var colon = authority.LastIndexOf(':');
        return (colon < 0 ? authority : authority[..colon]).ToLowerInvariant();
    }

    private static RouteReference Reference(GatewayApiObject route) =>
        new(route.Kind, route.Metadata.NamespaceProperty ?? "default", route.Metadata.Name ?? "");
}
