using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Models.Tests.KubernetesClient;

/// <summary>
/// A small stand-in for the Kubernetes API server, served by real Kestrel on 127.0.0.1 (a free port), so that
/// KubernetesClient talks to it over HTTP exactly as it would to a cluster. It knows only the Gateway API
/// resources listed in <c>FakeApiServer.Resources.cs</c> and keeps objects as plain JSON, never as the
/// product's types, so what it serves is independent of the code under test.
/// </summary>
/// <remarks>
/// What it does, as the real API server does for a CRD with a status subresource: list (one namespace or all),
/// get, watch (<c>?watch=true</c>, newline-delimited events), PATCH with JSON merge patch or JSON patch and PUT,
/// on the object or on its <c>/status</c> subresource (writes to <c>/status</c> change only <c>status</c>;
/// writes to the object leave <c>status</c> alone), <c>resourceVersion</c> bumped on every write and checked on
/// PUT, objects served with the <c>apiVersion</c> of the version in the path. Strategic merge patch and
/// server-side apply are refused with 415, as the real server refuses strategic merge patch for custom
/// resources. Every request is recorded (method, path, query, content type, body).
/// </remarks>
internal sealed partial class FakeApiServer : IAsyncDisposable
{
    /// <summary>The creationTimestamp every admitted object gets (fixed, so tests are deterministic).</summary>
    public const string CreationTimestamp = "2023-11-14T22:13:20Z";

    private readonly object _gate = new();
    private readonly Dictionary<(string Plural, string? Namespace, string Name), JsonObject> _objects = new();
    private readonly List<WatchSubscription> _watches = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication? _app;
    private long _resourceVersion;
    private long _uids;

    private FakeApiServer()
    {
    }

    /// <summary>The server's address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server with no objects.</summary>
    public static async Task<FakeApiServer> StartAsync()
    {
        var server = new FakeApiServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server._app = app;
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>A KubernetesClient client pointed at this server, configured as a user would configure it.</summary>
    public Kubernetes CreateClient() => new(new KubernetesClientConfiguration { Host = BaseAddress.ToString() });

    /// <summary>
    /// Stores an object as <c>kubectl apply</c> would create it: the storage <c>apiVersion</c>, namespace
    /// <c>default</c> when the document names none, and the fields the API server fills in (uid,
    /// resourceVersion, generation 1, <see cref="CreationTimestamp"/>).
    /// </summary>
    /// <returns>The object as stored.</returns>
    public JsonObject Add(JsonObject document)
    {
        var stored = document.DeepClone().AsObject();
        var (group, _) = SplitApiVersion((string?)stored["apiVersion"] ?? string.Empty);
        var resource = FindByKind(group, (string?)stored["kind"] ?? string.Empty)
            ?? throw new ArgumentException($"The fake API server does not serve {stored["apiVersion"]} {stored["kind"]}.", nameof(document));
        var metadata = stored["metadata"] as JsonObject ?? throw new ArgumentException("The object has no metadata.", nameof(document));
        var name = (string?)metadata["name"] ?? throw new ArgumentException("The object has no name.", nameof(document));
        if (resource.Namespaced && metadata["namespace"] is null)
        {
            metadata["namespace"] = "default";
        }

        stored["apiVersion"] = resource.Group + "/" + resource.StorageVersion;
        lock (_gate)
        {
            metadata["uid"] = $"00000000-0000-4000-8000-{++_uids:D12}";
            metadata["resourceVersion"] = NextResourceVersion();
            metadata["generation"] = 1;
            metadata["creationTimestamp"] = CreationTimestamp;
            _objects.Add((resource.Plural, resource.Namespaced ? (string)metadata["namespace"]! : null, name), stored);
            return (JsonObject)stored.DeepClone();
        }
    }

    /// <summary>Stores every document of an example file that this server serves; returns them as stored.</summary>
    public IReadOnlyList<JsonObject> AddExample(string relativePath)
    {
        var stored = new List<JsonObject>();
        foreach (var document in CannedExamples.Documents(relativePath))
        {
            var (group, _) = SplitApiVersion((string?)document["apiVersion"] ?? string.Empty);
            if (FindByKind(group, (string?)document["kind"] ?? string.Empty) is not null)
            {
                stored.Add(Add(document));
            }
        }

        return stored;
    }

    /// <summary>The object as the server would serve it at <paramref name="version"/> (a copy).</summary>
    public JsonObject Get(string plural, string? @namespace, string name, string version = "v1")
    {
        lock (_gate)
        {
            var resource = Resources.Single(r => r.Plural == plural);
            return AsServed(_objects[(plural, @namespace, name)], resource, version);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null)
        {
            return;
        }

        lock (_gate)
        {
            // End the open watches so Kestrel does not wait for them on shutdown.
            foreach (var watch in _watches)
            {
                watch.Events.Writer.TryComplete();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    private string NextResourceVersion() => (++_resourceVersion).ToString(CultureInfo.InvariantCulture);

    private static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        var slash = apiVersion.LastIndexOf('/');
        return slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    private static JsonObject AsServed(JsonObject stored, Resource resource, string version)
    {
        // The API server converts between served versions; Gateway API versions share one schema, so only apiVersion changes.
        var copy = stored.DeepClone().AsObject();
        copy["apiVersion"] = resource.Group + "/" + version;
        return copy;
    }

    private sealed record WatchSubscription(Resource Resource, string? Namespace, string Version, Channel<string> Events);
}

/// <summary>One request the fake API server received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, for example <c>/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes</c>.</param>
/// <param name="Query">The query string, with its leading '?', or empty.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Body">The body as text (empty when there is none).</param>
internal sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, string Body);
