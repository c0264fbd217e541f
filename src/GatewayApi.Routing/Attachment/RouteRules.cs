using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Attachment;

/// <summary>An invalid rule of a route: its index, the reason and what is wrong.</summary>
internal readonly record struct InvalidRule(int Index, string Reason, string Message);

/// <summary>The content validity of a route's rules (§2.1 step 5): which rules the data plane cannot implement.</summary>
internal sealed class RuleValidity
{
    public static RuleValidity Valid { get; } = new(0, []);

    public RuleValidity(int ruleCount, IReadOnlyList<InvalidRule> invalidRules)
    {
        RuleCount = ruleCount;
        InvalidRules = invalidRules;
    }

    public int RuleCount { get; }

    public IReadOnlyList<InvalidRule> InvalidRules { get; }

    /// <summary>Every rule is invalid: the route cannot be accepted.</summary>
    public bool AllInvalid => RuleCount > 0 && InvalidRules.Count == RuleCount;

    /// <summary>Some but not all rules are invalid: accepted with <c>PartiallyInvalid</c>, the invalid rules dropped.</summary>
    public bool PartiallyInvalid => InvalidRules.Count > 0 && InvalidRules.Count < RuleCount;

    /// <summary><c>UnsupportedValue</c> wins over <c>IncompatibleFilters</c> (our documented choice; §7 leaves it open).</summary>
    public string Reason => InvalidRules.Any(r => r.Reason == RouteConditionReason.UnsupportedValue.Value)
        ? RouteConditionReason.UnsupportedValue.Value
        : RouteConditionReason.IncompatibleFilters.Value;

    public string Describe() => string.Join(" ", InvalidRules.Select(r => $"Rule {r.Index}: {r.Message}"));

    public bool IsRuleValid(int index) => !InvalidRules.Any(r => r.Index == index);
}

/// <summary>
/// Decides which rules of a route the data plane can implement, from <see cref="StatusEngineOptions.SupportedFeatures"/>:
/// an enumerated value it does not know or support (match type, method, filter type, redirect scheme or code, path
/// modifier type) is <c>UnsupportedValue</c>, and so is an Extended field whose feature is not supported; filters that
/// cannot go together are <c>IncompatibleFilters</c>.
/// </summary>
/// <remarks>
/// Spec: <c>attachment-and-status.md</c> §6.5 (<c>UnsupportedValue</c> "MUST be used for unknown values",
/// <c>IncompatibleFilters</c>); upstream <c>httproute_types.go</c> and <c>grpcroute_types.go</c> filter and match docs.
/// Rule names are labels only and never make a rule invalid.
/// </remarks>
internal static class RouteRules
{
    private static readonly int[] CoreRedirectCodes = [301, 302];

    public static RuleValidity Validate(EngineContext context, RouteObject route) => route.Object switch
    {
        HttpRoute http => ValidateHttp(context, http),
        GrpcRoute grpc => ValidateGrpc(context, grpc),
        TlsRoute tls => new RuleValidity(tls.Spec.Rules?.Count ?? 0, []),
        TcpRoute tcp => new RuleValidity(tcp.Spec.Rules?.Count ?? 0, []),
        UdpRoute udp => new RuleValidity(udp.Spec.Rules?.Count ?? 0, []),
        _ => RuleValidity.Valid,
    };

    private static RuleValidity ValidateHttp(EngineContext context, HttpRoute route)
    {
        var rules = route.Spec.Rules ?? [];
        var invalid = new List<InvalidRule>();
        for (var i = 0; i < rules.Count; i++)
        {
            var problems = new Problems(context);
            var rule = rules[i];
            foreach (var match in rule.Matches ?? [])
            {
                CheckHttpMatch(problems, match);
            }

            CheckHttpFilters(problems, rule.Filters ?? [], onBackend: false);
            foreach (var backend in rule.BackendRefs ?? [])
            {
                CheckHttpFilters(problems, backend.Filters ?? [], onBackend: true);
            }

            CheckPrefixReplacementNeedsPathPrefix(problems, rule);

            if (rule.Timeouts?.Request is not null)
            {
                problems.RequireFeature(GatewayApiFeatures.HttpRouteRequestTimeout, "timeouts.request");
            }

            if (rule.Timeouts?.BackendRequest is not null)
            {
                problems.RequireFeature(GatewayApiFeatures.HttpRouteBackendTimeout, "timeouts.backendRequest");
            }

            if (rule.Retry is not null)
            {
                problems.RequireFeature(GatewayApiFeatures.HttpRouteRetry, "retry");
            }

            problems.AddTo(invalid, i);
        }

        return new RuleValidity(rules.Count, invalid);
    }

    /// <summary>
    /// <c>ReplacePrefixMatch</c> (in a URLRewrite or a RequestRedirect, on the rule or on one of its backendRefs) replaces
    /// the prefix a <c>PathPrefix</c> match matched, so every match of the rule must be a <c>PathPrefix</c> one; otherwise
    /// the rule is not accepted. The CRD's CEL rule catches only some shapes of this mistake (one match, filters on the
    /// rule), so the controller must catch the rest. Spec: <c>httproute_types.go</c> HTTPPathModifier.ReplacePrefixMatch
    /// ("Using any other HTTPRouteMatch type on the same HTTPRouteRule will result in ... Accepted ... False").
    /// </summary>
    private static void CheckPrefixReplacementNeedsPathPrefix(Problems problems, HttpRouteRule rule)
    {
        var usesPrefixReplacement = UsesPrefixReplacement(rule.Filters)
            || (rule.BackendRefs ?? []).Any(b => UsesPrefixReplacement(b.Filters));
        if (!usesPrefixReplacement)
        {
            return;
        }

        // A rule without matches, or a match without a path, matches by the default PathPrefix "/".
        foreach (var match in rule.Matches ?? [])
        {
            var type = match.Path?.Type?.Value ?? PathMatchType.PathPrefix.Value;
            if (type != PathMatchType.PathPrefix.Value)
            {
                problems.Unsupported($"ReplacePrefixMatch needs PathPrefix matches, but this rule has a {type} path match.");
                return;
            }
        }
    }

    private static bool UsesPrefixReplacement(IList<HttpRouteFilter>? filters)
    {
        foreach (var filter in filters ?? [])
        {
            var path = filter.Type?.Value switch
            {
                "URLRewrite" => filter.UrlRewrite?.Path,
                "RequestRedirect" => filter.RequestRedirect?.Path,
                _ => null,
            };
            if (path?.Type?.Value == HttpPathModifierType.ReplacePrefixMatch.Value)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckHttpMatch(Problems problems, HttpRouteMatch match)
    {
        var pathType = match.Path?.Type?.Value ?? PathMatchType.PathPrefix.Value;
        problems.CheckMatchType("path match type", pathType, PathMatchType.Exact.Value, PathMatchType.PathPrefix.Value);
        foreach (var header in match.Headers ?? [])
        {
            problems.CheckMatchType("header match type", header.Type?.Value ?? HeaderMatchType.Exact.Value, HeaderMatchType.Exact.Value, null);
        }

        if (match.QueryParams is { Count: > 0 } queryParams)
        {
            problems.RequireFeature(GatewayApiFeatures.HttpRouteQueryParamMatching, "query parameter matching");
            foreach (var query in queryParams)
            {
                problems.CheckMatchType("query parameter match type", query.Type?.Value ?? QueryParamMatchType.Exact.Value, QueryParamMatchType.Exact.Value, null);
            }
        }

        if (match.Method is { } method)
        {
            problems.RequireFeature(GatewayApiFeatures.HttpRouteMethodMatching, "method matching");
            if (!method.IsKnown)
            {
                problems.Unsupported($"method '{method.Value}' is not supported.");
            }
        }
    }

    private static void CheckHttpFilters(Problems problems, IList<HttpRouteFilter> filters, bool onBackend)
    {
        var mirrors = 0;
        var redirects = 0;
        var rewrites = 0;
        foreach (var filter in filters)
        {
            var type = filter.Type?.Value ?? string.Empty;
            switch (type)
            {
                case "RequestHeaderModifier":
                    if (onBackend)
                    {
                        problems.RequireFeature(GatewayApiFeatures.HttpRouteBackendRequestHeaderModification, "RequestHeaderModifier on a backendRef");
                    }

                    break;
                case "ResponseHeaderModifier":
                    problems.RequireFeature(GatewayApiFeatures.HttpRouteResponseHeaderModification, "the ResponseHeaderModifier filter");
                    break;
                case "RequestMirror":
                    mirrors++;
                    problems.RequireFeature(GatewayApiFeatures.HttpRouteRequestMirror, "the RequestMirror filter");
                    if (filter.RequestMirror?.Percent is not null || filter.RequestMirror?.Fraction is not null)
                    {
                        problems.RequireFeature(GatewayApiFeatures.HttpRouteRequestPercentageMirror, "mirroring a percentage of requests");
                    }

                    break;
                case "RequestRedirect":
                    redirects++;
                    CheckRedirect(problems, filter.RequestRedirect);
                    break;
                case "URLRewrite":
                    rewrites++;
                    if (filter.UrlRewrite?.Hostname is not null)
                    {
                        problems.RequireFeature(GatewayApiFeatures.HttpRouteHostRewrite, "URLRewrite of the hostname");
                    }

                    if (filter.UrlRewrite?.Path is { } path)
                    {
                        problems.RequireFeature(GatewayApiFeatures.HttpRoutePathRewrite, "URLRewrite of the path");
                        problems.CheckPathModifier(path);
                    }

                    break;
                case "CORS":
                    problems.RequireFeature(GatewayApiFeatures.HttpRouteCors, "the CORS filter");
                    break;
                case "ExternalAuth":
                    problems.RequireFeature(GatewayApiFeatures.HttpRouteExternalAuth, "the ExternalAuth filter");
                    break;
                case "ExtensionRef":
                    // Resolved (or not) with the references: InvalidKind/BackendNotFound under ResolvedRefs.
                    break;
                default:
                    problems.Unsupported($"filter type '{type}' is not supported.");
                    break;
            }
        }

        if (mirrors > 1)
        {
            problems.RequireFeature(GatewayApiFeatures.HttpRouteRequestMultipleMirrors, "several RequestMirror filters in one rule");
        }

        if (redirects > 0 && rewrites > 0)
        {
            problems.Incompatible("the RequestRedirect and URLRewrite filters cannot be combined.");
        }
        else if (redirects > 1 || rewrites > 1)
        {
            problems.Incompatible("RequestRedirect and URLRewrite may each appear only once.");
        }
    }

    private static void CheckRedirect(Problems problems, HttpRequestRedirectFilter? redirect)
    {
        if (redirect is null)
        {
            return;
        }

        if (redirect.Scheme is { } scheme)
        {
            problems.RequireFeature(GatewayApiFeatures.HttpRouteSchemeRedirect, "redirecting to another scheme");
            if (!scheme.IsKnown)
            {
                problems.Unsupported($"redirect scheme '{scheme.Value}' is not supported.");
            }
        }

        if (redirect.Port is not null)
        {
            problems.RequireFeature(GatewayApiFeatures.HttpRoutePortRedirect, "redirecting to another port");
        }

        if (redirect.Path is { } path)
        {
            problems.RequireFeature(GatewayApiFeatures.HttpRoutePathRedirect, "redirecting to another path");
            problems.CheckPathModifier(path);
        }

        switch (redirect.StatusCode)
        {
            case null:
                break;
            case var code when CoreRedirectCodes.Contains(code.Value):
                break;
            case 303:
                problems.RequireFeature(GatewayApiFeatures.HttpRoute303RedirectStatusCode, "redirect status code 303");
                break;
            case 307:
                problems.RequireFeature(GatewayApiFeatures.HttpRoute307RedirectStatusCode, "redirect status code 307");
                break;
            case 308:
                problems.RequireFeature(GatewayApiFeatures.HttpRoute308RedirectStatusCode, "redirect status code 308");
                break;
            default:
                problems.Unsupported($"redirect status code {redirect.StatusCode} is not supported.");
                break;
        }
    }

    private static RuleValidity ValidateGrpc(EngineContext context, GrpcRoute route)
    {
        var rules = route.Spec.Rules ?? [];
        var invalid = new List<InvalidRule>();
        for (var i = 0; i < rules.Count; i++)
        {
            var problems = new Problems(context);
            var rule = rules[i];
            foreach (var match in rule.Matches ?? [])
            {
                if (match.Method is { } method)
                {
                    problems.CheckMatchType("gRPC method match type", method.Type?.Value ?? GrpcMethodMatchType.Exact.Value, GrpcMethodMatchType.Exact.Value, null);
                }

                foreach (var header in match.Headers ?? [])
                {
                    problems.CheckMatchType("gRPC header match type", header.Type?.Value ?? GrpcHeaderMatchType.Exact.Value, GrpcHeaderMatchType.Exact.Value, null);
                }
            }

            var filters = (rule.Filters ?? []).Concat((rule.BackendRefs ?? []).SelectMany(b => b.Filters ?? [])).ToList();
            var mirrors = 0;
            foreach (var filter in filters)
            {
                var type = filter.Type?.Value ?? string.Empty;
                switch (type)
                {
                    case "RequestHeaderModifier" or "ResponseHeaderModifier" or "ExtensionRef":
                        break;
                    case "RequestMirror":
                        mirrors++;
                        problems.RequireFeature(GatewayApiFeatures.HttpRouteRequestMirror, "the RequestMirror filter");
                        break;
                    default:
                        problems.Unsupported($"filter type '{type}' is not supported.");
                        break;
                }
            }

            if (mirrors > 1)
            {
                problems.RequireFeature(GatewayApiFeatures.HttpRouteRequestMultipleMirrors, "several RequestMirror filters in one rule");
            }

            problems.AddTo(invalid, i);
        }

        return new RuleValidity(rules.Count, invalid);
    }

    /// <summary>Collects the problems of one rule.</summary>
    private sealed class Problems(EngineContext context)
    {
        private readonly List<string> _unsupported = [];
        private readonly List<string> _incompatible = [];

        public void Unsupported(string message) => _unsupported.Add(message);

        public void Incompatible(string message) => _incompatible.Add(message);

        public void RequireFeature(string feature, string what)
        {
            if (!context.Supports(feature))
            {
                Unsupported($"{what} is not supported (feature {feature}).");
            }
        }

        /// <summary>Exact/PathPrefix (when given) are core; RegularExpression only with the option; anything else is unknown.</summary>
        public void CheckMatchType(string what, string value, string core, string? secondCore)
        {
            if (value == core || value == secondCore)
            {
                return;
            }

            if (value == "RegularExpression" && context.Options.SupportsRegularExpressionMatches)
            {
                return;
            }

            Unsupported($"{what} '{value}' is not supported.");
        }

        public void CheckPathModifier(HttpPathModifier path)
        {
            if (path.Type is not { IsKnown: true })
            {
                Unsupported($"path modifier type '{path.Type?.Value}' is not supported.");
            }
        }

        public void AddTo(List<InvalidRule> invalid, int index)
        {
            if (_unsupported.Count > 0)
            {
                invalid.Add(new InvalidRule(index, RouteConditionReason.UnsupportedValue.Value, string.Join(" ", _unsupported.Distinct(StringComparer.Ordinal).Concat(_incompatible))));
            }
            else if (_incompatible.Count > 0)
            {
                invalid.Add(new InvalidRule(index, RouteConditionReason.IncompatibleFilters.Value, string.Join(" ", _incompatible.Distinct(StringComparer.Ordinal))));
            }
        }
    }
}
