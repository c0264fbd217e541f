using System.Net;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests;

/// <summary>
/// Session persistence (GEP-1619) on a 50/50 split: the first request of a session is bound (cookie or header) to the
/// backend that served it, and every later request of the session goes there; requests without a session are split.
/// </summary>
public sealed class SessionPersistenceTests(EchoBackends backends) : IClassFixture<EchoBackends>, IAsyncLifetime
{
    private const string Routes = """

        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: sticky, namespace: default}
        spec:
          parentRefs: [{name: gw}]
          rules:
          - matches: [{path: {type: PathPrefix, value: /cart}}]
            sessionPersistence:
              sessionName: cart-session
              type: Cookie
              absoluteTimeout: 1h
              cookieConfig: {lifetimeType: Permanent}
            backendRefs: [{name: echo-a, port: 8080, weight: 1}, {name: echo-b, port: 8080, weight: 1}]
          - matches: [{path: {type: PathPrefix, value: /api}}]
            sessionPersistence: {sessionName: x-session, type: Header}
            backendRefs: [{name: echo-a, port: 8080, weight: 1}, {name: echo-b, port: 8080, weight: 1}]
          - matches: [{path: {type: PathPrefix, value: /plain}}]
            backendRefs: [{name: echo-a, port: 8080, weight: 1}, {name: echo-b, port: 8080, weight: 1}]
        ---
        """;

    private TestProxy _proxy = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _proxy = await TestProxy.StartAsync(Manifests.HttpGateway + Routes + Manifests.Services("echo-a", "echo-b"), backends.Resolver);
        _client = _proxy.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _proxy.DisposeAsync();
    }

    [Fact]
    public async Task A_cookie_session_stays_on_the_backend_of_its_first_request()
    {
        var (first, echo) = await _client.EchoGetAsync("/cart/1");
        var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("cart-session=", setCookie, StringComparison.Ordinal);
        Assert.Contains("; Path=/cart; HttpOnly; SameSite=Strict; Max-Age=3600", setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("Secure", setCookie, StringComparison.Ordinal); // plain HTTP: a Secure cookie would never come back
        var cookie = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
        for (var i = 0; i < 20; i++)
        {
            var (response, again) = await _client.EchoGetAsync("/cart/" + i, null, ("Cookie", cookie));
            Assert.Equal(echo!.Backend, again!.Backend);
            Assert.False(response.Headers.Contains("Set-Cookie")); // the binding holds: nothing to set again
        }
    }

    [Fact]
    public async Task A_header_session_stays_on_its_backend_and_is_answered_in_the_header()
    {
        var (first, echo) = await _client.EchoGetAsync("/api/1");
        var token = Assert.Single(first.Headers.GetValues("x-session"));
        for (var i = 0; i < 20; i++)
        {
            var (_, again) = await _client.EchoGetAsync("/api/" + i, null, ("x-session", token));
            Assert.Equal(echo!.Backend, again!.Backend);
        }
    }

    [Fact]
    public async Task Without_a_session_requests_are_split_and_an_unreadable_value_starts_a_new_session()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var (response, echo) = await _client.EchoGetAsync("/cart/x", null, ("Cookie", "cart-session=not-a-session"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Contains("Set-Cookie"));
            seen.Add(echo!.Backend);
        }

        Assert.Equal(["echo-a", "echo-b"], seen.Order());
    }

    [Fact]
    public async Task A_rule_without_sessionPersistence_sets_no_session()
    {
        var (response, _) = await _client.EchoGetAsync("/plain/x");
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_session_older_than_absoluteTimeout_is_a_new_session_even_with_a_session_cookie()
    {
        // GEP-1619: with lifetimeType Session the cookie has no Max-Age, so the gateway itself ends the session.
        const string shortSessions = """

            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: short, namespace: default}
            spec:
              parentRefs: [{name: gw}]
              rules:
              - sessionPersistence: {sessionName: short-session, absoluteTimeout: 10m}
                backendRefs: [{name: echo-a, port: 8080, weight: 1}, {name: echo-b, port: 8080, weight: 1}]
            ---
            """;
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        await using var proxy = await TestProxy.StartAsync(
            Manifests.HttpGateway + shortSessions + Manifests.Services("echo-a", "echo-b"),
            backends.Resolver,
            o => o.StatusEngine = o.StatusEngine with { TimeProvider = clock });
        using var client = proxy.Client();

        var (first, echo) = await client.EchoGetAsync("/x");
        var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.DoesNotContain("Max-Age", setCookie, StringComparison.Ordinal);
        var cookie = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];

        // Within the lifetime the session holds and is not re-issued.
        clock.Now += TimeSpan.FromMinutes(9);
        for (var i = 0; i < 10; i++)
        {
            var (response, again) = await client.EchoGetAsync("/x", null, ("Cookie", cookie));
            Assert.Equal(echo!.Backend, again!.Backend);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        // Past it, every request with the old cookie starts a new session: a fresh draw, and a new cookie.
        clock.Now += TimeSpan.FromMinutes(2);
        var seen = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var (response, again) = await client.EchoGetAsync("/x", null, ("Cookie", cookie));
            Assert.True(response.Headers.Contains("Set-Cookie"));
            seen.Add(again!.Backend);
        }

        Assert.Equal(["echo-a", "echo-b"], seen.Order());
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
