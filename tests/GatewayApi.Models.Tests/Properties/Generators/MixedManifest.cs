using GatewayApi.Models.Serialization;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>Objects of several kinds, written together as one multi-document manifest.</summary>
/// <param name="Objects">The objects, in document order.</param>
public sealed record MixedManifest(IReadOnlyList<GatewayApiObject> Objects)
{
    /// <summary>Lists the kinds and each object's JSON, so a failing case can be read from the test output.</summary>
    public override string ToString()
        => $"{Objects.Count} objects: [{string.Join(", ", Objects.Select(o => o.Kind))}]"
            + string.Concat(Objects.Select(o => Environment.NewLine + GatewayApiJson.Serialize(o)));
}
