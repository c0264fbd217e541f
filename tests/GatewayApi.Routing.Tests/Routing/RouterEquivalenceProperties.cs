using FsCheck;
using FsCheck.Fluent;
using GatewayApi.Routing.Reference;
using Microsoft.FSharp.Core;

namespace GatewayApi.Routing.Tests.Routing;

/// <summary>
/// The compiled router decides exactly as the reference router (the plain restatement of the spec) on generated
/// route sets and requests, for HTTP, gRPC, TLS/TCP/UDP and mesh. Seeds are fixed so runs are reproducible; the case
/// counts add up to more than 100,000 compared decisions.
/// </summary>
public class RouterEquivalenceProperties
{
    private const int RequestsPerConfiguration = 40;

    /// <summary>A fixed seed: the same cases on every run (change it to explore further).</summary>
    internal static Config Seeded(int tests, ulong seed) =>
        Config.QuickThrowOnFailure.WithMaxTest(tests).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    private static void AssertSame(ReferenceResult reference, RoutingResult result, string? listener, RouteReference? route, int rule, int match, string? hostname, string what)
    {
        var expected = $"{reference.Result} {reference.ListenerName} {reference.Route} {reference.RuleIndex} {reference.MatchIndex} {reference.Hostname}";
        var actual = $"{result} {listener} {route} {rule} {match} {hostname}";
        Assert.True(expected == actual, $"{what}\nreference: {expected}\ncompiled:  {actual}");
    }

    [Fact]
    public void Http_CompiledEqualsReference()
    {
        // 1,500 configurations x 40 requests = 60,000 compared decisions.
        var cases = RoutingGenerators.HttpConfiguration()
            .SelectMany(c => RoutingGenerators.Options().Select(o => (c, o)))
            .SelectMany(x => RoutingGenerators.HttpRequest().ArrayOf(RequestsPerConfiguration).Select(r => (x.c, x.o, r)));
        Check.One(Seeded(1500, 20240101), Prop.ForAll(cases.ToArbitrary(), input =>
        {
            var (configuration, options, requests) = input;
            var compiled = Router.Compile(configuration, options);
            var reference = new ReferenceRouter(configuration, options);
            foreach (var request in requests)
            {
                var expected = reference.RouteHttp(request);
                var actual = compiled.MatchHttp(request);
                AssertSame(expected, actual.Result, actual.ListenerName, actual.Target?.Route, actual.Target?.RuleIndex ?? -1, actual.Target?.MatchIndex ?? -1, actual.Hostname,
                    $"{request.Scheme} {request.ServerName} {request.Authority} {request.Method} {request.Path} [{string.Join(", ", request.Headers)}] {options} scan<={options.LinearScanLimit}");
            }
        }));
    }

    [Fact]
    public void HttpLargeBuckets_CompiledEqualsReference()
    {
        // Many candidates on one path told apart by a header value (the compiled router indexes them): 300 x 40.
        var cases = RoutingGenerators.TenantConfiguration()
            .SelectMany(c => RoutingGenerators.TenantRequest().ArrayOf(RequestsPerConfiguration).Select(r => (c, r)));
        Check.One(Seeded(300, 41), Prop.ForAll(cases.ToArbitrary(), input =>
        {
            var compiled = Router.Compile(input.c);
            var reference = new ReferenceRouter(input.c, RouterOptions.Default);
            foreach (var request in input.r)
            {
                var expected = reference.RouteHttp(request);
                var actual = compiled.MatchHttp(request);
                AssertSame(expected, actual.Result, actual.ListenerName, actual.Target?.Route, actual.Target?.RuleIndex ?? -1, actual.Target?.MatchIndex ?? -1, actual.Hostname,
                    $"{request.Path} [{string.Join(", ", request.Headers)}]");
            }
        }));
    }

    [Fact]
    public void Grpc_CompiledEqualsReference()
    {
        // 500 x 40 = 20,000.
        var cases = RoutingGenerators.GrpcConfiguration()
            .SelectMany(c => RoutingGenerators.Options().Select(o => (c, o)))
            .SelectMany(x => RoutingGenerators.GrpcRequest().ArrayOf(RequestsPerConfiguration).Select(r => (x.c, x.o, r)));
        Check.One(Seeded(500, 7), Prop.ForAll(cases.ToArbitrary(), input =>
        {
            var (configuration, options, requests) = input;
            var compiled = Router.Compile(configuration, options);
            var reference = new ReferenceRouter(configuration, options);
            foreach (var request in requests)
            {
                var expected = reference.RouteGrpc(request);
                var actual = compiled.MatchGrpc(request);
                AssertSame(expected, actual.Result, actual.ListenerName, actual.Target?.Route, actual.Target?.RuleIndex ?? -1, actual.Target?.MatchIndex ?? -1, actual.Hostname,
                    $"{request.Authority} {request.Path} [{string.Join(", ", request.Headers)}]");
            }
        }));
    }

    [Fact]
    public void TlsTcpUdp_CompiledEqualsReference()
    {
        // 500 x (12 SNIs + TCP + UDP + 2 unknown ports) = 8,000.
        var gateway = new NamespacedName("infra", "gw");
        Check.One(Seeded(500, 11), Prop.ForAll(RoutingGenerators.StreamConfiguration().ToArbitrary(), configuration =>
        {
            var compiled = Router.Compile(configuration);
            var reference = new ReferenceRouter(configuration, RouterOptions.Default);
            foreach (var sni in RoutingGenerators.RequestHosts.Where(h => !h.Contains(':')).Append(null).Append("FOO.EXAMPLE.COM"))
            {
                var expected = reference.RouteTls(gateway, 443, sni);
                var actual = compiled.RouteTls(gateway, 443, sni, new Random(1));
                AssertSame(expected, actual.Result, actual.ListenerName, actual.Route, actual.RuleIndex, -1, actual.Hostname, $"TLS {sni}");
            }

            foreach (var (port, tcp) in new[] { (9000, true), (9000, false), (9001, true), (443, false) })
            {
                var expected = reference.RouteL4(gateway, port, tcp ? "TCP" : "UDP", tcp ? "TCPRoute" : "UDPRoute");
                var actual = tcp ? compiled.RouteTcp(gateway, port, new Random(1)) : compiled.RouteUdp(gateway, port, new Random(1));
                AssertSame(expected, actual.Result, actual.ListenerName, actual.Route, actual.RuleIndex, -1, actual.Hostname, $"{(tcp ? "TCP" : "UDP")} {port}");
            }
        }));
    }

    [Fact]
    public void Mesh_CompiledEqualsReference()
    {
        // 500 x 40 = 20,000.
        var cases = RoutingGenerators.MeshConfiguration()
            .SelectMany(c => RoutingGenerators.Options().Select(o => (c, o)))
            .SelectMany(x => RoutingGenerators.MeshRequest().ArrayOf(RequestsPerConfiguration).Select(r => (x.c, x.o, r)));
        Check.One(Seeded(500, 13), Prop.ForAll(cases.ToArbitrary(), input =>
        {
            var (configuration, options, requests) = input;
            var compiled = Router.Compile(configuration, options);
            var reference = new ReferenceRouter(configuration, options);
            foreach (var (destination, request) in requests)
            {
                var expected = reference.RouteMeshHttp(destination, request);
                var actual = compiled.MatchMeshHttp(destination, request);
                AssertSame(expected, actual.Result, actual.ListenerName, actual.Target?.Route, actual.Target?.RuleIndex ?? -1, actual.Target?.MatchIndex ?? -1, actual.Hostname,
                    $"HTTP {destination} {request.Path}");
                var expectedGrpc = reference.RouteMeshGrpc(destination, request);
                var actualGrpc = compiled.MatchMeshGrpc(destination, request);
                AssertSame(expectedGrpc, actualGrpc.Result, actualGrpc.ListenerName, actualGrpc.Target?.Route, actualGrpc.Target?.RuleIndex ?? -1, actualGrpc.Target?.MatchIndex ?? -1, actualGrpc.Hostname,
                    $"gRPC {destination} {request.Path}");
            }
        }));
    }
}
