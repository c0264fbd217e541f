using GatewayApi.Cli.Output;

namespace GatewayApi.Cli.Tests.Output;

public sealed class TableWriterTests
{
    [Fact]
    public void Columns_AreAlignedOnThePlainText_EvenWithColour()
    {
        var table = new TableWriter("NAME", "STATUS", "MESSAGE");
        table.Add(("short", Style.None), ("True", Style.Good), ("fine", Style.Dim));
        table.Add(("a-much-longer-name", Style.None), ("False", Style.Bad), ("broken\nover lines", Style.None));

        using var plain = new StringWriter();
        table.Write(plain, colour: false, indent: "  ");
        using var coloured = new StringWriter();
        table.Write(coloured, colour: true, indent: "  ");

        var lines = plain.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(
            [
                "  NAME                STATUS  MESSAGE",
                "  short               True    fine",
                "  a-much-longer-name  False   broken over lines",
            ],
            lines);
        var stripped = System.Text.RegularExpressions.Regex.Replace(coloured.ToString(), "\u001b\\[[0-9;]*m", string.Empty);
        Assert.Equal(plain.ToString(), stripped);
        Assert.Contains("\u001b[31mFalse\u001b[0m", coloured.ToString());
    }

    [Fact]
    public void EmptyTrailingCells_LeaveNoTrailingSpaces()
    {
        var table = new TableWriter("A", "B");
        table.Add("x", null);

        using var writer = new StringWriter();
        table.Write(writer, colour: false);

        Assert.Equal(["A  B", "x"], writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
    }

    [Fact]
    public void Styles_AreOnlyAppliedWithColour()
    {
        Assert.Equal("True", Styles.Apply("True", Style.Good, colour: false));
        Assert.Equal("\u001b[32mTrue\u001b[0m", Styles.Apply("True", Style.Good, colour: true));
        Assert.Equal(Style.Bad, Styles.ForStatus("False"));
        Assert.Equal(Style.Warn, Styles.ForStatus("Unknown"));
    }

    [Fact]
    public void InProcessRuns_WithoutATerminal_HaveNoEscapeCodes()
    {
        var run = TestSupport.Gwapi.Run("status", TestSupport.RepoPaths.Examples);

        Assert.DoesNotContain("\u001b[", run.Out);
    }
}
