using GatewayApi.Models.Validation.Schema;

namespace GatewayApi.Models.Validation.Rules;

/// <summary>Where one rule sits: the kind and version, the schema path (<c>spec.rules[].matches[].path</c>) and the rule.</summary>
internal sealed record RulePlacement(string Kind, string Version, bool Served, string SchemaPath, CelRule Rule);

/// <summary>
/// The catalogue of CEL rule placements of a channel: every place a rule is attached to the hand-written
/// schema, found by walking it. Tests compare it with the <c>x-kubernetes-validations</c> of the CRDs.
/// </summary>
internal static class CelRuleCatalogue
{
    /// <summary>Every placement of every rule, for every kind and version of the channel's CRDs.</summary>
    public static IReadOnlyList<RulePlacement> Placements(ReleaseChannel channel)
    {
        var placements = new List<RulePlacement>();
        foreach (var kind in GatewayApiSchemas.For(channel))
        {
            Walk(kind, kind.Root, string.Empty, placements);
        }

        return placements;
    }

    private static void Walk(KindSchema kind, SchemaNode node, string path, List<RulePlacement> placements)
    {
        foreach (var rule in node.Rules)
        {
            placements.Add(new RulePlacement(kind.Kind, kind.Version, kind.Served, path, rule));
        }

        switch (node)
        {
            case ObjectSchema obj:
                foreach (var (name, child) in obj.Properties)
                {
                    Walk(kind, child, path.Length == 0 ? name : path + "." + name, placements);
                }

                if (obj.AdditionalProperties is { } values)
                {
                    Walk(kind, values, path + "{}", placements);
                }

                break;
            case ArraySchema array:
                Walk(kind, array.Items, path + "[]", placements);
                break;
        }
    }
}
