using System.Text.Json.Nodes;
using GatewayApi.Models.Validation.Rules;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// The Go library behaviour the rules depend on: CEL <c>duration()</c> (Go <c>time.ParseDuration</c>, used by
/// R68/R95/R96 over GEP-2257 values, validation digest §6) and IP parsing (OpenAPI ipv4/ipv6 formats, CEL <c>isIP</c>).
/// </summary>
public class GoCompatibilityTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("0s", 0L)]
    [InlineData("1h", 3_600_000_000_000L)]
    [InlineData("1h2h20m10m", 12_600_000_000_000L)]
    [InlineData("10s30m1h", 5_410_000_000_000L)]
    [InlineData("100ms200ms300ms", 600_000_000L)]
    [InlineData("01h", 3_600_000_000_000L)]
    [InlineData("1.5h", 5_400_000_000_000L)]
    [InlineData("-2m", -120_000_000_000L)]
    [InlineData("3us", 3_000L)]
    [InlineData("3µs", 3_000L)]
    [InlineData("7ns", 7L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("1.s", 1_000_000_000L)]
    public void Duration_ParsesLikeGo(string text, long nanoseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value, out var error), error);
        Assert.Equal(nanoseconds, value);
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("10", "time: missing unit in duration \"10\"")]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("9999999999999h", "time: invalid duration \"9999999999999h\"")]
    public void InvalidDurations_FailWithGosMessage(string text, string message)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("1.2.3.4", true, false, true)]
    [InlineData("255.255.255.255", true, false, true)]
    [InlineData("01.2.3.4", true, false, false)]
    [InlineData("256.1.1.1", false, false, false)]
    [InlineData("1.2.3", false, false, false)]
    [InlineData("::1", false, true, true)]
    [InlineData("2001:db8::8a2e:370:7334", false, true, true)]
    [InlineData("::ffff:1.2.3.4", true, true, false)]
    [InlineData("fe80::1%eth0", false, false, false)]
    [InlineData("1::2::3", false, false, false)]
    [InlineData("1:2:3:4:5:6:7:8:9", false, false, false)]
    [InlineData("example.com", false, false, false)]
    public void IpParsing_FollowsGo(string text, bool formatIPv4, bool formatIPv6, bool celIsIp)
    {
        Assert.Equal(formatIPv4, GoNet.IsFormatIPv4(text));
        Assert.Equal(formatIPv6, GoNet.IsFormatIPv6(text));
        Assert.Equal(celIsIp, GoNet.IsCelIP(text));
    }

    [Fact]
    public void CelEquality_ComparesNumbersByValue_WhateverBacksThem()
    {
        // CEL compares 80 and 80 equal whether the JSON came from a parser, an int or a long.
        var parsed = JsonNode.Parse("{\"port\":80}")!["port"];
        Assert.True(Cel.Equal(JsonValue.Create(80), JsonValue.Create(80L)));
        Assert.True(Cel.Equal(parsed, JsonValue.Create(80L)));
        Assert.False(Cel.Equal(parsed, JsonValue.Create(81L)));
        Assert.False(Cel.Equal(JsonValue.Create("80"), JsonValue.Create(80L)));
    }
}
