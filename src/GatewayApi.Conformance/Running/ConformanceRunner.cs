using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Targets;
using k8s;
using k8s.Models;

namespace GatewayApi.Conformance.Running;

/// <summary>Runs cases against a target: decides which run, applies resources, checks statuses, sends requests.</summary>
public static class ConformanceRunner
{
    /// <summary>Decides whether a case runs, and if not, why (the outcome it gets without running).</summary>
    /// <param name="testCase">The case.</param>
    /// <param name="target">The target (its liveness matters).</param>
    /// <param name="options">The run options.</param>
    /// <param name="selection">The resolved features.</param>
    /// <returns>Null when the case runs; otherwise its result.</returns>
    public static CaseResult? Classify(ConformanceCase testCase, IConformanceTarget target, ConformanceRunOptions options, FeatureSelection selection)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(selection);
        if (options.IncludeCases.Count > 0 && !options.IncludeCases.Contains(testCase.Name, StringComparer.Ordinal))
        {
            return new CaseResult(testCase, CaseOutcome.Skipped, "not included in this run", []);
        }

        if (options.ExcludeCases.Contains(testCase.Name, StringComparer.Ordinal))
        {
            return new CaseResult(testCase, CaseOutcome.Skipped, "excluded", []);
        }

        if (options.SelectFeatures.Count > 0 && !testCase.Features.Any(feature => options.SelectFeatures.Contains(feature, StringComparer.Ordinal)))
        {
            return new CaseResult(testCase, CaseOutcome.Skipped, $"needs none of the selected features ({string.Join(", ", options.SelectFeatures)})", []);
        }

        if (testCase.Provisional && options.SkipProvisionalCases)
        {
            return new CaseResult(testCase, CaseOutcome.ProvisionalSkipped, "provisional", []);
        }

        var unsupported = testCase.Features.Where(feature => !selection.Supported.Contains(feature)).ToArray();
        if (unsupported.Length > 0)
        {
            return new CaseResult(testCase, CaseOutcome.NotSupported, "unsupported feature: " + string.Join(", ", unsupported), []);
        }

        if (testCase.NeedsLiveNetwork && !target.IsLive)
        {
            return new CaseResult(testCase, CaseOutcome.Skipped, "needs a live network target: " + testCase.LiveReason, []);
        }

        return null;
    }

    /// <summary>Runs one case (or reports why it does not run).</summary>
    /// <param name="target">The target.</param>
    /// <param name="testCase">The case.</param>
    /// <param name="options">The run options.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<CaseResult> RunCaseAsync(IConformanceTarget target, ConformanceCase testCase, ConformanceRunOptions options, CancellationToken cancellationToken = default)
    {
        var selection = FeatureSelection.Resolve(options);
        return Classify(testCase, target, options, selection) ?? await ExecuteAsync(target, testCase, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every case of the options (by default the shipped suite), one after another.</summary>
    /// <param name="target">The target.</param>
    /// <param name="options">The run options.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<IReadOnlyList<CaseResult>> RunAsync(IConformanceTarget target, ConformanceRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var selection = FeatureSelection.Resolve(options);
        var cases = options.Cases ?? ConformanceSuite.Cases;
        var results = new List<CaseResult>(cases.Count);
        foreach (var testCase in cases.OrderBy(item => item.Name, StringComparer.Ordinal))
        {
            results.Add(Classify(testCase, target, options, selection)
                ?? await ExecuteAsync(target, testCase, options, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private static async Task<CaseResult> ExecuteAsync(IConformanceTarget target, ConformanceCase testCase, ConformanceRunOptions options, CancellationToken cancellationToken)
    {
        var limit = testCase.Timeout ?? options.CaseTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var failures = new List<string>();
        try
        {
            var resources = BuildResources(testCase, target, failures);
            if (failures.Count > 0)
            {
                return new CaseResult(testCase, CaseOutcome.Failed, null, failures);
            }

            await target.ApplyAsync(resources, timeout.Token).ConfigureAwait(false);
            var statusFailures = await CheckStatusAsync(target, testCase, options, timeout.Token).ConfigureAwait(false);
            failures.AddRange(statusFailures);
            if (statusFailures.Count > 0 && target is IExplainingTarget explaining)
            {
                foreach (var route in testCase.Status.Routes.Where(route => statusFailures.Any(failure => failure.StartsWith($"{route.Kind} {route.Namespace}/{route.Name}", StringComparison.Ordinal))))
                {
                    if (explaining.ExplainRoute(route.Kind, route.Namespace, route.Name) is { } explanation)
                    {
                        failures.Add($"target explains {route.Kind} {route.Namespace}/{route.Name}: {explanation.ReplaceLineEndings(" | ")}");
                    }
                }
            }
            if (failures.Count == 0)
            {
                foreach (var request in testCase.Requests)
                {
                    var requestFailures = await CheckRequestAsync(target, request, options, timeout.Token).ConfigureAwait(false);
                    failures.AddRange(requestFailures.Select(failure => $"request '{request.Name}' (line {request.Line}): {failure}"));
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            failures.Add($"timed out after {limit.TotalSeconds:0.###} s");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failures.Add($"the target failed: {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            try
            {
                await target.ClearAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                failures.Add($"the target failed to clear the case: {exception.GetType().Name}: {exception.Message}");
            }
        }

        return new CaseResult(testCase, failures.Count == 0 ? CaseOutcome.Passed : CaseOutcome.Failed, null, failures);
    }

    private static List<IKubernetesObject<V1ObjectMeta>> BuildResources(ConformanceCase testCase, IConformanceTarget target, List<string> failures)
    {
        var resources = new List<IKubernetesObject<V1ObjectMeta>>(BaseResources.Create(testCase.Base));
        var seen = resources.Select(Identity).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in testCase.CreateResources())
        {
            if (!seen.Add(Identity(resource)))
            {
                failures.Add($"the case's manifests define {Identity(resource)} twice (or again after the shared base)");
            }

            resources.Add(resource);
        }

        BaseResources.SetControllerName(resources, target.ControllerName);
        return resources;
    }

    private static string Identity(IKubernetesObject<V1ObjectMeta> resource) =>
        $"{(resource.ApiVersion ?? "").Split('/')[0]}/{resource.Kind} {resource.Metadata?.NamespaceProperty}/{resource.Metadata?.Name}";

    private static async Task<List<string>> CheckStatusAsync(IConformanceTarget target, ConformanceCase testCase, ConformanceRunOptions options, CancellationToken cancellationToken)
    {
        if (testCase.Status.IsEmpty)
        {
            return [];
        }

        while (true)
        {
            var objects = await target.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
            var failures = StatusVerifier.Verify(testCase.Status, objects, target.ControllerName);
            if (failures.Count == 0 || !target.IsLive)
            {
                return failures;
            }

            // A live implementation converges: poll until the statuses match or the case times out.
            try
            {
                await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return [.. failures, "statuses did not converge before the case timed out"];
            }
        }
    }

    private static TargetRequest ToTargetRequest(RequestCase request) => new()
    {
        Protocol = request.Protocol,
        Gateway = request.Gateway,
        Mesh = request.Mesh,
        Port = request.Port,
        Host = request.Host,
        ServerName = request.ServerName ?? (request.Protocol == RequestProtocol.Https && request.Host is { } host ? host : null),
        Method = request.Method,
        Path = request.Path,
        Headers = request.Headers,
        BackendResponseHeaders = request.BackendResponseHeaders,
        BackendDelay = request.BackendDelay,
    };

    private static async Task<List<string>> CheckRequestAsync(IConformanceTarget target, RequestCase request, ConformanceRunOptions options, CancellationToken cancellationToken)
    {
        var targetRequest = ToTargetRequest(request);
        if (request.Repeat == 1)
        {
            while (true)
            {
                var response = await target.SendAsync(targetRequest, cancellationToken).ConfigureAwait(false);
                var failures = ResponseVerifier.Verify(request, response, checkMirrors: true);
                if (failures.Count == 0 || !target.IsLive)
                {
                    if (failures.Count > 0 && response.Diagnostics is { } diagnostics)
                    {
                        failures.Add("target: " + diagnostics);
                    }

                    return failures;
                }

                try
                {
                    await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return [.. failures, "the answer did not converge before the case timed out"];
                }
            }
        }

        return await CheckDistributionAsync(target, request, targetRequest, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<string>> CheckDistributionAsync(IConformanceTarget target, RequestCase request, TargetRequest targetRequest, CancellationToken cancellationToken)
    {
        var expect = request.Expect;
        var answered = new Dictionary<BackendName, int>();
        var mirroredCounts = new Dictionary<BackendName, int>();
        for (var i = 0; i < request.Repeat; i++)
        {
            var response = await target.SendAsync(targetRequest, cancellationToken).ConfigureAwait(false);
            var failures = ResponseVerifier.Verify(request, response, checkMirrors: expect.MirrorRatio is null);
            if (failures.Count > 0)
            {
                return failures.Select(failure => $"repetition {i + 1} of {request.Repeat}: {failure}")
                    .Append("target: " + response.Diagnostics).ToList();
            }

            if (response.Backend is { } backend)
            {
                answered[backend.Service] = answered.GetValueOrDefault(backend.Service) + 1;
            }

            foreach (var copy in response.Mirrored)
            {
                mirroredCounts[copy.Service] = mirroredCounts.GetValueOrDefault(copy.Service) + 1;
            }
        }

        var result = new List<string>();
        if (expect.Weights is { } weights)
        {
            var expected = weights.ToDictionary(item => item.Key, item => item.Value);
            foreach (var backend in expected.Keys.Union(answered.Keys).OrderBy(item => item.ToString(), StringComparer.Ordinal))
            {
                var share = (double)answered.GetValueOrDefault(backend) / request.Repeat;
                var wanted = expected.GetValueOrDefault(backend);
                if (wanted == 0 && answered.GetValueOrDefault(backend) > 0)
                {
                    result.Add($"weights: {backend} expected no requests, actual {answered[backend]} of {request.Repeat}");
                }
                else if (Math.Abs(share - wanted) > expect.Tolerance)
                {
                    result.Add($"weights: {backend} expected share {wanted:0.###} ± {expect.Tolerance:0.###}, actual {share:0.###} ({answered.GetValueOrDefault(backend)} of {request.Repeat})");
                }
            }
        }

        if (expect.MirrorRatio is { } ratio)
        {
            foreach (var mirror in expect.MirroredTo ?? [])
            {
                var share = (double)mirroredCounts.GetValueOrDefault(mirror) / request.Repeat;
                if (Math.Abs(share - ratio) > expect.Tolerance)
                {
                    result.Add($"mirror ratio: {mirror} expected {ratio:0.###} ± {expect.Tolerance:0.###}, actual {share:0.###} ({mirroredCounts.GetValueOrDefault(mirror)} of {request.Repeat})");
                }
            }
        }

        return result;
    }
}
