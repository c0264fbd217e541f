using FsCheck;
using FsCheck.Fluent;
using GatewayApi.Models;
using k8s.Models;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>
/// Generators of route sets and requests biased towards collisions: shared and nested prefixes, /foo vs /foo/ vs
/// /foobar, wildcard vs precise hostnames, equal precedence keys broken by timestamp and name, duplicate header and
/// query conditions, regular expressions (including unsupported and catastrophic ones).
/// </summary>
internal static class RoutingGenerators
{
    private static readonly DateTime T0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly string[] RouteHostnames = ["example.com", "foo.example.com", "*.example.com", "*.foo.example.com", "a.b.example.com", "*.com", "other.org", "*", "FOO.example.com"];

    public static readonly string?[] ListenerHostnames = [null, null, "*.example.com", "foo.example.com", "*.foo.example.com", "other.org"];

    public static readonly string[] RequestHosts = ["example.com", "foo.example.com", "bar.example.com", "a.b.example.com", "x.foo.example.com", "other.org", "FOO.Example.com", "foo.example.com:8080", "com", "z.com", "[::1]:80"];

    private static readonly string[] PathValues = ["/", "/foo", "/foo/", "/foobar", "/foo/bar", "/foo/bar/", "/FOO", "/a", "/a/b", "/a//", "/a/b/c", "", "foo"];

    private static readonly string[] Patterns = ["/foo.*", "/a/[a-z]+", "/(a+)+", ".*", "/foo/?", "[", @"/(a)\1", "/a/.*/c", "/f"];

    private static readonly string[] RequestPaths = ["/", "/foo", "/foo/", "/foobar", "/foo/bar", "/foo/bar/baz", "/FOO", "/a", "/a/b", "/a//", "/a/bc", "/a/b/c", "/aaaa", "", "/f"];

    private static readonly string[] Queries = ["", "?q=1", "?q=2&q=1", "?Q=1", "?q=%31", "?r=2&q=1", "?q", "?r=2", "#q=1"];

    private static readonly (string, string)[] RequestHeaders = [("x-a", "1"), ("X-A", "2"), ("x-b", "1"), ("x-b", "2"), ("x-c", "1,2")];

    private static readonly DateTime?[] Timestamps = [T0, T0, T0.AddSeconds(1), T0.AddSeconds(2), null];

    private static Gen<T?> Maybe<T>(Gen<T> gen, int weightOfNull = 1)
        where T : class => Gen.Frequency((weightOfNull, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

    private static Gen<List<T>> ListOf<T>(int min, int max, Gen<T> gen) =>
        Gen.Choose(min, max).SelectMany(n => gen.ArrayOf(n)).Select(a => a.ToList());

    private static Gen<HttpPathMatch?> PathMatch() =>
        from kind in Gen.Frequency((4, Gen.Constant("PathPrefix")), (3, Gen.Constant("Exact")), (2, Gen.Constant("RegularExpression")), (1, Gen.Constant<string>(null!)), (1, Gen.Constant("Glob")))
        from value in kind == "RegularExpression" ? Gen.Elements(Patterns) : Gen.Elements(PathValues)
        from absent in Gen.Frequency((1, Gen.Constant(true)), (8, Gen.Constant(false)))
        select absent ? null : new HttpPathMatch { Type = kind is null ? (PathMatchType?)null : new PathMatchType(kind), Value = value };

    private static Gen<HttpHeaderMatch> HeaderMatch() =>
        from name in Gen.Elements("x-a", "X-A", "x-b", "x-c")
        from regex in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from value in regex ? Gen.Elements("[0-9]", "1|2", "1,2", "(") : Gen.Elements("1", "2", "1,2")
        select new HttpHeaderMatch { Name = name, Value = value, Type = regex ? HeaderMatchType.RegularExpression : (HeaderMatchType?)null };

    private static Gen<HttpQueryParamMatch> QueryMatch() =>
        from name in Gen.Elements("q", "Q", "r")
        from regex in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from value in regex ? Gen.Elements("[12]", "2") : Gen.Elements("1", "2", "")
        select new HttpQueryParamMatch { Name = name, Value = value, Type = regex ? QueryParamMatchType.RegularExpression : (QueryParamMatchType?)null };

    private static Gen<HttpRouteMatch> Match() =>
        from path in PathMatch()
        from method in Gen.Frequency((5, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>("GET")), (1, Gen.Constant<string?>("POST")))
        from headers in ListOf(0, 2, HeaderMatch())
        from query in ListOf(0, 2, QueryMatch())
        select new HttpRouteMatch
        {
            Path = path,
            Method = method is null ? (HttpRequestMethod?)null : new HttpRequestMethod(method),
            Headers = headers.Count == 0 ? null : headers,
            QueryParams = query.Count == 0 ? null : query,
        };

    private static Gen<HttpRouteRule> Rule() =>
        from matches in Gen.Frequency((1, Gen.Constant<List<HttpRouteMatch>?>(null)), (1, Gen.Constant<List<HttpRouteMatch>?>([])), (6, ListOf(1, 3, Match()).Select(l => (List<HttpRouteMatch>?)l)))
        select new HttpRouteRule { Matches = matches, BackendRefs = [new HttpBackendRef { Name = "svc", Port = 80 }] };

    /// <summary>A route with a unique name; timestamps collide often so names and rule order break ties.</summary>
    private static Gen<HttpRoute> HttpRouteGen(string name, string ns) =>
        from created in Gen.Elements(Timestamps)
        from rules in Gen.Frequency((1, Gen.Constant<List<HttpRouteRule>?>(null)), (10, ListOf(1, 3, Rule()).Select(l => (List<HttpRouteRule>?)l)))
        select new HttpRoute
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, CreationTimestamp = created },
            Spec = new HttpRouteSpec { Rules = rules },
        };

    private static Gen<List<string>?> Hostnames() =>
        Gen.Frequency((2, Gen.Constant<List<string>?>(null)), (5, ListOf(1, 2, Gen.Elements(RouteHostnames)).Select(l => (List<string>?)l)));

    private static Gen<(string Namespace, string Name)[]> Identities(int count) =>
        // Names and namespaces are shuffled so that generation order says nothing about alphabetical order.
        Gen.Shuffle(Enumerable.Range(0, count).Select(i => (i % 2 == 0 ? "ns-a" : "ns-b", "r" + (char)('a' + i))).ToArray());

    /// <summary>A Gateway with 1-3 HTTP listeners on port 80 and one HTTPS listener, routes attached to random subsets.</summary>
    public static Gen<RoutingConfiguration> HttpConfiguration() =>
        from count in Gen.Choose(1, 8)
        from identities in Identities(count)
        from routes in Gen.CollectToArray(identities, id => HttpRouteGen(id.Name, id.Namespace))
        from listenerHostnames in ListOf(1, 3, Gen.Elements(ListenerHostnames))
        from attachments in Gen.CollectToArray(Enumerable.Range(0, listenerHostnames.Count + 1), _ =>
            Gen.CollectToArray(routes, r => Gen.Frequency((1, Gen.Constant(false)), (4, Gen.Constant(true))).SelectMany(attach => Hostnames().Select(h => (attach, h)))))
        from subsets in Gen.CollectToArray(routes, _ => RuleSubset())
        select Build(routes, listenerHostnames, attachments, subsets);

    /// <summary>Usually every rule; sometimes only some (the rest made the route PartiallyInvalid).</summary>
    private static Gen<List<int>?> RuleSubset() =>
        Gen.Frequency((5, Gen.Constant<List<int>?>(null)), (1, Gen.SubListOf(new[] { 0, 1, 2 }).Select(l => (List<int>?)l)));

    private static RoutingConfiguration Build(HttpRoute[] routes, List<string?> listenerHostnames, (bool Attach, List<string>? Hostnames)[][] attachments, List<int>?[] subsets)
    {
        var listeners = new List<ListenerRoutes>();
        for (var i = 0; i <= listenerHostnames.Count; i++)
        {
            var https = i == listenerHostnames.Count;
            var attached = routes.Select((r, j) => (Route: r, Choice: attachments[i][j], Rules: subsets[j]))
                .Where(x => x.Choice.Attach)
                .Select(x => new AttachedRoute { Route = x.Route, Hostnames = x.Choice.Hostnames, RuleIndexes = x.Rules })
                .ToList();
            listeners.Add(new ListenerRoutes
            {
                Name = https ? "https" : "http-" + i,
                Port = https ? 443 : 80,
                Protocol = https ? ProtocolType.Https : ProtocolType.Http,
                Hostname = https ? null : listenerHostnames[i],
                Routes = attached,
            });
        }

        return new RoutingConfiguration { Gateways = [new GatewayRoutes { Namespace = "infra", Name = "gw", Listeners = listeners }] };
    }

    public static Gen<HttpRoutingRequest> HttpRequest() =>
        from host in Gen.Elements(RequestHosts)
        from path in Gen.Elements(RequestPaths)
        from query in Gen.Elements(Queries)
        from method in Gen.Elements("GET", "POST", "get")
        from headers in Gen.SubListOf(RequestHeaders)
        from shuffled in Gen.Shuffle(headers.ToArray())
        from https in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from sni in Gen.Elements<string?>([null, .. RequestHosts.Take(6)])
        select new HttpRoutingRequest
        {
            Gateway = new NamespacedName("infra", "gw"),
            Port = https ? 443 : 80,
            Scheme = https ? "https" : "http",
            ServerName = https ? sni : null,
            Authority = host,
            Path = path + query,
            Method = method,
            Headers = [.. shuffled.Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2))],
        };

    public static Gen<RouterOptions> Options() =>
        from fallThrough in Gen.Elements(true, false)
        from regex in Gen.Elements(RegularExpressionPathPrecedence.BetweenExactAndPrefix, RegularExpressionPathPrecedence.AfterPrefix)
        from length in Gen.Elements(PathPrefixLength.AsWritten, PathPrefixLength.IgnoringTrailingSlash)
        from whole in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        // Both forms of a hostname entry: always indexed by path (0), or scanned when small (the default limit).
        from scan in Gen.Elements(0, RouterOptions.Default.LinearScanLimit)
        select new RouterOptions { HostnameFallThrough = fallThrough, RegularExpressionPathPrecedence = regex, PathPrefixLength = length, RegularExpressionMatchesWholeValue = whole, LinearScanLimit = scan };

    /// <summary>
    /// Many routes on one path that differ mostly by an Exact header value (tenant routing): exercises the header
    /// index of large candidate buckets, with values colliding, the header sometimes absent, repeated or regex.
    /// </summary>
    public static Gen<RoutingConfiguration> TenantConfiguration() =>
        from count in Gen.Choose(10, 40)
        from identities in Identities(count)
        from routes in Gen.CollectToArray(identities, id =>
            from created in Gen.Elements(Timestamps)
            from rules in ListOf(1, 3,
                from path in Gen.Elements("/", "/api", "/api/", "/api/v1")
                from exact in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
                from tenant in Gen.Frequency((6, Gen.Elements("t1", "t2", "t3", "t1,t2").Select(v => (string?)v)), (1, Gen.Constant<string?>(null)))
                from tenantName in Gen.Elements("x-tenant", "X-Tenant")
                from regex in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
                from extra in ListOf(0, 1, HeaderMatch())
                select new HttpRouteRule
                {
                    Matches =
                    [
                        new HttpRouteMatch
                        {
                            Path = new HttpPathMatch { Type = exact ? PathMatchType.Exact : PathMatchType.PathPrefix, Value = path },
                            Headers = [.. (tenant is null ? [] : new[] { new HttpHeaderMatch { Name = tenantName, Value = regex ? "t[12]" : tenant, Type = regex ? HeaderMatchType.RegularExpression : (HeaderMatchType?)null } }).Concat(extra)],
                        },
                    ],
                    BackendRefs = [new HttpBackendRef { Name = "svc", Port = 80 }],
                })
            select new HttpRoute
            {
                Metadata = new V1ObjectMeta { Name = id.Name, NamespaceProperty = id.Namespace, CreationTimestamp = created },
                Spec = new HttpRouteSpec { Rules = rules },
            })
        select new RoutingConfiguration
        {
            Gateways = [new GatewayRoutes { Namespace = "infra", Name = "gw", Listeners = [new ListenerRoutes { Name = "http", Port = 80, Protocol = ProtocolType.Http, Routes = [.. routes.Select(r => new AttachedRoute { Route = r })] }] }],
        };

    public static Gen<HttpRoutingRequest> TenantRequest() =>
        from path in Gen.Elements("/", "/api", "/api/", "/api/v1", "/api/v1/x", "/other")
        from tenants in Gen.SubListOf(new[] { ("x-tenant", "t1"), ("X-TENANT", "t2"), ("x-tenant", "t3"), ("x-a", "1"), ("x-b", "2") })
        select new HttpRoutingRequest
        {
            Gateway = new NamespacedName("infra", "gw"),
            Port = 80,
            Authority = "tenant.example.com",
            Path = path,
            Headers = [.. tenants.Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2))],
        };

    // ------------------------------------------------------------------ gRPC

    private static Gen<GrpcRouteMatch> GrpcMatch() =>
        from regex in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from service in regex ? Gen.Elements<string?>(null, "svc\\..*", "pkg\\.svc\\.A", "(") : Gen.Elements<string?>(null, "svc.A", "svc.B", "pkg.svc.A", "")
        from method in regex ? Gen.Elements<string?>(null, "Get.*", "List") : Gen.Elements<string?>(null, "Get", "List", "GetAll")
        from headers in ListOf(0, 2, HeaderMatch())
        from absent in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
        select absent ? new GrpcRouteMatch() : new GrpcRouteMatch
        {
            Method = service is null && method is null ? null : new GrpcMethodMatch { Service = service, Method = method, Type = regex ? GrpcMethodMatchType.RegularExpression : (GrpcMethodMatchType?)null },
            Headers = headers.Count == 0 ? null : [.. headers.Select(h => new GrpcHeaderMatch { Name = h.Name, Value = h.Value, Type = h.Type is null ? (GrpcHeaderMatchType?)null : new GrpcHeaderMatchType(h.Type.Value.Value) })],
        };

    private static Gen<GrpcRoute> GrpcRouteGen(string name, string ns) =>
        from created in Gen.Elements(Timestamps)
        from rules in ListOf(0, 3, ListOf(0, 3, GrpcMatch()).Select(m => new GrpcRouteRule { Matches = m.Count == 0 ? null : m, BackendRefs = [new GrpcBackendRef { Name = "svc", Port = 80 }] }))
        select new GrpcRoute
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, CreationTimestamp = created },
            Spec = new GrpcRouteSpec { Rules = rules },
        };

    public static Gen<RoutingConfiguration> GrpcConfiguration() =>
        from count in Gen.Choose(1, 6)
        from identities in Identities(count)
        from routes in Gen.CollectToArray(identities, id => GrpcRouteGen(id.Name, id.Namespace))
        from listenerHostnames in ListOf(1, 2, Gen.Elements(ListenerHostnames))
        from attachments in Gen.CollectToArray(Enumerable.Range(0, listenerHostnames.Count), _ =>
            Gen.CollectToArray(routes, r => Gen.Frequency((1, Gen.Constant(false)), (4, Gen.Constant(true))).SelectMany(attach => Hostnames().Select(h => (attach, h)))))
        from subsets in Gen.CollectToArray(routes, _ => RuleSubset())
        select new RoutingConfiguration
        {
            Gateways =
            [
                new GatewayRoutes
                {
                    Namespace = "infra",
                    Name = "gw",
                    Listeners = [.. listenerHostnames.Select((hostname, i) => new ListenerRoutes
                    {
                        Name = "grpc-" + i,
                        Port = 80,
                        Protocol = ProtocolType.Http,
                        Hostname = hostname,
                        Routes = [.. routes.Select((r, j) => (r, attachments[i][j], subsets[j])).Where(x => x.Item2.attach).Select(x => new AttachedRoute { Route = x.r, Hostnames = x.Item2.h, RuleIndexes = x.Item3 })],
                    })],
                },
            ],
        };

    public static Gen<HttpRoutingRequest> GrpcRequest() =>
        from host in Gen.Elements(RequestHosts)
        from path in Gen.Elements("/svc.A/Get", "/svc.A/GetAll", "/svc.B/List", "/pkg.svc.A/Get", "/svc.A/Get/x", "/x", "/svc.C/List", "//Get")
        from headers in Gen.SubListOf(RequestHeaders)
        select new HttpRoutingRequest
        {
            Gateway = new NamespacedName("infra", "gw"),
            Port = 80,
            Authority = host,
            Path = path,
            Method = "POST",
            Headers = [.. headers.Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2))],
        };

    // ------------------------------------------------------------------ TLS, TCP, UDP

    public static Gen<RoutingConfiguration> StreamConfiguration() =>
        from count in Gen.Choose(0, 6)
        from identities in Identities(count)
        from created in Gen.Elements(Timestamps).ArrayOf(count)
        from kinds in Gen.Elements("TLS", "TCP", "UDP").ArrayOf(count)
        from hostnames in Hostnames().ArrayOf(count)
        from tlsListenerHostnames in ListOf(1, 2, Gen.Elements(ListenerHostnames))
        select BuildStream(identities, created, kinds, hostnames, tlsListenerHostnames);

    private static RoutingConfiguration BuildStream((string Namespace, string Name)[] identities, DateTime?[] created, string[] kinds, List<string>?[] hostnames, List<string?> tlsListenerHostnames)
    {
        var routes = identities.Select((id, i) =>
        {
            var metadata = new V1ObjectMeta { Name = id.Name, NamespaceProperty = id.Namespace, CreationTimestamp = created[i] };
            var rule = new L4RouteRule { BackendRefs = [new BackendRef { Name = "svc", Port = 80 }] };
            GatewayApiObject route = kinds[i] switch
            {
                "TLS" => new TlsRoute { Metadata = metadata, Spec = new TlsRouteSpec { Rules = [rule] } },
                "TCP" => new TcpRoute { Metadata = metadata, Spec = new TcpRouteSpec { Rules = [rule] } },
                _ => new UdpRoute { Metadata = metadata, Spec = new UdpRouteSpec { Rules = [rule] } },
            };
            return new AttachedRoute { Route = route, Hostnames = hostnames[i] };
        }).ToList();
        var listeners = tlsListenerHostnames.Select((h, i) => new ListenerRoutes { Name = "tls-" + i, Port = 443, Protocol = ProtocolType.Tls, Hostname = h, Routes = [.. routes.Where(r => r.Route is TlsRoute)] }).ToList();
        listeners.Add(new ListenerRoutes { Name = "tcp", Port = 9000, Protocol = ProtocolType.Tcp, Routes = [.. routes.Where(r => r.Route is TcpRoute).Select(r => r with { Hostnames = null })] });
        listeners.Add(new ListenerRoutes { Name = "udp", Port = 9000, Protocol = ProtocolType.Udp, Routes = [.. routes.Where(r => r.Route is UdpRoute).Select(r => r with { Hostnames = null })] });
        return new RoutingConfiguration { Gateways = [new GatewayRoutes { Namespace = "infra", Name = "gw", Listeners = listeners }] };
    }

    // ------------------------------------------------------------------ Mesh

    public static Gen<RoutingConfiguration> MeshConfiguration() =>
        from count in Gen.Choose(0, 6)
        from identities in Gen.Shuffle(Enumerable.Range(0, count).Select(i => (Namespace: new[] { "svc-ns", "client-a", "client-b" }[i % 3], Name: "m" + (char)('a' + i))).ToArray())
        from routes in Gen.CollectToArray(identities, id => HttpRouteGen(id.Name, id.Namespace))
        from grpcRoutes in Gen.CollectToArray(identities.Take(2), id => GrpcRouteGen("g" + id.Name, id.Namespace))
        from ports in Gen.CollectToArray(routes.Cast<GatewayApiObject>().Concat(grpcRoutes), _ => Gen.Elements(new[] { 80 }, new[] { 8080 }, new[] { 80, 8080 }))
        select new RoutingConfiguration
        {
            Services =
            [
                new ServiceRoutes
                {
                    Namespace = "svc-ns",
                    Name = "echo",
                    Ports = [.. new[] { 80, 8080 }.Select(port => new ServicePortRoutes
                    {
                        Port = port,
                        Routes = [.. routes.Cast<GatewayApiObject>().Concat(grpcRoutes).Select((r, i) => (r, i)).Where(x => ports[x.i].Contains(port)).Select(x => new AttachedRoute { Route = x.r, Hostnames = ["ignored.example"] })],
                    })],
                },
            ],
        };

    public static Gen<(MeshDestination Destination, HttpRoutingRequest Request)> MeshRequest() =>
        from client in Gen.Elements("svc-ns", "client-a", "client-b", "client-c")
        from port in Gen.Elements(80, 8080, 9999)
        from service in Gen.Elements("echo", "echo", "other")
        from request in HttpRequest()
        from grpcPath in Gen.Elements<string?>(null, "/svc.A/Get", "/svc.B/List")
        select (new MeshDestination(client, new NamespacedName("svc-ns", service), port), grpcPath is null ? request : request with { Path = grpcPath });
}
