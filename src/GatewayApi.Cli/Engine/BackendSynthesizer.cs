using System.Globalization;
using System.Text.Json;
using GatewayApi.Cli.Inputs;
using GatewayApi.Models.Serialization;
using k8s;
using k8s.Models;

namespace GatewayApi.Cli.Engine;

/// <summary>
/// <c>--assume-backends</c>: for linting routes without the Services they send to, makes up every core Service that
/// a route references (backendRefs, mirror and ExternalAuth backends, Service parentRefs) and the inputs lack, with
/// exactly the ports referenced (TCP). Services present in the inputs are never changed, and ReferenceGrants still
/// apply: an assumed Service in another namespace is still unreachable without a grant.
/// </summary>
internal static class BackendSynthesizer
{
    /// <summary>The Services to add, sorted by <c>namespace/name</c>.</summary>
    public static IReadOnlyList<V1Service> Synthesize(IReadOnlyList<LoadedManifest> manifests)
    {
        var existing = manifests.Select(m => m.Object).OfType<V1Service>()
            .Select(s => ObjectDisplay.NamespaceOf(s) + "/" + s.Metadata?.Name)
            .ToHashSet(StringComparer.Ordinal);
        var wanted = new SortedDictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            if (!IsRoute(manifest.Object.Kind) || !ObjectDisplay.IsGatewayApiGroup(manifest.Object.ApiVersion))
            {
                continue;
            }

            var routeNamespace = ObjectDisplay.NamespaceOf(manifest.Object)!;
            var json = GatewayApiJson.SerializeToElement(manifest.Object);
            if (!json.TryGetProperty("spec", out var spec))
            {
                continue;
            }

            if (spec.TryGetProperty("parentRefs", out var parents) && parents.ValueKind == JsonValueKind.Array)
            {
                foreach (var parent in parents.EnumerateArray())
                {
                    Collect(parent, routeNamespace, wanted, parentDefaultsToGateway: true);
                }
            }

            if (spec.TryGetProperty("rules", out var rules))
            {
                Walk(rules, routeNamespace, wanted);
            }
        }

        var services = new List<V1Service>();
        foreach (var (key, ports) in wanted)
        {
            if (existing.Contains(key))
            {
                continue;
            }

            var slash = key.IndexOf('/', StringComparison.Ordinal);
            services.Add(new V1Service
            {
                ApiVersion = "v1",
                Kind = "Service",
                Metadata = new V1ObjectMeta
                {
                    Name = key[(slash + 1)..],
                    NamespaceProperty = key[..slash],
                    Annotations = new Dictionary<string, string> { ["gwapi.dev/assumed"] = "true" },
                },
                Spec = new V1ServiceSpec
                {
                    Type = "ClusterIP",
                    ClusterIP = "10.96.0.1",
                    Ports = [.. ports.Select(p => new V1ServicePort { Name = "port-" + p.ToString(CultureInfo.InvariantCulture), Port = p, Protocol = "TCP" })],
                },
            });
        }

        return services;
    }

    private static bool IsRoute(string? kind) => kind is "HTTPRoute" or "GRPCRoute" or "TLSRoute" or "TCPRoute" or "UDPRoute";

    // Every backendRef(s) anywhere under the rules: rule and backend filters included (mirrors, ExternalAuth).
    private static void Walk(JsonElement element, string routeNamespace, SortedDictionary<string, SortedSet<int>> wanted)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("backendRef") && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        Collect(property.Value, routeNamespace, wanted, parentDefaultsToGateway: false);
                    }
                    else if (property.NameEquals("backendRefs") && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var reference in property.Value.EnumerateArray())
                        {
                            Collect(reference, routeNamespace, wanted, parentDefaultsToGateway: false);
                        }
                    }

                    Walk(property.Value, routeNamespace, wanted);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, routeNamespace, wanted);
                }

                break;
        }
    }

    private static void Collect(JsonElement reference, string routeNamespace, SortedDictionary<string, SortedSet<int>> wanted, bool parentDefaultsToGateway)
    {
        if (reference.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var group = Text(reference, "group") ?? (parentDefaultsToGateway ? "gateway.networking.k8s.io" : string.Empty);
        var kind = Text(reference, "kind") ?? (parentDefaultsToGateway ? "Gateway" : "Service");
        var name = Text(reference, "name");
        if (group.Length != 0 || kind != "Service" || string.IsNullOrEmpty(name))
        {
            return;
        }

        var key = (Text(reference, "namespace") ?? routeNamespace) + "/" + name;
        if (!wanted.TryGetValue(key, out var ports))
        {
            wanted[key] = ports = [];
        }

        if (reference.TryGetProperty("port", out var port) && port.ValueKind == JsonValueKind.Number && port.TryGetInt32(out var number) && number is > 0 and <= 65535)
        {
            ports.Add(number);
        }
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
