using System.Globalization;
using GatewayApi.Cli.Engine;
using GatewayApi.Cli.Output;
using GatewayApi.Routing;

namespace GatewayApi.Cli.Requests;

/// <summary>The human form of a route decision: one labelled line per fact, then the candidates with <c>--explain</c>.</summary>
internal static class RouteTextWriter
{
    private const int LabelWidth = 10;

    public static void Write(CliConsole console, OfflineEngine engine, RouteAnswer answer)
    {
        var output = console.Out;
        var colour = console.Colour;
        var query = answer.Query;
        void Line(string label, string? text, Style style = Style.None)
        {
            if (!string.IsNullOrEmpty(text))
            {
                output.WriteLine(Styles.Apply(label.PadRight(LabelWidth), Style.Dim, colour) + Styles.Apply(text, style, colour));
            }
        }

        foreach (var note in engine.Notes)
        {
            output.WriteLine(Styles.Apply("note: " + note, Style.Dim, colour));
        }

        Line("request", $"{(query.Grpc ? "gRPC " : string.Empty)}{answer.Request.Method} {query.Line.Scheme}://{answer.Request.Authority}{answer.Request.Path}");
        foreach (var header in query.Headers)
        {
            Line(string.Empty, $"{header.Key}: {header.Value}");
        }

        if (query.Gateway is { } gateway)
        {
            var sni = answer.Request.ServerName is { } name ? $", SNI {name}" : string.Empty;
            Line("gateway", $"{gateway}, {answer.PortChoice}{sni}");
        }
        else
        {
            Line("mesh", $"to Service {query.Service}:{query.ServicePort.ToString(CultureInfo.InvariantCulture)} from namespace {query.FromNamespace ?? query.Service!.Value.Namespace}");
        }

        if (answer.Http is { } http)
        {
            WriteHttp(Line, engine, answer, http, colour);
        }
        else
        {
            WriteGrpc(Line, engine, answer.Grpc!);
        }

        foreach (var note in answer.Notes)
        {
            Line("note", note, Style.Warn);
        }

        if (Weighted(engine, answer))
        {
            Line("seed", answer.Query.Seed.ToString(CultureInfo.InvariantCulture) + " (--seed repeats this weighted choice)", Style.Dim);
        }

        if (answer.Explanation is { } explanation)
        {
            output.WriteLine();
            output.WriteLine(Styles.Apply("Explanation: ", Style.Bold, colour) + explanation.ListenerSelection);
            if (explanation.Candidates.Count > 0)
            {
                var table = new TableWriter("#", "OUTCOME", "HOSTNAME", "ROUTE", "RULE", "MATCH", "WHY");
                foreach (var candidate in explanation.Candidates)
                {
                    var c = candidate.Candidate;
                    var style = candidate.Outcome switch
                    {
                        CandidateOutcome.Won => Style.Good,
                        CandidateOutcome.OutrankedByWinner => Style.Warn,
                        _ => Style.Dim,
                    };
                    table.Add(
                        ((c.Order + 1).ToString(CultureInfo.InvariantCulture), Style.None),
                        (Outcome(candidate.Outcome), style),
                        (c.Hostname, Style.None),
                        (c.Route.ToString(), Style.None),
                        (c.RuleIndex.ToString(CultureInfo.InvariantCulture) + (c.RuleName is { } r ? $" ({r})" : string.Empty), Style.None),
                        ($"{c.MatchIndex}: {c.PathType} {c.PathValue}", Style.None),
                        (candidate.Reason, Style.None));
                }

                table.Write(output, colour, "  ");
            }
        }
    }

    // The seed matters only when a weighted choice or a mirror fraction was drawn.
    private static bool Weighted(OfflineEngine engine, RouteAnswer answer)
    {
        var (route, rule, backend, mirrors) = answer.Http is { } http
            ? (http.Route, http.RuleIndex, http.Backend, http.Mirrors.Count)
            : (answer.Grpc!.Route, answer.Grpc.RuleIndex, answer.Grpc.Backend, answer.Grpc.Mirrors.Count);
        return mirrors > 0 || (backend is not null && RouteDescriber.TotalWeight(engine.Snapshot, route, rule) is { } total && total != backend.Weight);
    }

    private static string Duration(TimeSpan? value) => value is { } time ? (time == TimeSpan.Zero ? "disabled" : time.ToString("c", CultureInfo.InvariantCulture)) : "default";

    private static string Via(string? hostname) => hostname is null or "*" ? string.Empty : $" (via hostname {hostname})";

    /// <summary>A candidate's outcome in words.</summary>
    public static string Outcome(CandidateOutcome outcome) => outcome switch
    {
        CandidateOutcome.Won => "won",
        CandidateOutcome.OutrankedByWinner => "outranked",
        CandidateOutcome.DidNotMatch => "no match",
        CandidateOutcome.HostnameDidNotMatch => "other host",
        CandidateOutcome.NotConsideredLessSpecificHostname => "not considered",
        _ => outcome.ToString(),
    };

    private static void WriteHttp(Action<string, string?, Style> line, OfflineEngine engine, RouteAnswer answer, HttpRouteDecision http, bool colour)
    {
        line("listener", http.ListenerName, Style.None);
        if (http.Route is { } route)
        {
            line("route", $"{route}{Via(http.Hostname)}", Style.Bold);
            line("rule", http.RuleIndex.ToString(CultureInfo.InvariantCulture) + (http.RuleName is { } name ? $" ({name})" : string.Empty), Style.None);
            line("match", $"{http.MatchIndex.ToString(CultureInfo.InvariantCulture)}: {RouteDescriber.Match(engine.Snapshot, route, http.RuleIndex, http.MatchIndex)}", Style.None);
        }

        if (http.Backend is { } backend)
        {
            line("backend", RouteDescriber.Backend(backend, RouteDescriber.TotalWeight(engine.Snapshot, http.Route, http.RuleIndex), grpc: false), backend.Usable ? Style.None : Style.Bad);
        }

        var first = true;
        foreach (var filter in http.Filters)
        {
            line(first ? "filters" : string.Empty, $"{filter.Stage.ToString().ToLowerInvariant()} filter {filter.Index.ToString(CultureInfo.InvariantCulture)} {filter.Type}: {filter.Effect}", Style.None);
            first = false;
        }

        if (http.Timeouts is { } timeouts)
        {
            line("timeouts", $"request {Duration(timeouts.Request)}, backendRequest {Duration(timeouts.BackendRequest)}", Style.None);
        }

        if (http.Retry is { } retry)
        {
            line("retry", $"codes {(retry.Codes.Count == 0 ? "-" : string.Join(", ", retry.Codes))}, attempts {retry.Attempts?.ToString(CultureInfo.InvariantCulture) ?? "default"}, backoff {Duration(retry.Backoff)}", Style.None);
        }

        if (http.SessionPersistence is { } session)
        {
            line("session", $"{session.Type} {session.SessionName ?? "(generated name)"}, cookie path {session.CookiePath}", Style.None);
        }

        foreach (var mirror in http.Mirrors)
        {
            line("mirror", $"{mirror.Backend} ({mirror.Numerator}/{mirror.Denominator} of requests): {(mirror.Mirrored ? "this request is mirrored" : "this request is not mirrored")}", Style.None);
        }

        switch (http.Action)
        {
            case HttpAction.Forward:
                line("result", $"forward to {http.Backend}", Style.Good);
                line("upstream", $"{answer.Request.Method} {http.Path}", Style.None);
                line(string.Empty, $"host: {http.Host}", Style.None);
                foreach (var header in UpstreamHeaders(answer, http.RequestHeaderModifications))
                {
                    line(string.Empty, $"{header.Key}: {header.Value}", Style.None);
                }

                foreach (var auth in http.ExternalAuth)
                {
                    line("auth", $"ExternalAuth via {auth.Backend} before forwarding", Style.None);
                }

                foreach (var extension in http.ExtensionRefs)
                {
                    line("extension", $"{extension.Kind} {extension.Namespace}/{extension.Name} runs first (ExtensionRef)", Style.None);
                }

                break;
            case HttpAction.Redirect:
                line("result", $"redirect {http.StatusCode.ToString(CultureInfo.InvariantCulture)}", Style.Good);
                line(string.Empty, $"location: {http.Location}", Style.None);
                break;
            default:
                line("result", $"respond {http.StatusCode.ToString(CultureInfo.InvariantCulture)} ({http.ResponseReason ?? http.Result.ToString()})", http.StatusCode >= 400 ? Style.Bad : Style.Good);
                break;
        }

        foreach (var header in http.ResponseHeaderModifications)
        {
            line("response", Modification(header), Style.None);
        }
    }

    private static void WriteGrpc(Action<string, string?, Style> line, OfflineEngine engine, GrpcRouteDecision grpc)
    {
        line("listener", grpc.ListenerName, Style.None);
        if (grpc.Route is { } route)
        {
            line("route", $"{route}{Via(grpc.Hostname)}", Style.Bold);
            line("rule", grpc.RuleIndex.ToString(CultureInfo.InvariantCulture) + (grpc.RuleName is { } name ? $" ({name})" : string.Empty), Style.None);
            line("match", $"{grpc.MatchIndex.ToString(CultureInfo.InvariantCulture)}: {RouteDescriber.Match(engine.Snapshot, route, grpc.RuleIndex, grpc.MatchIndex)}", Style.None);
        }

        if (grpc.Backend is { } backend)
        {
            line("backend", RouteDescriber.Backend(backend, RouteDescriber.TotalWeight(engine.Snapshot, grpc.Route, grpc.RuleIndex), grpc: true), backend.Usable ? Style.None : Style.Bad);
        }

        var first = true;
        foreach (var filter in grpc.Filters)
        {
            line(first ? "filters" : string.Empty, $"{filter.Stage.ToString().ToLowerInvariant()} filter {filter.Index.ToString(CultureInfo.InvariantCulture)} {filter.Type}: {filter.Effect}", Style.None);
            first = false;
        }

        if (grpc.Forward)
        {
            line("result", $"forward to {grpc.Backend}", Style.Good);
            foreach (var header in grpc.RequestHeaderModifications)
            {
                line("metadata", Modification(header), Style.None);
            }
        }
        else
        {
            line("result", $"answer grpc-status {(int)grpc.Status} {grpc.Status.ToString().ToUpperInvariant()} ({grpc.StatusMessage ?? grpc.Result.ToString()})", Style.Bad);
        }
    }

    /// <summary>The request headers sent upstream: the request's (without Host), with the filters' changes applied.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> UpstreamHeaders(RouteAnswer answer, IReadOnlyList<HeaderModification> modifications)
    {
        var headers = answer.Request.Headers.Where(h => !string.Equals(h.Key, "host", StringComparison.OrdinalIgnoreCase)).ToList();
        modifications.ApplyTo(headers);
        return headers;
    }

    private static string Modification(HeaderModification modification) => modification.Kind switch
    {
        HeaderModificationKind.Remove => $"remove {modification.Name}",
        HeaderModificationKind.Add => $"add {modification.Name}: {modification.Value}",
        _ => $"set {modification.Name}: {modification.Value}",
    };
}
