using System.Globalization;
using System.Text;

namespace GatewayApi.Yarp.Benchmarks.Load;

/// <summary>
/// The manifests the proxy targets serve: a GatewayClass, a Gateway with one HTTP listener, 20 namespaces of 5
/// Services each, and N HTTPRoutes in a realistic mix, deterministically (route i is always the same).
/// </summary>
/// <remarks>
/// Route i has one of three shapes, by <c>i % 3</c>:
/// <list type="bullet">
/// <item>0: its own hostname <c>app{i}.example.com</c>, with Exact <c>/health</c>, PathPrefix <c>/api/v1</c>,
/// PathPrefix <c>/api/v2</c> with a header match, a RegularExpression <c>/static/.*\.js</c>, and PathPrefix <c>/</c>;</item>
/// <item>1: the shared hostname <c>shop.example.com</c>, with PathPrefix <c>/svc{i}/v1</c>, a GET-only PathPrefix
/// <c>/svc{i}</c>, and Exact <c>/svc{i}/health</c>;</item>
/// <item>2: the shared hostname <c>api.example.com</c> (plus a wildcard <c>*.api{i}.example.net</c>), PathPrefix
/// <c>/api</c> told apart by the header <c>x-tenant: tenant{i}</c>, and PathPrefix <c>/api/admin</c> with two headers.</item>
/// </list>
/// Every rule stamps <c>x-route: route-{i}/rule-{r}</c> on the request (RequestHeaderModifier), which the echo
/// backend returns, so a misrouted request is visible. The measured request matches the last route of shape 2,
/// one of the last routes written.
/// </remarks>
internal static class RouteSet
{
    public const string GatewayNamespace = "infra";
    public const string GatewayName = "bench";
    public const string GatewayClassName = "bench";
    public const int ServicePort = 8080;

    private const int Namespaces = 20;
    private const int ServicesPerNamespace = 5;

    /// <summary>The index of the measured route: the last route of shape 2 below <paramref name="routes"/>.</summary>
    public static int MeasuredIndex(int routes) => routes - 1 - ((routes - 1 - 2) % 3 + 3) % 3;

    public static MeasuredRequest MeasuredRequest(int routes)
    {
        var i = MeasuredIndex(routes);
        return new MeasuredRequest(
            "/api/orders/42?view=full",
            [("Host", "api.example.com"), ("x-tenant", Tenant(i)), ("accept", "application/json")],
            $"route-{i}/rule-0");
    }

    /// <summary>Every Service name the routes reference, as <c>namespace/name</c>, so a resolver can map them all.</summary>
    public static IEnumerable<(string Namespace, string Name)> Services() =>
        from n in Enumerable.Range(0, Namespaces)
        from s in Enumerable.Range(0, ServicesPerNamespace)
        select (Namespace(n), Service(s));

    /// <summary>
    /// The manifests as one multi-document YAML stream: the Gateway on <paramref name="listenerPort"/>, the
    /// Services, and either routes 0..N-1 or (<paramref name="onlyMeasured"/>) the measured route alone.
    /// </summary>
    public static string Yaml(int routes, int listenerPort, string controllerName, bool onlyMeasured)
    {
        var yaml = new StringBuilder(routes * 1200);
        yaml.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata:
              name: {GatewayClassName}
            spec:
              controllerName: {controllerName}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: {GatewayName}
              namespace: {GatewayNamespace}
            spec:
              gatewayClassName: {GatewayClassName}
              listeners:
              - name: http
                protocol: HTTP
                port: {listenerPort}
                allowedRoutes:
                  namespaces:
                    from: All

            """);
        foreach (var (ns, name) in Services())
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: {name}
                  namespace: {ns}
                spec:
                  ports:
                  - name: http
                    port: {ServicePort}
                    protocol: TCP

                """);
        }

        var indexes = onlyMeasured ? [MeasuredIndex(routes)] : Enumerable.Range(0, routes);
        foreach (var i in indexes)
        {
            AppendRoute(yaml, i);
        }

        return yaml.ToString();
    }

    private static void AppendRoute(StringBuilder yaml, int i)
    {
        var ns = Namespace(i % Namespaces);
        yaml.Append(CultureInfo.InvariantCulture, $"""
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: route-{i}
              namespace: {ns}
              creationTimestamp: "{new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i):yyyy-MM-ddTHH:mm:ssZ}"
            spec:
              parentRefs:
              - name: {GatewayName}
                namespace: {GatewayNamespace}
                sectionName: http

            """);
        var rules = (i % 3) switch
        {
            0 => new[]
            {
                Match("Exact", "/health"),
                Match("PathPrefix", "/api/v1"),
                Match("PathPrefix", "/api/v2", headers: [("x-canary", "true")]),
                Match("RegularExpression", @"/static/.*\.js"),
                Match("PathPrefix", "/"),
            },
            1 => new[]
            {
                Match("PathPrefix", $"/svc{i}/v1"),
                Match("PathPrefix", $"/svc{i}", method: "GET"),
                Match("Exact", $"/svc{i}/health"),
            },
            _ => new[]
            {
                Match("PathPrefix", "/api", headers: [("x-tenant", Tenant(i))]),
                Match("PathPrefix", "/api/admin", headers: [("x-tenant", Tenant(i)), ("x-role", "admin")]),
            },
        };
        yaml.Append((i % 3) switch
        {
            0 => $"  hostnames:\n  - app{i}.example.com\n",
            1 => "  hostnames:\n  - shop.example.com\n",
            _ => $"  hostnames:\n  - api.example.com\n  - \"*.api{i}.example.net\"\n",
        });
        yaml.Append("  rules:\n");
        for (var r = 0; r < rules.Length; r++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  - matches:
                {rules[r]}    filters:
                    - type: RequestHeaderModifier
                      requestHeaderModifier:
                        set:
                        - name: {EchoBackend.RouteHeader}
                          value: route-{i}/rule-{r}
                    backendRefs:
                    - name: {Service((i + r) % ServicesPerNamespace)}
                      port: {ServicePort}

                """);
        }
    }

    private static string Match(string type, string value, (string Name, string Value)[]? headers = null, string? method = null)
    {
        var match = new StringBuilder();
        match.Append(CultureInfo.InvariantCulture, $"    - path:\n        type: {type}\n        value: \"{value.Replace("\\", "\\\\", StringComparison.Ordinal)}\"\n");
        if (headers is not null)
        {
            match.Append("      headers:\n");
            foreach (var (name, headerValue) in headers)
            {
                match.Append(CultureInfo.InvariantCulture, $"      - name: {name}\n        value: \"{headerValue}\"\n");
            }
        }

        if (method is not null)
        {
            match.Append(CultureInfo.InvariantCulture, $"      method: {method}\n");
        }

        return match.ToString();
    }

    private static string Tenant(int i) => "tenant" + i.ToString(CultureInfo.InvariantCulture);

    private static string Namespace(int n) => "team-" + n.ToString("D2", CultureInfo.InvariantCulture);

    private static string Service(int s) => "svc-" + s.ToString(CultureInfo.InvariantCulture);
}
