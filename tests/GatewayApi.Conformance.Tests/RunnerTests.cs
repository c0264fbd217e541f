using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.InMemory;
using GatewayApi.Conformance.Loading;
using GatewayApi.Conformance.Running;
using GatewayApi.Conformance.Targets;
using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.Tests;

/// <summary>Selection (why a case is skipped), time limits, target failures and the precision of differences.</summary>
public sealed class RunnerTests
{
    private static ConformanceCase Parse(string extra, string features = "Gateway, HTTPRoute", string name = "RunnerCase") =>
        ConformanceCaseLoader.Parse($"name: {name}\ndescription: d\nfeatures: [{features}]\n{extra}requests:\n- gateway: same-namespace\n  path: /\n  expect: {{statusCode: 404}}\n", name + ".yaml");

    private static readonly ConformanceRunOptions Options = new() { SupportedFeatures = InMemoryTargetOptions.DefaultSupportedFeatures };

    [Fact]
    public async Task Selection_SaysWhyACaseDoesNotRun()
    {
        var target = new InMemoryTarget();
        async Task<CaseResult> Run(ConformanceCase testCase, ConformanceRunOptions options) => await ConformanceRunner.RunCaseAsync(target, testCase, options);

        var plain = Parse("");
        Assert.Equal(CaseOutcome.Passed, (await Run(plain, Options)).Outcome);
        Assert.Equal((CaseOutcome.Skipped, "excluded"), Summary(await Run(plain, Options with { ExcludeCases = ["RunnerCase"] })));
        Assert.Equal((CaseOutcome.Skipped, "not included in this run"), Summary(await Run(plain, Options with { IncludeCases = ["Other"] })));
        Assert.Equal(CaseOutcome.Skipped, (await Run(plain, Options with { SelectFeatures = ["HTTPRouteCORS"] })).Outcome);
        Assert.Equal((CaseOutcome.ProvisionalSkipped, "provisional"), Summary(await Run(Parse("provisional: true\n"), Options with { SkipProvisionalCases = true })));
        Assert.Equal((CaseOutcome.NotSupported, "unsupported feature: HTTPRouteCORS"),
            Summary(await Run(Parse("", "Gateway, HTTPRoute, HTTPRouteCORS"), new ConformanceRunOptions { Profiles = ["GATEWAY-HTTP"] })));
        Assert.Equal((CaseOutcome.Skipped, "needs a live network target: real timeouts"), Summary(await Run(Parse("live: true\nliveReason: real timeouts\n"), Options)));
    }

    private static (CaseOutcome, string?) Summary(CaseResult result) => (result.Outcome, result.Reason);

    [Fact]
    public async Task ProfileCoreFeatures_AreSupportedByClaimingTheProfile()
    {
        var result = await ConformanceRunner.RunCaseAsync(new InMemoryTarget(), Parse(""), new ConformanceRunOptions { Profiles = ["GATEWAY-HTTP"] });
        Assert.Equal(CaseOutcome.Passed, result.Outcome);
        var mesh = await ConformanceRunner.RunCaseAsync(new InMemoryTarget(), Parse(""), new ConformanceRunOptions { Profiles = ["MESH-GRPC"] });
        Assert.Equal(CaseOutcome.NotSupported, mesh.Outcome);
    }

    [Fact]
    public async Task WrongAnswer_GivesExpectedAndActual()
    {
        var testCase = ConformanceCaseLoader.Parse("""
            name: WrongAnswer
            description: d
            features: [Gateway, HTTPRoute]
            manifests: |
              apiVersion: gateway.networking.k8s.io/v1
              kind: HTTPRoute
              metadata: {name: r, namespace: gateway-conformance-infra}
              spec:
                parentRefs: [{name: same-namespace}]
                rules:
                - backendRefs: [{name: infra-backend-v2, port: 8080}]
            status:
              routes:
              - kind: HTTPRoute
                name: r
                parents:
                - parentRef: {name: same-namespace}
                  conditions: [{type: Accepted, status: "False", reason: NotAllowedByListeners}]
            requests:
            - name: one
              gateway: same-namespace
              expect: {backend: infra-backend-v1}
            """, "wrong.yaml");

        var statusResult = await ConformanceRunner.RunCaseAsync(new InMemoryTarget(), testCase, Options);
        Assert.Equal(CaseOutcome.Failed, statusResult.Outcome);
        Assert.Contains(
            "HTTPRoute gateway-conformance-infra/r parent Gateway gateway-conformance-infra/same-namespace: condition Accepted: expected False/NotAllowedByListeners, actual True/Accepted",
            statusResult.Failures[0], StringComparison.Ordinal);
        Assert.Contains(statusResult.Failures, failure => failure.StartsWith("target explains HTTPRoute gateway-conformance-infra/r:", StringComparison.Ordinal));

        var requestOnly = ConformanceCaseLoader.Parse(
            "name: WrongBackend\ndescription: d\nfeatures: [Gateway, HTTPRoute]\nmanifests: |\n  apiVersion: gateway.networking.k8s.io/v1\n  kind: HTTPRoute\n  metadata: {name: r, namespace: gateway-conformance-infra}\n  spec:\n    parentRefs: [{name: same-namespace}]\n    rules:\n    - backendRefs: [{name: infra-backend-v2, port: 8080}]\nrequests:\n- name: one\n  gateway: same-namespace\n  expect: {backend: infra-backend-v1}\n",
            "wrong-backend.yaml");
        var requestResult = await ConformanceRunner.RunCaseAsync(new InMemoryTarget(), requestOnly, Options);
        Assert.Equal(
            "request 'one' (line 13): backend: expected gateway-conformance-infra/infra-backend-v1, actual gateway-conformance-infra/infra-backend-v2",
            requestResult.Failures[0]);
    }

    [Fact]
    public async Task TargetThatThrows_FailsTheCaseWithTheMessage()
    {
        var result = await ConformanceRunner.RunCaseAsync(new ThrowingTarget(), Parse(""), Options);
        Assert.Equal(CaseOutcome.Failed, result.Outcome);
        Assert.Equal("the target failed: InvalidOperationException: apply refused", Assert.Single(result.Failures));
    }

    [Fact]
    public async Task TargetThatHangs_TimesOut()
    {
        var result = await ConformanceRunner.RunCaseAsync(new HangingTarget(), Parse("timeout: 200ms\n"), Options);
        Assert.Equal(CaseOutcome.Failed, result.Outcome);
        Assert.Equal("timed out after 0.2 s", Assert.Single(result.Failures));
    }

    [Fact]
    public async Task CaseThatRedefinesABaseObject_Fails()
    {
        var testCase = Parse("manifests: |\n  apiVersion: v1\n  kind: Namespace\n  metadata: {name: gateway-conformance-infra}\n");
        var result = await ConformanceRunner.RunCaseAsync(new InMemoryTarget(), testCase, Options);
        Assert.Equal(CaseOutcome.Failed, result.Outcome);
        Assert.Contains("define v1/Namespace /gateway-conformance-infra twice", Assert.Single(result.Failures), StringComparison.Ordinal);
    }

    private sealed class ThrowingTarget : IConformanceTarget
    {
        public string ControllerName => "x/y";

        public bool IsLive => false;

        public ValueTask ApplyAsync(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> resources, CancellationToken cancellationToken) => throw new InvalidOperationException("apply refused");

        public ValueTask<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> ReadStatusAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<TargetResponse> SendAsync(TargetRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask ClearAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class HangingTarget : IConformanceTarget
    {
        public string ControllerName => "x/y";

        public bool IsLive => true;

        public ValueTask ApplyAsync(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> resources, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> ReadStatusAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public async ValueTask<TargetResponse> SendAsync(TargetRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new TargetResponse();
        }

        public ValueTask ClearAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}

/// <summary>Supported features can be read from the GatewayClass status the implementation writes (GEP-2162).</summary>
public sealed class FeatureInferenceTests
{
    [Fact]
    public async Task InferredFeatures_AreThoseTheEnginePublishes()
    {
        var target = new GatewayApi.Conformance.InMemory.InMemoryTarget(new GatewayApi.Conformance.InMemory.InMemoryTargetOptions
        {
            SupportedFeatures = ["Gateway", "HTTPRoute", "ReferenceGrant", "HTTPRouteCORS", "Mesh"],
        });
        var inferred = await ConformanceSuite.InferSupportedFeaturesAsync(target);
        // Mesh features belong on XMesh, so the GatewayClass does not publish Mesh.
        Assert.Equal(["Gateway", "HTTPRoute", "HTTPRouteCORS", "ReferenceGrant"], inferred.Order(StringComparer.Ordinal));
    }
}
