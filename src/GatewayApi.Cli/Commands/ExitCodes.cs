namespace GatewayApi.Cli.Commands;

/// <summary>The exit codes of every command (<c>docs/cli.md</c>).</summary>
internal static class ExitCodes
{
    /// <summary>Everything checked is fine.</summary>
    public const int Ok = 0;

    /// <summary>Findings: validation errors, objects not accepted or not attached, no route matched.</summary>
    public const int Findings = 1;

    /// <summary>The command line or an input is wrong (unreadable file, broken YAML, unknown kind, unknown Gateway, bad URL).</summary>
    public const int InputError = 2;
}
