using GatewayApi.Cli.Inputs;

namespace GatewayApi.Cli.Requests;

/// <summary><c>-H 'name: value'</c>, as curl takes it.</summary>
internal static class HeaderArgument
{
    public static KeyValuePair<string, string> Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? string.Empty : text[..colon].Trim();
        if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal)))
        {
            throw new CliInputException($"bad header '{text}': expected 'name: value'");
        }

        return new(name, text[(colon + 1)..].Trim());
    }
}
