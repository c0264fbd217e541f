namespace GatewayApi.Cli.Output;

/// <summary>How a table cell or a line is emphasised on a terminal; plain text everywhere else.</summary>
internal enum Style
{
    /// <summary>No emphasis.</summary>
    None,

    /// <summary>Good news: True, Accepted, attached.</summary>
    Good,

    /// <summary>A problem: False, not accepted, errors.</summary>
    Bad,

    /// <summary>Neither: Unknown, notes.</summary>
    Warn,

    /// <summary>Headings and names.</summary>
    Bold,

    /// <summary>Secondary detail.</summary>
    Dim,
}

/// <summary>ANSI escapes for <see cref="Style"/>.</summary>
internal static class Styles
{
    /// <summary>Wraps <paramref name="text"/> in the style's escape codes when <paramref name="colour"/> is on.</summary>
    public static string Apply(string text, Style style, bool colour)
    {
        if (!colour || style == Style.None || text.Length == 0)
        {
            return text;
        }

        var code = style switch
        {
            Style.Good => "32",
            Style.Bad => "31",
            Style.Warn => "33",
            Style.Bold => "1",
            _ => "2",
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }

    /// <summary>The style of a condition status: True good, False bad, anything else a warning.</summary>
    public static Style ForStatus(string? status) => status switch
    {
        "True" => Style.Good,
        "False" => Style.Bad,
        _ => Style.Warn,
    };
}
