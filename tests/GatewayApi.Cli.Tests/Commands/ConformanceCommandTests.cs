using System.Text.Json.Nodes;
using GatewayApi.Cli.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace GatewayApi.Cli.Tests.Commands;

/// <summary>
/// <c>gwapi conformance</c>: the suite against the built-in engine, the summary table against the report it
/// writes, exit 1 when a case fails (a case file written wrong on purpose) and 0 when the same case is right,
/// selection options, and bad input as one line with exit 2.
/// </summary>
public sealed class ConformanceCommandTests
{
    private static string CaseFile(string name, string expectedBackend) => $$"""
        name: {{name}}
        description: |
          A route with one backend; the request must reach the backend this file names (gwapi's own test case).
        features: [Gateway, HTTPRoute]
        manifests: |
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata:
            name: cli-one-backend
            namespace: gateway-conformance-infra
          spec:
            parentRefs:
            - name: same-namespace
            rules:
            - backendRefs:
              - {name: infra-backend-v1, port: 8080}
        requests:
        - name: any path
          gateway: same-namespace
          path: /cli
          expect:
            backend: {{expectedBackend}}
        """;

    [Fact]
    public void Profile_WritesTheReportAndASummaryThatAgreesWithIt()
    {
        using var dir = new TempDirectory();
        var report = Path.Combine(dir.Path, "out", "report.yaml");
        // One case that passes, so the exit code does not depend on the engine's known failures elsewhere in the profile.
        var run = Gwapi.Run("conformance", "--profile", "GATEWAY-GRPC", "--include", "GRPCRouteExactMethodMatching", "--report", report);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"report written to {report}", run.Out);

        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(report)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal("ConformanceReport", root["kind"].ToString());
        Assert.Equal("gateway.networking.k8s.io/v1", root["apiVersion"].ToString());
        var profiles = (YamlSequenceNode)root["profiles"];
        var profile = (YamlMappingNode)Assert.Single(profiles.Children);
        Assert.Equal("GATEWAY-GRPC", profile["name"].ToString());
        var core = (YamlMappingNode)profile["core"];
        var statistics = (YamlMappingNode)core["statistics"];
        var passed = int.Parse(statistics["Passed"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(passed > 0, "the GATEWAY-GRPC core level ran no case");

        // The table row of the core level carries the report's numbers.
        var row = run.OutLines.Single(line => line.StartsWith("GATEWAY-GRPC", StringComparison.Ordinal) && line.Contains(" core ", StringComparison.Ordinal));
        var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["GATEWAY-GRPC", "core", core["result"].ToString(), statistics["Passed"].ToString(), statistics["Failed"].ToString(), statistics["Skipped"].ToString()], cells);
        Assert.DoesNotContain(run.OutLines, line => line.StartsWith("GATEWAY-HTTP", StringComparison.Ordinal));
    }

    [Fact]
    public void WrongCase_FailsWithTheDifferenceAndExitOne_TheRightOnePasses()
    {
        using var dir = new TempDirectory();
        dir.Write("wrong/cli-wrong-backend.yaml", CaseFile("CliWrongBackend", "infra-backend-v2"));
        dir.Write("right/cli-right-backend.yaml", CaseFile("CliRightBackend", "infra-backend-v1"));

        var wrong = Gwapi.Run("conformance", "--cases", Path.Combine(dir.Path, "wrong"), "--include", "CliWrongBackend");
        Assert.True(wrong.ExitCode == 1, wrong.ToString());
        Assert.Contains("FAILED CliWrongBackend", wrong.Out);
        Assert.Contains("infra-backend-v2", wrong.Out);
        Assert.Contains("infra-backend-v1", wrong.Out);
        Assert.Contains("0 passed, 1 failed", wrong.Out);

        var right = Gwapi.Run("conformance", "--cases", Path.Combine(dir.Path, "right"), "--include", "CliRightBackend");
        Assert.True(right.ExitCode == 0, right.ToString());
        Assert.Contains("1 passed, 0 failed", right.Out);
        Assert.DoesNotContain("FAILED Cli", right.Out);
    }

    [Fact]
    public void Json_IsTheReportWithTypedNumbers_AndExcludedCasesAreSkipped()
    {
        var run = Gwapi.Run("conformance", "--profile", "GATEWAY-GRPC", "--include", "GRPCRouteExactMethodMatching", "--include", "GRPCRouteBackendNotFound", "--exclude", "GRPCRouteExactMethodMatching", "-o", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var document = JsonNode.Parse(run.Out)!.AsObject();
        Assert.Equal("ConformanceReport", (string?)document["kind"]);
        var profile = document["profiles"]!.AsArray().Single()!;
        Assert.Equal("GATEWAY-GRPC", (string?)profile["name"]);
        var core = profile["core"]!;
        Assert.Equal("partial", (string?)core["result"]);
        Assert.True(core["statistics"]!["Skipped"]!.GetValue<long>() >= 1);
        Assert.Contains("GRPCRouteExactMethodMatching", core["skippedTests"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Feature_RunsOnlyCasesThatNeedIt()
    {
        var run = Gwapi.Run("conformance", "--feature", "HTTPRouteQueryParamMatching", "-o", "yaml");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(run.Out));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (YamlMappingNode profile in ((YamlSequenceNode)root["profiles"]).Children.Cast<YamlMappingNode>())
        {
            if (profile.Children.TryGetValue("extended", out var extended) && ((YamlMappingNode)extended)["statistics"] is YamlMappingNode statistics && profile["name"].ToString() == "GATEWAY-HTTP")
            {
                // Only query-parameter cases ran at the extended level; every other extended case was skipped as not selected.
                Assert.True(int.Parse(((YamlMappingNode)statistics)["Passed"].ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1, run.ToString());
                Assert.True(int.Parse(((YamlMappingNode)statistics)["Skipped"].ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 10, run.ToString());
            }
        }

        Assert.Contains("GATEWAY-HTTP", run.Out);
    }

    [Theory]
    [InlineData("--profile", "GATEWAY-FTP", "unknown profile 'GATEWAY-FTP'")]
    [InlineData("--feature", "HTTPRouteTeleport", "unknown feature 'HTTPRouteTeleport'")]
    [InlineData("--include", "NoSuchCase", "unknown case 'NoSuchCase'")]
    [InlineData("--cases", "/definitely/not/here", "no such directory")]
    public void BadInput_IsOneLineAndExitTwo(string option, string value, string expected)
    {
        Gwapi.AssertInputError(Gwapi.Run("conformance", option, value), expected);
    }

    [Fact]
    public void BrokenCaseFile_IsOneLineWithTheFileAndExitTwo()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("broken.yaml", CaseFile("CliBroken", "infra-backend-v1").Replace("features:", "featurez:", StringComparison.Ordinal));
        Gwapi.AssertInputError(Gwapi.Run("conformance", "--cases", dir.Path), "broken.yaml");
    }
}
