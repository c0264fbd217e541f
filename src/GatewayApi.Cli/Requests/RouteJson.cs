using System.Text.Json.Nodes;
using GatewayApi.Cli.Engine;
using GatewayApi.Routing;

namespace GatewayApi.Cli.Requests;

/// <summary>The machine form of a route decision (<c>-o json|yaml</c>); the schema is documented in <c>docs/cli.md</c>.</summary>
internal static class RouteJson
{
    public static JsonObject Document(OfflineEngine engine, RouteAnswer answer)
    {
        var query = answer.Query;
        var request = new JsonObject
        {
            ["method"] = answer.Request.Method,
            ["scheme"] = query.Line.Scheme,
            ["authority"] = answer.Request.Authority,
            ["path"] = answer.Request.Path,
            ["headers"] = Headers(query.Headers),
            ["grpc"] = query.Grpc,
            ["gateway"] = query.Gateway?.ToString(),
            ["port"] = query.Gateway is null ? null : answer.Request.Port,
            ["serverName"] = answer.Request.ServerName,
            ["service"] = query.Service is { } service ? $"{service}:{query.ServicePort}" : null,
            ["fromNamespace"] = query.Service is { } s ? query.FromNamespace ?? s.Namespace : null,
            ["seed"] = query.Seed,
        };
        var document = new JsonObject { ["request"] = request };
        if (answer.Http is { } http)
        {
            document["result"] = http.Result.ToString();
            document["action"] = http.Action.ToString();
            document["statusCode"] = http.Action == HttpAction.Forward ? null : http.StatusCode;
            document["reason"] = http.ResponseReason;
            Common(document, engine, http.ListenerName, http.Hostname, http.Route, http.RuleIndex, http.RuleName, http.MatchIndex, http.Backend, http.Filters);
            document["location"] = http.Location;
            document["upstream"] = http.Action != HttpAction.Forward ? null : new JsonObject
            {
                ["method"] = answer.Request.Method,
                ["host"] = http.Host,
                ["path"] = http.Path,
                ["headers"] = Headers(RouteTextWriter.UpstreamHeaders(answer, http.RequestHeaderModifications)),
            };
            document["responseHeaderModifications"] = Modifications(http.ResponseHeaderModifications);
            document["timeouts"] = http.Timeouts is { } timeouts ? new JsonObject { ["request"] = timeouts.Request?.ToString("c", System.Globalization.CultureInfo.InvariantCulture), ["backendRequest"] = timeouts.BackendRequest?.ToString("c", System.Globalization.CultureInfo.InvariantCulture) } : null;
            document["mirrors"] = new JsonArray([.. http.Mirrors.Select(m => (JsonNode)new JsonObject { ["backend"] = Backend(m.Backend), ["numerator"] = m.Numerator, ["denominator"] = m.Denominator, ["mirrored"] = m.Mirrored })]);
        }
        else
        {
            var grpc = answer.Grpc!;
            document["result"] = grpc.Result.ToString();
            document["action"] = grpc.Forward ? "Forward" : "Respond";
            document["grpcStatus"] = (int)grpc.Status;
            document["reason"] = grpc.StatusMessage;
            Common(document, engine, grpc.ListenerName, grpc.Hostname, grpc.Route, grpc.RuleIndex, grpc.RuleName, grpc.MatchIndex, grpc.Backend, grpc.Filters);
            document["requestHeaderModifications"] = Modifications(grpc.RequestHeaderModifications);
        }

        document["notes"] = new JsonArray([.. answer.Notes.Select(n => (JsonNode)JsonValue.Create(n))]);
        if (answer.Explanation is { } explanation)
        {
            document["explanation"] = new JsonObject
            {
                ["result"] = explanation.Result.ToString(),
                ["listener"] = explanation.ListenerName,
                ["listenerSelection"] = explanation.ListenerSelection,
                ["candidates"] = new JsonArray([.. explanation.Candidates.Select(c => (JsonNode)new JsonObject
                {
                    ["order"] = c.Candidate.Order,
                    ["outcome"] = c.Outcome.ToString(),
                    ["hostname"] = c.Candidate.Hostname,
                    ["route"] = Route(c.Candidate.Route),
                    ["ruleIndex"] = c.Candidate.RuleIndex,
                    ["ruleName"] = c.Candidate.RuleName,
                    ["matchIndex"] = c.Candidate.MatchIndex,
                    ["pathType"] = c.Candidate.PathType,
                    ["pathValue"] = c.Candidate.PathValue,
                    ["reason"] = c.Reason,
                })]),
            };
        }

        return document;
    }

    private static void Common(JsonObject document, OfflineEngine engine, string? listener, string? hostname, RouteReference? route, int ruleIndex, string? ruleName, int matchIndex, RoutedBackend? backend, IReadOnlyList<FilterStep> filters)
    {
        document["listener"] = listener;
        document["hostname"] = hostname;
        document["route"] = route is null ? null : Route(route);
        document["ruleIndex"] = route is null ? null : ruleIndex;
        document["ruleName"] = ruleName;
        document["matchIndex"] = route is null ? null : matchIndex;
        document["match"] = RouteDescriber.Match(engine.Snapshot, route, ruleIndex, matchIndex);
        var backendNode = backend is null ? null : Backend(backend);
        if (backendNode is not null)
        {
            backendNode["totalWeight"] = RouteDescriber.TotalWeight(engine.Snapshot, route, ruleIndex);
        }

        document["backend"] = backendNode;
        document["filters"] = new JsonArray([.. filters.Select(f => (JsonNode)new JsonObject { ["type"] = f.Type, ["stage"] = f.Stage.ToString(), ["index"] = f.Index, ["effect"] = f.Effect })]);
    }

    private static JsonObject Route(RouteReference route) => new() { ["kind"] = route.Kind, ["namespace"] = route.Namespace, ["name"] = route.Name };

    private static JsonObject Backend(RoutedBackend backend) => new()
    {
        ["index"] = backend.Index,
        ["group"] = backend.Group,
        ["kind"] = backend.Kind,
        ["namespace"] = backend.Namespace,
        ["name"] = backend.Name,
        ["port"] = backend.Port,
        ["weight"] = backend.Weight,
        ["usable"] = backend.Usable,
        ["problem"] = backend.Problem,
    };

    private static JsonArray Headers(IEnumerable<KeyValuePair<string, string>> headers)
        => new([.. headers.Select(h => (JsonNode)new JsonObject { ["name"] = h.Key, ["value"] = h.Value })]);

    private static JsonArray Modifications(IEnumerable<HeaderModification> modifications)
        => new([.. modifications.Select(m => (JsonNode)new JsonObject { ["kind"] = m.Kind.ToString(), ["name"] = m.Name, ["value"] = m.Value })]);
}
