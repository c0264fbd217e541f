using System.CommandLine;
using System.Text.Json.Nodes;
using GatewayApi.Cli.Engine;
using GatewayApi.Cli.Inputs;
using GatewayApi.Cli.Output;
using GatewayApi.Models;
using GatewayApi.Routing;
using k8s.Models;

namespace GatewayApi.Cli.Commands;

/// <summary>
/// <c>gwapi status</c>: the status a conformant controller would write for every object of the inputs (conditions,
/// listeners with attachedRoutes, route parents), then, in words, what is not accepted or not attached and why.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliConsole console)
    {
        var shared = new SharedOptions();
        var inputs = InputsArgument.Create();
        var command = new Command("status", "Compute the status a conformant controller would write for every GatewayClass, Gateway, ListenerSet, route and BackendTLSPolicy of the inputs, and say in words what is not accepted or attached and why. Exit 1 when anything is not accepted, attached or resolved.");
        command.Arguments.Add(inputs);
        shared.AddTo(command);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var manifests = InputLoader.Load(InputsArgument.Collect(result, inputs, shared), console.In);
            var engine = OfflineEngine.Run(manifests, shared.Settings(result));
            foreach (var warning in engine.Warnings)
            {
                console.Error.WriteLine("gwapi: warning: " + warning);
            }

            var problems = StatusProblems.Find(engine);
            var format = shared.Format(result);
            if (format == OutputFormat.Text)
            {
                WriteText(engine, problems, console);
            }
            else
            {
                StructuredWriter.Write(console.Out, StatusDocument(engine.Status), format);
            }

            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        }));
        return command;
    }

    /// <summary>The statuses as a <c>v1 List</c> of objects carrying only identity and <c>status</c>.</summary>
    public static JsonObject StatusDocument(StatusResult status)
    {
        var items = new JsonArray();
        void Add(string kind, string? @namespace, string name, string apiVersion, object value)
        {
            var metadata = new JsonObject { ["name"] = name };
            if (@namespace is not null)
            {
                metadata["namespace"] = @namespace;
            }

            items.Add((JsonNode)new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata, ["status"] = StructuredWriter.ToNode(value) });
        }

        foreach (var update in status.GatewayClasses)
        {
            Add(update.Kind, update.Namespace, update.Name, update.Object.ApiVersion, update.Status);
        }

        foreach (var update in status.Gateways)
        {
            Add(update.Kind, update.Namespace, update.Name, update.Object.ApiVersion, update.Status);
        }

        foreach (var update in status.ListenerSets)
        {
            Add(update.Kind, update.Namespace, update.Name, update.Object.ApiVersion, update.Status);
        }

        foreach (var update in status.Routes)
        {
            Add(update.Kind, update.Namespace, update.Name, update.Object.ApiVersion, update.Status);
        }

        foreach (var update in status.BackendTlsPolicies)
        {
            Add(update.Kind, update.Namespace, update.Name, update.Object.ApiVersion, update.Status);
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items };
    }

    private static void WriteText(OfflineEngine engine, IReadOnlyList<StatusProblem> problems, CliConsole console)
    {
        var output = console.Out;
        var colour = console.Colour;
        var status = engine.Status;
        foreach (var note in engine.Notes)
        {
            output.WriteLine(Styles.Apply("note: " + note, Style.Dim, colour));
        }

        if (engine.Notes.Count > 0)
        {
            output.WriteLine();
        }

        foreach (var update in status.GatewayClasses)
        {
            var controller = (update.Object as GatewayClass)?.Spec.ControllerName;
            Heading(output, colour, $"GatewayClass {update.Name}", $"controller {controller}");
            Conditions(output, colour, update.Status.Conditions);
            output.WriteLine();
        }

        foreach (var update in status.Gateways)
        {
            var gateway = (Gateway)update.Object;
            Heading(output, colour, $"Gateway {update.Namespace}/{update.Name}", $"class {gateway.Spec.GatewayClassName}");
            Conditions(output, colour, update.Status.Conditions);
            Listeners(output, colour, gateway.Spec.Listeners, update.Status.Listeners);
            output.WriteLine();
        }

        foreach (var update in status.ListenerSets)
        {
            var set = (ListenerSet)update.Object;
            Heading(output, colour, $"{update.Kind} {update.Namespace}/{update.Name}", $"parent {set.Spec.ParentRef?.Namespace ?? update.Namespace}/{set.Spec.ParentRef?.Name}");
            Conditions(output, colour, update.Status.Conditions);
            Listeners(output, colour, set.Spec.Listeners, update.Status.Listeners);
            output.WriteLine();
        }

        foreach (var update in status.Routes)
        {
            Heading(output, colour, $"{update.Kind} {update.Namespace}/{update.Name}", null);
            var table = new TableWriter("PARENT", "ACCEPTED", "RESOLVEDREFS", "OTHER");
            foreach (var parent in update.Status.Parents ?? [])
            {
                if (!engine.ControllerNames.Contains(parent.ControllerName ?? string.Empty) && parent.ControllerName != OfflineEngine.MeshControllerName)
                {
                    continue;
                }

                var accepted = Find(parent.Conditions, "Accepted");
                var resolved = Find(parent.Conditions, "ResolvedRefs");
                var others = string.Join(", ", (parent.Conditions ?? []).Where(c => c.Type is not "Accepted" and not "ResolvedRefs").Select(c => $"{c.Type}={c.Status}/{c.Reason}"));
                table.Add((ParentText(parent.ParentRef, update.Namespace), Style.None), Cell(accepted), Cell(resolved), (others, others.Length == 0 ? Style.None : Style.Warn));
            }

            table.Write(output, colour, "  ");
            output.WriteLine();
        }

        foreach (var update in status.BackendTlsPolicies)
        {
            Heading(output, colour, $"{update.Kind} {update.Namespace}/{update.Name}", null);
            var table = new TableWriter("ANCESTOR", "ACCEPTED", "RESOLVEDREFS");
            foreach (var ancestor in update.Status.Ancestors ?? [])
            {
                table.Add((ParentText(ancestor.AncestorRef, update.Namespace), Style.None), Cell(Find(ancestor.Conditions, "Accepted")), Cell(Find(ancestor.Conditions, "ResolvedRefs")));
            }

            table.Write(output, colour, "  ");
            output.WriteLine();
        }

        var counts = $"{Count(status.GatewayClasses.Count, "GatewayClass", "GatewayClasses")}, {Count(status.Gateways.Count, "Gateway", "Gateways")} ({Count(status.Gateways.Sum(g => g.Status.Listeners?.Count ?? 0), "listener", "listeners")}), {Count(status.Routes.Count, "route", "routes")}";
        if (problems.Count == 0)
        {
            output.WriteLine(Styles.Apply($"Summary: {counts}; everything is accepted, attached and resolved.", Style.Good, colour));
            return;
        }

        output.WriteLine(Styles.Apply($"Summary: {counts}; {Count(problems.Count, "problem", "problems")}:", Style.Bad, colour));
        foreach (var problem in problems)
        {
            output.WriteLine($"  - {Styles.Apply(problem.Subject, Style.Bold, colour)} {problem.Sentence}");
            foreach (var detail in problem.Details)
            {
                output.WriteLine($"      {detail}");
            }
        }
    }

    private static void Heading(TextWriter output, bool colour, string title, string? detail)
        => output.WriteLine(Styles.Apply(title, Style.Bold, colour) + (detail is null ? string.Empty : "  " + Styles.Apply(detail, Style.Dim, colour)));

    private static void Conditions(TextWriter output, bool colour, IList<V1Condition>? conditions)
    {
        var table = new TableWriter("CONDITION", "STATUS", "REASON", "MESSAGE");
        foreach (var condition in conditions ?? [])
        {
            table.Add((condition.Type, Style.None), (condition.Status, Styles.ForStatus(condition.Status)), (condition.Reason, Style.None), (condition.Message, Style.Dim));
        }

        table.Write(output, colour, "  ");
    }

    private static void Listeners(TextWriter output, bool colour, IList<Listener>? spec, IList<ListenerStatus>? statuses)
    {
        var table = new TableWriter("LISTENER", "PORT", "PROTOCOL", "HOSTNAME", "ROUTES", "ACCEPTED", "PROGRAMMED", "RESOLVEDREFS", "CONFLICTED");
        foreach (var listener in statuses ?? [])
        {
            var definition = spec?.FirstOrDefault(l => l.Name == listener.Name);
            var conflicted = Find(listener.Conditions, "Conflicted");
            table.Add(
                (listener.Name, Style.None),
                (definition?.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture), Style.None),
                (definition?.Protocol?.Value, Style.None),
                (definition?.Hostname ?? "*", Style.None),
                ((listener.AttachedRoutes ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), Style.None),
                Cell(Find(listener.Conditions, "Accepted")),
                Cell(Find(listener.Conditions, "Programmed")),
                Cell(Find(listener.Conditions, "ResolvedRefs")),
                (conflicted?.Status, conflicted?.Status == "True" ? Style.Bad : Style.None));
        }

        if (!table.IsEmpty)
        {
            table.Write(output, colour, "  ");
        }
    }

    private static (string? Text, Style Style) Cell(V1Condition? condition)
        => condition is null ? ("-", Style.Dim) : ($"{condition.Status}/{condition.Reason}", Styles.ForStatus(condition.Status));

    /// <summary>The condition of a type, if written.</summary>
    public static V1Condition? Find(IList<V1Condition>? conditions, string type) => conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>A parentRef as <c>Kind ns/name</c> with its section or port.</summary>
    public static string ParentText(ParentReference? reference, string? ownNamespace)
    {
        if (reference is null)
        {
            return "?";
        }

        var text = $"{reference.Kind ?? "Gateway"} {reference.Namespace ?? ownNamespace}/{reference.Name}";
        if (!string.IsNullOrEmpty(reference.SectionName))
        {
            text += $" section {reference.SectionName}";
        }

        if (reference.Port is { } port)
        {
            text += $" port {port}";
        }

        return text;
    }

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
