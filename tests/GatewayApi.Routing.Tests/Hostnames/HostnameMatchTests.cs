using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GatewayApi.Routing.Hostnames;

namespace GatewayApi.Routing.Tests.Hostnames;

/// <summary>
/// Hostname matching and listener × route intersection: attachment-and-status.md §2.6 and routing-semantics.md §1.1
/// (upstream site/content/en/docs/concepts/hostnames.md, apis/v1/httproute_types.go Hostnames).
/// </summary>
public class HostnameMatchTests
{
    [Theory]
    // §2.6 table, row by row.
    [InlineData(null, "foo.example.com", "foo.example.com")]       // absent listener hostname: the route's
    [InlineData("foo.example.com", null, "foo.example.com")]       // route without hostnames: the listener's
    [InlineData(null, null, null)]                                 // both universal
    [InlineData("foo.example.com", "foo.example.com", "foo.example.com")]
    [InlineData("*.example.com", "foo.example.com", "foo.example.com")]
    [InlineData("*.example.com", "a.b.example.com", "a.b.example.com")] // one or more labels
    [InlineData("very.specific.com", "*.specific.com", "very.specific.com")] // conformance httproute-hostname-intersection.go
    [InlineData("*.com", "*.example.com", "*.example.com")]       // the more specific wildcard
    [InlineData("*.example.com", "*.com", "*.example.com")]
    [InlineData("*.example.com", "*.example.com", "*.example.com")]
    public void Intersection_FollowsTheSpecTable(string? listener, string? route, string? expected)
    {
        Assert.True(HostnameMatch.TryIntersect(listener, route, out var intersection));
        Assert.Equal(expected, intersection);
    }

    [Theory]
    [InlineData("foo.example.com", "bar.example.com")]
    [InlineData("*.example.com", "example.com")]          // a wildcard never covers its own suffix
    [InlineData("*.wildcard.io", "wildcard.io")]          // conformance: wildcard.io gets 404 on *.wildcard.io
    [InlineData("foo.example.com", "*.example.org")]
    [InlineData("*.example.com", "*.example.org")]
    [InlineData("*.foo.com", "*.barfoo.com")]             // suffixes must align on a label boundary
    public void Intersection_IsEmpty_WhenNoHostIsCommon(string listener, string route)
        => Assert.False(HostnameMatch.TryIntersect(listener, route, out _));

    [Fact]
    public void EffectiveHostnames_IgnoreRouteHostnamesWithoutIntersection()
    {
        // §2.6: listener *.example.com, route [test.example.com, test.example.net] ⇒ only test.example.com.
        Assert.Equal(["test.example.com"], HostnameMatch.EffectiveHostnames("*.example.com", ["test.example.com", "test.example.net"]));
        // Conformance httproute-hostname-intersection.go: the three subdomains intersect, wildcard.io does not.
        Assert.Equal(["foo.wildcard.io", "bar.wildcard.io", "foo.bar.wildcard.io"], HostnameMatch.EffectiveHostnames("*.wildcard.io", ["wildcard.io", "foo.wildcard.io", "bar.wildcard.io", "foo.bar.wildcard.io"]));
        Assert.Null(HostnameMatch.EffectiveHostnames("foo.example.com", ["bar.example.com"]));
        Assert.Empty(HostnameMatch.EffectiveHostnames(null, [])!); // every host
    }

    [Fact]
    public void Matches_IgnoresCase_AndNeedsAWholeLabelBeforeTheSuffix()
    {
        Assert.True(HostnameMatch.Matches("*.example.com", "Foo.Example.COM"));
        Assert.False(HostnameMatch.Matches("*.example.com", "fooexample.com"));
        Assert.True(HostnameMatch.Matches("*.com", "example.com")); // routing-semantics.md §1.1
    }

    private static readonly string[] Labels = ["a", "b", "c"];

    private static Gen<string> Name(int min, int max)
        => from count in Gen.Choose(min, max)
           from labels in Gen.ArrayOf(Gen.Elements(Labels), count)
           select string.Join(".", labels);

    private static Gen<string?> Pattern()
        => Gen.OneOf(
            Gen.Constant<string?>(null),
            Name(1, 3).Select(n => (string?)n),
            Name(1, 3).Select(n => (string?)("*." + n)));

    private static Arbitrary<(string? Listener, string? Route, string[] Hosts)> Cases()
        => (from listener in Pattern()
            from route in Pattern()
            from hosts in Gen.ArrayOf(Name(1, 4), 20)
            select (listener, route, hosts)).ToArbitrary();

    [Property(Replay = "(20250102,345)", MaxTest = 500)]
    public Property Intersection_MatchesExactlyTheHostsBothMatch()
        // For all hosts: the intersection matches a host iff both hostnames do; no intersection iff no host matches both.
        => Prop.ForAll(Cases(), c =>
        {
            var intersects = HostnameMatch.TryIntersect(c.Listener, c.Route, out var intersection);
            return c.Hosts.All(h =>
            {
                var both = HostnameMatch.Matches(c.Listener, h) && HostnameMatch.Matches(c.Route, h);
                return intersects ? HostnameMatch.Matches(intersection, h) == both : !both;
            });
        });

    [Property(Replay = "(7,11)", MaxTest = 500)]
    public Property Intersection_IsSymmetric()
        => Prop.ForAll(Cases(), c =>
        {
            var forward = HostnameMatch.TryIntersect(c.Listener, c.Route, out var left);
            var backward = HostnameMatch.TryIntersect(c.Route, c.Listener, out var right);
            return forward == backward && left == right;
        });

    [Property(Replay = "(99,5)", MaxTest = 200)]
    public Property Wildcard_NeverMatchesItsOwnSuffix()
        => Prop.ForAll(Name(1, 4).ToArbitrary(), suffix => !HostnameMatch.Matches("*." + suffix, suffix) && HostnameMatch.Matches("*." + suffix, "x." + suffix));
}
