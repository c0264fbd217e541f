using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using GatewayApi.Cli.Tests.TestSupport;

namespace GatewayApi.Cli.Tests.Commands;

/// <summary>
/// <c>gwapi serve</c> in-process: the YARP data plane on a dynamic loopback port routes to loopback backends
/// (one found through an EndpointSlice, one through <c>--backend</c>), follows a changed manifest, and stops with
/// exit 0 when cancelled; bad input is one line and exit 2.
/// </summary>
public sealed partial class ServeCommandTests
{
    // Generous: the machine running the tests may be loaded; nothing here measures time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: local}
        spec: {controllerName: gateway-api.dotnet/yarp}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: web, namespace: default}
        spec:
          gatewayClassName: local
          listeners:
          - {name: http, protocol: HTTP, port: 80}
        """;

    private static string Route(string backend) => $$"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: app, namespace: default}
        spec:
          parentRefs: [{name: web}]
          rules:
          - backendRefs: [{name: {{backend}}, port: 8080}]
        """;

    private static string Backends(int bluePort) => $$"""
        apiVersion: v1
        kind: Service
        metadata: {name: blue, namespace: default}
        spec: {ports: [{port: 8080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: green, namespace: default}
        spec: {ports: [{port: 8080}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: blue-1
          namespace: default
          labels: {kubernetes.io/service-name: blue}
        addressType: IPv4
        endpoints:
        - addresses: [127.0.0.1]
          conditions: {ready: true}
        ports: [{port: {{bluePort}}}]
        """;

    [Fact]
    public async Task Serve_RoutesReloadsOnChangeAndStopsWithExitZero()
    {
        await using var blue = await TextEchoServer.StartAsync("blue");
        await using var green = await TextEchoServer.StartAsync("green");
        using var dir = new TempDirectory();
        dir.Write("gateway.yaml", Gateway);
        dir.Write("backends.yaml", Backends(blue.Port));
        var route = dir.Write("routes/app.yaml", Route("blue"));
        var console = new LiveConsole();
        using var stop = new CancellationTokenSource();
        var serving = GwapiCli.RunAsync(["serve", dir.Path, "--port", "80=0", "--backend", $"default/green:8080=127.0.0.1:{green.Port}"], console.Console, stop.Token);

        var uri = await ListenerUriAsync(console, serving);
        using var client = new HttpClient { Timeout = Patience };
        Assert.Equal("blue /hello?x=1", await client.GetStringAsync(new Uri(uri, "/hello?x=1")));

        File.WriteAllText(route, Route("green"));
        var deadline = DateTime.UtcNow + Patience;
        string answer;
        do
        {
            await Task.Delay(200);
            answer = await client.GetStringAsync(new Uri(uri, "/after"));
        }
        while (answer != "green /after" && DateTime.UtcNow < deadline);
        Assert.True(answer == "green /after", $"still '{answer}' after the route changed\n{console}");
        Assert.Contains("reloaded", console.Out);

        await stop.CancelAsync();
        var exit = await serving.WaitAsync(Patience);
        Assert.True(exit == 0, $"exit {exit}\n{console}");
        Assert.Contains("gwapi: stopped", console.Out);
        Assert.DoesNotContain("Exception", console.Error);
    }

    [Fact]
    public async Task Serve_PortInUse_IsOneLineAndExitTwo()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var dir = new TempDirectory();
        dir.Write("gateway.yaml", Gateway);
        var console = new LiveConsole();
        var exit = await GwapiCli.RunAsync(["serve", dir.Path, "--port", $"80={port}"], console.Console).WaitAsync(Patience);
        AssertOneLineError(exit, console, "cannot listen");
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), console.Error);
    }

    [Fact]
    public async Task Serve_MissingDirectory_IsOneLineAndExitTwo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "gwapi-missing-" + Guid.NewGuid().ToString("N"));
        var console = new LiveConsole();
        var exit = await GwapiCli.RunAsync(["serve", missing], console.Console).WaitAsync(Patience);
        AssertOneLineError(exit, console, "no such directory");
    }

    [Fact]
    public async Task Serve_NoGatewayOfTheController_IsOneLineAndExitTwo()
    {
        using var dir = new TempDirectory();
        dir.Write("gateway.yaml", Gateway);
        var console = new LiveConsole();
        var exit = await GwapiCli.RunAsync(["serve", dir.Path, "--port", "80=0", "--controller-name", "example.com/other"], console.Console).WaitAsync(Patience);
        AssertOneLineError(exit, console, "nothing to serve");
        Assert.Contains("example.com/other", console.Error);
    }

    [Theory]
    [InlineData("--port", "80", "is not LISTENER=LOCAL")]
    [InlineData("--port", "80=70000", "is not LISTENER=LOCAL")]
    [InlineData("--address", "not-an-ip", "is not an IP address")]
    [InlineData("--backend", "default/green=127.0.0.1:1", "is not NAMESPACE/NAME:PORT=HOST:PORT")]
    public async Task Serve_BadOption_IsOneLineAndExitTwo(string option, string value, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("gateway.yaml", Gateway);
        var console = new LiveConsole();
        var exit = await GwapiCli.RunAsync(["serve", dir.Path, option, value], console.Console).WaitAsync(Patience);
        AssertOneLineError(exit, console, expected);
    }

    private static void AssertOneLineError(int exit, LiveConsole console, string fragment)
    {
        Assert.True(exit == 2, $"exit {exit}\n{console}");
        var lines = console.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, console.ToString());
        Assert.StartsWith("gwapi: error: ", lines[0]);
        Assert.Contains(fragment, lines[0]);
        Assert.DoesNotContain("   at ", console.Error);
    }

    private static async Task<Uri> ListenerUriAsync(LiveConsole console, Task<int> serving)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (serving.IsCompleted)
            {
                Assert.Fail($"serve ended early with exit {await serving}\n{console}");
            }

            var match = ListenerLine().Match(console.Out);
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("serve printed no listener line\n" + console);
    }

    [GeneratedRegex(@"listener port 80 \(HTTP\) on (http://\S+)")]
    private static partial Regex ListenerLine();
}
