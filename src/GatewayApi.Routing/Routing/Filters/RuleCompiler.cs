using GatewayApi.Models;
using GatewayApi.Routing.Compiled;

namespace GatewayApi.Routing.Filters;

/// <summary>Compiles the after-match part of HTTPRoute, GRPCRoute and L4 rules: filters, backends, settings.</summary>
internal static class RuleCompiler
{
    public static CompiledRule CompileHttp(HttpRouteRule? rule, int ruleIndex, RouteReference route, AttachedRoute attached, RoutedBackend? parentService, BackendTlsIndex tls, DateTime? created, string qualifiedRouteName)
    {
        var refs = rule?.BackendRefs ?? [];
        var backends = refs.Count == 0 ? [] : new CompiledBackend[refs.Count];
        for (var i = 0; i < refs.Count; i++)
        {
            backends[i] = new CompiledBackend(
                Backend(refs[i], i, route, attached, ruleIndex, tls),
                HttpFilters(refs[i].Filters, FilterStage.Backend, route, attached, ruleIndex, i, tls));
        }

        return new CompiledRule
        {
            Route = route,
            RuleIndex = ruleIndex,
            RuleName = rule?.Name,
            Filters = HttpFilters(rule?.Filters, FilterStage.Rule, route, attached, ruleIndex, null, tls),
            Backends = backends,
            Timeouts = rule?.Timeouts is { } t ? new RouteTimeouts(t.Request?.TimeSpan, t.BackendRequest?.TimeSpan) : null,
            Retry = rule?.Retry is { } r ? new RetrySettings([.. r.Codes ?? []], r.Attempts, r.Backoff?.TimeSpan) : null,
            SessionPersistence = rule?.SessionPersistence,
            ParentServiceBackend = parentService,
            CreationTimestamp = created,
            QualifiedRouteName = qualifiedRouteName,
        };
    }

    public static CompiledRule CompileGrpc(GrpcRouteRule rule, int ruleIndex, RouteReference route, AttachedRoute attached, RoutedBackend? parentService, BackendTlsIndex tls)
    {
        var backends = new List<CompiledBackend>();
        var refs = rule.BackendRefs ?? [];
        for (var i = 0; i < refs.Count; i++)
        {
            backends.Add(new CompiledBackend(
                Backend(refs[i], i, route, attached, ruleIndex, tls),
                GrpcFilters(refs[i].Filters, FilterStage.Backend, route, attached, ruleIndex, i, tls)));
        }

        return new CompiledRule
        {
            Route = route,
            RuleIndex = ruleIndex,
            RuleName = rule.Name,
            Filters = GrpcFilters(rule.Filters, FilterStage.Rule, route, attached, ruleIndex, null, tls),
            Backends = [.. backends],
            SessionPersistence = rule.SessionPersistence,
            ParentServiceBackend = parentService,
        };
    }

    public static CompiledRule CompileL4(L4RouteRule? rule, int ruleIndex, RouteReference route, AttachedRoute attached, BackendTlsIndex tls)
    {
        var refs = rule?.BackendRefs ?? [];
        return new CompiledRule
        {
            Route = route,
            RuleIndex = ruleIndex,
            RuleName = rule?.Name,
            Backends = [.. refs.Select((b, i) => new CompiledBackend(Backend(b, i, route, attached, ruleIndex, tls), []))],
        };
    }

    public static RoutedBackend Backend(BackendObjectReference reference, int index, RouteReference route, AttachedRoute attached, int ruleIndex, BackendTlsIndex tls)
    {
        var problem = attached.FindUnusable(ruleIndex, index, null);
        return Reference(reference, index, route.Namespace, (reference as BackendRef)?.Weight ?? 1, problem, tls);
    }

    private static RoutedBackend Reference(BackendObjectReference reference, int index, string routeNamespace, int weight, UnusableReference? problem, BackendTlsIndex tls)
    {
        var backend = new RoutedBackend
        {
            Index = index,
            Group = reference.Group ?? "",
            Kind = reference.Kind ?? "Service",
            Namespace = reference.Namespace ?? routeNamespace,
            Name = reference.Name ?? "",
            Port = reference.Port,
            Weight = Math.Max(0, weight),
            Usable = problem is null,
            ErrorStatusCode = problem is null ? 0 : problem.NoReadyEndpoints ? 503 : 500,
            Problem = problem is null ? null : problem.NoReadyEndpoints ? "NoReadyEndpoints" : problem.Reason.Value,
        };
        if (backend.Group.Length != 0 || backend.Kind != "Service" || tls.Find(backend.Namespace, backend.Name, backend.Port) is not { } settings)
        {
            return backend;
        }

        // BackendTLSPolicy: a policy that cannot verify the backend makes connections to it fail (5xx), never plain.
        return settings.Problem is null || !backend.Usable
            ? backend with { Tls = settings }
            : backend with { Tls = settings, Usable = false, ErrorStatusCode = 500, Problem = "BackendTLSPolicyNotUsable" };
    }

    private static bool FilterUsable(AttachedRoute attached, int ruleIndex, int? backendIndex, int filterIndex) =>
        attached.FindUnusable(ruleIndex, backendIndex, filterIndex) is null;

    private static CompiledFilter[] HttpFilters(IList<HttpRouteFilter>? filters, FilterStage stage, RouteReference route, AttachedRoute attached, int ruleIndex, int? backendIndex, BackendTlsIndex tls)
    {
        if (filters is null || filters.Count == 0)
        {
            return [];
        }

        var compiled = new CompiledFilter[filters.Count];
        for (var i = 0; i < filters.Count; i++)
        {
            var filter = filters[i];
            var type = filter.Type?.Value ?? "";
            var usable = FilterUsable(attached, ruleIndex, backendIndex, i);
            compiled[i] = type switch
            {
                _ when type == HttpRouteFilterType.RequestHeaderModifier.Value => HeaderModifier(type, stage, i, false, filter.RequestHeaderModifier),
                _ when type == HttpRouteFilterType.ResponseHeaderModifier.Value => HeaderModifier(type, stage, i, true, filter.ResponseHeaderModifier),
                _ when type == HttpRouteFilterType.RequestRedirect.Value => Redirect(stage, i, filter.RequestRedirect),
                _ when type == HttpRouteFilterType.UrlRewrite.Value => Rewrite(stage, i, filter.UrlRewrite),
                _ when type == HttpRouteFilterType.RequestMirror.Value => Mirror(type, stage, i, filter.RequestMirror, route, usable, tls),
                _ when type == HttpRouteFilterType.Cors.Value => filter.Cors is null
                    ? new InvalidFilter(type, stage, i, "CORS filter without settings")
                    : new CorsFilter(stage, i, new CorsPolicy(filter.Cors)),
                _ when type == HttpRouteFilterType.ExtensionRef.Value => Extension(type, stage, i, filter.ExtensionRef, route, usable),
                _ when type == HttpRouteFilterType.ExternalAuth.Value => filter.ExternalAuth?.BackendRef is null
                    ? new InvalidFilter(type, stage, i, "ExternalAuth filter without backendRef")
                    : new ExternalAuthFilterStep(stage, i, filter.ExternalAuth, Reference(filter.ExternalAuth.BackendRef, -1, route.Namespace, 1, null, tls), usable),
                _ => new InvalidFilter(type, stage, i, $"unsupported filter type '{type}'"),
            };
        }

        return compiled;
    }

    private static CompiledFilter[] GrpcFilters(IList<GrpcRouteFilter>? filters, FilterStage stage, RouteReference route, AttachedRoute attached, int ruleIndex, int? backendIndex, BackendTlsIndex tls)
    {
        if (filters is null || filters.Count == 0)
        {
            return [];
        }

        var compiled = new CompiledFilter[filters.Count];
        for (var i = 0; i < filters.Count; i++)
        {
            var filter = filters[i];
            var type = filter.Type?.Value ?? "";
            var usable = FilterUsable(attached, ruleIndex, backendIndex, i);
            compiled[i] = type switch
            {
                _ when type == GrpcRouteFilterType.RequestHeaderModifier.Value => HeaderModifier(type, stage, i, false, filter.RequestHeaderModifier),
                _ when type == GrpcRouteFilterType.ResponseHeaderModifier.Value => HeaderModifier(type, stage, i, true, filter.ResponseHeaderModifier),
                _ when type == GrpcRouteFilterType.RequestMirror.Value => Mirror(type, stage, i, filter.RequestMirror, route, usable, tls),
                _ when type == GrpcRouteFilterType.ExtensionRef.Value => Extension(type, stage, i, filter.ExtensionRef, route, usable),
                _ => new InvalidFilter(type, stage, i, $"unsupported filter type '{type}'"),
            };
        }

        return compiled;
    }

    private static CompiledFilter HeaderModifier(string type, FilterStage stage, int index, bool response, HttpHeaderFilter? settings)
    {
        if (settings is null)
        {
            return new InvalidFilter(type, stage, index, $"{type} filter without settings");
        }

        var changes = new List<HeaderModification>();
        foreach (var header in settings.Set ?? [])
        {
            changes.Add(new HeaderModification(HeaderModificationKind.Set, header.Name ?? "", header.Value ?? ""));
        }

        foreach (var header in settings.Add ?? [])
        {
            changes.Add(new HeaderModification(HeaderModificationKind.Add, header.Name ?? "", header.Value ?? ""));
        }

        foreach (var name in settings.Remove ?? [])
        {
            changes.Add(new HeaderModification(HeaderModificationKind.Remove, name, null));
        }

        return new HeaderModifierFilter(type, stage, index, response, [.. changes]);
    }

    private static CompiledFilter Redirect(FilterStage stage, int index, HttpRequestRedirectFilter? settings)
    {
        if (settings is null)
        {
            return new InvalidFilter(HttpRouteFilterType.RequestRedirect.Value, stage, index, "RequestRedirect filter without settings");
        }

        var path = Path(settings.Path, out var problem);
        return problem is not null
            ? new InvalidFilter(HttpRouteFilterType.RequestRedirect.Value, stage, index, problem)
            : new RedirectFilter(stage, index, settings.Scheme?.Value, settings.Hostname, settings.Port, settings.StatusCode ?? 302, path);
    }

    private static CompiledFilter Rewrite(FilterStage stage, int index, HttpUrlRewriteFilter? settings)
    {
        if (settings is null)
        {
            return new InvalidFilter(HttpRouteFilterType.UrlRewrite.Value, stage, index, "URLRewrite filter without settings");
        }

        var path = Path(settings.Path, out var problem);
        return problem is not null
            ? new InvalidFilter(HttpRouteFilterType.UrlRewrite.Value, stage, index, problem)
            : new UrlRewriteFilter(stage, index, settings.Hostname, path);
    }

    private static PathModifier? Path(HttpPathModifier? modifier, out string? problem)
    {
        problem = null;
        if (modifier is null)
        {
            return null;
        }

        var type = modifier.Type?.Value ?? "";
        if (type == HttpPathModifierType.ReplaceFullPath.Value)
        {
            return new PathModifier(type, modifier.ReplaceFullPath ?? "/");
        }

        if (type == HttpPathModifierType.ReplacePrefixMatch.Value)
        {
            return new PathModifier(type, modifier.ReplacePrefixMatch ?? "/");
        }

        problem = $"unsupported path modifier type '{type}'";
        return null;
    }

    private static CompiledFilter Mirror(string type, FilterStage stage, int index, HttpRequestMirrorFilter? settings, RouteReference route, bool usable, BackendTlsIndex tls)
    {
        if (settings?.BackendRef is null)
        {
            return new InvalidFilter(type, stage, index, "RequestMirror filter without backendRef");
        }

        // percent or fraction, never both (CEL); neither mirrors every request.
        var (numerator, denominator) = settings.Percent is { } percent
            ? (percent, 100)
            : settings.Fraction is { } fraction ? (fraction.Numerator ?? 0, fraction.Denominator ?? 100) : (100, 100);
        var backend = Reference(settings.BackendRef, -1, route.Namespace, 1, null, tls);
        return new MirrorFilter(stage, index, backend, Math.Max(0, numerator), Math.Max(1, denominator), usable && backend.Usable);
    }

    private static CompiledFilter Extension(string type, FilterStage stage, int index, LocalObjectReference? reference, RouteReference route, bool usable) =>
        reference is null
            ? new InvalidFilter(type, stage, index, "ExtensionRef filter without extensionRef")
            : new ExtensionRefFilter(stage, index, new FilterReference(reference.Group ?? "", reference.Kind ?? "", reference.Name ?? "", route.Namespace, stage), usable);
}
