using System.Text.RegularExpressions;
using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Targets;
using GatewayApi.Models;
using GatewayApi.Routing;
using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.Tests.Mutation;

/// <summary>The faults the mutation test injects; each must be caught by at least one shipped case.</summary>
internal static class Faults
{
    public static IReadOnlyList<Fault> All { get; } =
    [
        new("ReversedExactPrefixPrecedence", "PathPrefix outranks Exact", "HTTPRouteExactPathMatching")
        {
            // Exact matches become whole-value regexes of the same literal (same matching), ranked after PathPrefix.
            ConfigureTarget = options => options with { RouterOptions = options.RouterOptions with { RegularExpressionPathPrecedence = RegularExpressionPathPrecedence.AfterPrefix } },
            ChangeResources = resources =>
            {
                foreach (var match in HttpMatches(resources).Where(match => match.Path?.Type == PathMatchType.Exact))
                {
                    match.Path!.Type = PathMatchType.RegularExpression;
                    match.Path.Value = Regex.Escape(match.Path.Value ?? "/");
                }
            },
        },
        new("IgnoresReferenceGrant", "cross-namespace references are allowed without a grant", "HTTPRouteCrossNamespaceBackendNeedsGrant")
        {
            // Equivalent: a grant from everywhere to everything in every namespace.
            ChangeResources = resources =>
            {
                var namespaces = resources.OfType<V1Namespace>().Select(item => item.Metadata.Name).ToArray();
                resources.AddRange(namespaces.Select(name => new ReferenceGrant
                {
                    Metadata = new V1ObjectMeta { Name = "fault-allow-all", NamespaceProperty = name },
                    Spec = new ReferenceGrantSpec
                    {
                        From = namespaces.SelectMany(from => new[] { "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute", "Gateway" }
                            .Select(kind => new ReferenceGrantFrom { Group = "gateway.networking.k8s.io", Kind = kind, Namespace = from })).ToList(),
                        To = [new ReferenceGrantTo { Group = "", Kind = "Service" }, new ReferenceGrantTo { Group = "", Kind = "Secret" }],
                    },
                }));
            },
        },
        new("CaseSensitiveHeaderNames", "header match names compared case-sensitively", "HTTPRouteHeaderMatchNamesIgnoreCase")
        {
            // A request header whose name equals a match's name only without regard to case no longer matches it.
            ChangeRequest = (request, applied) =>
            {
                var names = HttpMatches(applied).SelectMany(match => match.Headers ?? []).Select(header => header.Name ?? "").ToHashSet(StringComparer.Ordinal);
                return request with
                {
                    Headers = request.Headers.Select(header =>
                        !names.Contains(header.Key) && names.Contains(header.Key, StringComparer.OrdinalIgnoreCase)
                            ? new KeyValuePair<string, string>("x-fault-" + header.Key, header.Value)
                            : header).ToArray(),
                };
            },
        },
        new("PrefixRewriteDropsSlash", "ReplacePrefixMatch joins the replacement and the rest without a slash", "HTTPRouteRewriteReplacePrefixMatch")
        {
            ChangeResponse = (response, request, applied) =>
            {
                if (response.Backend is not { } echoed || echoed.Path == request.Path)
                {
                    return response;
                }

                foreach (var replacement in HttpRules(applied).SelectMany(rule => rule.Filters ?? [])
                    .Select(filter => filter.UrlRewrite?.Path?.ReplacePrefixMatch).OfType<string>())
                {
                    var kept = replacement.TrimEnd('/');
                    if (echoed.Path.StartsWith(kept + "/", StringComparison.Ordinal) && echoed.Path.Length > kept.Length + 1)
                    {
                        return response with { Backend = echoed with { Path = kept + echoed.Path[(kept.Length + 1)..] } };
                    }
                }

                return response;
            },
        },
        new("RedirectKeepsListenerPort", "a redirect without a port keeps the listener's port instead of the scheme's default", "HTTPRouteRedirectSchemeDefaultPort")
        {
            ChangeResponse = (response, request, _) =>
            {
                var location = response.Headers.FirstOrDefault(header => header.Key == "Location").Value;
                if (response.StatusCode is < 300 or > 399 || location is null)
                {
                    return response;
                }

                var match = Regex.Match(location, "^([a-z]+://)([^/:?]+)(.*)$");
                return match.Success
                    ? response with
                    {
                        Headers = response.Headers.Select(header => header.Key == "Location"
                            ? new KeyValuePair<string, string>("Location", match.Groups[1].Value + match.Groups[2].Value + ":" + request.Port + match.Groups[3].Value)
                            : header).ToArray(),
                    }
                    : response;
            },
        },
        new("HeaderAddReplaces", "RequestHeaderModifier add replaces the value instead of appending", "MeshHTTPRouteRequestHeaderModifier")
        {
            ChangeResources = resources =>
            {
                foreach (var filter in HttpRules(resources).SelectMany(rule => rule.Filters ?? []).Select(filter => filter.RequestHeaderModifier).OfType<HttpHeaderFilter>())
                {
                    filter.Set = [.. filter.Set ?? [], .. filter.Add ?? []];
                    filter.Add = null;
                }
            },
        },
        new("WeightsIgnored", "every backend gets an equal share whatever its weight", "HTTPRouteWeightedBackends")
        {
            ChangeResources = resources =>
            {
                foreach (var backend in HttpRules(resources).SelectMany(rule => rule.BackendRefs ?? []))
                {
                    backend.Weight = 1;
                }
            },
        },
        new("AttachedRoutesNotCounted", "listeners report attachedRoutes 0", "HTTPRouteExactPathMatching")
        {
            ChangeStatus = objects =>
            {
                foreach (var listener in objects.OfType<Gateway>().SelectMany(gateway => gateway.Status?.Listeners ?? []))
                {
                    listener.AttachedRoutes = 0;
                }
            },
        },
        new("AllowedRoutesIgnored", "listeners accept routes from every namespace", "HTTPRouteNotAllowedBySameNamespaceListener")
        {
            ChangeResources = resources =>
            {
                foreach (var listener in resources.OfType<Gateway>().SelectMany(gateway => gateway.Spec.Listeners ?? []))
                {
                    listener.AllowedRoutes = new AllowedRoutes { Namespaces = new RouteNamespaces { From = FromNamespaces.All } };
                }
            },
        },
        new("UnmatchedGrpcGoesToFirstBackend", "a gRPC call no rule matches is sent to the first backend instead of UNIMPLEMENTED", "GRPCRouteExactMethodMatching")
        {
            ChangeResponse = (response, request, applied) =>
            {
                if (response.GrpcStatus != "UNIMPLEMENTED")
                {
                    return response;
                }

                var first = applied.OfType<GrpcRoute>().SelectMany(route => (route.Spec.Rules ?? []).SelectMany(rule => rule.BackendRefs ?? [])
                    .Select(backend => new BackendName(backend.Namespace ?? route.Metadata.NamespaceProperty, backend.Name ?? ""))).FirstOrDefault();
                return first is null
                    ? response
                    : response with { GrpcStatus = "OK", Backend = new EchoedRequest { Service = first, Method = "POST", Path = request.Path } };
            },
        },
        new("MirrorNotSent", "RequestMirror copies are never sent", "HTTPRouteRequestMirrorCopy")
        {
            ChangeResponse = (response, _, _) => response with { Mirrored = [] },
        },
        new("RefusedBackendAnswers503", "a backend refused by ReferenceGrant answers 503 instead of 500", "HTTPRouteCrossNamespaceBackendNeedsGrant")
        {
            ChangeResponse = (response, _, _) => response.StatusCode == 500 ? response with { StatusCode = 503 } : response,
        },
        new("ExactMatchIgnoresTrailingSlash", "Exact /one also matches /one/", "HTTPRouteExactPathMatching")
        {
            ChangeRequest = (request, applied) =>
            {
                var exact = HttpMatches(applied).Where(match => match.Path?.Type == PathMatchType.Exact).Select(match => match.Path!.Value).ToHashSet(StringComparer.Ordinal);
                return request.Path.Length > 1 && request.Path.EndsWith('/') && exact.Contains(request.Path[..^1])
                    ? request with { Path = request.Path[..^1] }
                    : request;
            },
        },
        new("RewriteDropsQuery", "URL rewrites drop the query string", "HTTPRouteRewriteReplacePrefixMatch")
        {
            ChangeResponse = (response, request, _) =>
                response.Backend is { } echoed && echoed.Path != request.Path && echoed.Path.Contains('?', StringComparison.Ordinal)
                    ? response with { Backend = echoed with { Path = echoed.Path.Split('?')[0] } }
                    : response,
        },
        new("CorsHeadersMissing", "the CORS filter adds no Access-Control-* headers", "HTTPRouteCorsPreflightAndActual")
        {
            ChangeResponse = (response, _, _) => response with
            {
                Headers = response.Headers.Where(header => !header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ToArray(),
            },
        },
        new("TlsSniIgnored", "TLS connections are routed as if they carried no SNI", "TLSRouteSniRouting")
        {
            ChangeRequest = (request, _) => request.Protocol == RequestProtocol.Tls ? request with { ServerName = null } : request,
        },
        new("BackendTlsPolicyIgnored", "traffic reaches a backend whose BackendTLSPolicy has no usable CA", "BackendTLSPolicyMissingCaConfigMap")
        {
            ConfigureTarget = options => options with
            {
                // The engine is told nothing of BackendTLSPolicy, so the router puts no TLS settings (and no 500) on backends.
                SupportedFeatures = options.SupportedFeatures.Where(feature => feature is not ("BackendTLSPolicy" or "BackendTLSPolicySANValidation")).ToArray(),
            },
            ChangeResources = resources => resources.RemoveAll(resource => resource is BackendTlsPolicy),
        },
        new("QueryParamMatchesIgnored", "query parameter matches always match", "HTTPRouteQueryParamExactMatch")
        {
            ChangeResources = resources =>
            {
                foreach (var match in HttpMatches(resources))
                {
                    match.QueryParams = null;
                }
            },
        },
        new("MethodMatchesIgnored", "method matches always match", "HTTPRouteMethodMatchBasic")
        {
            ChangeResources = resources =>
            {
                foreach (var match in HttpMatches(resources))
                {
                    match.Method = null;
                }
            },
        },
        new("SectionNameIgnored", "a parentRef's sectionName is ignored (the route attaches to every listener)", "HTTPRouteSectionNameSelectsOneListener")
        {
            ChangeResources = resources =>
            {
                foreach (var parent in resources.OfType<HttpRoute>().SelectMany(route => route.Spec.ParentRefs ?? []))
                {
                    parent.SectionName = null;
                }
            },
        },
    ];

    private static IEnumerable<HttpRouteRule> HttpRules(IEnumerable<IKubernetesObject<V1ObjectMeta>> resources) =>
        resources.OfType<HttpRoute>().SelectMany(route => route.Spec.Rules ?? []);

    private static IEnumerable<HttpRouteMatch> HttpMatches(IEnumerable<IKubernetesObject<V1ObjectMeta>> resources) =>
        HttpRules(resources).SelectMany(rule => rule.Matches ?? []);
}
