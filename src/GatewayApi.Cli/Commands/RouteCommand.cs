using System.CommandLine;
using System.Globalization;
using GatewayApi.Cli.Engine;
using GatewayApi.Cli.Inputs;
using GatewayApi.Cli.Output;
using GatewayApi.Cli.Requests;
using GatewayApi.Models;
using GatewayApi.Routing;

namespace GatewayApi.Cli.Commands;

/// <summary>
/// <c>gwapi route</c>: which route, rule and backend would serve a request, the filters applied and the request
/// sent upstream (or the redirect or response), through a Gateway (<c>--gateway</c>) or to a mesh Service
/// (<c>--service</c>); with <c>--explain</c>, every candidate considered and why it lost.
/// </summary>
internal static class RouteCommand
{
    public static Command Create(CliConsole console)
    {
        var shared = new SharedOptions();
        var request = new Argument<string[]>("request")
        {
            Description = "The request: 'METHOD URL' (quoted), METHOD URL, or a URL alone for GET. The URL is absolute (http:// or https://); its path and query are matched as written.",
            Arity = new ArgumentArity(1, 2),
        };
        var gateway = new Option<string?>("--gateway", "-g") { Description = "The Gateway the request arrives at, as namespace/name.", HelpName = "ns/name" };
        var listener = new Option<string?>("--listener", "-l") { Description = "Send the request to this listener's port (and check the listener that answers).", HelpName = "name" };
        var port = new Option<int?>("--port", "-p") { Description = "The port the request arrives on. Default: the URL's port, else 80/443 when a listener uses it, else the only port of the scheme's protocol.", HelpName = "N" };
        var sni = new Option<string?>("--sni") { Description = "The TLS server name of an https request. Default: the URL's host.", HelpName = "host" };
        var headers = new Option<string[]>("--header", "-H") { Description = "A request header, 'name: value'. Repeatable. A Host header replaces the URL's authority.", HelpName = "name: value" };
        var grpc = new Option<bool>("--grpc") { Description = "Route a gRPC call through GRPCRoutes; the URL path is /service/method." };
        var explain = new Option<bool>("--explain") { Description = "Also list every candidate (hostname, route, rule, match) in precedence order and why it lost (HTTPRoutes through a Gateway)." };
        var seed = new Option<int?>("--seed") { Description = "The seed for the weighted backend choice and mirror fractions. Default: a random seed, printed so the run can be repeated.", HelpName = "N" };
        var service = new Option<string?>("--service") { Description = "Mesh form: the destination Service and port, namespace/name:port.", HelpName = "ns/name:port" };
        var fromNamespace = new Option<string?>("--from-namespace") { Description = "Mesh form: the namespace of the calling workload (its consumer routes apply first). Default: the Service's namespace.", HelpName = "ns" };
        var command = new Command("route", "Say what a Gateway (or the mesh) would do with a request: the route, rule, match and backend chosen, the filters applied and the request sent upstream, or the redirect or response. Exit 1 when no route matches or the answer is an error.")
        {
            request, gateway, listener, port, sni, headers, grpc, explain, seed, service, fromNamespace,
        };
        shared.AddTo(command);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var line = RequestLine.Parse(result.GetValue(request) ?? []);
            var headerList = (result.GetValue(headers) ?? []).Select(HeaderArgument.Parse).ToList();
            var gatewayName = result.GetValue(gateway);
            var serviceText = result.GetValue(service);
            if ((gatewayName is null) == (serviceText is null))
            {
                throw new CliInputException("give either --gateway ns/name (north/south) or --service ns/name:port (mesh)");
            }

            if (serviceText is not null && (result.GetValue(listener) is not null || result.GetValue(port) is not null || result.GetValue(sni) is not null))
            {
                throw new CliInputException("--listener, --port and --sni apply to --gateway, not to --service");
            }

            if (gatewayName is not null && result.GetValue(fromNamespace) is not null)
            {
                throw new CliInputException("--from-namespace applies to --service (mesh), not to --gateway");
            }

            var manifests = InputLoader.Load(InputsArgument.Collect(result, null, shared), console.In);
            var engine = OfflineEngine.Run(manifests, shared.Settings(result));
            foreach (var warning in engine.Warnings)
            {
                console.Error.WriteLine("gwapi: warning: " + warning);
            }

            NamespacedName? serviceName = null;
            var servicePort = 0;
            if (serviceText is not null)
            {
                var (name, number) = ParseService(serviceText);
                (serviceName, servicePort) = (name, number);
            }

            var query = new RouteQuery
            {
                Line = line,
                Headers = headerList,
                Grpc = result.GetValue(grpc),
                Explain = result.GetValue(explain),
                Seed = result.GetValue(seed) ?? Random.Shared.Next(),
                Gateway = gatewayName is null ? null : ParseName(gatewayName, "--gateway"),
                Listener = result.GetValue(listener),
                Port = result.GetValue(port),
                ServerName = result.GetValue(sni),
                FromNamespace = result.GetValue(fromNamespace),
                Service = serviceName,
                ServicePort = servicePort,
            };

            var answer = RouteEvaluator.Evaluate(engine, query);
            var format = shared.Format(result);
            if (format == OutputFormat.Text)
            {
                RouteTextWriter.Write(console, engine, answer);
            }
            else
            {
                StructuredWriter.Write(console.Out, RouteJson.Document(engine, answer), format);
            }

            return answer.IsFinding ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }

    private static NamespacedName ParseName(string text, string option)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new CliInputException($"{option}: '{text}' is not namespace/name");
        }

        return new NamespacedName(parts[0], parts[1]);
    }

    private static (NamespacedName Service, int Port) ParseService(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw new CliInputException($"--service: '{text}' is not namespace/name:port");
        }

        return (ParseName(text[..colon], "--service"), number);
    }
}
