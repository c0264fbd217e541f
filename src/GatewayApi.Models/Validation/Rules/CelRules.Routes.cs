using System.Text.Json.Nodes;

namespace GatewayApi.Models.Validation.Rules;

/// <summary>Rules shared by every route kind: parent references, backend references, rule names (digest §4.4–§4.6).</summary>
internal static partial class CelRules
{
    public static readonly CelRule R19 = new(
        "R19",
        "sectionName must be specified when parentRefs includes 2 or more references to the same parent",
        c => Cel.All(c.Self, c.Self, static (p1, self) => Cel.All(self, p1, static (p2, p1) => !SameParent(p1, p2)
            || Cel.IsUnsetOrEmpty(p1, "sectionName") == Cel.IsUnsetOrEmpty(p2, "sectionName"))));

    public static readonly CelRule R20 = new(
        "R20",
        "sectionName must be unique when parentRefs includes 2 or more references to the same parent",
        c => Cel.All(c.Self, c.Self, static (p1, self) => Cel.ExistsOne(self, p1, static (p2, p1) => SameParent(p1, p2) && SameOptionalString(p1, p2, "sectionName"))));

    public static readonly CelRule R69 = new(
        "R69",
        "sectionName or port must be specified when parentRefs includes 2 or more references to the same parent",
        c => Cel.All(c.Self, c.Self, static (p1, self) => Cel.All(self, p1, static (p2, p1) => !SameParent(p1, p2)
            || (Cel.IsUnsetOrEmpty(p1, "sectionName") == Cel.IsUnsetOrEmpty(p2, "sectionName")
                && PortUnset(p1) == PortUnset(p2)))));

    public static readonly CelRule R70 = new(
        "R70",
        "sectionName or port must be unique when parentRefs includes 2 or more references to the same parent",
        c => Cel.All(c.Self, c.Self, static (p1, self) => Cel.ExistsOne(self, p1, static (p2, p1) => SameParent(p1, p2)
            && SameOptionalString(p1, p2, "sectionName")
            && ((PortUnset(p1) && PortUnset(p2)) || (Cel.Has(p1, "port") && Cel.Has(p2, "port") && Cel.Equal(Cel.Get(p1, "port"), Cel.Get(p2, "port")))))));

    /// <summary><c>(size(self.group) == 0 &amp;&amp; self.kind == 'Service') ? has(self.port) : true</c> on every backend reference.</summary>
    public static readonly CelRule R27 = new(
        "R27",
        "Must have port for Service reference",
        c => !Cel.And(c.Self, static self => Cel.Size(Cel.Get(self, "group")) == 0, static self => Cel.Str(self, "kind") == "Service") || Cel.Has(c.Self, "port"));

    public static readonly CelRule R71 = new(
        "R71",
        "Rule name must be unique within the route",
        c => Cel.All(c.Self, c.Self, static (l1, self) => !Cel.Has(l1, "name")
            || Cel.ExistsOne(self, l1, static (l2, l1) => Cel.Has(l2, "name") && Cel.Equal(Cel.Get(l1, "name"), Cel.Get(l2, "name")))));

    // Same group, kind and name, and the same namespace where absent and "" count as the same.
    private static bool SameParent(JsonNode p1, JsonNode p2)
        => Cel.Equal(Cel.Get(p1, "group"), Cel.Get(p2, "group"))
            && Cel.Equal(Cel.Get(p1, "kind"), Cel.Get(p2, "kind"))
            && Cel.Equal(Cel.Get(p1, "name"), Cel.Get(p2, "name"))
            && SameOptionalString(p1, p2, "namespace");

    // ((!has(a.f) || a.f == '') && (!has(b.f) || b.f == '')) || (has(a.f) && has(b.f) && a.f == b.f)
    private static bool SameOptionalString(JsonNode a, JsonNode b, string field)
        => (Cel.IsUnsetOrEmpty(a, field) && Cel.IsUnsetOrEmpty(b, field))
            || (Cel.Has(a, field) && Cel.Has(b, field) && Cel.Equal(Cel.Get(a, field), Cel.Get(b, field)));

    // !has(p.port) || p.port == 0
    private static bool PortUnset(JsonNode p) => !Cel.Has(p, "port") || Cel.Int(p, "port") == 0;

    // Sum of self[i].matches.size() over the first 16 rules; HTTPRoute reads matches directly (always defaulted),
    // GRPCRoute guards with has().
    private static long TotalMatches(JsonNode rules, bool guardWithHas)
    {
        var array = rules as JsonArray ?? throw CelEvaluationException.NoSuchOverload();
        long total = 0;
        for (var i = 0; i < Math.Min(array.Count, 16); i++)
        {
            var rule = array[i];
            if (guardWithHas && !Cel.Has(rule, "matches"))
            {
                continue;
            }

            total += Cel.Size(Cel.Get(rule, "matches"));
        }

        return total;
    }
}
