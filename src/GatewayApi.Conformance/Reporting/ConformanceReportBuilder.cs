using System.Globalization;
using GatewayApi.Conformance.Running;

namespace GatewayApi.Conformance.Reporting;

/// <summary>
/// Builds the report from case results with upstream's rules (<c>conformance/utils/suite/reports.go</c>): a case counts
/// in every requested profile it belongs to, as extended when one of its features is not core there; passed, failed and
/// skipped are counted, not-supported cases are not, provisional-skipped cases are left out; a level with a failure is
/// <c>failure</c>, else with a skip <c>partial</c>, else <c>success</c>.
/// </summary>
public static class ConformanceReportBuilder
{
    /// <summary>Builds the report.</summary>
    /// <param name="results">The case results of the run.</param>
    /// <param name="options">The run options (profiles, features, report settings).</param>
    public static ConformanceReport Build(IReadOnlyList<CaseResult> results, ConformanceRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        var selection = FeatureSelection.Resolve(options);
        var profiles = new SortedDictionary<string, (Counter Core, Counter? Extended)>(StringComparer.Ordinal);
        var succeededProvisional = new List<string>();
        foreach (var result in results.OrderBy(item => item.Case.Name, StringComparer.Ordinal))
        {
            if (result.Outcome == CaseOutcome.ProvisionalSkipped)
            {
                continue;
            }

            if (result.Outcome == CaseOutcome.Passed && result.Case.Provisional)
            {
                succeededProvisional.Add(result.Case.Name);
            }

            foreach (var profile in selection.Profiles.Where(profile => profile.Includes(result.Case.Features)))
            {
                var entry = profiles.TryGetValue(profile.Name, out var existing) ? existing : (new Counter(), null);
                if (profile.IsExtended(result.Case.Features))
                {
                    if (result.Outcome is CaseOutcome.Passed or CaseOutcome.Failed or CaseOutcome.Skipped)
                    {
                        entry.Extended ??= new Counter();
                        entry.Extended.Add(result);
                    }
                }
                else
                {
                    entry.Core.Add(result);
                }

                profiles[profile.Name] = entry;
            }
        }

        var settings = options.Report;
        return new ConformanceReport
        {
            Implementation = settings.Implementation,
            Date = (settings.Date ?? DateTimeOffset.Now).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture).Replace("+00:00", "Z", StringComparison.Ordinal),
            GatewayApiVersion = settings.GatewayApiVersion,
            GatewayApiChannel = settings.GatewayApiChannel,
            Mode = settings.Mode,
            Profiles = profiles.Select(pair =>
            {
                var profile = selection.Profiles.First(item => item.Name == pair.Key);
                var core = pair.Value.Core.ToLevel();
                var extended = pair.Value.Extended is { } counter
                    ? new ExtendedLevelReport
                    {
                        Result = counter.Result,
                        Statistics = counter.Statistics,
                        SkippedTests = counter.Skipped,
                        FailedTests = counter.Failed,
                        SupportedFeatures = selection.SupportedExtended(profile),
                        UnsupportedFeatures = selection.UnsupportedExtended(profile),
                    }
                    : null;
                var summary = "Core tests " + Phrase(core) + (extended is null ? "" : ". Extended tests " + Phrase(extended)) + ".";
                return new ProfileReport { Name = pair.Key, Summary = summary, Core = core, Extended = extended };
            }).ToArray(),
            SucceededProvisionalTests = succeededProvisional,
        };
    }

    // Upstream's phrases, unpluralised as upstream writes them.
    private static string Phrase(LevelReport level) => level.Result switch
    {
        "success" => "succeeded",
        "partial" => $"partially succeeded with {level.Statistics.Skipped} test skips",
        _ => $"failed with {level.Statistics.Failed} test failures",
    };

    private sealed class Counter
    {
        private int _passed;

        public List<string> Skipped { get; } = [];

        public List<string> Failed { get; } = [];

        public string Result => Failed.Count > 0 ? "failure" : Skipped.Count > 0 ? "partial" : "success";

        public ReportStatistics Statistics => new(_passed, Skipped.Count, Failed.Count);

        public void Add(CaseResult result)
        {
            switch (result.Outcome)
            {
                case CaseOutcome.Passed:
                    _passed++;
                    break;
                case CaseOutcome.Failed:
                    Failed.Add(result.Case.Name);
                    break;
                case CaseOutcome.Skipped:
                    Skipped.Add(result.Case.Name);
                    break;
            }
        }

        public LevelReport ToLevel() => new() { Result = Result, Statistics = Statistics, SkippedTests = Skipped, FailedTests = Failed };
    }
}
