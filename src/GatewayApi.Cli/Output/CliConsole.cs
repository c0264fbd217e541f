namespace GatewayApi.Cli.Output;

/// <summary>
/// Where a run reads and writes, and whether its standard output may be coloured. The process entry point
/// builds one from <see cref="Console"/>; tests build one from string readers and writers.
/// </summary>
/// <param name="In">Standard input, read when an input is <c>-</c>.</param>
/// <param name="Out">Standard output: results.</param>
/// <param name="Error">Standard error: one-line errors and warnings.</param>
/// <param name="Colour">Whether <paramref name="Out"/> is a terminal and <c>NO_COLOR</c> is unset.</param>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool Colour)
{
    /// <summary>The console of this process: colour only on a terminal, and never when <c>NO_COLOR</c> is set to anything.</summary>
    public static CliConsole FromProcess() => new(
        Console.In,
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
}
