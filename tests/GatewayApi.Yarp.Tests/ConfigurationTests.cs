using System.Net;
using GatewayApi.Routing;
using GatewayApi.Yarp.Tests.TestSupport;
using k8s.Models;

namespace GatewayApi.Yarp.Tests;

/// <summary>Hot reload through the in-memory API and the watched directory; bad changes keep the last good state.</summary>
public sealed class ConfigurationTests(EchoBackends backends) : IClassFixture<EchoBackends>
{
    private static string Route(string backend, string path = "/") => $"""

        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: route
          namespace: default
        spec:
          parentRefs:
          - name: gw
          rules:
          - matches:
            - path:
                type: PathPrefix
                value: {path}
            backendRefs:
            - name: {backend}
              port: 8080
        """;

    private static readonly string Base = Manifests.HttpGateway + Manifests.Services("echo-a", "echo-b");

    [Fact]
    public async Task A_change_swaps_the_router_and_a_bad_change_keeps_the_last_good_state()
    {
        await using var proxy = await TestProxy.StartAsync(Base + Route("echo-a"), backends.Resolver);
        using var client = proxy.Client();
        Assert.Equal("echo-a", (await client.EchoGetAsync("/", null)).Echo!.Backend);
        var version = proxy.Configuration.Current.Version;

        var accepted = proxy.Configuration.Apply(Base + Route("echo-b"));
        Assert.True(accepted.Accepted);
        Assert.Equal(version + 1, accepted.Version);
        Assert.Null(proxy.Configuration.LastError);
        Assert.Equal("echo-b", (await client.EchoGetAsync("/", null)).Echo!.Backend);

        // Unreadable YAML: rejected, the previous router keeps serving, the error says where.
        var broken = proxy.Configuration.Apply(Base + Route("echo-a") + "\n  : : [unclosed", "broken.yaml");
        Assert.False(broken.Accepted);
        Assert.Equal(version + 1, broken.Version);
        Assert.Contains("broken.yaml", broken.Error, StringComparison.Ordinal);
        Assert.Equal(broken.Error, proxy.Configuration.LastError);
        Assert.Equal("echo-b", (await client.EchoGetAsync("/", null)).Echo!.Backend);

        // Schema-invalid route (path value must start with '/'): rejected too, with the field named.
        var invalid = proxy.Configuration.Apply(Base + Route("echo-a", "no-slash"), "invalid.yaml");
        Assert.False(invalid.Accepted);
        Assert.Contains(invalid.Errors, e => e.Contains("spec.rules[0].matches[0].path", StringComparison.Ordinal));
        Assert.Equal(version + 1, proxy.Configuration.Current.Version);
        Assert.Equal("echo-b", (await client.EchoGetAsync("/", null)).Echo!.Backend);
        Assert.Equal(2, proxy.Logs.WithEventId(2).Count);

        // A good change after bad ones is accepted and clears the error.
        Assert.True(proxy.Configuration.Apply(Base + Route("echo-a")).Accepted);
        Assert.Null(proxy.Configuration.LastError);
        Assert.Equal("echo-a", (await client.EchoGetAsync("/", null)).Echo!.Backend);
    }

    [Fact]
    public async Task Duplicate_objects_are_rejected()
    {
        await using var proxy = await TestProxy.StartAsync(Base + Route("echo-a"), backends.Resolver);
        var change = proxy.Configuration.Apply(Base + Route("echo-a") + "\n---\n" + Route("echo-b"));
        Assert.False(change.Accepted);
        Assert.Contains("two HTTPRoute objects", change.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_objects_and_snapshots_can_be_applied_and_status_is_exposed()
    {
        await using var proxy = await TestProxy.StartAsync(Base + Route("echo-a"), backends.Resolver);
        var objects = GatewayApi.Models.Serialization.ManifestReader.Read(Base + Route("echo-b")).Select(m => m.Object).ToList();
        Assert.True(proxy.Configuration.Apply(objects, "objects").Accepted);
        Assert.Equal("objects", proxy.Configuration.Current.Source);
        using var client = proxy.Client();
        Assert.Equal("echo-b", (await client.EchoGetAsync("/", null)).Echo!.Backend);

        var snapshot = GatewayApi.Routing.Snapshots.ResourceSnapshot.FromManifests(Base + Route("echo-a"));
        Assert.True(proxy.Configuration.Apply(snapshot).Accepted);
        Assert.Equal("echo-a", (await client.EchoGetAsync("/", null)).Echo!.Backend);

        var route = Assert.Single(proxy.Configuration.Current.Status.Routes);
        var parent = Assert.Single(route.Status.Parents!);
        Assert.Contains(parent.Conditions!, c => c.Type == "Accepted" && c.Status == "True");
    }

    [Fact]
    public async Task A_reload_that_adds_an_unbound_port_is_logged_and_the_port_is_not_served()
    {
        await using var proxy = await TestProxy.StartAsync(Base + Route("echo-a"), backends.Resolver);
        var withNewPort = Manifests.GatewayClass + """

            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: default
            spec:
              gatewayClassName: yarp
              listeners:
              - name: http
                port: 80
                protocol: HTTP
              - name: extra
                port: 8081
                protocol: HTTP
            ---
            """ + Manifests.Services("echo-a", "echo-b");
        Assert.Contains("8081", withNewPort, StringComparison.Ordinal);
        Assert.True(proxy.Configuration.Apply(withNewPort + Route("echo-a")).Accepted);
        var warning = Assert.Single(proxy.Logs.WithEventId(3));
        Assert.Contains("8081", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(proxy.Listeners.Bound, b => b.ListenerPort == 8081);
        using var client = proxy.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.EchoGetAsync("/", null)).Response.StatusCode);
    }

    [Fact]
    public async Task The_directory_source_reloads_on_change_and_rejects_a_broken_file()
    {
        var directory = Directory.CreateTempSubdirectory("gwapi-yarp-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "routes"));
            await File.WriteAllTextAsync(Path.Combine(directory, "gateway.yaml"), Base);
            await File.WriteAllTextAsync(Path.Combine(directory, "routes", "route.yml"), Route("echo-a"));
            await File.WriteAllTextAsync(Path.Combine(directory, "notes.txt"), "not a manifest: ignored");
            await using var proxy = await TestProxy.StartAsync(null, backends.Resolver, options =>
            {
                options.ManifestDirectory = directory;
                options.DirectoryDebounce = TimeSpan.FromMilliseconds(100);
            });

            using var client = proxy.Client();
            Assert.Equal("echo-a", (await client.EchoGetAsync("/", null)).Echo!.Backend);
            var seen = proxy.Configuration.LastChange!.Sequence;
            await File.WriteAllTextAsync(Path.Combine(directory, "routes", "route.yml"), Route("echo-b"));
            var change = await proxy.Configuration.WaitForChangeAsync(seen).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(change.Accepted, change.Error);
            Assert.StartsWith("directory:", change.Source, StringComparison.Ordinal);
            Assert.Equal("echo-b", (await client.EchoGetAsync("/", null)).Echo!.Backend);

            seen = change.Sequence;
            await File.WriteAllTextAsync(Path.Combine(directory, "routes", "broken.json"), "{ not json");
            change = await proxy.Configuration.WaitForChangeAsync(seen).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(change.Accepted);
            Assert.Contains("broken.json", change.Error, StringComparison.Ordinal);
            Assert.Equal("echo-b", (await client.EchoGetAsync("/", null)).Echo!.Backend);

            seen = change.Sequence;
            File.Delete(Path.Combine(directory, "routes", "broken.json"));
            await File.WriteAllTextAsync(Path.Combine(directory, "routes", "route.yml"), Route("echo-a"));
            change = await proxy.Configuration.WaitForChangeAsync(seen).WaitAsync(TimeSpan.FromSeconds(60));
            while (!change.Accepted || proxy.Configuration.LastError is not null)
            {
                change = await proxy.Configuration.WaitForChangeAsync(change.Sequence).WaitAsync(TimeSpan.FromSeconds(60));
            }

            Assert.Equal("echo-a", (await client.EchoGetAsync("/", null)).Echo!.Backend);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_changed_after_the_first_read_but_before_the_watcher_starts_is_read()
    {
        var directory = Directory.CreateTempSubdirectory("gwapi-yarp-").FullName;
        try
        {
            var file = Path.Combine(directory, "all.yaml");
            await File.WriteAllTextAsync(file, Base + Route("echo-a"));
            var options = Microsoft.Extensions.Options.Options.Create(new GatewayApiProxyOptions
            {
                ManifestDirectory = directory,
                DirectoryDebounce = TimeSpan.FromMilliseconds(50),
            });
            var configuration = new GatewayApiProxyConfiguration(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            var first = configuration.LastChange!;
            Assert.True(first.Accepted, first.Error);

            // The store has read the directory; the file changes before the watcher (a hosted service) starts.
            await File.WriteAllTextAsync(file, Base + Route("echo-b") + "\n# changed\n");
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));
            using var watcher = new DirectoryManifestWatcher(configuration, options);
            await watcher.StartAsync(CancellationToken.None);
            try
            {
                var change = await configuration.WaitForChangeAsync(first.Sequence).WaitAsync(TimeSpan.FromSeconds(60));
                Assert.True(change.Accepted, change.Error);
                Assert.Contains(configuration.Current.Snapshot.HttpRoutes, r => r.Spec.Rules![0].BackendRefs![0].Name == "echo-b");
            }
            finally
            {
                await watcher.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_request_keeps_the_router_it_started_with()
    {
        await using var proxy = await TestProxy.StartAsync(Base + Route("echo-a"), backends.Resolver);
        using var client = proxy.Client();

        // The backend holds the request; meanwhile the route moves to echo-b. The request still completes on echo-a.
        var slow = client.EchoGetAsync("/", null, ("x-echo-delay-ms", "1500"));
        await Eventually.TrueAsync(() => backends.A.Received.Any(r => r.Headers.ContainsKey("x-echo-delay-ms")), "the slow request reaching echo-a");
        Assert.True(proxy.Configuration.Apply(Base + Route("echo-b")).Accepted);
        var (response, echo) = await slow;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("echo-a", echo!.Backend);
        Assert.Equal("echo-b", (await client.EchoGetAsync("/", null)).Echo!.Backend);
    }

    [Fact]
    public void EndpointSlices_resolve_ready_addresses_by_service_port_name_and_fall_back_to_dns()
    {
        var manifests = Manifests.HttpGateway + """

            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
            spec:
              ports:
              - name: http
                port: 80
                targetPort: 8080
              - name: admin
                port: 9090
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-abc
              namespace: shop
              labels:
                kubernetes.io/service-name: web
            addressType: IPv4
            ports:
            - name: http
              port: 8080
            - name: admin
              port: 9091
            endpoints:
            - addresses: ["10.0.0.1"]
              conditions:
                ready: true
            - addresses: ["10.0.0.2"]
              conditions:
                ready: false
            - addresses: ["10.0.0.3"]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: api
              namespace: shop
            spec:
              ports:
              - port: 80
            """;
        var configuration = new GatewayApiProxyConfiguration(Microsoft.Extensions.Options.Options.Create(new GatewayApiProxyOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        Assert.True(configuration.Apply(manifests).Accepted);
        var resolver = new EndpointSliceBackendEndpointResolver(new DnsBackendEndpointResolver("{name}.{namespace}.example.internal"));
        var state = configuration.Current;

        Assert.Equal(["10.0.0.1:8080", "10.0.0.3:8080"], resolver.Resolve(Backend("shop", "web", 80), state).Select(e => e.ToString()));
        Assert.Equal(["10.0.0.1:9091", "10.0.0.3:9091"], resolver.Resolve(Backend("shop", "web", 9090), state).Select(e => e.ToString()));
        Assert.Equal(["api.shop.example.internal:80"], resolver.Resolve(Backend("shop", "api", 80), state).Select(e => e.ToString()));
        Assert.Empty(new EndpointSliceBackendEndpointResolver().Resolve(Backend("shop", "api", 80), state));
        Assert.Equal(["api.shop.svc.cluster.local:80"], new DnsBackendEndpointResolver().Resolve(Backend("shop", "api", 80), state).Select(e => e.ToString()));
    }

    private static RoutedBackend Backend(string @namespace, string name, int port) =>
        new() { Index = 0, Group = "", Kind = "Service", Namespace = @namespace, Name = name, Port = port };
}
