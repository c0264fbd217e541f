using GatewayApi.Models;
using k8s.Models;

namespace GatewayApi.Benchmarks.Serialization;

/// <summary>
/// Builds HTTPRoutes shaped like the ones a busy cluster holds: 1-4 parents, 1-3 hostnames, 3-8 rules with
/// path, header, query and method matches, several kinds of filters, weighted backends, and a status with one
/// entry per parent. Deterministic: the same count always gives the same routes, so runs compare.
/// </summary>
public static class HttpRouteCorpus
{
    private static readonly string[] Teams = ["payments", "catalog", "search", "identity", "checkout", "media", "ads", "billing"];
    private static readonly string[] Domains = ["example.com", "shop.example.org", "api.example.net", "internal.corp.example"];
    private static readonly string[] Segments = ["v1", "v2", "users", "orders", "items", "cart", "auth", "images", "reports", "health"];
    private static readonly string[] HeaderNames = ["x-tenant", "x-canary", "x-region", "user-agent", "x-request-priority"];
    private static readonly string[] QueryNames = ["version", "debug", "locale", "page"];
    private static readonly HttpRequestMethod[] Methods = [HttpRequestMethod.Get, HttpRequestMethod.Post, HttpRequestMethod.Put, HttpRequestMethod.Delete, HttpRequestMethod.Patch];
    private static readonly DateTime Epoch = new(2026, 1, 15, 8, 30, 0, DateTimeKind.Utc);

    /// <summary>Builds <paramref name="count"/> routes from a fixed seed.</summary>
    /// <param name="count">How many routes.</param>
    public static List<HttpRoute> Build(int count)
    {
        var random = new SplitMix64(0x5EED_2026);
        var routes = new List<HttpRoute>(count);
        for (var i = 0; i < count; i++)
        {
            routes.Add(BuildRoute(i, random));
        }

        return routes;
    }

    private static HttpRoute BuildRoute(int index, SplitMix64 random)
    {
        var team = Teams[index % Teams.Length];
        var ns = team + "-" + (index % 37).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        var generation = 1 + random.Next(12);

        var parents = new List<ParentReference>();
        var parentCount = 1 + random.Next(4);
        for (var p = 0; p < parentCount; p++)
        {
            parents.Add(new ParentReference
            {
                Group = "gateway.networking.k8s.io",
                Kind = "Gateway",
                Namespace = p == 0 ? "infra" : "edge-" + p,
                Name = p == 0 ? "public-gateway" : "gateway-" + random.Next(20),
                SectionName = random.Next(2) == 0 ? "https" : "http",
                Port = random.Next(3) == 0 ? 443 : null,
            });
        }

        var hostnames = new List<string>();
        var hostCount = 1 + random.Next(3);
        for (var h = 0; h < hostCount; h++)
        {
            var domain = Domains[random.Next(Domains.Length)];
            hostnames.Add(h == 2 ? "*." + domain : team + h + "-" + index + "." + domain);
        }

        var rules = new List<HttpRouteRule>();
        var ruleCount = 3 + random.Next(6);
        for (var r = 0; r < ruleCount; r++)
        {
            rules.Add(BuildRule(index, r, ns, random));
        }

        return new HttpRoute
        {
            Metadata = new V1ObjectMeta
            {
                Name = "route-" + index,
                NamespaceProperty = ns,
                Uid = DeterministicUid(index),
                ResourceVersion = (100_000 + index * 7).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Generation = generation,
                CreationTimestamp = Epoch.AddMinutes(index),
                Labels = new Dictionary<string, string>
                {
                    ["app.kubernetes.io/name"] = team,
                    ["app.kubernetes.io/part-of"] = "storefront",
                    ["tier"] = index % 3 == 0 ? "frontend" : "backend",
                },
                Annotations = index % 4 == 0
                    ? new Dictionary<string, string> { ["example.com/owner"] = team + "@example.com" }
                    : null,
            },
            Spec = new HttpRouteSpec
            {
                ParentRefs = parents,
                Hostnames = hostnames,
                Rules = rules,
            },
            Status = new RouteStatus { Parents = parents.Select(parent => BuildParentStatus(parent, generation, index)).ToList() },
        };
    }

    private static HttpRouteRule BuildRule(int index, int ruleIndex, string ns, SplitMix64 random)
    {
        var matches = new List<HttpRouteMatch>();
        var matchCount = 1 + random.Next(3);
        for (var m = 0; m < matchCount; m++)
        {
            matches.Add(BuildMatch(random));
        }

        // One filter arrangement per rule; URLRewrite and RequestRedirect never share a rule, and a redirect
        // rule has no backends, as the spec requires.
        var filters = new List<HttpRouteFilter>();
        var redirect = false;
        switch (random.Next(6))
        {
            case 0:
                filters.Add(HeaderModifier(random, response: false));
                break;
            case 1:
                filters.Add(HeaderModifier(random, response: false));
                filters.Add(UrlRewrite(random));
                break;
            case 2:
                filters.Add(Redirect(random));
                redirect = true;
                break;
            case 3:
                filters.Add(Mirror(ns, random));
                filters.Add(HeaderModifier(random, response: true));
                break;
            case 4:
                filters.Add(UrlRewrite(random));
                break;
            default:
                break;
        }

        var backends = new List<HttpBackendRef>();
        if (!redirect)
        {
            var backendCount = 1 + random.Next(3);
            for (var b = 0; b < backendCount; b++)
            {
                backends.Add(new HttpBackendRef
                {
                    Name = "svc-" + (index % 500) + "-" + b,
                    Namespace = b == 2 ? "shared-services" : null,
                    Port = 8080 + b,
                    Weight = backendCount == 1 ? null : (b == 0 ? 90 : 10 / (backendCount - 1)),
                });
            }
        }

        return new HttpRouteRule
        {
            Name = "rule-" + ruleIndex,
            Matches = matches,
            Filters = filters.Count == 0 ? null : filters,
            BackendRefs = backends.Count == 0 ? null : backends,
            Timeouts = random.Next(4) == 0
                ? new HttpRouteTimeouts { Request = GatewayDuration.Parse("10s"), BackendRequest = GatewayDuration.Parse("2s500ms") }
                : null,
        };
    }

    private static HttpRouteMatch BuildMatch(SplitMix64 random)
    {
        var path = "/" + Segments[random.Next(Segments.Length)] + "/" + Segments[random.Next(Segments.Length)];
        var match = new HttpRouteMatch
        {
            Path = random.Next(5) switch
            {
                0 => new HttpPathMatch { Type = PathMatchType.Exact, Value = path },
                1 => new HttpPathMatch { Type = PathMatchType.RegularExpression, Value = path + "/[0-9]+" },
                _ => new HttpPathMatch { Type = PathMatchType.PathPrefix, Value = path },
            },
        };

        if (random.Next(2) == 0)
        {
            match.Headers =
            [
                new HttpHeaderMatch { Type = HeaderMatchType.Exact, Name = HeaderNames[random.Next(HeaderNames.Length)], Value = "tenant-" + random.Next(100) },
            ];
            if (random.Next(3) == 0)
            {
                match.Headers.Add(new HttpHeaderMatch { Type = HeaderMatchType.RegularExpression, Name = "user-agent", Value = ".*Mobile.*" });
            }
        }

        if (random.Next(3) == 0)
        {
            match.QueryParams = [new HttpQueryParamMatch { Type = QueryParamMatchType.Exact, Name = QueryNames[random.Next(QueryNames.Length)], Value = "v" + random.Next(5) }];
        }

        if (random.Next(3) == 0)
        {
            match.Method = Methods[random.Next(Methods.Length)];
        }

        return match;
    }

    private static HttpRouteFilter HeaderModifier(SplitMix64 random, bool response)
    {
        var modifier = new HttpHeaderFilter
        {
            Set = [new HttpHeader { Name = "x-route-version", Value = "v" + random.Next(9) }],
            Add = random.Next(2) == 0 ? [new HttpHeader { Name = "x-forwarded-team", Value = "team-" + random.Next(50) }] : null,
            Remove = random.Next(3) == 0 ? ["x-debug", "x-internal-token"] : null,
        };
        return response
            ? new HttpRouteFilter { Type = HttpRouteFilterType.ResponseHeaderModifier, ResponseHeaderModifier = modifier }
            : new HttpRouteFilter { Type = HttpRouteFilterType.RequestHeaderModifier, RequestHeaderModifier = modifier };
    }

    private static HttpRouteFilter UrlRewrite(SplitMix64 random) => new()
    {
        Type = HttpRouteFilterType.UrlRewrite,
        UrlRewrite = new HttpUrlRewriteFilter
        {
            Hostname = random.Next(2) == 0 ? "backend.internal.example" : null,
            Path = new HttpPathModifier { Type = HttpPathModifierType.ReplacePrefixMatch, ReplacePrefixMatch = "/" + Segments[random.Next(Segments.Length)] },
        },
    };

    private static HttpRouteFilter Redirect(SplitMix64 random) => new()
    {
        Type = HttpRouteFilterType.RequestRedirect,
        RequestRedirect = new HttpRequestRedirectFilter
        {
            Scheme = HttpRedirectScheme.Https,
            Hostname = random.Next(2) == 0 ? "www.example.com" : null,
            Path = random.Next(2) == 0 ? new HttpPathModifier { Type = HttpPathModifierType.ReplaceFullPath, ReplaceFullPath = "/moved" } : null,
            StatusCode = random.Next(2) == 0 ? 301 : 302,
        },
    };

    private static HttpRouteFilter Mirror(string ns, SplitMix64 random) => new()
    {
        Type = HttpRouteFilterType.RequestMirror,
        RequestMirror = new HttpRequestMirrorFilter
        {
            BackendRef = new BackendObjectReference { Name = "shadow-" + random.Next(10), Namespace = ns, Port = 9090 },
            Percent = random.Next(2) == 0 ? 5 + random.Next(20) : null,
        },
    };

    private static RouteParentStatus BuildParentStatus(ParentReference parent, long generation, int index) => new()
    {
        ParentRef = new ParentReference { Group = parent.Group, Kind = parent.Kind, Namespace = parent.Namespace, Name = parent.Name, SectionName = parent.SectionName },
        ControllerName = "example.com/gateway-controller",
        Conditions =
        [
            new V1Condition
            {
                Type = "Accepted",
                Status = "True",
                Reason = "Accepted",
                Message = "Route was accepted by the listener.",
                ObservedGeneration = generation,
                LastTransitionTime = Epoch.AddMinutes(index).AddSeconds(3),
            },
            new V1Condition
            {
                Type = "ResolvedRefs",
                Status = index % 11 == 0 ? "False" : "True",
                Reason = index % 11 == 0 ? "BackendNotFound" : "ResolvedRefs",
                Message = index % 11 == 0 ? "Service shared-services/svc-0-2 not found." : "All references resolved.",
                ObservedGeneration = generation,
                LastTransitionTime = Epoch.AddMinutes(index).AddSeconds(4),
            },
        ],
    };

    private static string DeterministicUid(int index)
    {
        // A UUID-shaped value derived from the index, so every route has a distinct, stable uid.
        var hex = ((ulong)index * 0x9E3779B97F4A7C15UL).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[12..15]}-8{hex[1..4]}-{hex[4..16]}";
    }

    /// <summary>A small, fixed pseudo-random sequence (SplitMix64), independent of the runtime's Random.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int exclusiveMax)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)exclusiveMax);
        }
    }
}
