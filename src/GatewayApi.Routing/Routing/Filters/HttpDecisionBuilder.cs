using System.Globalization;
using GatewayApi.Routing.Compiled;

namespace GatewayApi.Routing.Filters;

/// <summary>
/// Turns a match into a complete decision: runs every rule filter in list order, chooses a backend by weight,
/// runs that backend's filters, and computes the ready-to-use results (§4, §7). One place, used by the compiled
/// router for gateway and mesh requests alike.
/// </summary>
internal static class HttpDecisionBuilder
{
    public static HttpRouteDecision Build(HttpRouteMatchResult match, HttpRoutingRequest request, int listenerPort, RouterOptions options, Random random, RoutedBackend? meshService)
    {
        switch (match.Result)
        {
            case RoutingResult.Misdirected:
                return new HttpRouteDecision { Result = match.Result, Action = HttpAction.Respond, StatusCode = 421, ResponseReason = "MisdirectedRequest", ListenerName = match.ListenerName };
            case RoutingResult.NoRoutesBound:
                return new HttpRouteDecision { Result = match.Result, Action = HttpAction.Forward, Backend = meshService, Host = request.Authority, Path = request.Path };
            case not RoutingResult.Matched:
                return new HttpRouteDecision { Result = match.Result, Action = HttpAction.Respond, StatusCode = 404, ResponseReason = match.Result.ToString(), ListenerName = match.ListenerName };
        }

        var target = match.Target!;
        var state = new State(request, target, random);
        state.Run(target.Rule.Filters);
        HttpRouteDecision Decide(HttpAction action, int status, string? reason, RoutedBackend? backend, string? location = null) => new()
        {
            Result = RoutingResult.Matched,
            Action = action,
            StatusCode = status,
            ResponseReason = reason,
            Location = location,
            ListenerName = match.ListenerName,
            Hostname = match.Hostname,
            Route = target.Route,
            RuleIndex = target.RuleIndex,
            RuleName = target.RuleName,
            MatchIndex = target.MatchIndex,
            Backend = backend,
            Host = state.Host,
            Path = state.Path,
            RequestHeaderModifications = state.RequestHeaders,
            ResponseHeaderModifications = state.ResponseHeaders,
            Mirrors = state.Mirrors,
            Cors = state.Cors,
            ExtensionRefs = state.ExtensionRefs,
            ExternalAuth = state.ExternalAuth,
            Filters = state.Steps,
            Timeouts = target.Rule.Timeouts,
            Retry = target.Rule.Retry,
            SessionPersistence = SessionSettings(target),
        };

        // The CORS filter is the final authority for preflights: answered here, never forwarded (§4.5).
        if (state.Cors is { IsPreflight: true })
        {
            return Decide(HttpAction.Respond, options.CorsPreflightStatusCode, "CorsPreflight", null);
        }

        if (state.Error is not null)
        {
            return Decide(HttpAction.Respond, 500, state.Error, null);
        }

        if (state.Redirect is { } redirect)
        {
            var location = RedirectLocation(redirect, request, listenerPort, target.Match, out var problem);
            return location is null ? Decide(HttpAction.Respond, 500, problem, null) : Decide(HttpAction.Redirect, redirect.StatusCode, null, null, location);
        }

        var rule = target.Rule;
        if (rule.Backends.Length == 0)
        {
            // North/south: a rule without backends and without a responding filter answers 500 (§7).
            // Mesh: the parent Service itself, per GEP-1686 (M1), unless the options say otherwise.
            return rule.ParentServiceBackend is { } parent
                ? Decide(HttpAction.Forward, 0, null, parent)
                : Decide(HttpAction.Respond, 500, "NoBackendRefs", null);
        }

        var index = rule.ChooseBackend(random, request.SessionBackend);
        if (index < 0)
        {
            return Decide(HttpAction.Respond, 500, "AllBackendWeightsZero", null);
        }

        var backend = rule.Backends[index];
        if (!backend.Info.Usable)
        {
            // The share of an invalid backend is answered, not moved to the others (§7).
            return Decide(HttpAction.Respond, backend.Info.ErrorStatusCode, backend.Info.Problem, backend.Info);
        }

        state.Run(backend.Filters);
        if (state.Error is not null)
        {
            return Decide(HttpAction.Respond, 500, state.Error, backend.Info);
        }

        if (state.Redirect is { } late)
        {
            var location = RedirectLocation(late, request, listenerPort, target.Match, out var problem);
            return location is null ? Decide(HttpAction.Respond, 500, problem, backend.Info) : Decide(HttpAction.Redirect, late.StatusCode, null, backend.Info, location);
        }

        return Decide(HttpAction.Forward, 0, null, backend.Info);
    }

    /// <summary>
    /// The redirect <c>Location</c> (§4.2): scheme (filter, else request), host (filter, else request host without
    /// port), port (filter; else the scheme's well-known port when the filter sets a scheme; else the listener's),
    /// omitted when it is 80 with http or 443 with https; path modified per §4.3; query kept (R11).
    /// </summary>
    internal static string? RedirectLocation(RedirectFilter redirect, HttpRoutingRequest request, int listenerPort, in MatchSummary match, out string? problem)
    {
        problem = null;
        var (path, query) = SplitTarget(request.Path);
        if (redirect.Path is { } modifier)
        {
            var modified = ModifyPath(modifier, path, match, out problem);
            if (modified is null)
            {
                return null;
            }

            path = modified;
        }

        var scheme = (redirect.Scheme ?? request.Scheme).ToLowerInvariant();
        var host = redirect.Hostname ?? HostnameMatching.HostWithoutPort(request.Authority).ToString();
        var port = redirect.Port ?? (redirect.Scheme is not null ? WellKnownPort(scheme) ?? listenerPort : listenerPort);
        var omitPort = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
        if (host.Contains(':') && !host.StartsWith('['))
        {
            host = "[" + host + "]";
        }

        return scheme + "://" + host + (omitPort ? "" : ":" + port.ToString(CultureInfo.InvariantCulture)) + path + query;
    }

    private static int? WellKnownPort(string scheme) => scheme switch
    {
        "http" => 80,
        "https" => 443,
        _ => null,
    };

    /// <summary>Applies a path modifier; ReplacePrefixMatch needs the winning match to be a PathPrefix (CEL R23/R25).</summary>
    internal static string? ModifyPath(PathModifier modifier, string path, in MatchSummary match, out string? problem)
    {
        problem = null;
        if (modifier.IsFullPath)
        {
            return modifier.Value;
        }

        if (match.PathKind != PathKind.Prefix)
        {
            problem = "ReplacePrefixMatch requires a PathPrefix match";
            return null;
        }

        return PathMatching.ReplacePrefix(path, match.PathValue, modifier.Value);
    }

    /// <summary>Splits a request target into path and <c>?query</c> (the fragment dropped); empty path is <c>/</c>.</summary>
    internal static (string Path, string Query) SplitTarget(string target)
    {
        var fragment = target.IndexOf('#');
        if (fragment >= 0)
        {
            target = target[..fragment];
        }

        var question = target.IndexOf('?');
        var path = question >= 0 ? target[..question] : target;
        return (path.Length == 0 ? "/" : path, question >= 0 ? target[question..] : "");
    }

    private static SessionPersistenceSettings? SessionSettings(HttpRouteTarget target)
    {
        if (target.Rule.SessionPersistence is not { } session)
        {
            return null;
        }

        var match = target.Match;
        var cookiePath = match.PathKind switch
        {
            PathKind.Exact => match.PathValue,
            PathKind.Prefix => match.NormalizedPrefix.Length == 0 ? "/" : match.NormalizedPrefix,
            PathKind.RegularExpression => LiteralPrefix(match.PathValue),
            _ => "/",
        };
        return SessionPersistenceSettings.From(session, cookiePath);
    }

    /// <summary>The longest literal prefix of a pattern, cut back to its last <c>/</c> so the cookie covers every match.</summary>
    internal static string LiteralPrefix(string pattern)
    {
        var start = pattern.StartsWith('^') ? 1 : 0;
        var end = start;
        while (end < pattern.Length && "\\.^$|?*+()[]{}".IndexOf(pattern[end]) < 0)
        {
            end++;
        }

        var literal = pattern[start..end];
        var slash = literal.LastIndexOf('/');
        return slash <= 0 ? "/" : literal[..(slash + 1)];
    }

    /// <summary>What filters accumulate while they run.</summary>
    private sealed class State(HttpRoutingRequest request, HttpRouteTarget target, Random random)
    {
        public string Host { get; private set; } = request.Authority;

        public string Path { get; private set; } = request.Path;

        public List<HeaderModification> RequestHeaders { get; } = [];

        public List<HeaderModification> ResponseHeaders { get; } = [];

        public List<MirrorDecision> Mirrors { get; } = [];

        public List<FilterReference> ExtensionRefs { get; } = [];

        public List<ExternalAuthDecision> ExternalAuth { get; } = [];

        public List<FilterStep> Steps { get; } = [];

        public CorsDecision? Cors { get; private set; }

        public RedirectFilter? Redirect { get; private set; }

        public string? Error { get; private set; }

        public void Run(CompiledFilter[] filters)
        {
            foreach (var filter in filters)
            {
                Steps.Add(new FilterStep(filter.Type, filter.Stage, filter.Index, Apply(filter)));
            }
        }

        private string Apply(CompiledFilter filter)
        {
            switch (filter)
            {
                case HeaderModifierFilter headers:
                    (headers.Response ? ResponseHeaders : RequestHeaders).AddRange(headers.Changes);
                    return string.Join(", ", headers.Changes);
                case RedirectFilter redirect:
                    Redirect ??= redirect;
                    return $"redirect {redirect.StatusCode}";
                case UrlRewriteFilter rewrite:
                    if (rewrite.Hostname is not null)
                    {
                        Host = rewrite.Hostname;
                    }

                    if (rewrite.Path is { } modifier)
                    {
                        var (path, query) = SplitTarget(request.Path);
                        var modified = ModifyPath(modifier, path, target.Match, out var problem);
                        if (modified is null)
                        {
                            Error ??= problem;
                            return "failed: " + problem;
                        }

                        // Matching used the original request; the rewrite only changes what is forwarded (§4.3).
                        Path = modified + query;
                    }

                    return $"host {Host}, path {Path}";
                case MirrorFilter mirror:
                    if (!mirror.Usable)
                    {
                        // An invalid mirror backend drops the mirror only (§4.4).
                        return "dropped: mirror backend cannot be used";
                    }

                    var mirrored = mirror.Numerator >= mirror.Denominator || random.Next(mirror.Denominator) < mirror.Numerator;
                    Mirrors.Add(new MirrorDecision(mirror.Backend, mirror.Numerator, mirror.Denominator, mirrored));
                    return mirrored ? $"mirror to {mirror.Backend}" : $"not mirrored ({mirror.Numerator}/{mirror.Denominator})";
                case CorsFilter cors:
                    Cors = cors.Policy.Evaluate(request);
                    if (Cors is { IsPreflight: false })
                    {
                        // Vary is appended to the backend's own; the Access-Control-* headers replace any it sent.
                        foreach (var header in Cors.ResponseHeaders)
                        {
                            var kind = header.Key == CorsPolicy.VaryHeaderName ? HeaderModificationKind.Add : HeaderModificationKind.Set;
                            ResponseHeaders.Add(new HeaderModification(kind, header.Key, header.Value));
                        }
                    }
                    else if (Cors is null && cors.Policy.VariesByOrigin)
                    {
                        // Not a CORS request, but a cached copy of this answer must not serve CORS requests.
                        ResponseHeaders.Add(new HeaderModification(HeaderModificationKind.Add, CorsPolicy.VaryHeaderName, "Origin"));
                    }

                    return Cors is null ? "not a CORS request" : Cors.IsPreflight ? "preflight answered" : Cors.OriginAllowed ? "CORS headers added" : "origin not allowed";
                case ExtensionRefFilter extension:
                    if (!extension.Resolvable)
                    {
                        // An unresolvable ExtensionRef must not be skipped: the request gets an error (§4.0, R9).
                        Error ??= "UnresolvedExtensionRef";
                        return "unresolvable";
                    }

                    ExtensionRefs.Add(extension.Reference);
                    return $"run {extension.Reference.Kind} {extension.Reference.Name}";
                case ExternalAuthFilterStep auth:
                    if (!auth.Resolvable)
                    {
                        // ExternalAuth fails closed (§4.6).
                        Error ??= "UnresolvedExternalAuth";
                        return "unresolvable";
                    }

                    ExternalAuth.Add(new ExternalAuthDecision(auth.Settings, auth.Backend, auth.Stage));
                    return $"ask {auth.Backend}";
                case InvalidFilter invalid:
                    Error ??= "InvalidFilter";
                    return invalid.Problem;
                default:
                    Error ??= "InvalidFilter";
                    return "unknown filter";
            }
        }
    }
}
