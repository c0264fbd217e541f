using GatewayApi.Routing.Compiled;

namespace GatewayApi.Routing.Filters;

/// <summary>Turns a gRPC match into a decision; answers are gRPC statuses, never HTTP error pages (§3.3).</summary>
internal static class GrpcDecisionBuilder
{
    public static GrpcRouteDecision Build(GrpcRouteMatchResult match, string? sessionBackend, Random random, RoutedBackend? meshService)
    {
        switch (match.Result)
        {
            case RoutingResult.NoRoutesBound:
                return new GrpcRouteDecision { Result = match.Result, Status = GrpcStatusCode.Ok, Backend = meshService };
            case not RoutingResult.Matched:
                return new GrpcRouteDecision { Result = match.Result, Status = GrpcStatusCode.Unimplemented, StatusMessage = match.Result.ToString(), ListenerName = match.ListenerName };
        }

        var target = match.Target!;
        var rule = target.Rule;
        var requestHeaders = new List<HeaderModification>();
        var responseHeaders = new List<HeaderModification>();
        var mirrors = new List<MirrorDecision>();
        var extensions = new List<FilterReference>();
        var steps = new List<FilterStep>();
        string? error = null;

        void Run(CompiledFilter[] filters)
        {
            foreach (var filter in filters)
            {
                string effect;
                switch (filter)
                {
                    case HeaderModifierFilter headers:
                        (headers.Response ? responseHeaders : requestHeaders).AddRange(headers.Changes);
                        effect = string.Join(", ", headers.Changes);
                        break;
                    case MirrorFilter { Usable: false }:
                        effect = "dropped: mirror backend cannot be used";
                        break;
                    case MirrorFilter mirror:
                        var mirrored = mirror.Numerator >= mirror.Denominator || random.Next(mirror.Denominator) < mirror.Numerator;
                        mirrors.Add(new MirrorDecision(mirror.Backend, mirror.Numerator, mirror.Denominator, mirrored));
                        effect = mirrored ? $"mirror to {mirror.Backend}" : "not mirrored";
                        break;
                    case ExtensionRefFilter { Resolvable: true } extension:
                        extensions.Add(extension.Reference);
                        effect = $"run {extension.Reference.Kind} {extension.Reference.Name}";
                        break;
                    case ExtensionRefFilter:
                        error ??= "UnresolvedExtensionRef";
                        effect = "unresolvable";
                        break;
                    case InvalidFilter invalid:
                        error ??= "InvalidFilter";
                        effect = invalid.Problem;
                        break;
                    default:
                        error ??= "InvalidFilter";
                        effect = "unsupported";
                        break;
                }

                steps.Add(new FilterStep(filter.Type, filter.Stage, filter.Index, effect));
            }
        }

        GrpcRouteDecision Decide(GrpcStatusCode status, string? message, RoutedBackend? backend) => new()
        {
            Result = RoutingResult.Matched,
            Status = status,
            StatusMessage = message,
            ListenerName = match.ListenerName,
            Hostname = match.Hostname,
            Route = target.Route,
            RuleIndex = target.RuleIndex,
            RuleName = target.RuleName,
            MatchIndex = target.MatchIndex,
            Backend = backend,
            RequestHeaderModifications = requestHeaders,
            ResponseHeaderModifications = responseHeaders,
            Mirrors = mirrors,
            ExtensionRefs = extensions,
            Filters = steps,
            SessionPersistence = rule.SessionPersistence is { } session ? SessionPersistenceSettings.From(session, CookiePath(target.Match)) : null,
        };

        Run(rule.Filters);
        if (error is not null)
        {
            return Decide(GrpcStatusCode.Internal, error, null);
        }

        if (rule.Backends.Length == 0)
        {
            // The reference page: no backends and no responding filter is UNIMPLEMENTED (R8); mesh: the parent Service.
            return rule.ParentServiceBackend is { } parent ? Decide(GrpcStatusCode.Ok, null, parent) : Decide(GrpcStatusCode.Unimplemented, "NoBackendRefs", null);
        }

        var index = rule.ChooseBackend(random, sessionBackend);
        if (index < 0)
        {
            return Decide(GrpcStatusCode.Unavailable, "AllBackendWeightsZero", null);
        }

        var backend = rule.Backends[index];
        if (!backend.Info.Usable)
        {
            return Decide(GrpcStatusCode.Unavailable, backend.Info.Problem, backend.Info);
        }

        Run(backend.Filters);
        return error is null ? Decide(GrpcStatusCode.Ok, null, backend.Info) : Decide(GrpcStatusCode.Internal, error, backend.Info);
    }

    /// <summary>
    /// The session cookie path of a gRPC match, from the request path it matches (<c>/{service}/{method}</c>): the
    /// exact service (and method), else <c>/</c>, so the cookie is sent with every call the match covers.
    /// </summary>
    internal static string CookiePath(GrpcMatchSummary match) => match.ServiceKind != NameKind.Exact
        ? "/"
        : match.MethodKind == NameKind.Exact ? $"/{match.Service}/{match.Method}" : "/" + match.Service;
}

/// <summary>Turns a TLS/TCP/UDP winner into a decision: forward to a backend by weight, or reject/drop (§5, §6).</summary>
internal static class StreamDecisionBuilder
{
    public static StreamRouteDecision NoRoute(RoutingResult result, CompiledListener? listener, string reason) => new()
    {
        Result = result,
        Forward = false,
        RejectReason = reason,
        ListenerName = listener?.Name,
        TlsMode = listener?.TlsMode,
    };

    public static StreamRouteDecision Build(CompiledListener listener, StreamCandidate winner, string? hostname, Random random)
    {
        var rule = winner.Rule;
        var index = rule.ChooseBackend(random);
        var backend = index < 0 ? null : rule.Backends[index].Info;
        var reason = backend is null ? "NoUsableBackend" : backend.Usable ? null : backend.Problem;
        return new StreamRouteDecision
        {
            Result = RoutingResult.Matched,
            Forward = reason is null,
            RejectReason = reason,
            ListenerName = listener.Name,
            TlsMode = listener.TlsMode,
            Hostname = hostname,
            Route = rule.Route,
            RuleIndex = 0,
            RuleName = rule.RuleName,
            Backend = backend,
        };
    }
}
