using System.Globalization;
using GatewayApi.Models;
using GatewayApi.Routing;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Cli.Requests;

/// <summary>Words for the parts of a decision that live in the route object: the match that won and the rule's weights.</summary>
internal static class RouteDescriber
{
    /// <summary>The winning match in words, for example <c>path PathPrefix /cart, method POST, header x-env: canary</c>.</summary>
    public static string? Match(ResourceSnapshot snapshot, RouteReference? route, int ruleIndex, int matchIndex)
    {
        if (route is null || ruleIndex < 0)
        {
            return null;
        }

        if (route.Kind == "HTTPRoute")
        {
            var rule = Find(snapshot.HttpRoutes, route)?.Spec.Rules?.ElementAtOrDefault(ruleIndex);
            var match = rule?.Matches?.ElementAtOrDefault(matchIndex);
            if (match is null)
            {
                return "every request (the rule has no matches: PathPrefix /)";
            }

            var parts = new List<string>();
            if (match.Path is { } path)
            {
                parts.Add($"path {path.Type?.Value ?? "PathPrefix"} {path.Value ?? "/"}");
            }

            if (match.Method is { } method)
            {
                parts.Add($"method {method.Value}");
            }

            parts.AddRange((match.Headers ?? []).Select(h => $"header {h.Name} {(h.Type?.Value == "RegularExpression" ? "~" : "=")} {h.Value}"));
            parts.AddRange((match.QueryParams ?? []).Select(q => $"query {q.Name} {(q.Type?.Value == "RegularExpression" ? "~" : "=")} {q.Value}"));
            return string.Join(", ", parts);
        }

        if (route.Kind == "GRPCRoute")
        {
            var rule = Find(snapshot.GrpcRoutes, route)?.Spec.Rules?.ElementAtOrDefault(ruleIndex);
            var match = rule?.Matches?.ElementAtOrDefault(matchIndex);
            if (match is null)
            {
                return "every call (the rule has no matches)";
            }

            var parts = new List<string>();
            if (match.Method is { } method)
            {
                parts.Add($"method {method.Type?.Value ?? "Exact"} {method.Service ?? "*"}/{method.Method ?? "*"}");
            }

            parts.AddRange((match.Headers ?? []).Select(h => $"header {h.Name} {(h.Type?.Value == "RegularExpression" ? "~" : "=")} {h.Value}"));
            return parts.Count == 0 ? "every call" : string.Join(", ", parts);
        }

        return null;
    }

    /// <summary>The sum of the rule's backend weights (invalid backends included, as the router counts them).</summary>
    public static int? TotalWeight(ResourceSnapshot snapshot, RouteReference? route, int ruleIndex)
    {
        if (route is null || ruleIndex < 0)
        {
            return null;
        }

        IEnumerable<BackendRef>? backends = route.Kind switch
        {
            "HTTPRoute" => Find(snapshot.HttpRoutes, route)?.Spec.Rules?.ElementAtOrDefault(ruleIndex)?.BackendRefs,
            "GRPCRoute" => Find(snapshot.GrpcRoutes, route)?.Spec.Rules?.ElementAtOrDefault(ruleIndex)?.BackendRefs,
            _ => null,
        };
        return backends?.Sum(b => b.Weight ?? 1);
    }

    /// <summary>A backend with its share: <c>Service shop/web:8080 (weight 90 of 100)</c>.</summary>
    public static string Backend(RoutedBackend backend, int? total, bool grpc)
    {
        var text = backend.ToString();
        if (backend.Index < 0)
        {
            return text + " (the parent Service: the rule has no backendRefs)";
        }

        if (total is { } sum)
        {
            text += $" (weight {backend.Weight.ToString(CultureInfo.InvariantCulture)} of {sum.ToString(CultureInfo.InvariantCulture)})";
        }

        if (!backend.Usable)
        {
            text += grpc
                ? $": unusable ({backend.Problem}), its share is answered UNAVAILABLE"
                : $": unusable ({backend.Problem}), its share is answered {backend.ErrorStatusCode.ToString(CultureInfo.InvariantCulture)}";
        }

        return text;
    }

    private static T? Find<T>(IReadOnlyList<T> routes, RouteReference route)
        where T : GatewayApiObject
        => routes.FirstOrDefault(r => r.Metadata?.Name == route.Name && (string.IsNullOrEmpty(r.Metadata?.NamespaceProperty) ? "default" : r.Metadata.NamespaceProperty) == route.Namespace);
}
