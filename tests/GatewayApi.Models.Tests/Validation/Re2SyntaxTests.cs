using GatewayApi.Models.Validation.Semantic;

namespace GatewayApi.Models.Tests.Validation;

/// <summary>
/// The RE2 subset accepted for user regular expressions (docs/validation.md): Go <c>regexp/syntax</c> error codes
/// for what RE2 rejects, and no engine is ever run on the input (a pathological pattern is checked in linear time).
/// </summary>
public class Re2SyntaxTests
{
    [Theory]
    [InlineData("/api/v[0-9]+/.*")]
    [InlineData("^/(foo|bar)/?$")]
    [InlineData("(?i)/Users/[^/]+")]
    [InlineData("(?P<id>[0-9]{1,8})")]
    [InlineData("(?<id>\\d+)")]
    [InlineData("(?:a|b)*?c+?d??e{2,}?")]
    [InlineData("[[:alpha:][:digit:]_-]+")]
    [InlineData("\\p{Greek}\\pL\\PN\\x41\\x{263a}\\Q(*)\\E")]
    [InlineData("a{2}b{1,3}c{0,}")]
    [InlineData("a{,3}")]
    [InlineData("x{1000}")]
    [InlineData("(a{10}){100}")]
    [InlineData("[]a]")]
    [InlineData("\\A\\bword\\B\\z")]
    [InlineData("(?s-i:.)")]
    [InlineData("")]
    public void Re2Syntax_IsAccepted(string pattern)
        => Assert.Null(Re2Syntax.Check(pattern));

    [Theory]
    [InlineData("(a", "missing closing )")]
    [InlineData("a)", "unexpected )")]
    [InlineData("[a", "missing closing ]")]
    [InlineData("[z-a]", "invalid character class range")]
    [InlineData("(?=a)", "invalid or unsupported Perl syntax")]
    [InlineData("(?!a)", "invalid or unsupported Perl syntax")]
    [InlineData("(?<=a)b", "invalid or unsupported Perl syntax")]
    [InlineData("(?>a)", "invalid or unsupported Perl syntax")]
    [InlineData("(a)\\1", "invalid escape sequence")]
    [InlineData("\\k<n>", "invalid escape sequence")]
    [InlineData("a\\Z", "invalid escape sequence")]
    [InlineData("a**", "invalid nested repetition operator")]
    [InlineData("a++", "invalid nested repetition operator")]
    [InlineData("a{2}{3}", "invalid nested repetition operator")]
    [InlineData("*a", "missing argument to repetition operator")]
    [InlineData("a|*", "missing argument to repetition operator")]
    [InlineData("x{1001}", "invalid repeat count")]
    [InlineData("x{3,2}", "invalid repeat count")]
    [InlineData("(a{100}){11}", "invalid repeat count")]
    [InlineData("(?P<n>a)(?P<n>b)", "duplicate capture group name")]
    [InlineData("(?P<>a)", "invalid named capture")]
    [InlineData("[[:word2:]]", "invalid character class range")]
    [InlineData("a\\", "trailing backslash at end of expression")]
    public void NonRe2Syntax_IsRejected_WithGosErrorCode(string pattern, string code)
    {
        var problem = Re2Syntax.Check(pattern);
        Assert.NotNull(problem);
        Assert.StartsWith("error parsing regexp: " + code + ": ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PathologicalPatterns_AreCheckedQuickly_WithoutRunningThem()
    {
        // (a+)+$ style patterns blow up backtracking engines on crafted input; the check never matches anything.
        var pattern = string.Concat(Enumerable.Repeat("(a+)+", 200)) + "$";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(Re2Syntax.Check(pattern));
        Assert.True(watch.ElapsedMilliseconds < 500, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void DeepNesting_IsRefused()
        => Assert.StartsWith("error parsing regexp: expression nests too deeply", Re2Syntax.Check(new string('(', 1001) + new string(')', 1001)), StringComparison.Ordinal);
}
