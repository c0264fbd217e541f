using System.Text.Json.Nodes;

namespace GatewayApi.Models.Tests.Validation.Support;

/// <summary>The smallest valid object of each kind (and version), the starting point of generated tests.</summary>
internal static class MinimalObjects
{
    private static readonly Dictionary<string, string> Specs = new()
    {
        ["GatewayClass"] = "controllerName: example.com/gateway-controller",
        ["XMesh"] = "controllerName: example.com/mesh-controller",
        ["Gateway"] = "gatewayClassName: gc\nlisteners:\n- {name: http, port: 80, protocol: HTTP}",
        ["ListenerSet"] = "parentRef: {name: gw}\nlisteners:\n- {name: http, port: 80, protocol: HTTP}",
        ["HTTPRoute"] = "{}",
        ["GRPCRoute"] = "{}",
        ["TLSRoute"] = "hostnames: [a.example.com]\nrules: [{backendRefs: [{name: svc, port: 443}]}]",
        ["TCPRoute"] = "rules: [{backendRefs: [{name: svc, port: 80}]}]",
        ["UDPRoute"] = "rules: [{backendRefs: [{name: svc, port: 53}]}]",
        ["ReferenceGrant"] = "from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: routes}]\nto: [{group: '', kind: Service}]",
        ["BackendTLSPolicy"] = "targetRefs: [{group: '', kind: Service, name: svc}]\nvalidation: {hostname: svc.example.com, wellKnownCACertificates: System}",
        ["XBackendTrafficPolicy"] = "targetRefs: [{group: '', kind: Service, name: svc}]",
        ["XBackend"] = "type: ExternalHostname\nexternalHostname: {hostname: api.example.com}\nport: {port: 443}",
    };

    public static IEnumerable<string> Kinds => Specs.Keys;

    public static JsonObject For(string group, string kind, string version)
        => YamlJson.Read(Docs.Manifest(kind, Specs[kind], apiVersion: group + "/" + version));
}
