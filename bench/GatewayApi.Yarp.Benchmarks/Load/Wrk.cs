using System.Diagnostics;
using System.Globalization;

namespace GatewayApi.Yarp.Benchmarks.Load;

/// <summary>Runs the <c>wrk</c> load generator (Debian package <c>wrk</c>) as a child process.</summary>
internal static class Wrk
{
    /// <summary>Sends the measured request to <paramref name="address"/> for <paramref name="duration"/> and parses the result.</summary>
    public static async Task<WrkResult> RunAsync(LoadSettings settings, Uri address, TimeSpan duration)
    {
        var start = new ProcessStartInfo(settings.WrkPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(settings, address.ToString(), duration))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {settings.WrkPath}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}\n{output}");
        }

        return WrkResult.Parse(output);
    }

    /// <summary>The wrk command line, also printed in the report so a run can be repeated by hand.</summary>
    public static IEnumerable<string> Arguments(LoadSettings settings, string address, TimeSpan duration)
    {
        yield return "-t" + settings.Threads.ToString(CultureInfo.InvariantCulture);
        yield return "-c" + settings.Connections.ToString(CultureInfo.InvariantCulture);
        yield return "-d" + ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        yield return "--latency";
        foreach (var (name, value) in settings.Request.Headers)
        {
            yield return "-H";
            yield return name + ": " + value;
        }

        yield return address.TrimEnd('/') + settings.Request.PathAndQuery;
    }
}
