using System.CommandLine;
using System.Text.Json.Nodes;
using GatewayApi.Cli.Engine;
using GatewayApi.Cli.Inputs;
using GatewayApi.Cli.Output;
using GatewayApi.Models;
using GatewayApi.Models.Validation;

namespace GatewayApi.Cli.Commands;

/// <summary>
/// <c>gwapi validate</c>: every error the API server (and the checks beyond the CRDs) would report for every
/// Gateway API object of the inputs, one line each: <c>file:line: Kind ns/name: field.path: message</c>.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var shared = new SharedOptions();
        var inputs = InputsArgument.Create();
        var command = new Command("validate", "Validate Gateway API manifests as the API server would (OpenAPI schema and CEL rules of the channel's CRDs), plus the checks the CRDs leave out. Exit 1 when any object has an error.");
        command.Arguments.Add(inputs);
        shared.AddTo(command);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var manifests = InputLoader.Load(InputsArgument.Collect(result, inputs, shared), console.In);
            return Execute(manifests, shared.Settings(result), shared.Format(result), console);
        }));
        return command;
    }

    private static int Execute(IReadOnlyList<LoadedManifest> manifests, EngineSettings settings, OutputFormat format, CliConsole console)
    {
        var findings = new List<Finding>();
        var warnings = new List<Finding>();
        var checkedCount = 0;
        var objectsWithErrors = 0;
        foreach (var manifest in manifests)
        {
            if (manifest.Object is not GatewayApiObject)
            {
                continue;
            }

            checkedCount++;
            var result = GatewayApiValidator.Validate(manifest.Object, settings.Channel);
            if (result.Errors.Count > 0)
            {
                objectsWithErrors++;
            }

            // In line order within an object (stable, so errors of one field keep the API server's order).
            findings.AddRange(result.Errors
                .Select(error => new Finding(manifest, SourceLocator.Line(manifest, error.Field), error.Field, error.ToString(), error))
                .OrderBy(f => f.Line));

            foreach (var warning in result.Warnings)
            {
                var field = UnknownFieldPath(warning);
                warnings.Add(new Finding(manifest, SourceLocator.Line(manifest, field), field, warning, null));
            }
        }

        var channel = OfflineEngine.ChannelName(settings.Channel);
        if (format == OutputFormat.Text)
        {
            foreach (var finding in findings)
            {
                var semantic = finding.Error!.Origin == FieldErrorOrigin.Semantic ? " (beyond the CRDs: the API server accepts it)" : string.Empty;
                console.Out.WriteLine($"{finding.Manifest.Source}:{finding.Line}: {finding.Manifest.DisplayName}: {Styles.Apply(finding.Message, Style.Bad, console.Colour)}{semantic}");
            }

            foreach (var warning in warnings)
            {
                console.Out.WriteLine($"{warning.Manifest.Source}:{warning.Line}: {warning.Manifest.DisplayName}: {Styles.Apply("warning", Style.Warn, console.Colour)}: {warning.Message} (the API server drops it)");
            }

            var others = manifests.Count - checkedCount;
            var otherText = others == 0 ? string.Empty : $"; {others} other object{Plural(others)} (Services, Secrets, ...) not validated";
            var summary = findings.Count == 0
                ? Styles.Apply($"ok: {checkedCount} Gateway API object{Plural(checkedCount)} valid for the {channel} channel", Style.Good, console.Colour)
                : Styles.Apply($"{findings.Count} error{Plural(findings.Count)} in {objectsWithErrors} of {checkedCount} Gateway API object{Plural(checkedCount)} ({channel} channel)", Style.Bad, console.Colour);
            var warningText = warnings.Count == 0 ? string.Empty : $", {warnings.Count} warning{Plural(warnings.Count)}";
            console.Out.WriteLine(summary + warningText + otherText);
        }
        else
        {
            var document = new JsonObject
            {
                ["channel"] = channel,
                ["checked"] = checkedCount,
                ["valid"] = findings.Count == 0,
                ["errors"] = new JsonArray([.. findings.Select(f => ToJson(f, includeError: true))]),
                ["warnings"] = new JsonArray([.. warnings.Select(f => ToJson(f, includeError: false))]),
            };
            StructuredWriter.Write(console.Out, document, format);
        }

        return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static JsonNode ToJson(Finding finding, bool includeError)
    {
        var value = finding.Manifest.Object;
        var node = new JsonObject
        {
            ["file"] = finding.Manifest.Source,
            ["line"] = finding.Line,
            ["kind"] = value.Kind,
            ["namespace"] = ObjectDisplay.NamespaceOf(value),
            ["name"] = value.Metadata?.Name,
            ["field"] = finding.Field,
            ["message"] = finding.Message,
        };
        if (includeError && finding.Error is { } error)
        {
            node["type"] = error.Type.ToString();
            node["origin"] = error.Origin.ToString();
            node["detail"] = error.Detail;
        }

        return node;
    }

    // Warnings read: unknown field "spec.rules[0].retry".
    private static string? UnknownFieldPath(string warning)
    {
        var start = warning.IndexOf('"', StringComparison.Ordinal);
        var end = warning.LastIndexOf('"');
        return start >= 0 && end > start ? warning[(start + 1)..end] : null;
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    private sealed record Finding(LoadedManifest Manifest, int Line, string? Field, string Message, FieldError? Error);
}
