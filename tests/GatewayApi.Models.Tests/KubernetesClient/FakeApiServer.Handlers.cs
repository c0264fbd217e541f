using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace GatewayApi.Models.Tests.KubernetesClient;

internal sealed partial class FakeApiServer
{
    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, request.ContentType, body));

        if (!TryParseTarget(request.Path.Value ?? string.Empty, out var target, out var problem))
        {
            await WriteStatusAsync(context, StatusCodes.Status404NotFound, "NotFound", problem);
            return;
        }

        switch (request.Method)
        {
            case "GET" when target.Name is null && target.Subresource is null:
                if (string.Equals(request.Query["watch"], "true", StringComparison.OrdinalIgnoreCase))
                {
                    await WatchAsync(context, target);
                }
                else
                {
                    await WriteJsonAsync(context, StatusCodes.Status200OK, List(target));
                }

                break;
            case "GET" when target.Name is not null:
                await RespondAsync(context, () => Read(target));
                break;
            case "PATCH" when target.Name is not null:
                await RespondAsync(context, () => Patch(target, MediaType(request.ContentType), body));
                break;
            case "PUT" when target.Name is not null:
                await RespondAsync(context, () => Put(target, body));
                break;
            default:
                await WriteStatusAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", $"{request.Method} is not supported on {request.Path}.");
                break;
        }
    }

    // /apis/{group}/{version}[/namespaces/{namespace}]/{plural}[/{name}[/status]]
    private static bool TryParseTarget(string path, out Target target, out string problem)
    {
        target = default;
        problem = "the server could not find the requested resource";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 4 || segments[0] != "apis")
        {
            return false;
        }

        var (group, version) = (segments[1], segments[2]);
        var index = 3;
        string? @namespace = null;
        if (segments[index] == "namespaces" && segments.Length > index + 2)
        {
            @namespace = segments[index + 1];
            index += 2;
        }

        var rest = segments[index..];
        if (rest.Length > 3 || FindByPlural(group, rest[0]) is not { } resource || !resource.ServedVersions.Contains(version))
        {
            return false;
        }

        var name = rest.Length > 1 ? rest[1] : null;
        var subresource = rest.Length > 2 ? rest[2] : null;
        if (subresource is not null and not "status"
            || (resource.Namespaced && name is not null && @namespace is null)
            || (!resource.Namespaced && @namespace is not null))
        {
            return false;
        }

        target = new Target(resource, version, @namespace, name, subresource);
        return true;
    }

    private JsonObject List(Target target)
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["apiVersion"] = target.Resource.Group + "/" + target.Version,
                ["kind"] = target.Resource.ListKind,
                ["metadata"] = new JsonObject { ["resourceVersion"] = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["items"] = new JsonArray(Matching(target).ToArray<JsonNode>()),
            };
        }
    }

    // The objects a list or watch of the target sees, as served, in namespace and name order. Called under _gate.
    private IEnumerable<JsonObject> Matching(Target target)
        => _objects
            .Where(entry => entry.Key.Plural == target.Resource.Plural && (target.Namespace is null || entry.Key.Namespace == target.Namespace))
            .OrderBy(entry => entry.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(entry => entry.Key.Name, StringComparer.Ordinal)
            .Select(entry => AsServed(entry.Value, target.Resource, target.Version));

    private JsonObject Read(Target target)
    {
        lock (_gate)
        {
            return AsServed(Stored(target), target.Resource, target.Version);
        }
    }

    private JsonObject Patch(Target target, string mediaType, string body)
    {
        var patch = ParseBody(body);
        lock (_gate)
        {
            var stored = Stored(target);
            var candidate = mediaType switch
            {
                "application/merge-patch+json" => ApplyMergePatch(stored.DeepClone(), patch),
                "application/json-patch+json" => ApplyJsonPatch(stored.DeepClone(), patch as JsonArray
                    ?? throw new ApiError(StatusCodes.Status400BadRequest, "BadRequest", "a JSON patch must be an array of operations")),
                _ => throw new ApiError(
                    StatusCodes.Status415UnsupportedMediaType,
                    "UnsupportedMediaType",
                    $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json (got {mediaType})"),
            };
            return Commit(target, stored, candidate as JsonObject
                ?? throw new ApiError(StatusCodes.Status422UnprocessableEntity, "Invalid", "the patched object is not a JSON object"));
        }
    }

    private JsonObject Put(Target target, string body)
    {
        var candidate = ParseBody(body) as JsonObject
            ?? throw new ApiError(StatusCodes.Status400BadRequest, "BadRequest", "the body must be a JSON object");
        lock (_gate)
        {
            var stored = Stored(target);
            var sentVersion = (string?)candidate["metadata"]?["resourceVersion"];
            if (sentVersion is not null && sentVersion != (string?)stored["metadata"]!["resourceVersion"])
            {
                throw new ApiError(StatusCodes.Status409Conflict, "Conflict", "the object has been modified; please apply your changes to the latest version and try again");
            }

            if ((string?)candidate["metadata"]?["name"] != target.Name)
            {
                throw new ApiError(StatusCodes.Status400BadRequest, "BadRequest", "the name of the object does not match the name on the URL");
            }

            return Commit(target, stored, candidate);
        }
    }

    // Applies a write the way the API server does for a CRD with a status subresource. Called under _gate.
    private JsonObject Commit(Target target, JsonObject stored, JsonObject candidate)
    {
        JsonObject updated;
        if (target.Subresource == "status")
        {
            // Writes to /status change status only.
            updated = stored.DeepClone().AsObject();
            updated.Remove("status");
            if (candidate["status"] is { } status)
            {
                updated["status"] = status.DeepClone();
            }
        }
        else
        {
            // Writes to the object change everything but status and the fields the server owns.
            updated = candidate.DeepClone().AsObject();
            updated["apiVersion"] = stored["apiVersion"]!.DeepClone();
            updated["kind"] = stored["kind"]!.DeepClone();
            updated.Remove("status");
            if (stored["status"] is { } status)
            {
                updated["status"] = status.DeepClone();
            }

            var metadata = updated["metadata"] as JsonObject ?? new JsonObject();
            updated["metadata"] = metadata;
            foreach (var owned in new[] { "name", "namespace", "uid", "creationTimestamp", "generation" })
            {
                metadata.Remove(owned);
                if (stored["metadata"]![owned] is { } value)
                {
                    metadata[owned] = value.DeepClone();
                }
            }

            if (!JsonNode.DeepEquals(stored["spec"], updated["spec"]))
            {
                metadata["generation"] = (long)stored["metadata"]!["generation"]! + 1;
            }
        }

        updated["metadata"]!["resourceVersion"] = NextResourceVersion();
        _objects[Key(target)] = updated;
        foreach (var watch in _watches.Where(w => w.Resource == target.Resource && (w.Namespace is null || w.Namespace == target.Namespace)))
        {
            watch.Events.Writer.TryWrite(EventLine("MODIFIED", AsServed(updated, watch.Resource, watch.Version)));
        }

        return AsServed(updated, target.Resource, target.Version);
    }

    private async Task WatchAsync(HttpContext context, Target target)
    {
        var subscription = new WatchSubscription(target.Resource, target.Namespace, target.Version, Channel.CreateUnbounded<string>());
        lock (_gate)
        {
            // The current objects first, as ADDED events (what a watch without resourceVersion sends), then changes.
            foreach (var item in Matching(target))
            {
                subscription.Events.Writer.TryWrite(EventLine("ADDED", item));
            }

            _watches.Add(subscription);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);
        try
        {
            await foreach (var line in subscription.Events.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            lock (_gate)
            {
                _watches.Remove(subscription);
            }
        }
    }

    private JsonObject Stored(Target target)
        => _objects.TryGetValue(Key(target), out var stored)
            ? stored
            : throw new ApiError(StatusCodes.Status404NotFound, "NotFound", $"{target.Resource.Plural}.{target.Resource.Group} \"{target.Name}\" not found");

    private static (string Plural, string? Namespace, string Name) Key(Target target)
        => (target.Resource.Plural, target.Resource.Namespaced ? target.Namespace : null, target.Name!);

    private static string EventLine(string type, JsonObject item)
        => new JsonObject { ["type"] = type, ["object"] = item }.ToJsonString();

    private static string MediaType(string? contentType)
        => (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();

    private static JsonNode? ParseBody(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new ApiError(StatusCodes.Status400BadRequest, "BadRequest", "the body is not valid JSON: " + exception.Message);
        }
    }

    private static async Task RespondAsync(HttpContext context, Func<JsonObject> action)
    {
        JsonObject result;
        try
        {
            result = action();
        }
        catch (ApiError error)
        {
            await WriteStatusAsync(context, error.Code, error.Reason, error.Message);
            return;
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, result);
    }

    private static Task WriteStatusAsync(HttpContext context, int code, string reason, string message)
        => WriteJsonAsync(context, code, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        });

    private static async Task WriteJsonAsync(HttpContext context, int code, JsonObject body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private readonly record struct Target(Resource Resource, string Version, string? Namespace, string? Name, string? Subresource);

    private sealed class ApiError(int code, string reason, string message) : Exception(message)
    {
        public int Code { get; } = code;

        public string Reason { get; } = reason;
    }
}
