using System.Net;
using System.Net.WebSockets;
using System.Text;
using GatewayApi.Yarp.Tests.Grpc;
using GatewayApi.Yarp.Tests.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;

namespace GatewayApi.Yarp.Tests;

/// <summary>gRPC (GRPCRoute, h2c) to real Grpc.AspNetCore services with method-level routing, and a WebSocket round trip.</summary>
public sealed class ProtocolTests(EchoBackends backends) : IClassFixture<EchoBackends>
{
    private const string GrpcRoute = """

        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata:
          name: grpc
          namespace: default
        spec:
          parentRefs:
          - name: gw
          rules:
          - matches:
            - method:
                service: echo.v1.Echo
                method: Shout
            backendRefs:
            - name: grpc-b
              port: 9000
          - matches:
            - method:
                service: echo.v1.Echo
            filters:
            - type: RequestHeaderModifier
              requestHeaderModifier:
                set:
                - name: x-test
                  value: from-gateway
            backendRefs:
            - name: grpc-a
              port: 9000
        ---
        """;

    [Fact]
    public async Task Grpc_calls_are_routed_by_service_and_method()
    {
        await using var grpc = await TwoGrpcBackends.StartAsync(GrpcRoute);
        using var channel = GrpcChannel.ForAddress(grpc.Proxy.Uri(80));
        var echo = new Echo.EchoClient(channel);

        var said = await echo.SayAsync(new EchoRequest { Message = "hello" }, deadline: DateTime.UtcNow.AddSeconds(60));
        Assert.Equal(("hello", "grpc-a", "/echo.v1.Echo/Say", "from-gateway"), (said.Message, said.Backend, said.Method, said.Header));

        var shouted = await echo.ShoutAsync(new EchoRequest { Message = "hello" }, deadline: DateTime.UtcNow.AddSeconds(60));
        Assert.Equal(("HELLO", "grpc-b", "/echo.v1.Echo/Shout", ""), (shouted.Message, shouted.Backend, shouted.Method, shouted.Header));

        // No rule for the Other service: the gateway answers UNIMPLEMENTED in gRPC terms, not an HTTP error page.
        var other = new Other.OtherClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await other.SayAsync(new EchoRequest { Message = "x" }, deadline: DateTime.UtcNow.AddSeconds(60)));
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task A_grpc_header_session_keeps_every_call_on_the_backend_of_its_first()
    {
        const string stickyRoute = """

            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata: {name: sticky, namespace: default}
            spec:
              parentRefs: [{name: gw}]
              rules:
              - matches: [{method: {service: echo.v1.Echo}}]
                sessionPersistence: {sessionName: x-grpc-session, type: Header}
                backendRefs: [{name: grpc-a, port: 9000, weight: 1}, {name: grpc-b, port: 9000, weight: 1}]
            ---
            """;
        await using var grpc = await TwoGrpcBackends.StartAsync(stickyRoute);
        using var channel = GrpcChannel.ForAddress(grpc.Proxy.Uri(80));
        var echo = new Echo.EchoClient(channel);

        // Without the header, calls are split; each answer offers a session in the response metadata.
        var split = new HashSet<string>();
        string? token = null;
        string? first = null;
        for (var i = 0; i < 30; i++)
        {
            using var call = echo.SayAsync(new EchoRequest { Message = "x" }, deadline: DateTime.UtcNow.AddSeconds(60));
            var reply = await call;
            var offered = (await call.ResponseHeadersAsync).GetValue("x-grpc-session");
            Assert.False(string.IsNullOrEmpty(offered));
            (token, first) = (token ?? offered, first ?? reply.Backend);
            split.Add(reply.Backend);
        }

        Assert.Equal(["grpc-a", "grpc-b"], split.Order());

        // With it, every call (any method of the match) goes to the session's backend.
        var session = new Metadata { { "x-grpc-session", token! } };
        for (var i = 0; i < 20; i++)
        {
            var reply = i % 2 == 0
                ? await echo.SayAsync(new EchoRequest { Message = "x" }, session, DateTime.UtcNow.AddSeconds(60))
                : await echo.ShoutAsync(new EchoRequest { Message = "x" }, session, DateTime.UtcNow.AddSeconds(60));
            Assert.Equal(first, reply.Backend);
        }
    }

    [Fact]
    public async Task Grpc_to_an_unreachable_backend_is_unavailable()
    {
        var resolver = new StaticBackendEndpointResolver().Add("default", "grpc-a", 9000, new BackendEndpoint("127.0.0.1", 1));
        await using var proxy = await TestProxy.StartAsync(
            Manifests.HttpGateway + Manifests.Service("grpc-a", port: 9000) + Manifests.Service("grpc-b", port: 9000) + GrpcRoute, resolver);
        using var channel = GrpcChannel.ForAddress(proxy.Uri(80));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await new Echo.EchoClient(channel).SayAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(60)));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Single(proxy.Logs.WithEventId(10));
    }

    [Fact]
    public async Task Http2_cleartext_requests_are_routed_like_http1()
    {
        await using var proxy = await TestProxy.StartAsync(Manifests.HttpGateway + Manifests.Services("echo-a") + """

            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: default
            spec:
              parentRefs:
              - name: gw
              rules:
              - backendRefs:
                - name: echo-a
                  port: 8080
            """, backends.Resolver);
        using var client = new HttpClient { BaseAddress = proxy.Uri(80), DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.GetAsync("/h2c");
        Assert.Equal(HttpVersion.Version20, response.Version);
        var echo = EchoedRequest.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(("echo-a", "/h2c"), (echo.Backend, echo.Path));
    }

    [Fact]
    public async Task WebSocket_upgrades_are_forwarded_both_ways()
    {
        await using var proxy = await TestProxy.StartAsync(Manifests.HttpGateway + Manifests.Services("echo-a", "echo-b") + """

            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: ws
              namespace: default
            spec:
              parentRefs:
              - name: gw
              rules:
              - matches:
                - path:
                    type: PathPrefix
                    value: /ws
                backendRefs:
                - name: echo-b
                  port: 8080
            """, backends.Resolver);
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(proxy.Uri(80)) { Scheme = "ws", Path = "/ws/chat" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.ConnectAsync(uri, timeout.Token);
        foreach (var text in new[] { "hello", "gateway api" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
            var buffer = new byte[1024];
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.Equal(text, Encoding.UTF8.GetString(buffer, 0, received.Count));
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    /// <summary>Two real gRPC backends, grpc-a and grpc-b (Service port 9000), behind a proxy serving the route.</summary>
    private sealed class TwoGrpcBackends : IAsyncDisposable
    {
        private readonly GrpcEchoServer _a;
        private readonly GrpcEchoServer _b;

        private TwoGrpcBackends(GrpcEchoServer a, GrpcEchoServer b, TestProxy proxy) => (_a, _b, Proxy) = (a, b, proxy);

        public TestProxy Proxy { get; }

        public static async Task<TwoGrpcBackends> StartAsync(string route)
        {
            var a = await GrpcEchoServer.StartAsync("grpc-a");
            var b = await GrpcEchoServer.StartAsync("grpc-b");
            var resolver = new StaticBackendEndpointResolver()
                .Add("default", "grpc-a", 9000, new BackendEndpoint("127.0.0.1", a.Port))
                .Add("default", "grpc-b", 9000, new BackendEndpoint("127.0.0.1", b.Port));
            var proxy = await TestProxy.StartAsync(
                Manifests.HttpGateway + Manifests.Service("grpc-a", port: 9000) + Manifests.Service("grpc-b", port: 9000) + route, resolver);
            return new TwoGrpcBackends(a, b, proxy);
        }

        public async ValueTask DisposeAsync()
        {
            await Proxy.DisposeAsync();
            await _a.DisposeAsync();
            await _b.DisposeAsync();
        }
    }
}
