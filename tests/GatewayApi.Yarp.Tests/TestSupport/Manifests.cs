namespace GatewayApi.Yarp.Tests.TestSupport;

/// <summary>Manifest text for tests: a GatewayClass of the proxy, Gateways, and Services for echo backends.</summary>
internal static class Manifests
{
    public const string GatewayClass = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata:
          name: yarp
        spec:
          controllerName: gateway-api.dotnet/yarp
        ---
        """;

    /// <summary>A Gateway <c>default/gw</c> with one HTTP listener on port 80 admitting routes from every namespace.</summary>
    public const string HttpGateway = GatewayClass + """

        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: gw
          namespace: default
        spec:
          gatewayClassName: yarp
          listeners:
          - name: http
            port: 80
            protocol: HTTP
            allowedRoutes:
              namespaces:
                from: All
        ---
        """;

    /// <summary>A Service with one port 8080 (what backendRefs point at; the test resolver maps it to an echo server).</summary>
    public static string Service(string name, string @namespace = "default", int port = 8080, string? appProtocol = null, string protocol = "TCP") => $"""

        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
          namespace: {@namespace}
        spec:
          ports:
          - name: http
            port: {port}
            protocol: {protocol}
            {(appProtocol is null ? "" : "appProtocol: " + appProtocol)}
        ---
        """;

    public static string Services(params string[] names) => string.Concat(names.Select(n => Service(n)));
}
