using GatewayApi.Models.Validation.Schema;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// CRD patterns keep their RE2 meaning on .NET (resources digest §2, porting notes): an unanchored search, and a
/// <c>$</c> that matches only at the very end of the text.
/// </summary>
public class SchemaPatternTests
{
    [Theory]
    [InlineData("^[a-z]+$", @"^[a-z]+\z")]
    [InlineData("^$|^a$", @"^\z|^a\z")]
    [InlineData("[$]x\\$", "[$]x\\$")]
    [InlineData("[]$]$", @"[\]$]\z")]
    [InlineData("[^]$]$", @"[^\]$]\z")]
    public void EndAnchors_BecomeEndOfText_OutsideCharacterClasses(string re2, string dotNet)
        => Assert.Equal(dotNet, SchemaPattern.ToDotNet(re2));

    [Fact]
    public void DollarDoesNotMatchBeforeATrailingNewline()
    {
        Assert.False(SchemaPattern.Of(Patterns.SectionName).IsMatch("name\n"));
        Assert.True(SchemaPattern.Of(Patterns.SectionName).IsMatch("name"));
    }

    [Theory]
    [InlineData(Patterns.AddressType, "HostnameOfSomething", true)]
    [InlineData(Patterns.AddressType, "my-IPAddress-type", true)]
    [InlineData(Patterns.AddressType, "Custom", false)]
    [InlineData(Patterns.ProtocolType, "!!example.com/Proto", true)]
    [InlineData(Patterns.ProtocolType, "-bad-", false)]
    [InlineData(Patterns.AbsoluteUri, "https://a.example.com/with space", true)]
    [InlineData(Patterns.AbsoluteUri, "no-scheme", false)]
    public void PatternsAreUnanchoredSearches_LikeRe2(string pattern, string value, bool matches)
        => Assert.Equal(matches, SchemaPattern.Of(pattern).IsMatch(value));

    [Fact]
    public void EachPatternText_IsCompiledOnce()
        => Assert.Same(SchemaPattern.Of(Patterns.Hostname), SchemaPattern.Of(Patterns.Hostname));
}
