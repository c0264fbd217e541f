using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Loading;
using GatewayApi.Conformance.Reporting;
using GatewayApi.Conformance.Running;

namespace GatewayApi.Conformance.Tests;

/// <summary>The report follows upstream's rules (conformance.md §7): membership, levels, counting, results, phrases, YAML shape.</summary>
public sealed class ReportBuilderTests
{
    private static ConformanceCase Case(string name, string features, bool provisional = false) =>
        ConformanceCaseLoader.Parse(
            $"name: {name}\ndescription: d\nfeatures: [{features}]\nprovisional: {(provisional ? "true" : "false")}\nrequests:\n- gateway: g\n  expect: {{statusCode: 200}}\n",
            name + ".yaml");

    private static readonly ConformanceRunOptions Options = new()
    {
        Profiles = ["GATEWAY-HTTP", "GATEWAY-GRPC"],
        SupportedFeatures = ["HTTPRouteQueryParamMatching", "GatewayPort8080"],
        Report = new ReportSettings
        {
            Implementation = new ReportImplementation { Organization = "o", Project = "p", Url = "https://example.invalid/p", Version = "v1", Contact = ["@o/team"] },
            Date = new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero),
        },
    };

    private static CaseResult Result(ConformanceCase testCase, CaseOutcome outcome) => new(testCase, outcome, null, []);

    [Fact]
    public void Levels_Counts_Results_AndPhrases()
    {
        var results = new[]
        {
            Result(Case("GatewayOnlyPassed", "Gateway"), CaseOutcome.Passed),                    // core in both profiles
            Result(Case("HttpCorePassed", "Gateway, HTTPRoute"), CaseOutcome.Passed),           // core in HTTP only
            Result(Case("HttpCoreSkipped", "Gateway, HTTPRoute"), CaseOutcome.Skipped),
            Result(Case("QueryFailed", "Gateway, HTTPRoute, HTTPRouteQueryParamMatching"), CaseOutcome.Failed),
            Result(Case("QuerySkipped", "Gateway, HTTPRoute, HTTPRouteQueryParamMatching"), CaseOutcome.Skipped),
            Result(Case("CorsNotSupported", "Gateway, HTTPRoute, HTTPRouteCORS"), CaseOutcome.NotSupported),
            Result(Case("PortPassedProvisional", "Gateway, GatewayPort8080", provisional: true), CaseOutcome.Passed),
            Result(Case("ProvisionalLeftOut", "Gateway", provisional: true), CaseOutcome.ProvisionalSkipped),
            Result(Case("MeshNotRequested", "Mesh"), CaseOutcome.Passed),
        };

        var report = ConformanceReportBuilder.Build(results, Options);

        Assert.Equal(["GATEWAY-GRPC", "GATEWAY-HTTP"], report.Profiles.Select(profile => profile.Name));
        var grpc = report.Profiles[0];
        Assert.Equal(new ReportStatistics(1, 0, 0), grpc.Core.Statistics);
        Assert.Equal("success", grpc.Core.Result);
        Assert.Equal(new ReportStatistics(1, 0, 0), grpc.Extended!.Statistics);   // GatewayPort8080 is extended there
        Assert.Equal("Core tests succeeded. Extended tests succeeded.", grpc.Summary);

        var http = report.Profiles[1];
        Assert.Equal(new ReportStatistics(2, 1, 0), http.Core.Statistics);
        Assert.Equal("partial", http.Core.Result);
        Assert.Equal(["HttpCoreSkipped"], http.Core.SkippedTests);
        Assert.Equal(new ReportStatistics(1, 1, 1), http.Extended!.Statistics);
        Assert.Equal("failure", http.Extended.Result);   // a failure masks skips
        Assert.Equal(["QueryFailed"], http.Extended.FailedTests);
        Assert.Equal(["QuerySkipped"], http.Extended.SkippedTests);
        Assert.Equal("Core tests partially succeeded with 1 test skips. Extended tests failed with 1 test failures.", http.Summary);
        Assert.Equal(["GatewayPort8080", "HTTPRouteQueryParamMatching"], http.Extended.SupportedFeatures);
        Assert.Contains("HTTPRouteCORS", http.Extended.UnsupportedFeatures);
        Assert.Equal(38, http.Extended.SupportedFeatures.Count + http.Extended.UnsupportedFeatures.Count);

        Assert.Equal(["PortPassedProvisional"], report.SucceededProvisionalTests);
    }

    [Fact]
    public void ExtendedBlock_IsLeftOutWhenNoExtendedCaseRan()
    {
        var report = ConformanceReportBuilder.Build(
            [Result(Case("HttpCorePassed", "Gateway, HTTPRoute"), CaseOutcome.Passed), Result(Case("CorsNotSupported", "Gateway, HTTPRoute, HTTPRouteCORS"), CaseOutcome.NotSupported)],
            Options with { Profiles = ["GATEWAY-HTTP"] });
        var profile = Assert.Single(report.Profiles);
        Assert.Null(profile.Extended);
        Assert.Equal("Core tests succeeded.", profile.Summary);
        var yaml = ConformanceReportWriter.ToYaml(report);
        Assert.DoesNotContain("extended:", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("succeededProvisionalTests", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_HasUpstreamKeysInAlphabeticalOrder()
    {
        var report = ConformanceReportBuilder.Build(
            [Result(Case("QuerySkipped", "Gateway, HTTPRoute, HTTPRouteQueryParamMatching"), CaseOutcome.Skipped)],
            Options with { Profiles = ["GATEWAY-HTTP"], SupportedFeatures = ["HTTPRouteQueryParamMatching"] });
        var yaml = ConformanceReportWriter.ToYaml(report);
        var expectedStart = """
            apiVersion: gateway.networking.k8s.io/v1
            date: "2026-01-15T10:00:00Z"
            gatewayAPIChannel: standard
            gatewayAPIVersion: v1.6.1
            implementation:
              contact:
              - '@o/team'
              organization: o
              project: p
              url: https://example.invalid/p
              version: v1
            kind: ConformanceReport
            mode: default
            profiles:
            - core:
                result: success
                statistics:
                  Failed: 0
                  Passed: 0
                  Skipped: 0
              extended:
                result: partial
                skippedTests:
                - QuerySkipped
                statistics:
                  Failed: 0
                  Passed: 0
                  Skipped: 1
                supportedFeatures:
                - HTTPRouteQueryParamMatching
                unsupportedFeatures:
                - BackendTLSPolicy
            """.ReplaceLineEndings("\n");
        Assert.StartsWith(expectedStart, yaml, StringComparison.Ordinal);
        Assert.EndsWith("  name: GATEWAY-HTTP\n  summary: Core tests succeeded. Extended tests partially succeeded with 1 test skips.\n", yaml, StringComparison.Ordinal);

        // It reads back as YAML with the same values.
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal("ConformanceReport", root["kind"].ToString());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("@org/team", "'@org/team'")]
    [InlineData("2026-01-15T10:00:00Z", "\"2026-01-15T10:00:00Z\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("1.5", "\"1.5\"")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("it's", "it's")]
    [InlineData("'quoted'", "'''quoted'''")]
    public void Scalars_AreQuotedAsGoYamlDoes(string value, string written) =>
        Assert.Equal(written, ConformanceReportWriter.Quote(value));

    [Fact]
    public void MissingImplementationFields_AreRefused()
    {
        var report = ConformanceReportBuilder.Build([], Options with { Report = new ReportSettings() });
        var error = Assert.Throws<ArgumentException>(() => ConformanceReportWriter.ToYaml(report));
        Assert.Contains("implementation's organization cannot be empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProfileOrFeature_IsRefused()
    {
        Assert.Contains("GATEWAY-FOO is not a valid conformance profile", Assert.Throws<ArgumentException>(() => FeatureSelection.Resolve(new ConformanceRunOptions { Profiles = ["GATEWAY-FOO"] })).Message, StringComparison.Ordinal);
        Assert.Contains("'HttpRoute' is not a Gateway API v1.6.1 feature name", Assert.Throws<ArgumentException>(() => FeatureSelection.Resolve(new ConformanceRunOptions { SupportedFeatures = ["HttpRoute"] })).Message, StringComparison.Ordinal);
    }
}
