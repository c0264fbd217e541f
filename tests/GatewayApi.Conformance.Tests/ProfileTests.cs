using GatewayApi.Conformance.Features;
using GatewayApi.Conformance.Profiles;
using GatewayApi.Routing;

namespace GatewayApi.Conformance.Tests;

/// <summary>Feature names and profiles are upstream v1.6.1's (conformance.md §2, §3).</summary>
public sealed class ProfileTests
{
    [Fact]
    public void Catalogue_Has58Names_FiveExperimental_AndAgreesWithTheEngine()
    {
        Assert.Equal(58, ConformanceFeatures.All.Count);
        Assert.Equal(58, ConformanceFeatures.All.Select(feature => feature.Name).Distinct().Count());
        Assert.Equal(
            ["HTTPRouteDestinationPortMatching", "HTTPRouteRetry", "HTTPRouteRetryBackendTimeout", "HTTPRouteRetryConnectionError", "TLSRouteModeMixed"],
            ConformanceFeatures.All.Where(feature => feature.Channel == FeatureChannel.Experimental).Select(feature => feature.Name).Order(StringComparer.Ordinal));
        Assert.Equal(GatewayApiFeatures.All, ConformanceFeatures.All.Select(feature => feature.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("GATEWAY-HTTP", "Gateway,HTTPRoute,ReferenceGrant", 38)]
    [InlineData("GATEWAY-GRPC", "GRPCRoute,Gateway,ReferenceGrant", 10)]
    [InlineData("GATEWAY-TLS", "Gateway,ReferenceGrant,TLSRoute", 12)]
    [InlineData("GATEWAY-TCP", "Gateway,ReferenceGrant,TCPRoute", 11)]
    [InlineData("GATEWAY-UDP", "Gateway,ReferenceGrant,UDPRoute", 11)]
    [InlineData("MESH-HTTP", "HTTPRoute,Mesh", 9)]
    [InlineData("MESH-GRPC", "GRPCRoute,Mesh", 9)]
    public void Profile_HasUpstreamCoreAndExtendedSets(string name, string core, int extendedCount)
    {
        var profile = ConformanceProfiles.Find(name)!;
        Assert.Equal(core.Split(','), profile.CoreFeatures.Order(StringComparer.Ordinal));
        Assert.Equal(extendedCount, profile.ExtendedFeatures.Count);
    }

    [Fact]
    public void Membership_FollowsUpstreamRule()
    {
        // Gateway-only: core in every Gateway profile; a Gateway-extended feature is extended there.
        Assert.Equal(5, ConformanceProfiles.All.Count(profile => profile.Includes(["Gateway"])));
        Assert.True(ConformanceProfiles.GatewayGrpc.IsExtended(["Gateway", "GatewayPort8080"]));
        // GRPCRouteNamedRouteRule is in no profile (as upstream).
        Assert.DoesNotContain(ConformanceProfiles.All, profile => profile.Includes(["Gateway", "GRPCRoute", "GRPCRouteNamedRouteRule"]));
        Assert.Contains("BackendTLSPolicy", ConformanceProfiles.GatewayHttp.ExtendedFeatures);
        Assert.DoesNotContain("BackendTLSPolicy", ConformanceProfiles.GatewayTls.ExtendedFeatures);
        Assert.Equal(["MESH-HTTP"], ConformanceProfiles.All.Where(profile => profile.Includes(["Mesh", "HTTPRoute", "MeshHTTPRouteRewritePath"])).Select(profile => profile.Name));
    }
}
