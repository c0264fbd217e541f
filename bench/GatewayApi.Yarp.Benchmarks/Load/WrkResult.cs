using System.Globalization;
using System.Text.RegularExpressions;

namespace GatewayApi.Yarp.Benchmarks.Load;

/// <summary>What one wrk run measured: throughput, latency percentiles, and anything that went wrong.</summary>
internal sealed record WrkResult(
    double RequestsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    long Requests,
    long Non2xx,
    long SocketErrors)
{
    /// <summary>Reads wrk 4.x output produced with <c>--latency</c>.</summary>
    /// <exception cref="FormatException">The output lacks the requests/sec line or a percentile.</exception>
    public static WrkResult Parse(string output)
    {
        var rps = Number(Match(output, @"Requests/sec:\s+([0-9.]+)"));
        var p50 = Duration(output, "50");
        var p99 = Duration(output, "99");
        var requests = (long)Number(Match(output, @"(\d+) requests in"));
        var non2xx = Regex.Match(output, @"Non-2xx or 3xx responses:\s+(\d+)") is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        long socketErrors = 0;
        if (Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)") is { Success: true } s)
        {
            for (var g = 1; g <= 4; g++)
            {
                socketErrors += long.Parse(s.Groups[g].Value, CultureInfo.InvariantCulture);
            }
        }

        return new WrkResult(rps, p50, p99, requests, non2xx, socketErrors);
    }

    private static double Duration(string output, string percentile)
    {
        // wrk prints e.g. "     99%    3.45ms" with the unit us, ms, s or m.
        var m = Regex.Match(output, $@"^\s*{percentile}%\s+([0-9.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!m.Success)
        {
            throw new FormatException($"wrk output has no {percentile}% latency line:\n{output}");
        }

        var value = Number(m.Groups[1].Value);
        return m.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    private static string Match(string output, string pattern)
    {
        var m = Regex.Match(output, pattern);
        return m.Success ? m.Groups[1].Value : throw new FormatException($"wrk output does not match '{pattern}':\n{output}");
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
