namespace GatewayApi.Models.Tests.KubernetesClient;

internal sealed partial class FakeApiServer
{
    // Written from the v1.6.1 standard-channel CRDs (names.plural, scope, served and storage versions); kept
    // here rather than taken from the product's GatewayApiKinds so that a wrong entry there cannot hide here.
    private static readonly Resource[] Resources =
    [
        new("gateway.networking.k8s.io", "Gateway", "gateways", Namespaced: true, ServedVersions: ["v1", "v1beta1"], StorageVersion: "v1"),
        new("gateway.networking.k8s.io", "HTTPRoute", "httproutes", Namespaced: true, ServedVersions: ["v1", "v1beta1"], StorageVersion: "v1"),
        new("gateway.networking.k8s.io", "GatewayClass", "gatewayclasses", Namespaced: false, ServedVersions: ["v1", "v1beta1"], StorageVersion: "v1"),
    ];

    private static Resource? FindByKind(string group, string kind)
        => Resources.FirstOrDefault(r => r.Group == group && r.Kind == kind);

    private static Resource? FindByPlural(string group, string plural)
        => Resources.FirstOrDefault(r => r.Group == group && r.Plural == plural);

    private sealed record Resource(string Group, string Kind, string Plural, bool Namespaced, string[] ServedVersions, string StorageVersion)
    {
        public string ListKind => Kind + "List";
    }
}
