using System.Globalization;
using System.Text;

namespace GatewayApi.Yarp.Tests.HotReload;

/// <summary>
/// The configuration versions the hot-reload test goes through. Version v (1, 2, ...) is a complete, valid set of
/// manifests; every rule of version v stamps <c>x-config-version: v</c> on the request and <c>x-served-version: v</c>
/// on the response, so each answer names the router that produced it. Between versions, routes are added, removed
/// and re-weighted:
/// <list type="bullet">
/// <item><c>/stable</c>: always present; re-weighted each version so exactly one backend has a non-zero weight
/// (<c>Backends[v % 3]</c>).</item>
/// <item><c>/split</c>: always present; blue weight v, green weight 1, red weight 2 in odd versions and 0 in even ones.</item>
/// <item><c>/added/j</c>: added in version j, present in j, j+1 and j+2, removed in j+3; forwards to <c>Backends[j % 3]</c>.</item>
/// </list>
/// </summary>
internal static class ReloadManifests
{
    public const string Hostname = "reload.test";
    public const string ServedHeader = "x-served-version";
    public const string Namespace = "apps";
    public const string GatewayNamespace = "infra";
    public const string GatewayName = "gw";

    public static readonly string[] Backends = ["blue", "green", "red"];

    /// <summary>The GatewayClass, the Gateway (one HTTP listener on <paramref name="port"/>) and the three Services.</summary>
    public static string Infrastructure(int port, string controllerName)
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata:
              name: reload
            spec:
              controllerName: {controllerName}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: {GatewayName}
              namespace: {GatewayNamespace}
            spec:
              gatewayClassName: reload
              listeners:
              - name: http
                protocol: HTTP
                port: {port}
                allowedRoutes:
                  namespaces:
                    from: All

            """);
        foreach (var backend in Backends)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: {backend}
                  namespace: {Namespace}
                spec:
                  ports:
                  - name: http
                    port: 8080

                """);
        }

        return yaml.ToString();
    }

    /// <summary>The HTTPRoutes of version <paramref name="version"/>.</summary>
    public static string Routes(int version)
    {
        var yaml = new StringBuilder();
        Route(yaml, version, "stable", "/stable", [.. Backends.Select((b, i) => (b, i == version % 3 ? 1 : 0))]);
        Route(yaml, version, "split", "/split", [("blue", version), ("green", 1), ("red", version % 2 == 1 ? 2 : 0)]);
        foreach (var j in AddedRoutes(version))
        {
            Route(yaml, version, $"added-{j}", $"/added/{j}", [(Backends[j % 3], 1)]);
        }

        return yaml.ToString();
    }

    /// <summary>Version 999 routes plus one document that cannot be parsed: the proxy must reject all of it.</summary>
    public static string Invalid()
    {
        var yaml = new StringBuilder(Routes(999));
        yaml.Append("""
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: broken
              namespace: apps
            spec:
              rules: [ { matches: [ { path: { type: PathPrefix, value: /broken

            """);
        return yaml.ToString();
    }

    /// <summary>The indexes j of the <c>/added/j</c> routes present in <paramref name="version"/>.</summary>
    public static IEnumerable<int> AddedRoutes(int version) => Enumerable.Range(Math.Max(1, version - 2), Math.Min(3, version));

    /// <summary>The backends that may answer <paramref name="path"/> in <paramref name="version"/>; empty when no route serves it.</summary>
    public static IReadOnlySet<string> AllowedBackends(int version, string path)
    {
        if (path == "/stable")
        {
            return new HashSet<string> { Backends[version % 3] };
        }

        if (path == "/split")
        {
            return version % 2 == 1 ? new HashSet<string>(Backends) : new HashSet<string> { "blue", "green" };
        }

        if (path.StartsWith("/added/", StringComparison.Ordinal) && int.TryParse(path["/added/".Length..], CultureInfo.InvariantCulture, out var j) && AddedRoutes(version).Contains(j))
        {
            return new HashSet<string> { Backends[j % 3] };
        }

        return new HashSet<string>();
    }

    private static void Route(StringBuilder yaml, int version, string name, string path, (string Backend, int Weight)[] backends)
    {
        yaml.Append(CultureInfo.InvariantCulture, $"""
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: {name}
              namespace: {Namespace}
            spec:
              parentRefs:
              - name: {GatewayName}
                namespace: {GatewayNamespace}
              hostnames:
              - {Hostname}
              rules:
              - matches:
                - path:
                    type: PathPrefix
                    value: {path}
                filters:
                - type: RequestHeaderModifier
                  requestHeaderModifier:
                    set:
                    - name: {NamedBackends.StampedRequestHeader}
                      value: "{version}"
                - type: ResponseHeaderModifier
                  responseHeaderModifier:
                    set:
                    - name: {ServedHeader}
                      value: "{version}"
                backendRefs:

            """);
        foreach (var (backend, weight) in backends)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                    - name: {backend}
                      port: 8080
                      weight: {weight}

                """);
        }
    }
}
