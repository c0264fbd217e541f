using GatewayApi.Models;
using GatewayApi.Routing.Reference;
using k8s.Models;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>Short ways to write routes, listeners and requests in tests.</summary>
internal static class RouteFixtures
{
    public static readonly DateTime T0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly NamespacedName Gw = new("infra", "gw");

    public static HttpRoute HttpRoute(string name, string[]? hostnames = null, DateTime? created = null, string ns = "default", params HttpRouteRule[] rules) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, CreationTimestamp = created ?? T0 },
        Spec = new HttpRouteSpec { Hostnames = hostnames, Rules = [.. rules] },
    };

    public static HttpRouteRule Rule(params HttpRouteMatch[] matches) => new()
    {
        Matches = matches.Length == 0 ? null : [.. matches],
        BackendRefs = [Backend("svc")],
    };

    public static HttpRouteRule Rule(string? name, HttpRouteMatch[] matches, HttpRouteFilter[]? filters = null, HttpBackendRef[]? backends = null) => new()
    {
        Name = name,
        Matches = matches.Length == 0 ? null : [.. matches],
        Filters = filters is null ? null : [.. filters],
        BackendRefs = backends is null ? [Backend("svc")] : [.. backends],
    };

    public static HttpBackendRef Backend(string name, int? weight = null, int port = 8080, HttpRouteFilter[]? filters = null) =>
        new() { Name = name, Port = port, Weight = weight, Filters = filters is null ? null : [.. filters] };

    public static HttpRouteMatch Prefix(string value) => new() { Path = new HttpPathMatch { Type = PathMatchType.PathPrefix, Value = value } };

    public static HttpRouteMatch Exact(string value) => new() { Path = new HttpPathMatch { Type = PathMatchType.Exact, Value = value } };

    public static HttpRouteMatch Regex(string value) => new() { Path = new HttpPathMatch { Type = PathMatchType.RegularExpression, Value = value } };

    public static HttpRouteMatch Header(this HttpRouteMatch match, string name, string value, bool regex = false)
    {
        match.Headers ??= [];
        match.Headers.Add(new HttpHeaderMatch { Name = name, Value = value, Type = regex ? HeaderMatchType.RegularExpression : (HeaderMatchType?)null });
        return match;
    }

    public static HttpRouteMatch Query(this HttpRouteMatch match, string name, string value, bool regex = false)
    {
        match.QueryParams ??= [];
        match.QueryParams.Add(new HttpQueryParamMatch { Name = name, Value = value, Type = regex ? QueryParamMatchType.RegularExpression : (QueryParamMatchType?)null });
        return match;
    }

    public static HttpRouteMatch WithMethod(this HttpRouteMatch match, string method)
    {
        match.Method = method;
        return match;
    }

    public static HttpRouteMatch HeadersOnly(params (string Name, string Value)[] headers)
    {
        var match = new HttpRouteMatch();
        foreach (var (name, value) in headers)
        {
            match.Header(name, value);
        }

        return match;
    }

    public static AttachedRoute Attach(GatewayApiObject route, params string[] hostnames) =>
        new() { Route = route, Hostnames = hostnames.Length == 0 ? null : hostnames };

    public static ListenerRoutes Listener(string name, int port = 80, string protocol = "HTTP", string? hostname = null, params AttachedRoute[] routes) =>
        new() { Name = name, Port = port, Protocol = protocol, Hostname = hostname, Routes = routes };

    public static RoutingConfiguration Gateway(params ListenerRoutes[] listeners) =>
        new() { Gateways = [new GatewayRoutes { Namespace = Gw.Namespace, Name = Gw.Name, Listeners = listeners }] };

    /// <summary>One HTTP listener on port 80 without hostname carrying the routes (their own hostnames apply).</summary>
    public static RoutingConfiguration OneListener(params GatewayApiObject[] routes) =>
        Gateway(Listener("http", routes: [.. routes.Select(r => Attach(r, (r as HttpRoute)?.Spec.Hostnames?.ToArray() ?? (r as GrpcRoute)?.Spec.Hostnames?.ToArray() ?? []))]));

    public static HttpRoutingRequest Request(string host, string path, string method = "GET", params (string Name, string Value)[] headers) => new()
    {
        Gateway = Gw,
        Port = 80,
        Authority = host,
        Path = path,
        Method = method,
        Headers = [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
    };

    public static HttpRoutingRequest Https(string sni, string host, string path = "/", int port = 443) => new()
    {
        Gateway = Gw,
        Port = port,
        Scheme = "https",
        ServerName = sni,
        Authority = host,
        Path = path,
    };

    /// <summary>
    /// Routes a request with both routers and checks they agree; returns the compiled match. Every hand-written test
    /// goes through here, so each also checks the oracle against the spec's vector.
    /// </summary>
    public static HttpRouteMatchResult Match(RoutingConfiguration configuration, HttpRoutingRequest request, RouterOptions? options = null)
    {
        options ??= RouterOptions.Default;
        var compiled = Router.Compile(configuration, options).MatchHttp(request);
        var reference = new ReferenceRouter(configuration, options).RouteHttp(request);
        Assert.Equal(reference.Result, compiled.Result);
        Assert.Equal(reference.Route, compiled.Target?.Route);
        Assert.Equal(reference.RuleIndex, compiled.Target?.RuleIndex ?? -1);
        Assert.Equal(reference.MatchIndex, compiled.Target?.MatchIndex ?? -1);
        Assert.Equal(reference.ListenerName, compiled.ListenerName);
        return compiled;
    }

    /// <summary>"name rule match" of the winner, or the result when nothing matched.</summary>
    public static string Winner(RoutingConfiguration configuration, HttpRoutingRequest request, RouterOptions? options = null)
    {
        var match = Match(configuration, request, options);
        return match.Target is { } target ? $"{target.Route.Name} {target.RuleIndex} {target.MatchIndex}" : match.Result.ToString();
    }
}
