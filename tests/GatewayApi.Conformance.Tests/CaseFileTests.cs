using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Loading;

namespace GatewayApi.Conformance.Tests;

/// <summary>The shipped case files load, and malformed case files get precise errors (file, line, column, field).</summary>
public sealed class CaseFileTests
{
    [Fact]
    public void EveryShippedCaseFile_Loads()
    {
        var result = ConformanceCaseLoader.LoadEmbedded();
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors.Select(error => error.Message)));
        Assert.NotEmpty(result.Cases);
        Assert.Equal(result.Cases.Count, result.Cases.Select(item => item.Name).Distinct().Count());
    }

    [Fact]
    public void ShippedCases_BuildTheirResources()
    {
        foreach (var testCase in ConformanceSuite.Cases)
        {
            _ = testCase.CreateResources();
        }
    }

    /// <summary>
    /// Cases whose manifests hold a value the v1.6.1 CRDs refuse on purpose: they check what a controller writes for
    /// an object from a newer CRD, which only a target that skips API-server validation can be given.
    /// </summary>
    private static readonly HashSet<string> InvalidOnPurpose = new(StringComparer.Ordinal)
    {
        "HTTPRouteUnsupportedMatchTypePartiallyInvalid",
        "HTTPRouteAllRulesInvalidNotAccepted",
    };

    [Fact]
    public void ShippedCases_HoldOnlyObjectsTheApiServerWouldAccept()
    {
        // A case a real cluster cannot be given tests nothing a live implementation can show (experimental CRDs, the widest).
        var problems = new List<string>();
        foreach (var testCase in ConformanceSuite.Cases)
        {
            var errors = testCase.CreateResources()
                .Where(item => item is GatewayApi.Models.GatewayApiObject)
                .SelectMany(item => GatewayApi.Models.Validation.GatewayApiValidator.Validate(item, GatewayApi.Models.ReleaseChannel.Experimental).Errors
                    .Select(error => $"{testCase.Name}: {item.Kind} {item.Metadata?.NamespaceProperty}/{item.Metadata?.Name}: {error}"))
                .ToList();
            if (InvalidOnPurpose.Contains(testCase.Name))
            {
                Assert.True(errors.Count > 0, $"{testCase.Name} is listed as invalid on purpose but validates: remove it from the list.");
                continue;
            }

            problems.AddRange(errors);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private const string Valid = """
        name: SampleCase
        description: A sample.
        features: [Gateway, HTTPRoute]
        manifests: |
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata:
            name: r
            namespace: gateway-conformance-infra
          spec:
            parentRefs:
            - name: same-namespace
        requests:
        - gateway: same-namespace
          path: /x
          expect:
            statusCode: 200
            backend: infra-backend-v1
        """;

    [Fact]
    public void ValidCase_ReadsEveryDefault()
    {
        var loaded = ConformanceCaseLoader.Parse(Valid, "sample.yaml");
        Assert.Equal("SampleCase", loaded.Name);
        Assert.Equal(["GATEWAY-HTTP"], loaded.Profiles);
        Assert.Equal(BaseManifests.Gateway, loaded.Base);
        var request = Assert.Single(loaded.Requests);
        Assert.Equal(RequestProtocol.Http, request.Protocol);
        Assert.Equal(80, request.Port);
        Assert.Equal(new GatewayTarget("gateway-conformance-infra", "same-namespace"), request.Gateway);
        Assert.Equal(new BackendName("gateway-conformance-infra", "infra-backend-v1"), request.Expect.Backend);
        Assert.Equal([200], request.Expect.StatusCodes);
        Assert.Equal("#1", request.Name);
    }

    public static TheoryData<string, string, int, string, string> Malformed => new()
    {
        // what is replaced, by what, expected line, expected field path, a phrase of the detail
        { "features: [Gateway, HTTPRoute]", "features: [Gateway, HttpRoute]", 3, "features", "did you mean 'HTTPRoute'" },
        { "    statusCode: 200", "    statusCod: 200", 17, "requests[0].expect.statusCod", "unknown field 'statusCod'" },
        { "    statusCode: 200", "    statusCode: two hundred", 17, "requests[0].expect.statusCode", "expected an integer" },
        { "name: SampleCase", "name: sample-case", 1, "name", "PascalCase" },
        { "description: A sample.", "description: ''", 2, "description", "must not be empty" },
        { "    parentRefs:\n    - name: same-namespace", "    parentRefs: 7", 11, "manifests: spec.parentRefs", "document 0" },
        { "  path: /x", "  path: x", 15, "requests[0].path", "must start with '/'" },
        { "    backend: infra-backend-v1", "    backend: {name: x}", 18, "requests[0].expect.backend", "expected a string" },
        { "- gateway: same-namespace", "- mesh: {service: echo}\n  gateway: same-namespace", 14, "requests[0]", "exactly one" },
        { "features: [Gateway, HTTPRoute]", "features: [Gateway, HTTPRoute]\nprofiles: [GATEWAY-GRPC]", 4, "profiles", "HTTPRoute are not in that profile" },
        { "features: [Gateway, HTTPRoute]", "features: [Gateway, HTTPRoute]\nlive: true", 4, "live", "liveReason" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedCase_IsReportedPrecisely(string original, string replacement, int line, string fieldPath, string phrase)
    {
        Assert.Contains(original, Valid, StringComparison.Ordinal);
        var text = Valid.Replace(original, replacement, StringComparison.Ordinal);
        var error = Assert.Throws<CaseFileException>(() => ConformanceCaseLoader.Parse(text, "bad.yaml"));
        Assert.Equal("bad.yaml", error.Source);
        Assert.Equal(line, error.Line);
        Assert.Equal(fieldPath, error.FieldPath);
        Assert.Contains(phrase, error.Detail, StringComparison.Ordinal);
        Assert.StartsWith($"bad.yaml:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListenerSetAndPolicyExpectations_AreRead()
    {
        var loaded = ConformanceCaseLoader.Parse(
            "name: A\ndescription: d\nfeatures: [Gateway, ListenerSet, BackendTLSPolicy]\nstatus:\n" +
            "  listenerSets:\n  - name: ls\n    listeners: [{name: extra, attachedRoutes: 2}]\n" +
            "  backendTLSPolicies:\n  - name: p\n    ancestors:\n    - ancestorRef: {name: same-namespace, sectionName: http}\n      conditions: [{type: Accepted, status: \"True\"}]\n",
            "a.yaml");
        var listenerSet = Assert.Single(loaded.Status.ListenerSets);
        Assert.Equal(("gateway-conformance-infra", "ls", 2), (listenerSet.Namespace, listenerSet.Name, Assert.Single(listenerSet.Listeners).AttachedRoutes));
        var ancestor = Assert.Single(Assert.Single(loaded.Status.BackendTlsPolicies).Ancestors);
        Assert.Equal(new RouteParentExpectation("gateway.networking.k8s.io", "Gateway", "gateway-conformance-infra", "same-namespace", "http", null, ancestor.Conditions), ancestor);
        Assert.Equal(new ConditionExpectation("Accepted", "True", null), Assert.Single(ancestor.Conditions));
    }

    [Fact]
    public void InvalidYaml_IsReportedWithItsPosition()
    {
        var error = Assert.Throws<CaseFileException>(() => ConformanceCaseLoader.Parse("name: A\n  bad: [", "broken.yaml"));
        Assert.Contains("invalid YAML", error.Detail, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void CaseWithoutExpectations_IsRefused()
    {
        var error = Assert.Throws<CaseFileException>(() => ConformanceCaseLoader.Parse("name: A\ndescription: d\nfeatures: [Gateway]\n", "empty.yaml"));
        Assert.Contains("must expect something", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateNames_AreReportedAgainstTheSecondFile()
    {
        var result = ConformanceCaseLoader.LoadAll([("a.yaml", Valid), ("b.yaml", Valid)]);
        Assert.Single(result.Cases);
        var error = Assert.Single(result.Errors);
        Assert.Equal("b.yaml", error.Source);
        Assert.Contains("already used by a.yaml", error.Detail, StringComparison.Ordinal);
        Assert.Throws<AggregateException>(() => result.CasesOrThrow());
    }
}
