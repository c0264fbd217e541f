using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GatewayApi.Models.Tests.KubernetesClient;

/// <summary>
/// A KubernetesClient 21.0.8 user reads, watches and writes the status of our kinds with the client's own
/// generic APIs (<see cref="GenericClient"/> and <see cref="ICustomObjectsOperations"/>), passing our types as
/// the type arguments and nothing else. The server is <see cref="FakeApiServer"/> on 127.0.0.1, loaded with
/// upstream examples; every object that comes back must be typed and serialize to exactly what the server
/// sent, and every body the server receives must be what the typed object says.
/// </summary>
public sealed class GenericClientTests : IAsyncLifetime
{
    private const string Group = GatewayApiGroups.Group;

    // The examples the server holds: four HTTPRoutes and a Gateway in "default" (no namespace in the files),
    // two Gateways in gateway-api-example-ns1 and an HTTPRoute in gateway-api-example-ns2.
    private static readonly string[] Examples =
    [
        "standard/http-routing/gateway.yaml",
        "standard/http-routing/foo-httproute.yaml",
        "standard/http-routing/bar-httproute.yaml",
        "experimental/http-route-timeouts/timeout-example.yaml",
        "standard/http-route-attachment/gateway-namespaces.yaml",
        "standard/http-route-attachment/gateway-strict.yaml",
        "standard/http-route-attachment/httproute.yaml",
    ];

    private static readonly DateTime TransitionTime = new(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private FakeApiServer _server = null!;
    private Kubernetes _client = null!;
    private List<JsonObject> _stored = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeApiServer.StartAsync();
        _stored = Examples.SelectMany(_server.AddExample).ToList();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ListNamespaced_ReturnsTypedHttpRouteList_WithEveryRouteIntact()
    {
        using var routes = new GenericClient(_client, Group, "v1", "httproutes", disposeClient: false);

        var list = await routes.ListNamespacedAsync<HttpRouteList>("default");

        Assert.Equal("HTTPRouteList", list.Kind);
        Assert.False(string.IsNullOrEmpty(list.Metadata.ResourceVersion));
        var expected = StoredOf("HTTPRoute", "default");
        Assert.Equal(expected.Select(NameOf), list.Items.Select(route => route.Metadata.Name));
        foreach (var (stored, route) in expected.Zip(list.Items))
        {
            JsonAssert.SerializesTo(stored, route, NameOf(stored));
        }

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("GET", "/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes"), (request.Method, request.Path));
    }

    [Fact]
    public async Task List_AllNamespaces_ReturnsTheRoutesOfEveryNamespace()
    {
        using var routes = new GenericClient(_client, Group, "v1", "httproutes", disposeClient: false);

        var list = await routes.ListAsync<HttpRouteList>();

        var expected = StoredOf("HTTPRoute", @namespace: null);
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected.Select(NameOf), list.Items.Select(route => route.Metadata.Name));
        Assert.Equal(["default", "gateway-api-example-ns2"], list.Items.Select(route => route.Metadata.NamespaceProperty).Distinct().Order());
        foreach (var (stored, route) in expected.Zip(list.Items))
        {
            JsonAssert.SerializesTo(stored, route, NameOf(stored));
        }

        Assert.Equal("/apis/gateway.networking.k8s.io/v1/httproutes", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task ReadNamespaced_HttpRoute_IsTypedAndIntact()
    {
        using var routes = new GenericClient(_client, Group, "v1", "httproutes", disposeClient: false);

        var route = await routes.ReadNamespacedAsync<HttpRoute>("default", "timeout-example");

        // Typed all the way down, durations included.
        var rule = Assert.Single(route.Spec.Rules!);
        Assert.Equal(PathMatchType.PathPrefix, rule.Matches![0].Path!.Type);
        Assert.Equal(TimeSpan.FromSeconds(10), rule.Timeouts!.Request!.Value.TimeSpan);
        Assert.Equal(TimeSpan.FromSeconds(2), rule.Timeouts.BackendRequest!.Value.TimeSpan);
        Assert.Equal(8080, rule.BackendRefs![0].Port);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), route.Metadata.CreationTimestamp);

        // Intact: the same JSON the server sent, and the canned spec unchanged.
        JsonAssert.SerializesTo(_server.Get("httproutes", "default", "timeout-example"), route);
        var canned = CannedExamples.Document("experimental/http-route-timeouts/timeout-example.yaml", "HTTPRoute", "timeout-example");
        JsonAssert.Equal(canned["spec"], JsonAssert.Ours(route)["spec"], "spec");
        Assert.Equal("/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/timeout-example", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task ReadNamespaced_Gateway_IsTypedAndIntact()
    {
        using var gateways = new GenericClient(_client, Group, "v1", "gateways", disposeClient: false);

        var gateway = await gateways.ReadNamespacedAsync<Gateway>("gateway-api-example-ns1", "foo-gateway");

        var listener = Assert.Single(gateway.Spec.Listeners!);
        Assert.Equal(ProtocolType.Http, listener.Protocol);
        Assert.Equal(80, listener.Port);
        Assert.Equal(FromNamespaces.Selector, listener.AllowedRoutes!.Namespaces!.From);
        Assert.Equal("gateway-api-example-ns2", listener.AllowedRoutes.Namespaces.Selector!.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Equal("HTTPRoute", listener.AllowedRoutes.Kinds![0].Kind);

        JsonAssert.SerializesTo(_server.Get("gateways", "gateway-api-example-ns1", "foo-gateway"), gateway);
        var canned = CannedExamples.Document("standard/http-route-attachment/gateway-strict.yaml", "Gateway", "foo-gateway");
        JsonAssert.Equal(canned["spec"], JsonAssert.Ours(gateway)["spec"], "spec");
    }

    [Fact]
    public async Task ReadNamespaced_AtServedVersionV1Beta1_KeepsThatApiVersion()
    {
        // Every served version shares one schema, so the v1 types read v1beta1 objects and keep their apiVersion.
        using var gateways = new GenericClient(_client, Group, "v1beta1", "gateways", disposeClient: false);

        var gateway = await gateways.ReadNamespacedAsync<Gateway>("default", "example-gateway");

        Assert.Equal("gateway.networking.k8s.io/v1beta1", gateway.ApiVersion);
        JsonAssert.SerializesTo(_server.Get("gateways", "default", "example-gateway", "v1beta1"), gateway);
        Assert.Equal("/apis/gateway.networking.k8s.io/v1beta1/namespaces/default/gateways/example-gateway", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task PatchStatus_HttpRoute_MergePatch_SendsOurConditions_AndReturnsTheTypedRoute()
    {
        var before = _server.Get("httproutes", "default", "foo-route");
        var status = AcceptedRouteStatus("example-gateway");

        var patched = await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<HttpRoute>(
            new V1Patch(new { status }, V1Patch.PatchType.MergePatch), Group, "v1", "default", "httproutes", "foo-route");

        // What the server received: a merge patch whose body is exactly our status, timestamps in RFC 3339.
        var request = Assert.Single(_server.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/foo-route/status", request.Path);
        Assert.Equal("application/merge-patch+json; charset=utf-8", request.ContentType);
        Assert.Contains("\"lastTransitionTime\":\"2024-01-02T03:04:05Z\"", request.Body, StringComparison.Ordinal);
        JsonAssert.Equal(
            JsonNode.Parse("""
                {"status":{"parents":[{
                  "parentRef":{"name":"example-gateway"},
                  "controllerName":"example.com/gateway-controller",
                  "conditions":[
                    {"type":"Accepted","status":"True","reason":"Accepted","message":"Accepted by example-gateway","observedGeneration":1,"lastTransitionTime":"2024-01-02T03:04:05Z"},
                    {"type":"ResolvedRefs","status":"True","reason":"ResolvedRefs","message":"All references resolved","observedGeneration":1,"lastTransitionTime":"2024-01-02T03:04:05Z"}]}]}}
                """),
            JsonNode.Parse(request.Body),
            "patch body");

        // What came back: the typed route, status as sent, spec untouched, the server's JSON exactly.
        var condition = patched.Status!.Parents![0].Conditions![0];
        Assert.Equal(RouteConditionType.Accepted.Value, condition.Type);
        Assert.Equal(TransitionTime, condition.LastTransitionTime);
        Assert.Equal(DateTimeKind.Utc, condition.LastTransitionTime.Kind);
        JsonAssert.Equal(JsonAssert.Ours(status), JsonAssert.Ours(patched)["status"], "status");
        JsonAssert.Equal(before["spec"], JsonAssert.Ours(patched)["spec"], "spec");
        Assert.NotEqual((string?)before["metadata"]!["resourceVersion"], patched.Metadata.ResourceVersion);
        JsonAssert.SerializesTo(_server.Get("httproutes", "default", "foo-route"), patched);
    }

    [Fact]
    public async Task PatchStatus_Gateway_MergePatch_WithListenersAndAttachedRoutes()
    {
        var status = new GatewayStatus
        {
            Addresses = [new GatewayStatusAddress { Type = AddressType.IPAddress, Value = "192.0.2.10" }],
            Conditions =
            [
                Condition(GatewayConditionType.Accepted.Value, GatewayConditionReason.Accepted.Value, "Gateway accepted"),
                Condition(GatewayConditionType.Programmed.Value, "Programmed", "Gateway programmed"),
            ],
            Listeners =
            [
                new ListenerStatus
                {
                    Name = "http",
                    AttachedRoutes = 4,
                    SupportedKinds = [new RouteGroupKind { Group = Group, Kind = HttpRoute.KindName }],
                    Conditions = [Condition(ListenerConditionType.Accepted.Value, "Accepted", "Listener accepted")],
                },
            ],
        };

        var patched = await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<Gateway>(
            new V1Patch(new { status }, V1Patch.PatchType.MergePatch), Group, "v1", "default", "gateways", "example-gateway");

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/apis/gateway.networking.k8s.io/v1/namespaces/default/gateways/example-gateway/status", request.Path);
        JsonAssert.Equal(
            JsonNode.Parse("""
                {"status":{
                  "addresses":[{"type":"IPAddress","value":"192.0.2.10"}],
                  "conditions":[
                    {"type":"Accepted","status":"True","reason":"Accepted","message":"Gateway accepted","observedGeneration":1,"lastTransitionTime":"2024-01-02T03:04:05Z"},
                    {"type":"Programmed","status":"True","reason":"Programmed","message":"Gateway programmed","observedGeneration":1,"lastTransitionTime":"2024-01-02T03:04:05Z"}],
                  "listeners":[{"name":"http","supportedKinds":[{"group":"gateway.networking.k8s.io","kind":"HTTPRoute"}],"attachedRoutes":4,
                    "conditions":[{"type":"Accepted","status":"True","reason":"Accepted","message":"Listener accepted","observedGeneration":1,"lastTransitionTime":"2024-01-02T03:04:05Z"}]}]}}
                """),
            JsonNode.Parse(request.Body),
            "patch body");

        Assert.Equal(AddressType.IPAddress, patched.Status!.Addresses![0].Type);
        var listener = Assert.Single(patched.Status.Listeners!);
        Assert.Equal(4, listener.AttachedRoutes);
        Assert.Equal(TransitionTime, listener.Conditions![0].LastTransitionTime);
        JsonAssert.SerializesTo(_server.Get("gateways", "default", "example-gateway"), patched);
    }

    [Fact]
    public async Task PatchStatus_JsonPatch_AddsTheStatus()
    {
        var status = AcceptedRouteStatus("example-gateway");
        var operations = new object[]
        {
            new { op = "test", path = "/metadata/name", value = "bar-route" },
            new { op = "add", path = "/status", value = status },
        };

        var patched = await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<HttpRoute>(
            new V1Patch(operations, V1Patch.PatchType.JsonPatch), Group, "v1", "default", "httproutes", "bar-route");

        var request = Assert.Single(_server.Requests);
        Assert.Equal("application/json-patch+json; charset=utf-8", request.ContentType);
        JsonAssert.Equal(JsonAssert.Ours(status), JsonNode.Parse(request.Body)![1]!["value"], "operation value");
        JsonAssert.Equal(JsonAssert.Ours(status), JsonAssert.Ours(patched)["status"], "status");
        JsonAssert.SerializesTo(_server.Get("httproutes", "default", "bar-route"), patched);
    }

    [Fact]
    public async Task ReplaceStatus_SendsTheWholeTypedObject_AndItsResourceVersionGuardsTheWrite()
    {
        using var gateways = new GenericClient(_client, Group, "v1", "gateways", disposeClient: false);
        var gateway = await gateways.ReadNamespacedAsync<Gateway>("default", "example-gateway");
        gateway.Status = new GatewayStatus
        {
            Conditions = [Condition(GatewayConditionType.Accepted.Value, GatewayConditionReason.Accepted.Value, "Gateway accepted")],
        };

        var replaced = await _client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<Gateway>(
            gateway, Group, "v1", "default", "gateways", "example-gateway");

        // The PUT body is the object exactly as our serializer writes it, metadata.resourceVersion included.
        var request = _server.Requests[^1];
        Assert.Equal(("PUT", "/apis/gateway.networking.k8s.io/v1/namespaces/default/gateways/example-gateway/status"), (request.Method, request.Path));
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        JsonAssert.Equal(JsonAssert.Ours(gateway), JsonNode.Parse(request.Body), "PUT body");
        JsonAssert.Equal(JsonAssert.Ours(gateway.Status), JsonAssert.Ours(replaced)["status"], "status");
        Assert.NotEqual(gateway.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
        JsonAssert.SerializesTo(_server.Get("gateways", "default", "example-gateway"), replaced);

        // Writing again from the stale copy is refused, as the API server refuses it.
        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<Gateway>(
            gateway, Group, "v1", "default", "gateways", "example-gateway"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
    }

    [Fact]
    public async Task WatchNamespaced_StreamsTypedEvents_IncludingAStatusChange()
    {
        using var routes = new GenericClient(_client, Group, "v1", "httproutes", disposeClient: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var expected = StoredOf("HTTPRoute", "default");
        var status = AcceptedRouteStatus("example-gateway");
        var errors = new List<Exception>();
        var added = new List<HttpRoute>();
        HttpRoute? modified = null;

        await foreach (var (type, route) in routes.WatchNamespacedAsync<HttpRoute>("default", errors.Add, timeout.Token))
        {
            if (type == WatchEventType.Added)
            {
                added.Add(route);
                if (added.Count == expected.Count)
                {
                    // Every current object has arrived; a controller now writes a status.
                    await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<HttpRoute>(
                        new V1Patch(new { status }, V1Patch.PatchType.MergePatch), Group, "v1", "default", "httproutes", "bar-route", cancellationToken: timeout.Token);
                }

                continue;
            }

            Assert.Equal(WatchEventType.Modified, type);
            modified = route;
            break;
        }

        // The client reports events it cannot read through onError, so an empty list means every line was read.
        Assert.Empty(errors);
        Assert.Equal(expected.Select(NameOf), added.Select(route => route.Metadata.Name));
        foreach (var (stored, route) in expected.Zip(added))
        {
            JsonAssert.SerializesTo(stored, route, NameOf(stored));
        }

        Assert.NotNull(modified);
        Assert.Equal("bar-route", modified.Metadata.Name);
        JsonAssert.SerializesTo(_server.Get("httproutes", "default", "bar-route"), modified);
        JsonAssert.Equal(JsonAssert.Ours(status), JsonAssert.Ours(modified)["status"], "status");
        Assert.Contains(_server.Requests, r => r.Path == "/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes" && r.Query.Contains("watch=true", StringComparison.Ordinal));
    }

    private List<JsonObject> StoredOf(string kind, string? @namespace)
        => _stored
            .Where(o => (string?)o["kind"] == kind && (@namespace is null || (string?)o["metadata"]!["namespace"] == @namespace))
            .OrderBy(o => (string?)o["metadata"]!["namespace"], StringComparer.Ordinal)
            .ThenBy(NameOf, StringComparer.Ordinal)
            .ToList();

    private static string NameOf(JsonObject stored) => (string)stored["metadata"]!["name"]!;

    private static V1Condition Condition(string type, string reason, string message) => new()
    {
        Type = type,
        Status = "True",
        Reason = reason,
        Message = message,
        ObservedGeneration = 1,
        LastTransitionTime = TransitionTime,
    };

    private static RouteStatus AcceptedRouteStatus(string gateway) => new()
    {
        Parents =
        [
            new RouteParentStatus
            {
                ParentRef = new ParentReference { Name = gateway },
                ControllerName = "example.com/gateway-controller",
                Conditions =
                [
                    Condition(RouteConditionType.Accepted.Value, RouteConditionReason.Accepted.Value, "Accepted by " + gateway),
                    Condition(RouteConditionType.ResolvedRefs.Value, "ResolvedRefs", "All references resolved"),
                ],
            },
        ],
    };
}
