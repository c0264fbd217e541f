using System.CommandLine;
using GatewayApi.Cli.Conformance;
using GatewayApi.Cli.Inputs;
using GatewayApi.Cli.Output;
using GatewayApi.Conformance;
using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Features;
using GatewayApi.Conformance.InMemory;
using GatewayApi.Conformance.Loading;
using GatewayApi.Conformance.Profiles;
using GatewayApi.Conformance.Reporting;
using GatewayApi.Conformance.Running;

namespace GatewayApi.Cli.Commands;

/// <summary>
/// <c>gwapi conformance</c>: runs the conformance suite (GatewayApi.Conformance) against the built-in engine
/// through the in-memory target, prints a summary per profile and writes the upstream ConformanceReport.
/// </summary>
internal static class ConformanceCommand
{
    public static Command Create(CliConsole console)
    {
        var profiles = new Option<string[]>("--profile")
        {
            Description = "Report on this profile (GATEWAY-HTTP, GATEWAY-GRPC, GATEWAY-TLS, MESH-HTTP, MESH-GRPC, ...). Repeatable. Default: every profile.",
            HelpName = "profile",
        };
        var features = new Option<string[]>("--feature")
        {
            Description = "Run only the cases that need this feature (upstream name, for example HTTPRouteQueryParamMatching); the others are skipped. Repeatable.",
            HelpName = "feature",
        };
        var include = new Option<string[]>("--include")
        {
            Description = "Run only this case (by name); the others are skipped. Repeatable.",
            HelpName = "case",
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Skip this case (by name). Repeatable.",
            HelpName = "case",
        };
        var cases = new Option<string[]>("--cases")
        {
            Description = "Also run the case files (*.yaml, the format of docs/conformance.md) under this directory. Repeatable.",
            HelpName = "dir",
        };
        var report = new Option<string?>("--report")
        {
            Description = "Write the ConformanceReport (upstream YAML) to this file.",
            HelpName = "file",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "text: a summary table per profile and every failure (default); yaml or json: the report itself.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|yaml|json",
        };
        output.AcceptOnlyFromAmong("text", "yaml", "json");
        var skipProvisional = new Option<bool>("--skip-provisional")
        {
            Description = "Do not run provisional cases (they are then left out of the report).",
        };
        var command = new Command("conformance", "Run the Gateway API v1.6.1 conformance suite against the built-in engine (in memory) and write the upstream ConformanceReport. Exit 0 when every case that ran passed, 1 when any failed.")
        {
            profiles,
            features,
            include,
            exclude,
            cases,
            report,
            output,
            skipProvisional,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            ConformanceRunOptions options;
            try
            {
                options = Options(result, profiles, features, include, exclude, cases, skipProvisional);
            }
            catch (CliInputException exception)
            {
                return CommandRunner.Fail(console, exception.Message);
            }

            var format = result.GetValue(output) switch
            {
                "yaml" => OutputFormat.Yaml,
                "json" => OutputFormat.Json,
                _ => OutputFormat.Text,
            };
            var run = await ConformanceSuite.RunAsync(new InMemoryTarget(), options, cancellationToken).ConfigureAwait(false);
            var yaml = run.ReportYaml;
            if (result.GetValue(report) is { } path)
            {
                try
                {
                    var folder = Path.GetDirectoryName(Path.GetFullPath(path));
                    if (folder is not null)
                    {
                        Directory.CreateDirectory(folder);
                    }

                    await File.WriteAllTextAsync(path, yaml, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    return CommandRunner.Fail(console, $"--report: cannot write {path}: {exception.Message}");
                }
            }

            switch (format)
            {
                case OutputFormat.Yaml:
                    console.Out.Write(yaml);
                    break;
                case OutputFormat.Json:
                    StructuredWriter.Write(console.Out, ReportJson.FromYaml(yaml), OutputFormat.Json);
                    break;
                default:
                    WriteSummary(console, run, result.GetValue(report));
                    break;
            }

            return run.Succeeded ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static ConformanceRunOptions Options(ParseResult result, Option<string[]> profiles, Option<string[]> features, Option<string[]> include, Option<string[]> exclude, Option<string[]> cases, Option<bool> skipProvisional)
    {
        var profileNames = result.GetValue(profiles) ?? [];
        foreach (var name in profileNames.Where(name => ConformanceProfiles.Find(name) is null))
        {
            throw new CliInputException($"--profile: unknown profile '{name}'; profiles: {string.Join(", ", ConformanceProfiles.All.Select(p => p.Name))}");
        }

        var featureNames = result.GetValue(features) ?? [];
        foreach (var name in featureNames.Where(name => !ConformanceFeatures.IsKnown(name)))
        {
            throw new CliInputException($"--feature: unknown feature '{name}' (the upstream v1.6.1 names, for example HTTPRouteQueryParamMatching)");
        }

        var suite = new List<ConformanceCase>(ConformanceSuite.Cases);
        foreach (var directory in result.GetValue(cases) ?? [])
        {
            if (!Directory.Exists(directory))
            {
                throw new CliInputException($"--cases: {directory}: no such directory");
            }

            var loaded = ConformanceCaseLoader.LoadDirectory(directory);
            if (loaded.Errors.Count > 0)
            {
                throw new CliInputException(loaded.Errors[0].Message + (loaded.Errors.Count > 1 ? $" (and {loaded.Errors.Count - 1} more errors)" : ""));
            }

            foreach (var item in loaded.Cases)
            {
                if (suite.Any(existing => existing.Name == item.Name))
                {
                    throw new CliInputException($"--cases: {item.Source}: a case named {item.Name} already exists");
                }

                suite.Add(item);
            }
        }

        if (profileNames.Length > 0)
        {
            // Like upstream, choosing profiles chooses the cases: those of no chosen profile do not run at all.
            suite.RemoveAll(item => !item.Profiles.Any(profile => profileNames.Contains(profile, StringComparer.Ordinal)));
        }

        var includeNames = result.GetValue(include) ?? [];
        var excludeNames = result.GetValue(exclude) ?? [];
        foreach (var name in includeNames.Concat(excludeNames).Where(name => suite.All(item => item.Name != name)))
        {
            throw new CliInputException(profileNames.Length > 0
                ? $"unknown case '{name}' in the profiles {string.Join(", ", profileNames)} (docs/conformance.md lists every case by profile)"
                : $"unknown case '{name}' (docs/conformance.md lists every case)");
        }

        return new ConformanceRunOptions
        {
            Profiles = profileNames,
            SupportedFeatures = InMemoryTargetOptions.DefaultSupportedFeatures,
            SelectFeatures = featureNames,
            IncludeCases = includeNames,
            ExcludeCases = excludeNames,
            SkipProvisionalCases = result.GetValue(skipProvisional),
            Cases = suite,
            Report = new ReportSettings
            {
                Implementation = new ReportImplementation
                {
                    Organization = "gatewayapi-dotnet",
                    Project = "GatewayApi.Routing (gwapi conformance, in-memory target)",
                    Url = "https://github.com/gatewayapi-dotnet/gatewayapi-dotnet",
                    Contact = ["https://github.com/gatewayapi-dotnet/gatewayapi-dotnet/issues"],
                    Version = typeof(ConformanceCommand).Assembly.GetName().Version?.ToString(3) is { } version ? "v" + version : "",
                },
                Mode = "in-memory",
                GatewayApiChannel = "experimental",
            },
        };
    }

    private static void WriteSummary(CliConsole console, ConformanceRunResult run, string? reportPath)
    {
        var table = new TableWriter("PROFILE", "LEVEL", "RESULT", "PASSED", "FAILED", "SKIPPED");
        foreach (var profile in run.Report.Profiles)
        {
            AddLevel(table, profile.Name, "core", profile.Core);
            if (profile.Extended is { } extended)
            {
                AddLevel(table, profile.Name, "extended", extended);
            }
        }

        if (table.IsEmpty)
        {
            console.Out.WriteLine("no case of the selected profiles ran");
        }
        else
        {
            table.Write(console.Out, console.Colour);
        }

        var failed = run.Results.Where(item => item.Outcome == CaseOutcome.Failed).ToList();
        foreach (var item in failed)
        {
            console.Out.WriteLine();
            console.Out.WriteLine(Styles.Apply($"FAILED {item.Case.Name}", Style.Bad, console.Colour) + $" ({item.Case.Source})");
            foreach (var failure in item.Failures)
            {
                console.Out.WriteLine("  - " + failure.ReplaceLineEndings(" "));
            }
        }

        var counts = run.Results.GroupBy(item => item.Outcome).ToDictionary(group => group.Key, group => group.Count());
        console.Out.WriteLine();
        var line = $"{counts.GetValueOrDefault(CaseOutcome.Passed)} passed, {counts.GetValueOrDefault(CaseOutcome.Failed)} failed, {counts.GetValueOrDefault(CaseOutcome.Skipped)} skipped, {counts.GetValueOrDefault(CaseOutcome.NotSupported)} not supported";
        console.Out.WriteLine(Styles.Apply(line, failed.Count == 0 ? Style.Good : Style.Bad, console.Colour));
        if (reportPath is not null)
        {
            console.Out.WriteLine($"report written to {reportPath}");
        }
    }

    private static void AddLevel(TableWriter table, string profile, string level, LevelReport report)
    {
        var style = report.Result switch
        {
            "success" => Style.Good,
            "failure" => Style.Bad,
            _ => Style.Warn,
        };
        table.Add(
            (profile, Style.None),
            (level, Style.None),
            (report.Result, style),
            (report.Statistics.Passed.ToString(System.Globalization.CultureInfo.InvariantCulture), Style.None),
            (report.Statistics.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture), report.Statistics.Failed > 0 ? Style.Bad : Style.None),
            (report.Statistics.Skipped.ToString(System.Globalization.CultureInfo.InvariantCulture), Style.None));
    }
}
