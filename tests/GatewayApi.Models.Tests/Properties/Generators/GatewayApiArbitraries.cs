using FsCheck;
using FsCheck.Fluent;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>
/// The FsCheck arbitraries of every Gateway API kind (and of a mixed multi-kind manifest), for
/// <c>[Property(Arbitrary = ...)]</c>. Each kind shrinks by leaving out fields, so a failure is reported with
/// the fewest fields that still fail.
/// </summary>
public static class GatewayApiArbitraries
{
    /// <summary>The generator of every kind, in the order GatewayApiKinds lists them.</summary>
    internal static IReadOnlyList<Gen<GatewayApiObject>> EveryKind { get; } =
    [
        GatewayGenerators.GatewayClass.Select(value => (GatewayApiObject)value),
        GatewayGenerators.Gateway.Select(value => (GatewayApiObject)value),
        GatewayGenerators.ListenerSet.Select(value => (GatewayApiObject)value),
        HttpRouteGenerators.HttpRoute.Select(value => (GatewayApiObject)value),
        GrpcRouteGenerators.GrpcRoute.Select(value => (GatewayApiObject)value),
        L4RouteGenerators.TlsRoute.Select(value => (GatewayApiObject)value),
        L4RouteGenerators.TcpRoute.Select(value => (GatewayApiObject)value),
        L4RouteGenerators.UdpRoute.Select(value => (GatewayApiObject)value),
        PolicyGenerators.ReferenceGrant.Select(value => (GatewayApiObject)value),
        PolicyGenerators.BackendTlsPolicy.Select(value => (GatewayApiObject)value),
        PolicyGenerators.XBackendTrafficPolicy.Select(value => (GatewayApiObject)value),
        ExperimentalGenerators.XMesh.Select(value => (GatewayApiObject)value),
        ExperimentalGenerators.XBackend.Select(value => (GatewayApiObject)value),
    ];

    private static readonly Gen<GatewayApiObject> AnyKind = Gen.OneOf(EveryKind);

    public static Arbitrary<GatewayClass> GatewayClass() => Kind(GatewayGenerators.GatewayClass);

    public static Arbitrary<Gateway> Gateway() => Kind(GatewayGenerators.Gateway);

    public static Arbitrary<ListenerSet> ListenerSet() => Kind(GatewayGenerators.ListenerSet);

    public static Arbitrary<HttpRoute> HttpRoute() => Kind(HttpRouteGenerators.HttpRoute);

    public static Arbitrary<GrpcRoute> GrpcRoute() => Kind(GrpcRouteGenerators.GrpcRoute);

    public static Arbitrary<TlsRoute> TlsRoute() => Kind(L4RouteGenerators.TlsRoute);

    public static Arbitrary<TcpRoute> TcpRoute() => Kind(L4RouteGenerators.TcpRoute);

    public static Arbitrary<UdpRoute> UdpRoute() => Kind(L4RouteGenerators.UdpRoute);

    public static Arbitrary<ReferenceGrant> ReferenceGrant() => Kind(PolicyGenerators.ReferenceGrant);

    public static Arbitrary<BackendTlsPolicy> BackendTlsPolicy() => Kind(PolicyGenerators.BackendTlsPolicy);

    public static Arbitrary<XBackendTrafficPolicy> XBackendTrafficPolicy() => Kind(PolicyGenerators.XBackendTrafficPolicy);

    public static Arbitrary<XMesh> XMesh() => Kind(ExperimentalGenerators.XMesh);

    public static Arbitrary<XBackend> XBackend() => Kind(ExperimentalGenerators.XBackend);

    /// <summary>0 to 6 objects of any kinds, in any order; shrinks by dropping objects, then fields.</summary>
    public static Arbitrary<MixedManifest> MixedManifest() => Arb.From(
        Gen.Choose(0, 6)
            .SelectMany(count => AnyKind.ListOf(count))
            .Select(objects => new MixedManifest([.. objects])),
        ShrinkManifest);

    private static Arbitrary<T> Kind<T>(Gen<T> gen)
        where T : GatewayApiObject
        => Arb.From(gen, JsonShrinker.Shrink);

    private static IEnumerable<MixedManifest> ShrinkManifest(MixedManifest manifest)
    {
        var objects = manifest.Objects;
        for (var i = 0; i < objects.Count; i++)
        {
            yield return new MixedManifest([.. objects.Take(i), .. objects.Skip(i + 1)]);
        }

        for (var i = 0; i < objects.Count; i++)
        {
            foreach (var smaller in JsonShrinker.Shrink(objects[i]))
            {
                yield return new MixedManifest([.. objects.Take(i), smaller, .. objects.Skip(i + 1)]);
            }
        }
    }
}
