using GatewayApi.Models.Serialization;
using k8s;
using k8s.Models;

namespace GatewayApi.Cli.Inputs;

/// <summary>One object of the inputs, with where it was read and, for Gateway API kinds, its defaulted form.</summary>
/// <param name="Manifest">The object as read, and its location.</param>
/// <param name="Text">The whole text of its source, for finding the line of a field.</param>
internal sealed record LoadedManifest(Manifest Manifest, string Text)
{
    /// <summary>The object as read.</summary>
    public IKubernetesObject<V1ObjectMeta> Object => Manifest.Object;

    /// <summary>The object's source name (a path as given, or <c>&lt;stdin&gt;</c>).</summary>
    public string Source => Manifest.Location.Source ?? "<input>";

    /// <summary>The line the object starts on (1 when unknown).</summary>
    public int Line => Manifest.Location.Line ?? 1;

    /// <summary><c>Kind namespace/name</c>, or <c>Kind name</c> for cluster-scoped kinds.</summary>
    public string DisplayName => ObjectDisplay.Name(Object);
}
