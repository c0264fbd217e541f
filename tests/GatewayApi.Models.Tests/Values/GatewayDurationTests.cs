namespace GatewayApi.Models.Tests.Values;

// GEP-2257: ^([0-9]{1,5}(h|m|s|ms)){1,4}$, summed like Go's time.ParseDuration; canonical form when formatting.
public class GatewayDurationTests
{
    [Theory]
    [InlineData("0s", 0)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h2h20m10m", 12_600_000)]
    [InlineData("10s30m1h", 5_410_000)]
    [InlineData("01h", 3_600_000)]
    [InlineData("99999h99999m99999s99999ms", 99999L * 3_600_000 + 99999L * 60_000 + 99999L * 1_000 + 99999)]
    public void Parse_SumsComponents(string text, long milliseconds)
    {
        var duration = GatewayDuration.Parse(text);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration.TimeSpan);
        Assert.Equal(text, duration.Text);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0", "no unit")]
    [InlineData("1d", "unknown unit")]
    [InlineData("1.5s", "unknown unit")]
    [InlineData("-1s", "expected a number")]
    [InlineData("100000s", "at most 5 digits")]
    [InlineData("1h1m1s1ms1h", "at most 4 components")]
    [InlineData("1us", "unknown unit")]
    [InlineData(" 1s", "expected a number")]
    [InlineData("1s ", "expected a number")]
    public void Parse_RejectsMalformedText_WithReason(string text, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => GatewayDuration.Parse(text));
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.False(GatewayDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(150 * 60_000, "2h30m")]
    [InlineData(7_230_000, "2h30s")]
    [InlineData(600, "600ms")]
    [InlineData(2 * 3_600_000 + 600, "2h600ms")]
    [InlineData(30_000, "30s")]
    [InlineData(240 * 3_600_000L, "240h")]
    public void FromTimeSpan_WritesCanonicalForm(long milliseconds, string expected)
        => Assert.Equal(expected, GatewayDuration.FromTimeSpan(TimeSpan.FromMilliseconds(milliseconds)).Text);

    [Fact]
    public void FromTimeSpan_RejectsWhatTheSyntaxCannotSay()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GatewayDuration.FromTimeSpan(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => GatewayDuration.FromTimeSpan(TimeSpan.FromTicks(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => GatewayDuration.FromTimeSpan(TimeSpan.FromHours(100_000)));
    }

    [Fact]
    public void Comparison_IsByLength()
    {
        Assert.Equal(GatewayDuration.Parse("60s"), GatewayDuration.Parse("1m"));
        Assert.True(GatewayDuration.Parse("1s") < GatewayDuration.Parse("1001ms"));
        Assert.True(GatewayDuration.Parse("1h") > GatewayDuration.Parse("59m59s"));
    }
}
