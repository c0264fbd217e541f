using System.Globalization;

namespace GatewayApi.Yarp.Benchmarks.Load;

/// <summary>The knobs of a load run, read from <c>--name value</c> pairs after the <c>load</c> verb.</summary>
internal sealed record LoadSettings
{
    public int Routes { get; init; } = 10_000;

    public int Connections { get; init; } = 32;

    public int Threads { get; init; } = 1;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Each round measures every target once, in turn, so slow drifts of a shared machine hit all of them.</summary>
    public int Rounds { get; init; } = 5;

    public string WrkPath { get; init; } = "wrk";

    /// <summary>Where to write the Markdown report as well as the console (optional).</summary>
    public string? Output { get; init; }

    public MeasuredRequest Request { get; init; } = RouteSet.MeasuredRequest(10_000);

    public static LoadSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new LoadSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            settings = args[i] switch
            {
                "--routes" => settings with { Routes = Int(value) },
                "--connections" => settings with { Connections = Int(value) },
                "--threads" => settings with { Threads = Int(value) },
                "--duration" => settings with { Duration = TimeSpan.FromSeconds(Int(value)) },
                "--warmup" => settings with { Warmup = TimeSpan.FromSeconds(Int(value)) },
                "--rounds" => settings with { Rounds = Int(value) },
                "--wrk" => settings with { WrkPath = value },
                "--out" => settings with { Output = value },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --routes --connections --threads --duration --warmup --rounds --wrk --out)"),
            };
            i++;
        }

        if (settings.Routes < 3 || settings.Rounds < 1 || settings.Connections < 1 || settings.Threads < 1 || settings.Duration < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("--routes must be at least 3; --rounds, --connections, --threads and --duration at least 1");
        }

        return settings with { Request = RouteSet.MeasuredRequest(settings.Routes) };
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
