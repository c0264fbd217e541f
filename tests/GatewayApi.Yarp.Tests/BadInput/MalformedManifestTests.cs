using System.Net;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GatewayApi.Yarp.Tests.BadInput;

/// <summary>
/// Malformed manifests, in memory and in the watched directory: each is rejected as a whole with a located error,
/// logged as ConfigurationRejected (event id 2, Error), and the last good configuration keeps serving.
/// </summary>
public sealed class MalformedManifestTests
{
    public static TheoryData<string, string, string> Malformed() => new()
    {
        // name, manifests, text the located error must contain (source, document, object, field)
        { "YAML syntax error", Good() + "\n---\nkind: HTTPRoute\nspec: [ { unclosed\n", "(document 5): While parsing a flow mapping" },
        { "not an object", Good() + "\n---\n- just\n- a list\n", "(document 5): A manifest document must be an object" },
        { "JSON cut short", "{\"apiVersion\": \"gateway.networking.k8s.io/v1\", \"kind\": \"HTTPRoute\", \"metadata\": {\"name\": ", "memory:1:" },
        { "path that does not start with /", Good() + BadInputProxy.Route("broken", "no-slash", "echo"), "HTTPRoute apps/broken: spec.rules[0].matches[0].path" },
        { "unknown path match type", Good().Replace("type: PathPrefix", "type: Prefixish", StringComparison.Ordinal), "spec.rules[0].matches[0].path.type: Unsupported value: \"Prefixish\"" },
        { "two objects with the same name", Good() + BadInputProxy.Route("ok", "/other", "echo"), "two HTTPRoute objects named 'apps/ok'" },
        { "port out of range", Good().Replace("port: 8080\n", "port: 70000\n", StringComparison.Ordinal), "spec.rules[0].backendRefs[0].port: Invalid value: 70000" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task InMemory_MalformedChange_RejectedLoggedAndLastGoodStateServes(string name, string manifests, string expectedInError)
    {
        await using var backend = await DisconnectBackend.StartAsync();
        await using var proxy = await BadInputProxy.StartAsync(Good(), Resolver(backend));
        using var client = proxy.HttpClient();
        Assert.Equal("ok", await client.GetStringAsync("/ok"));
        var good = proxy.Configuration.Current.Version;

        var change = proxy.Configuration.Apply(manifests, "memory");

        Assert.False(change.Accepted, name);
        Assert.NotEmpty(change.Errors);
        Assert.NotNull(change.Error);
        Assert.Contains(change.Errors, e => e.StartsWith("memory", StringComparison.Ordinal) && e.Contains(expectedInError, StringComparison.Ordinal));
        Assert.Equal(good, change.Version);
        Assert.Equal(good, proxy.Configuration.Current.Version);
        Assert.Equal(change.Error, proxy.Configuration.LastError);
        var logged = Assert.Single(proxy.Events(2));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Equal("ConfigurationRejected", logged.EventId.Name);
        Assert.Contains(change.Error!, logged.Message, StringComparison.Ordinal);

        // The last good state still answers, and a good change after the bad one is applied again.
        Assert.Equal("ok", await client.GetStringAsync("/ok"));
        Assert.True(proxy.Configuration.Apply(Good() + BadInputProxy.Route("more", "/more", "echo"), "memory").Accepted);
        Assert.Null(proxy.Configuration.LastError);
        Assert.Equal("ok", await client.GetStringAsync("/more"));
    }

    [Fact]
    public async Task Directory_MalformedFileAdded_RejectedWithFileLocation_LastGoodStateServes_FixedFileApplies()
    {
        var directory = Directory.CreateTempSubdirectory("gwapi-bad-input-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "good.yaml"), Good());
            await using var backend = await DisconnectBackend.StartAsync();
            await using var proxy = await BadInputProxy.StartAsync(manifests: null, Resolver(backend), directory.FullName);
            using var client = proxy.HttpClient();
            Assert.Equal("ok", await client.GetStringAsync("/ok"));
            var good = proxy.Configuration.Current.Version;
            var sequence = proxy.Configuration.LastChange!.Sequence;

            var bad = Path.Combine(directory.FullName, "bad.yaml");
            var change = await WriteUntilSeenAsync(proxy.Configuration, sequence, bad, BadInputProxy.Route("broken", "/broken", "echo") + "    - this: [is not closed\n");

            Assert.False(change.Accepted);
            Assert.Contains(change.Errors, e => e.Contains("bad.yaml", StringComparison.Ordinal));
            Assert.Equal(good, proxy.Configuration.Current.Version);
            var logged = await proxy.WaitForEventAsync(2, "bad.yaml");
            Assert.Equal(LogLevel.Error, logged.Level);
            Assert.Equal("ok", await client.GetStringAsync("/ok"));
            using (var broken = await client.GetAsync("/broken"))
            {
                Assert.Equal(HttpStatusCode.NotFound, broken.StatusCode);
            }

            // Fixing the file applies it (the route it adds now answers).
            change = await WriteUntilSeenAsync(proxy.Configuration, change.Sequence, bad, BadInputProxy.Route("broken", "/broken", "echo"));
            while (!change.Accepted)
            {
                change = await NextChangeAsync(proxy.Configuration, change.Sequence);
            }

            Assert.Null(proxy.Configuration.LastError);
            Assert.Equal("ok", await client.GetStringAsync("/broken"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Directory_OnlyMalformedAtStart_HostStartsEmptyAndLogs()
    {
        var directory = Directory.CreateTempSubdirectory("gwapi-bad-input-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "bad.yaml"), "kind: Gateway\nspec: {listeners: [\n");
            await using var backend = await DisconnectBackend.StartAsync();
            await using var proxy = await BadInputProxy.StartAsync(manifests: null, Resolver(backend), directory.FullName);

            var logged = await proxy.WaitForEventAsync(2, "bad.yaml");
            Assert.Equal(LogLevel.Error, logged.Level);
            Assert.Equal(0, proxy.Configuration.Current.Version);
            Assert.NotNull(proxy.Configuration.LastError);
            Assert.Contains("bad.yaml", proxy.Configuration.LastError, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Writes a file and waits for the watcher to make an attempt. The watcher takes its first look at the directory
    /// on a background thread some time after the host has started (see the report: a change made before that look
    /// is missed), so when nothing happens for a while the file is written again.
    /// </summary>
    private static async Task<ConfigurationChange> WriteUntilSeenAsync(GatewayApiProxyConfiguration configuration, long after, string path, string content)
    {
        for (var attempt = 0; ; attempt++)
        {
            // Written under another name and renamed, so the watcher never reads a half-written file.
            var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
            await File.WriteAllTextAsync(temporary, content + new string('#', attempt) + "\n");
            File.Move(temporary, path, overwrite: true);
            using var nudge = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                return await configuration.WaitForChangeAsync(after, nudge.Token);
            }
            catch (OperationCanceledException) when (attempt < 12)
            {
                // Not seen yet: write again (a new size and time).
            }
        }
    }

    private static async Task<ConfigurationChange> NextChangeAsync(GatewayApiProxyConfiguration configuration, long after)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await configuration.WaitForChangeAsync(after, cancel.Token);
    }

    private static string Good() => BadInputProxy.Infrastructure(null, "echo") + BadInputProxy.Route("ok", "/ok", "echo");

    private static StaticBackendEndpointResolver Resolver(DisconnectBackend backend) =>
        new StaticBackendEndpointResolver().Add(BadInputProxy.Namespace, "echo", 8080, new BackendEndpoint(backend.Address.Host, backend.Address.Port));
}
