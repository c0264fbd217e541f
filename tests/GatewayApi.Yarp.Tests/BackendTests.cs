using System.Net;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests;

/// <summary>Weighted backends, invalid backends, mirrors, timeouts, retries and backend failures, end to end.</summary>
public sealed class BackendTests(EchoBackends backends) : IClassFixture<EchoBackends>
{
    private static string Route(string name, string rules) => $"""

        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: {name}
          namespace: default
        spec:
          parentRefs:
          - name: gw
          rules:
        {rules}
        ---
        """;

    private Task<TestProxy> StartAsync(string rules, Action<GatewayApiProxyOptions>? configure = null) =>
        TestProxy.StartAsync(Manifests.HttpGateway + Manifests.Services("echo-a", "echo-b", "echo-c", "unreachable") + Route("route", rules), backends.Resolver, configure);

    [Fact]
    public async Task Weighted_backends_split_traffic_by_weight()
    {
        await using var proxy = await StartAsync("""
              - backendRefs:
                - name: echo-a
                  port: 8080
                  weight: 70
                - name: echo-b
                  port: 8080
                  weight: 20
                - name: echo-c
                  port: 8080
                  weight: 10
            """, options => options.Random = new Random(1234));
        using var client = proxy.Client();
        const int total = 2000;
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < total; i++)
        {
            var (_, echo) = await client.EchoGetAsync("/split", null);
            counts[echo!.Backend] = counts.GetValueOrDefault(echo.Backend) + 1;
        }

        // Standard deviation of a share p over 2000 draws is at most 1.1 points; 4 points is more than 3.5 sigma.
        Assert.InRange(counts["echo-a"] / (double)total, 0.66, 0.74);
        Assert.InRange(counts["echo-b"] / (double)total, 0.16, 0.24);
        Assert.InRange(counts["echo-c"] / (double)total, 0.06, 0.14);
    }

    [Fact]
    public async Task An_invalid_backend_keeps_its_share_answered_500_and_logged()
    {
        await using var proxy = await StartAsync("""
              - backendRefs:
                - name: echo-a
                  port: 8080
                - name: does-not-exist
                  port: 8080
            """, options => options.Random = new Random(99));
        using var client = proxy.Client();
        var errors = 0;
        const int total = 400;
        for (var i = 0; i < total; i++)
        {
            var (response, echo) = await client.EchoGetAsync("/", null);
            if (response.StatusCode == HttpStatusCode.InternalServerError)
            {
                errors++;
            }
            else
            {
                Assert.Equal("echo-a", echo!.Backend);
            }
        }

        Assert.InRange(errors / (double)total, 0.40, 0.60);
        Assert.Equal(errors, proxy.Logs.WithEventId(11).Count);
    }

    [Fact]
    public async Task Mirror_copies_arrive_at_the_mirror_backend()
    {
        await using var proxy = await StartAsync("""
              - matches:
                - path:
                    type: PathPrefix
                    value: /mirrored
                filters:
                - type: RequestHeaderModifier
                  requestHeaderModifier:
                    set:
                    - name: x-stage
                      value: filtered
                - type: RequestMirror
                  requestMirror:
                    backendRef:
                      name: echo-b
                      port: 8080
                backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        var marker = Guid.NewGuid().ToString("N");
        var (response, echo) = await client.EchoSendAsync(HttpMethod.Post, "/mirrored/x?m=" + marker, "mirror.example.com", [("x-marker", marker)], "payload-" + marker);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("echo-a", echo!.Backend);

        var copy = await Eventually.FindAsync(() => backends.B.Received.FirstOrDefault(r => r.Headers.GetValueOrDefault("x-marker") == marker));
        Assert.Equal("POST", copy.Method);
        Assert.Equal("/mirrored/x?m=" + marker, copy.Path);
        Assert.Equal("mirror.example.com", copy.Host);
        Assert.Equal("payload-" + marker, copy.Body);
        Assert.Equal("filtered", copy.Headers["x-stage"]);
    }

    [Fact]
    public async Task Mirror_fraction_mirrors_about_that_share()
    {
        await using var proxy = await StartAsync("""
              - matches:
                - path:
                    type: PathPrefix
                    value: /half
                filters:
                - type: RequestMirror
                  requestMirror:
                    percent: 50
                    backendRef:
                      name: echo-c
                      port: 8080
                backendRefs:
                - name: echo-a
                  port: 8080
            """, options => options.Random = new Random(7));
        using var client = proxy.Client();
        var marker = Guid.NewGuid().ToString("N");
        const int total = 200;
        for (var i = 0; i < total; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.EchoGetAsync("/half", null, ("x-marker", marker))).Response.StatusCode);
        }

        // Copies are fire-and-forget: wait until the count stops growing, then check the share (sigma ~ 3.5%).
        var copies = await Eventually.SettledCountAsync(() => backends.C.Received.Count(r => r.Headers.GetValueOrDefault("x-marker") == marker));
        Assert.InRange(copies, 70, 130);
    }

    [Fact]
    public async Task Request_timeout_answers_504()
    {
        await using var proxy = await StartAsync("""
              - timeouts:
                  request: 1s
                backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        var (slow, _) = await client.EchoGetAsync("/slow", null, ("x-echo-delay-ms", "20000"));
        Assert.Equal(HttpStatusCode.GatewayTimeout, slow.StatusCode);
        var (fast, echo) = await client.EchoGetAsync("/fast", null);
        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Equal("echo-a", echo!.Backend);
        Assert.NotEmpty(proxy.Logs.WithEventId(10));
    }

    [Fact]
    public async Task Backend_request_timeout_answers_504()
    {
        await using var proxy = await StartAsync("""
              - timeouts:
                  request: 30s
                  backendRequest: 1s
                backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        var (slow, _) = await client.EchoGetAsync("/slow", null, ("x-echo-delay-ms", "20000"));
        Assert.Equal(HttpStatusCode.GatewayTimeout, slow.StatusCode);
    }

    [Fact]
    public async Task Retries_replay_the_request_on_listed_codes()
    {
        await using var proxy = await StartAsync("""
              - retry:
                  codes:
                  - 503
                  attempts: 2
                  backoff: 10ms
                backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        var key = Guid.NewGuid().ToString("N");

        // Fails twice, succeeds on the third try: two retries are allowed.
        var (response, echo) = await client.EchoSendAsync(HttpMethod.Post, "/retry", null, [("x-echo-fail-first", key + ":2")], "body-" + key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("body-" + key, echo!.Body);
        Assert.Equal(3, backends.A.Received.Count(r => r.Headers.GetValueOrDefault("x-echo-fail-first") == key + ":2"));

        // Fails three times: the third failure is the answer.
        var other = Guid.NewGuid().ToString("N");
        var (failed, _) = await client.EchoGetAsync("/retry", null, ("x-echo-fail-first", other + ":3"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(3, backends.A.Received.Count(r => r.Headers.GetValueOrDefault("x-echo-fail-first") == other + ":3"));
    }

    [Fact]
    public async Task Without_retry_a_failing_status_is_passed_through_once()
    {
        await using var proxy = await StartAsync("""
              - backendRefs:
                - name: echo-a
                  port: 8080
            """);
        using var client = proxy.Client();
        var key = Guid.NewGuid().ToString("N");
        var (response, _) = await client.EchoGetAsync("/", null, ("x-echo-fail-first", key + ":1"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(backends.A.Received, r => r.Headers.GetValueOrDefault("x-echo-fail-first") == key + ":1");
    }

    [Fact]
    public async Task An_unreachable_backend_is_502_and_a_backend_without_endpoints_503()
    {
        var resolver = new StaticBackendEndpointResolver()
            .Add("default", "unreachable", 8080, new BackendEndpoint("127.0.0.1", 1))
            .Add("default", "echo-a", 8080);
        await using var proxy = await TestProxy.StartAsync(Manifests.HttpGateway + Manifests.Services("echo-a", "unreachable") + Route("route", """
              - matches:
                - path:
                    type: PathPrefix
                    value: /down
                backendRefs:
                - name: unreachable
                  port: 8080
              - backendRefs:
                - name: echo-a
                  port: 8080
            """), resolver);
        using var client = proxy.Client();
        Assert.Equal(HttpStatusCode.BadGateway, (await client.EchoGetAsync("/down", null)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.EchoGetAsync("/other", null)).Response.StatusCode);
        Assert.Single(proxy.Logs.WithEventId(10));
        Assert.Single(proxy.Logs.WithEventId(12));
    }
}
