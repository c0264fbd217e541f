using k8s;
using k8s.Models;

namespace GatewayApi.Models.Serialization;

/// <summary>One object read from a manifest source, with where it came from.</summary>
/// <param name="Object">
/// The typed object: a Gateway API kind, a core kind (<c>V1Service</c>, ...), or an <see cref="UnknownObject"/>.
/// </param>
/// <param name="Location">Where the object starts in its source.</param>
public sealed record Manifest(IKubernetesObject<V1ObjectMeta> Object, ManifestLocation Location);

/// <summary>What <see cref="ManifestReader.ReadCollectingErrors(string, string?)"/> read: the objects that were valid and an error for each that was not.</summary>
/// <param name="Manifests">The objects read, in source order.</param>
/// <param name="Errors">One error per document (or list item) that could not be read, in source order.</param>
public sealed record ManifestReadResult(IReadOnlyList<Manifest> Manifests, IReadOnlyList<ManifestException> Errors);
