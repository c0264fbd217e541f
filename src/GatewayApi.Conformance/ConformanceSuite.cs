using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Loading;
using GatewayApi.Conformance.Reporting;
using GatewayApi.Conformance.Running;
using GatewayApi.Conformance.Targets;

namespace GatewayApi.Conformance;

/// <summary>
/// The entry points: the shipped cases, a data source for one test per case (<c>[Theory]</c> with
/// <c>[MemberData]</c>), and a one-call run that returns every result and the report.
/// </summary>
public static class ConformanceSuite
{
    private static readonly Lazy<IReadOnlyList<ConformanceCase>> Embedded = new(() => ConformanceCaseLoader.LoadEmbedded().CasesOrThrow());

    /// <summary>Every case shipped in the package, sorted by name.</summary>
    /// <exception cref="AggregateException">A shipped case file is malformed.</exception>
    public static IReadOnlyList<ConformanceCase> Cases => Embedded.Value;

    /// <summary>Finds a shipped case by name.</summary>
    /// <param name="name">The case name.</param>
    /// <exception cref="KeyNotFoundException">No case has that name.</exception>
    public static ConformanceCase GetCase(string name) =>
        Cases.FirstOrDefault(item => item.Name == name) ?? throw new KeyNotFoundException($"No conformance case is named '{name}'.");

    /// <summary>
    /// One row per shipped case, holding the case name (a string, so test runners list one test per case):
    /// <c>[MemberData(nameof(Cases))] public static IEnumerable&lt;object[]&gt; Cases =&gt; ConformanceSuite.CaseNames();</c>.
    /// </summary>
    /// <param name="filter">Keeps only the cases it accepts (for example, one profile's).</param>
    public static IEnumerable<object[]> CaseNames(Func<ConformanceCase, bool>? filter = null) =>
        Cases.Where(item => filter?.Invoke(item) ?? true).Select(item => new object[] { item.Name });

    /// <summary>Runs one shipped case by name against a target.</summary>
    /// <param name="target">The target.</param>
    /// <param name="caseName">The case name (from <see cref="CaseNames"/>).</param>
    /// <param name="options">The run options (supported features matter: unsupported cases are not run).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static Task<CaseResult> RunCaseAsync(IConformanceTarget target, string caseName, ConformanceRunOptions options, CancellationToken cancellationToken = default) =>
        ConformanceRunner.RunCaseAsync(target, (options.Cases ?? Cases).FirstOrDefault(item => item.Name == caseName) ?? GetCase(caseName), options, cancellationToken);

    /// <summary>
    /// Reads the features an implementation publishes (GEP-2162): applies the shared Gateway base, reads
    /// <c>status.supportedFeatures</c> of the GatewayClass <c>gateway-conformance</c>, and clears the target again.
    /// Use the result as <see cref="ConformanceRunOptions.SupportedFeatures"/> (add mesh features yourself: they are
    /// published on XMesh, which the base does not create). Unknown names are dropped.
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static async Task<IReadOnlyList<string>> InferSupportedFeaturesAsync(IConformanceTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var resources = BaseResources.Create(BaseManifests.Gateway);
        BaseResources.SetControllerName(resources, target.ControllerName);
        try
        {
            await target.ApplyAsync(resources, cancellationToken).ConfigureAwait(false);
            var objects = await target.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
            var gatewayClass = objects.OfType<GatewayApi.Models.GatewayClass>().FirstOrDefault(item => item.Metadata?.Name == SharedNames.GatewayClass);
            return (gatewayClass?.Status?.SupportedFeatures ?? [])
                .Select(feature => feature.Name ?? "")
                .Where(Features.ConformanceFeatures.IsKnown)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
        }
        finally
        {
            await target.ClearAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the suite against a target and builds the report.</summary>
    /// <param name="target">The target.</param>
    /// <param name="options">What to run and what to report.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<ConformanceRunResult> RunAsync(IConformanceTarget target, ConformanceRunOptions options, CancellationToken cancellationToken = default)
    {
        var results = await ConformanceRunner.RunAsync(target, options, cancellationToken).ConfigureAwait(false);
        return new ConformanceRunResult(results, ConformanceReportBuilder.Build(results, options));
    }

    /// <summary>Runs the suite against a target and builds the report, blocking until done.</summary>
    /// <param name="target">The target.</param>
    /// <param name="options">What to run and what to report.</param>
    public static ConformanceRunResult Run(IConformanceTarget target, ConformanceRunOptions options) =>
        RunAsync(target, options).GetAwaiter().GetResult();
}
