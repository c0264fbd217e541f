using System.Text;

namespace GatewayApi.Models.Tests.Validation.Support;

/// <summary>Builds small manifests for tests: a kind's apiVersion/kind/metadata around a spec (and status) given as YAML.</summary>
internal static class Docs
{
    private static readonly Dictionary<string, string> ApiVersions = new()
    {
        ["GatewayClass"] = "gateway.networking.k8s.io/v1",
        ["Gateway"] = "gateway.networking.k8s.io/v1",
        ["ListenerSet"] = "gateway.networking.k8s.io/v1",
        ["HTTPRoute"] = "gateway.networking.k8s.io/v1",
        ["GRPCRoute"] = "gateway.networking.k8s.io/v1",
        ["TLSRoute"] = "gateway.networking.k8s.io/v1",
        ["TCPRoute"] = "gateway.networking.k8s.io/v1",
        ["UDPRoute"] = "gateway.networking.k8s.io/v1",
        ["ReferenceGrant"] = "gateway.networking.k8s.io/v1beta1",
        ["BackendTLSPolicy"] = "gateway.networking.k8s.io/v1",
        ["XBackendTrafficPolicy"] = "gateway.networking.x-k8s.io/v1alpha1",
        ["XMesh"] = "gateway.networking.x-k8s.io/v1alpha1",
        ["XBackend"] = "gateway.networking.x-k8s.io/v1alpha1",
    };

    /// <summary>A manifest of the kind in its storage version (or <paramref name="apiVersion"/>).</summary>
    public static string Manifest(string kind, string spec, string? status = null, string? apiVersion = null)
    {
        var builder = new StringBuilder();
        builder.Append("apiVersion: ").Append(apiVersion ?? ApiVersions[kind]).Append('\n');
        builder.Append("kind: ").Append(kind).Append('\n');
        builder.Append("metadata:\n  name: test\n");
        if (kind is not ("GatewayClass" or "XMesh"))
        {
            builder.Append("  namespace: default\n");
        }

        builder.Append("spec:\n").Append(Indent(spec));
        if (status is not null)
        {
            builder.Append("status:\n").Append(Indent(status));
        }

        return builder.ToString();
    }

    /// <summary><paramref name="count"/> YAML flow items made by <paramref name="item"/>, as a flow sequence.</summary>
    public static string FlowList(int count, Func<int, string> item)
        => "[" + string.Join(", ", Enumerable.Range(0, count).Select(item)) + "]";

    private static string Indent(string yaml)
    {
        var builder = new StringBuilder();
        foreach (var line in yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length > 0)
            {
                builder.Append("  ").Append(line).Append('\n');
            }
        }

        return builder.ToString();
    }
}
