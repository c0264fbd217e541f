using System.Text.Json.Nodes;
using GatewayApi.Models.Tests.Validation.Support;
using GatewayApi.Models.Validation;
using GatewayApi.Models.Validation.Rules;
using Xunit.Abstractions;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// Coverage by construction (issue 4, "Must show" 1): every <c>x-kubernetes-validations</c> rule of both
/// channels' CRDs (every version in the files) has a registered C# implementation at the same kind and schema
/// path with the same message, nothing is registered that the CRDs do not have, and every implementation has
/// passing and failing cases of its own in <see cref="RuleCases"/>.
/// </summary>
public class CelRuleCatalogueTests(ITestOutputHelper output)
{
    public static TheoryData<ReleaseChannel> Channels => [ReleaseChannel.Standard, ReleaseChannel.Experimental];

    public static TheoryData<int> CaseIndexes => [.. Enumerable.Range(0, RuleCases.All.Count)];

    [Theory]
    [MemberData(nameof(Channels))]
    public void EveryCrdRule_HasARegisteredImplementation_AtTheSamePlace(ReleaseChannel channel)
    {
        var crdPlacements = CrdPlacements(channel).ToList();
        var registered = CelRuleCatalogue.Placements(channel)
            .Select(p => (p.Kind, p.Version, p.SchemaPath, p.Rule.Message))
            .ToHashSet();
        var uncovered = crdPlacements.Where(p => !registered.Contains((p.Kind, p.Version, p.Path, p.Message))).ToList();
        var extra = registered.Except(crdPlacements.Select(p => (p.Kind, p.Version, p.Path, p.Message))).ToList();

        output.WriteLine($"{channel}: {crdPlacements.Count} rule placements in the CRDs, {registered.Count} registered");
        foreach (var (kind, version, path, message, _) in uncovered)
        {
            output.WriteLine($"UNCOVERED {kind} {version} {path}: {message}");
        }

        foreach (var (kind, version, path, message) in extra)
        {
            output.WriteLine($"NOT IN CRD {kind} {version} {path}: {message}");
        }

        output.WriteLine($"uncovered: {uncovered.Count}");
        Assert.True(crdPlacements.Count > 150, "suspiciously few CRD rules were found");
        Assert.Empty(uncovered);
        Assert.Empty(extra);
    }

    [Fact]
    public void EveryDistinctCrdExpression_MapsToExactlyOneImplementation()
    {
        // Two messages are shared by two expressions (R14/R18, R21/R80): pairing by expression proves that the
        // right implementation sits at each place, and that there are exactly 100 rules (validation digest §3).
        var byExpression = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var channel in new[] { ReleaseChannel.Standard, ReleaseChannel.Experimental })
        {
            var registered = CelRuleCatalogue.Placements(channel)
                .GroupBy(p => (p.Kind, p.Version, p.SchemaPath, p.Rule.Message))
                .ToDictionary(g => g.Key, g => g.Select(p => p.Rule.Id).ToList());
            foreach (var (kind, version, path, message, expression) in CrdPlacements(channel))
            {
                if (registered.TryGetValue((kind, version, path, message), out var ids))
                {
                    foreach (var id in ids)
                    {
                        (byExpression.TryGetValue(expression + "\n" + message, out var set) ? set : byExpression[expression + "\n" + message] = []).Add(id);
                    }
                }
            }
        }

        var ambiguous = byExpression.Where(e => e.Value.Count != 1).Select(e => e.Key + " -> " + string.Join(",", e.Value)).ToList();
        Assert.Empty(ambiguous);
        Assert.Equal(100, byExpression.Count);
        Assert.Equal(100, byExpression.Values.Select(v => v.Single()).Distinct().Count());
        Assert.Equal(100, CelRules.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void EveryImplementation_HasPassingAndFailingCasesOfItsOwn()
    {
        var missing = new List<string>();
        foreach (var rule in CelRules.All)
        {
            var cases = RuleCases.All.Where(c => c.Rule == rule.Id).ToList();
            if (!cases.Any(c => c.Passes))
            {
                missing.Add(rule.Id + " has no passing case");
            }

            if (!cases.Any(c => !c.Passes))
            {
                missing.Add(rule.Id + " has no failing case");
            }
        }

        Assert.Empty(missing);
        Assert.All(RuleCases.All, c => Assert.Contains(CelRules.All, r => r.Id == c.Rule));
    }

    /// <summary>Runs one case: a passing manifest is entirely valid; a failing one has the rule's error at the declaring node.</summary>
    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void RuleCase_ValidatesAsTheRuleSays(int index)
    {
        var ruleCase = RuleCases.All[index];
        var rule = CelRules.All.Single(r => r.Id == ruleCase.Rule);
        var manifest = YamlJson.Read(ruleCase.Manifest);
        var result = ruleCase.Old is null
            ? GatewayApiValidator.Validate(manifest, ruleCase.Channel)
            : GatewayApiValidator.Validate(manifest, YamlJson.Read(ruleCase.Old), ruleCase.Channel);
        output.WriteLine($"{ruleCase.Rule} ({ruleCase.Channel}) expecting {(ruleCase.Passes ? "no error" : "an error at " + ruleCase.FailsAt)}");
        foreach (var reported in result.Errors)
        {
            output.WriteLine(reported.ToString());
        }

        var ruleErrors = result.Errors.Where(e => e.Origin == FieldErrorOrigin.Rule && (e.Detail == rule.Message || e.Detail.EndsWith(" evaluating rule: " + rule.Message, StringComparison.Ordinal))).ToList();
        if (ruleCase.Passes)
        {
            Assert.Empty(result.Errors);
            return;
        }

        var error = Assert.Single(ruleErrors, e => e.Field == ruleCase.FailsAt);
        Assert.Equal(FieldErrorType.Invalid, error.Type);
        Assert.Equal(ruleCase.EvaluationError, error.Detail != rule.Message);
    }

    /// <summary>Every rule placement of a channel's CRDs: kind, version, schema path, message and the CEL expression.</summary>
    internal static IEnumerable<(string Kind, string Version, string Path, string Message, string Expression)> CrdPlacements(ReleaseChannel channel)
    {
        foreach (var crd in Crds.Of(channel))
        {
            foreach (var placement in Walk(crd.Schema, string.Empty))
            {
                yield return (crd.Kind, crd.Version, placement.Path, placement.Message, placement.Expression);
            }
        }

        static IEnumerable<(string Path, string Message, string Expression)> Walk(JsonObject node, string path)
        {
            foreach (var rule in node["x-kubernetes-validations"]?.AsArray() ?? [])
            {
                yield return (path, (string)rule!["message"]!, (string)rule["rule"]!);
            }

            foreach (var (name, child) in node["properties"]?.AsObject() ?? [])
            {
                foreach (var inner in Walk(child!.AsObject(), path.Length == 0 ? name : path + "." + name))
                {
                    yield return inner;
                }
            }

            if (node["items"] is JsonObject items)
            {
                foreach (var inner in Walk(items, path + "[]"))
                {
                    yield return inner;
                }
            }

            if (node["additionalProperties"] is JsonObject values)
            {
                foreach (var inner in Walk(values, path + "{}"))
                {
                    yield return inner;
                }
            }
        }
    }
}
