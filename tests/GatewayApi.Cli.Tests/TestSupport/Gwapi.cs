using GatewayApi.Cli;
using GatewayApi.Cli.Output;

namespace GatewayApi.Cli.Tests.TestSupport;

/// <summary>What one in-process run of gwapi printed and returned.</summary>
internal sealed record GwapiRun(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the tool in-process through its real entry point, with string streams (so no colour).</summary>
internal static class Gwapi
{
    /// <summary>A fixed clock for status output.</summary>
    public const string Now = "2026-01-01T00:00:00Z";

    public static GwapiRun Run(params string[] args) => RunWithInput(string.Empty, args);

    public static GwapiRun RunWithInput(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = GwapiCli.RunAsync(args, new CliConsole(new StringReader(stdin), output, error, Colour: false)).GetAwaiter().GetResult();
        return new GwapiRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Asserts the run failed as an input error: exit 2, one line on stderr starting with <c>gwapi: error: </c>, no stack trace.</summary>
    public static void AssertInputError(GwapiRun run, string expectedFragment)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, run.ToString());
        Assert.StartsWith("gwapi: error: ", lines[0]);
        Assert.Contains(expectedFragment, lines[0]);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.Equal(string.Empty, run.Out);
    }
}
