using System.Text;

namespace GatewayApi.Cli.Output;

/// <summary>
/// Writes rows as left-aligned columns separated by two spaces, with a header row. Widths are measured on the
/// plain text, so colour codes never shift a column. The last column is not padded (no trailing spaces).
/// </summary>
internal sealed class TableWriter
{
    private readonly string[] _headers;
    private readonly List<(string Text, Style Style)[]> _rows = [];

    /// <summary>Starts a table with these column headers.</summary>
    public TableWriter(params string[] headers)
    {
        _headers = headers;
    }

    /// <summary>Whether rows were added.</summary>
    public bool IsEmpty => _rows.Count == 0;

    /// <summary>Adds a row of plain cells; missing cells are empty.</summary>
    public void Add(params string?[] cells) => _rows.Add([.. cells.Select(c => (c ?? string.Empty, Style.None))]);

    /// <summary>Adds a row of styled cells.</summary>
    public void Add(params (string? Text, Style Style)[] cells) => _rows.Add([.. cells.Select(c => (c.Text ?? string.Empty, c.Style))]);

    /// <summary>Writes the table, each line starting with <paramref name="indent"/>.</summary>
    public void Write(TextWriter writer, bool colour, string indent = "")
    {
        var columns = _headers.Length;
        var widths = new int[columns];
        for (var i = 0; i < columns; i++)
        {
            widths[i] = _headers[i].Length;
            foreach (var row in _rows)
            {
                if (i < row.Length)
                {
                    widths[i] = Math.Max(widths[i], OneLine(row[i].Text).Length);
                }
            }
        }

        WriteRow(writer, colour, indent, widths, [.. _headers.Select(h => (h, Style.Dim))]);
        foreach (var row in _rows)
        {
            WriteRow(writer, colour, indent, widths, row);
        }
    }

    private static void WriteRow(TextWriter writer, bool colour, string indent, int[] widths, (string Text, Style Style)[] row)
    {
        var line = new StringBuilder(indent);
        var last = widths.Length - 1;
        while (last > 0 && (last >= row.Length || row[last].Text.Length == 0))
        {
            last--;
        }

        for (var i = 0; i <= last; i++)
        {
            var text = i < row.Length ? OneLine(row[i].Text) : string.Empty;
            line.Append(Styles.Apply(text, i < row.Length ? row[i].Style : Style.None, colour));
            if (i < last)
            {
                line.Append(' ', widths[i] - text.Length + 2);
            }
        }

        writer.WriteLine(line.ToString());
    }

    // A cell never breaks the table: line breaks in messages become spaces.
    private static string OneLine(string text) => text.Contains('\n', StringComparison.Ordinal) ? text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ') : text;
}
