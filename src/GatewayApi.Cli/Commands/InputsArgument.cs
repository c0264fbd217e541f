using System.CommandLine;

namespace GatewayApi.Cli.Commands;

/// <summary>The positional inputs of <c>validate</c> and <c>status</c>: files, directories or <c>-</c>, joined with <c>-f</c>.</summary>
internal static class InputsArgument
{
    public static Argument<string[]> Create() => new("inputs")
    {
        Description = "Manifest files, directories (read recursively: *.yaml, *.yml, *.json, in path order) or - for standard input.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The positional inputs, then those given with <c>-f</c>.</summary>
    public static IReadOnlyList<string> Collect(ParseResult result, Argument<string[]>? positional, SharedOptions shared)
        => [.. (positional is null ? [] : result.GetValue(positional) ?? []), .. result.GetValue(shared.Files) ?? []];
}
