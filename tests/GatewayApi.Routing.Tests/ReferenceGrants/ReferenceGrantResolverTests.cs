using GatewayApi.Models;
using GatewayApi.Routing.ReferenceGrants;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Tests.ReferenceGrants;

/// <summary>
/// ReferenceGrant matching: attachment-and-status.md §5.2 (upstream apis/v1beta1/referencegrant_types.go,
/// site/content/en/reference/api-types/referencegrant.md; conformance vectors of httproute-invalid-reference-grant.yaml).
/// </summary>
public class ReferenceGrantResolverTests
{
    private static readonly ReferenceFrom Route = new(GatewayApiGroups.Group, "HTTPRoute", "infra");
    private static readonly ReferenceTo Backend = new(string.Empty, "Service", "web", "web-backend");

    private static ReferenceGrant Grant(string @namespace, string name, string fromGroup = GatewayApiGroups.Group, string fromKind = "HTTPRoute", string fromNamespace = "infra", string toGroup = "", string toKind = "Service", string? toName = null)
        => new()
        {
            Metadata = new() { Name = name, NamespaceProperty = @namespace },
            Spec = new ReferenceGrantSpec
            {
                From = [new ReferenceGrantFrom { Group = fromGroup, Kind = fromKind, Namespace = fromNamespace }],
                To = [new ReferenceGrantTo { Group = toGroup, Kind = toKind, Name = toName }],
            },
        };

    [Fact]
    public void SameNamespace_NeedsNoGrant()
    {
        var decision = ReferenceGrantResolver.Empty.Resolve(Route, Backend with { Namespace = "infra" });
        Assert.True(decision.Allowed);
        Assert.True(decision.SameNamespace);
        Assert.Null(decision.Grant);
    }

    [Fact]
    public void MatchingGrantInTargetNamespace_Allows_AndIsNamed()
    {
        // Worked example 4 of §9: the grant lives in the target namespace 'web'.
        var grant = Grant("web", "allow-infra");
        var decision = new ReferenceGrantResolver([Grant("web", "unrelated", fromNamespace: "other"), grant]).Resolve(Route, Backend);
        Assert.True(decision.Allowed);
        Assert.Same(grant, decision.Grant);
        Assert.Contains("web/allow-infra", decision.Explanation);
    }

    [Fact]
    public void SeveralGrants_TheFirstByNameIsReported()
    {
        var first = Grant("web", "a-grant");
        var decision = new ReferenceGrantResolver([Grant("web", "z-grant"), first]).Resolve(Route, Backend);
        Assert.Same(first, decision.Grant);
    }

    public static TheoryData<string, ReferenceGrant> NonPermittingGrants() => new()
    {
        { "wrong from group", Grant("web", "g", fromGroup: "not-the-group") },
        { "wrong from kind", Grant("web", "g", fromKind: "Gateway") },
        { "wrong from namespace", Grant("web", "g", fromNamespace: "elsewhere") },
        { "wrong to group", Grant("web", "g", toGroup: "not-core") },
        { "wrong to kind", Grant("web", "g", toKind: "Secret") },
        { "wrong to name", Grant("web", "g", toName: "other-backend") },
        { "grant in the referrer's namespace", Grant("infra", "g") },
        { "kinds compared case-sensitively", Grant("web", "g", fromKind: "httproute") },
    };

    [Theory]
    [MemberData(nameof(NonPermittingGrants))]
    public void GrantWrongInAnyField_DoesNotPermit(string because, ReferenceGrant grant)
    {
        var decision = new ReferenceGrantResolver([grant]).Resolve(Route, Backend);
        Assert.False(decision.Allowed, because);
        Assert.Null(decision.Grant);
        Assert.Contains("no ReferenceGrant in namespace 'web'", decision.Explanation);
    }

    [Fact]
    public void GrantWithoutName_CoversEveryObjectOfTheKind_AndNamedGrantOnlyItsName()
    {
        var resolver = new ReferenceGrantResolver([Grant("web", "all"), Grant("web", "one", toKind: "Secret", toName: "cert")]);
        Assert.True(resolver.IsAllowed(Route, Backend with { Name = "anything" }));
        Assert.True(resolver.IsAllowed(Route, new ReferenceTo(string.Empty, "Secret", "web", "cert")));
        Assert.False(resolver.IsAllowed(Route, new ReferenceTo(string.Empty, "Secret", "web", "other")));
    }

    [Fact]
    public void GrantWithoutNamespace_IsInTheDefaultNamespace()
    {
        var grant = Grant("x", "g");
        grant.Metadata.NamespaceProperty = null;
        Assert.True(new ReferenceGrantResolver([grant]).IsAllowed(Route, Backend with { Namespace = ObjectNames.DefaultNamespace }));
    }
}
