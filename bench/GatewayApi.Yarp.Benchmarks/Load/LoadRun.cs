using System.Globalization;
using System.Net.Http;
using System.Text;

namespace GatewayApi.Yarp.Benchmarks.Load;

/// <summary>
/// One load run: starts the echo backend and the three targets in this process, checks that each forwards the
/// measured request to the expected route, warms each up, then measures them in interleaved rounds with wrk and
/// prints the medians as a Markdown table with ratios to the baseline.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadSettings settings)
    {
        var started = DateTime.UtcNow;
        Console.WriteLine($"Generating and compiling {settings.Routes:N0} routes...");
        await using var backend = await EchoBackend.StartAsync().ConfigureAwait(false);
        var targets = new List<ILoadTarget>();
        try
        {
            targets.Add(await DirectForwardingTarget.StartAsync(backend.Address).ConfigureAwait(false));
            targets.Add(await GatewayProxyTarget.StartAsync(backend.Address, settings.Routes, onlyMeasured: true).ConfigureAwait(false));
            targets.Add(await GatewayProxyTarget.StartAsync(backend.Address, settings.Routes, onlyMeasured: false).ConfigureAwait(false));

            foreach (var target in targets)
            {
                await CheckAsync(settings, target).ConfigureAwait(false);
                Console.WriteLine($"warm-up {target.Name} ({settings.Warmup.TotalSeconds} s)");
                Require(target, await Wrk.RunAsync(settings, target.Address, settings.Warmup).ConfigureAwait(false));
            }

            var results = targets.ToDictionary(t => t, _ => new List<WrkResult>());
            for (var round = 1; round <= settings.Rounds; round++)
            {
                // Odd rounds run the targets in the opposite order, so no target always follows the same one.
                foreach (var target in round % 2 == 1 ? targets : Enumerable.Reverse(targets))
                {
                    var result = Require(target, await Wrk.RunAsync(settings, target.Address, settings.Duration).ConfigureAwait(false));
                    results[target].Add(result);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round} {target.Name}: {result.RequestsPerSecond:F0} req/s, p50 {result.P50Milliseconds:F3} ms, p99 {result.P99Milliseconds:F3} ms"));
                }
            }

            var report = Report(settings, targets, results, started, DateTime.UtcNow);
            Console.WriteLine();
            Console.WriteLine(report);
            if (settings.Output is { } path)
            {
                await File.WriteAllTextAsync(path, report).ConfigureAwait(false);
            }

            return 0;
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>One request by HttpClient first: it must answer 200 from the backend with the expected route stamp.</summary>
    private static async Task CheckAsync(LoadSettings settings, ILoadTarget target)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target.Address, settings.Request.PathAndQuery));
        foreach (var (name, value) in settings.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var stamp = response.Headers.TryGetValues(EchoBackend.RouteHeader, out var values) ? string.Join(",", values) : null;
        var expected = target.Routes == 0 ? null : settings.Request.ExpectedRoute;
        if ((int)response.StatusCode != 200 || stamp != expected)
        {
            throw new InvalidOperationException(
                $"{target.Name}: the measured request got {(int)response.StatusCode} with {EchoBackend.RouteHeader}={stamp ?? "(none)"}, expected 200 with {expected ?? "(none)"}");
        }
    }

    private static WrkResult Require(ILoadTarget target, WrkResult result) =>
        result.Non2xx == 0 && result.SocketErrors == 0 && result.Requests > 0
            ? result
            : throw new InvalidOperationException($"{target.Name}: {result.Non2xx} non-2xx answers and {result.SocketErrors} socket errors in {result.Requests} requests");

    private static string Report(LoadSettings settings, List<ILoadTarget> targets, Dictionary<ILoadTarget, List<WrkResult>> results, DateTime started, DateTime finished)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var baseline = targets[0];
        var baseRps = Median(results[baseline].Select(r => r.RequestsPerSecond));
        var baseP50 = Median(results[baseline].Select(r => r.P50Milliseconds));
        var baseP99 = Median(results[baseline].Select(r => r.P99Milliseconds));
        var wrk = "wrk " + string.Join(' ', Wrk.Arguments(settings, "http://127.0.0.1:PORT", settings.Duration).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {started:yyyy-MM-dd HH:mm:ss}Z to {finished:HH:mm:ss}Z; {Environment.ProcessorCount} logical CPUs; .NET {Environment.Version}; server GC {System.Runtime.GCSettings.IsServerGC}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Each target: {settings.Warmup.TotalSeconds:F0} s warm-up, then {settings.Rounds} rounds of {settings.Duration.TotalSeconds:F0} s, interleaved (a, b, c, then c, b, a, ...); medians over the rounds.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Client per measurement: `{wrk}`");
        text.AppendLine();
        text.AppendLine("| Target | HTTPRoutes | Requests/s | RPS ratio | p50 (ms) | p50 ratio | p99 (ms) | p99 ratio | Requests/s per round |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var target in targets)
        {
            var runs = results[target];
            var rps = Median(runs.Select(r => r.RequestsPerSecond));
            var p50 = Median(runs.Select(r => r.P50Milliseconds));
            var p99 = Median(runs.Select(r => r.P99Milliseconds));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {target.Name} | {target.Routes:N0} | {rps:N0} | {rps / baseRps:F2} | {p50:F3} | {p50 / baseP50:F2} | {p99:F3} | {p99 / baseP99:F2} | {string.Join(", ", runs.Select(r => r.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))} |"));
        }

        return text.ToString();
    }
}
