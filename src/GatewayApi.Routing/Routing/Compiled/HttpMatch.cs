using GatewayApi.Models;

namespace GatewayApi.Routing.Compiled;

/// <summary>How a compiled match compares the path.</summary>
internal enum PathKind
{
    Exact,
    Prefix,
    RegularExpression,

    /// <summary>An unknown type or an unusable value: the match never matches.</summary>
    Never,
}

/// <summary>One header condition after defaulting: Exact (default) or a compiled pattern (a struct: stored inline).</summary>
internal readonly record struct HeaderCondition(string Name, string Value, CompiledPattern? Pattern)
{
    public bool Matches(scoped in RequestHeaders headers, int maxRegexInput) =>
        Pattern is null ? RequestValues.HeaderEquals(headers, Name, Value) : RequestValues.HeaderMatches(headers, Name, Pattern, maxRegexInput);
}

/// <summary>One query-parameter condition after defaulting (a struct: stored inline).</summary>
internal readonly record struct QueryCondition(string Name, string Value, CompiledPattern? Pattern)
{
    public bool Matches(ReadOnlySpan<char> query, int maxRegexInput)
    {
        if (!RequestValues.TryGetQueryValue(query, Name, out var raw))
        {
            return false;
        }

        return Pattern is null ? RequestValues.DecodedEquals(raw, Value) : RequestValues.DecodedMatches(raw, Pattern, maxRegexInput);
    }
}

/// <summary>
/// One <c>HTTPRouteMatch</c> after defaulting (absent path = <c>PathPrefix /</c>, absent types = Exact/PathPrefix)
/// and de-duplication (first header of a name, case-insensitive; first query parameter of a name), with its
/// regular expressions compiled. A struct held inline by its <see cref="HttpRouteTarget"/> (one object less per match).
/// </summary>
internal readonly struct MatchSummary
{
    public MatchSummary()
    {
    }

    public required PathKind PathKind { get; init; }

    /// <summary>The path type as written after defaulting.</summary>
    public required string PathType { get; init; }

    /// <summary>The path value as written after defaulting.</summary>
    public required string PathValue { get; init; }

    /// <summary>For a prefix: the value less one trailing <c>/</c>.</summary>
    public string NormalizedPrefix { get; init; } = "";

    public CompiledPattern? PathPattern { get; init; }

    public string? Method { get; init; }

    public HeaderCondition[] Headers { get; init; } = [];

    public QueryCondition[] QueryParams { get; init; } = [];

    /// <summary>Why the match can never match (unknown type, invalid pattern, missing name); null when it can.</summary>
    public string? NeverReason { get; init; }

    public bool NeverMatches => NeverReason is not null;

    public static MatchSummary FromHttp(HttpRouteMatch? match, CompiledPattern.Cache patterns)
    {
        string? never = null;
        var pathType = match?.Path?.Type?.Value ?? PathMatchType.PathPrefix.Value;
        var pathValue = match?.Path?.Value ?? "/";
        var kind = PathKind.Never;
        var normalized = "";
        CompiledPattern? pathPattern = null;
        if (pathType == PathMatchType.Exact.Value)
        {
            kind = PathKind.Exact;
        }
        else if (pathType == PathMatchType.PathPrefix.Value)
        {
            var prefix = PathMatching.NormalizePrefix(pathValue);
            if (prefix is null)
            {
                never = $"PathPrefix value '{pathValue}' is not an absolute path";
            }
            else
            {
                kind = PathKind.Prefix;
                normalized = prefix;
            }
        }
        else if (pathType == PathMatchType.RegularExpression.Value)
        {
            pathPattern = patterns.Get(pathValue);
            if (pathPattern.IsValid)
            {
                kind = PathKind.RegularExpression;
            }
            else
            {
                never = $"path pattern '{pathValue}' is not supported: {pathPattern.Error}";
            }
        }
        else
        {
            never = $"unsupported path match type '{pathType}'";
        }

        // Conditions go straight into arrays of the written size (trimmed if duplicates were dropped).
        var headers = match?.Headers is { Count: > 0 } ? new HeaderCondition[match.Headers.Count] : null;
        var headerCount = 0;
        // No empty list (and no boxed enumerator) per match: compile allocates per rule and match.
        var headerMatches = match?.Headers;
        for (var headerIndex = 0; headerIndex < (headerMatches?.Count ?? 0); headerIndex++)
        {
            var header = headerMatches![headerIndex];
            if (header.Name is null || header.Value is null)
            {
                never ??= "a header match without name or value";
                continue;
            }

            // Several entries naming one header (case-insensitively): only the first counts (§2.1).
            if (NameTaken(headers.AsSpan(0, headerCount), header.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var type = header.Type?.Value ?? HeaderMatchType.Exact.Value;
            if (type == HeaderMatchType.Exact.Value)
            {
                headers![headerCount++] = new HeaderCondition(header.Name, header.Value, null);
            }
            else if (type == HeaderMatchType.RegularExpression.Value)
            {
                var pattern = patterns.Get(header.Value);
                if (!pattern.IsValid)
                {
                    never ??= $"header pattern '{header.Value}' is not supported: {pattern.Error}";
                }

                headers![headerCount++] = new HeaderCondition(header.Name, header.Value, pattern);
            }
            else
            {
                never ??= $"unsupported header match type '{type}'";
                headers![headerCount++] = new HeaderCondition(header.Name, header.Value, null);
            }
        }

        var query = match?.QueryParams is { Count: > 0 } ? new QueryCondition[match.QueryParams.Count] : null;
        var queryCount = 0;
        var queryMatches = match?.QueryParams;
        for (var queryIndex = 0; queryIndex < (queryMatches?.Count ?? 0); queryIndex++)
        {
            var parameter = queryMatches![queryIndex];
            if (parameter.Name is null || parameter.Value is null)
            {
                never ??= "a query parameter match without name or value";
                continue;
            }

            // Names compare exactly; the first entry for a name wins (§2.1).
            if (NameTaken(query.AsSpan(0, queryCount), parameter.Name, StringComparison.Ordinal))
            {
                continue;
            }

            var type = parameter.Type?.Value ?? QueryParamMatchType.Exact.Value;
            if (type == QueryParamMatchType.Exact.Value)
            {
                query![queryCount++] = new QueryCondition(parameter.Name, parameter.Value, null);
            }
            else if (type == QueryParamMatchType.RegularExpression.Value)
            {
                var pattern = patterns.Get(parameter.Value);
                if (!pattern.IsValid)
                {
                    never ??= $"query parameter pattern '{parameter.Value}' is not supported: {pattern.Error}";
                }

                query![queryCount++] = new QueryCondition(parameter.Name, parameter.Value, pattern);
            }
            else
            {
                never ??= $"unsupported query parameter match type '{type}'";
                query![queryCount++] = new QueryCondition(parameter.Name, parameter.Value, null);
            }
        }

        return new MatchSummary
        {
            PathKind = never is null ? kind : PathKind.Never,
            PathType = pathType,
            PathValue = pathValue,
            NormalizedPrefix = normalized,
            PathPattern = pathPattern,
            Method = match?.Method?.Value,
            Headers = headers is null ? [] : headerCount == headers.Length ? headers : headers[..headerCount],
            QueryParams = query is null ? [] : queryCount == query.Length ? query : query[..queryCount],
            NeverReason = never,
        };
    }

    // A loop rather than List.Exists: no closure per condition (compile allocates per rule and match).
    private static bool NameTaken(ReadOnlySpan<HeaderCondition> conditions, string name, StringComparison comparison)
    {
        foreach (var condition in conditions)
        {
            if (string.Equals(condition.Name, name, comparison))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NameTaken(ReadOnlySpan<QueryCondition> conditions, string name, StringComparison comparison)
    {
        foreach (var condition in conditions)
        {
            if (string.Equals(condition.Name, name, comparison))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the request path satisfies the path condition.</summary>
    public bool MatchesPath(scoped in HttpRequestView request) => PathKind switch
    {
        PathKind.Exact => request.Path.SequenceEqual(PathValue),
        PathKind.Prefix => PathMatching.PrefixMatches(NormalizedPrefix, request.Path),
        PathKind.RegularExpression => PathPattern!.IsMatch(request.Path, request.MaxRegexInput),
        _ => false,
    };

    /// <summary>Whether the method, header and query conditions hold (the path is checked by the index).</summary>
    public bool MatchesConditions(scoped in HttpRequestView request) => MatchesConditions(request, null);

    /// <summary>
    /// Whether the conditions hold, skipping the header <paramref name="knownHeader"/> whose Exact condition the
    /// caller already knows holds (a header-indexed bucket found the candidate by that header's value).
    /// </summary>
    public bool MatchesConditions(scoped in HttpRequestView request, string? knownHeader)
    {
        if (Method is not null && !string.Equals(Method, request.Method, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var header in Headers)
        {
            if (knownHeader is not null && header.Pattern is null && string.Equals(header.Name, knownHeader, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!header.Matches(request.Headers, request.MaxRegexInput))
            {
                return false;
            }
        }

        foreach (var parameter in QueryParams)
        {
            if (!parameter.Matches(request.Query, request.MaxRegexInput))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first condition the request fails, in words; null when every condition holds.</summary>
    public string? FirstFailure(scoped in HttpRequestView request)
    {
        if (NeverReason is not null)
        {
            return "never matches: " + NeverReason;
        }

        if (!MatchesPath(request))
        {
            return $"path {PathType} '{PathValue}' does not match '{request.Path}'";
        }

        if (Method is not null && !string.Equals(Method, request.Method, StringComparison.Ordinal))
        {
            return $"method {Method} does not match {request.Method}";
        }

        foreach (var header in Headers)
        {
            if (!header.Matches(request.Headers, request.MaxRegexInput))
            {
                return $"header '{header.Name}' does not match {(header.Pattern is null ? "Exact" : "RegularExpression")} '{header.Value}'";
            }
        }

        foreach (var parameter in QueryParams)
        {
            if (!parameter.Matches(request.Query, request.MaxRegexInput))
            {
                return $"query parameter '{parameter.Name}' does not match {(parameter.Pattern is null ? "Exact" : "RegularExpression")} '{parameter.Value}'";
            }
        }

        return null;
    }

    /// <summary>This match's precedence key (hostname left at zero; set per hostname entry).</summary>
    public HttpPrecedenceKey Key(RouterOptions options, long creationTicks, string routeName, int ruleIndex, int matchIndex)
    {
        var (rank, length) = PathKind switch
        {
            PathKind.Exact => (HttpPrecedenceKey.ExactRank, PathValue.Length),
            PathKind.Prefix => (HttpPrecedenceKey.PrefixRank,
                options.PathPrefixLength == PathPrefixLength.AsWritten ? PathValue.Length : NormalizedPrefix.Length),
            PathKind.RegularExpression => (options.RegularExpressionPathPrecedence == RegularExpressionPathPrecedence.BetweenExactAndPrefix
                ? HttpPrecedenceKey.RegexBetweenRank : HttpPrecedenceKey.RegexAfterRank, PathValue.Length),
            _ => (HttpPrecedenceKey.NeverRank, 0),
        };
        return new HttpPrecedenceKey(0, 0, rank, length, Method is not null, Headers.Length, QueryParams.Length, creationTicks, routeName, ruleIndex, matchIndex);
    }
}
