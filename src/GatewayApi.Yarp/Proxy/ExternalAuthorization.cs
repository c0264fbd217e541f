using System.Net;
using System.Net.Http.Headers;
using GatewayApi.Models;
using GatewayApi.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp;

/// <summary>
/// The ExternalAuth filter (GEP-1494, <c>routing-semantics.md</c> §4.6). With the HTTP protocol, before forwarding
/// the request's method and path (behind <c>http.path</c>) go to the auth service with <c>Host</c>,
/// <c>Authorization</c>, <c>Content-Length</c> and the <c>allowedHeaders</c>, and the body when <c>forwardBody</c>
/// allows it. A 200 lets the request through with the auth answer's headers (all, or the
/// <c>allowedResponseHeaders</c>) set on it; any other answer is returned to the client as the auth service wrote it.
/// With the GRPC protocol the auth service is asked over Envoy's ext_authz gRPC API (<see cref="ExtAuthzMessages"/>):
/// an OK status lets the request through with the answer's header changes, anything else is the answer's denial
/// (403 by default). Either way it fails closed: no endpoint, no connection, no answer in time, or an answer that
/// cannot be read is a 403.
/// </summary>
internal sealed class ExternalAuthorization(BackendTlsClients clients, IBackendEndpointResolver resolver, GatewayApiProxyOptions options, ILogger logger)
{
    // Never copied from the auth answer onto the request: they describe the auth answer itself or its connection.
    private static readonly HashSet<string> NotCopied = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", ":authority", "Content-Length", "Content-Type", "Content-Encoding", "Transfer-Encoding", "Connection",
        "Keep-Alive", "Proxy-Connection", "Upgrade", "TE", "Trailer", "Date", "Server",
    };

    /// <summary>Runs one filter; true lets the request go on, false means the answer has been written.</summary>
    public async Task<bool> AuthorizeAsync(HttpContext context, GatewayApiProxyState state, NamespacedName gateway, ExternalAuthDecision auth, string pathAndQuery)
    {
        var filter = auth.Filter;
        var backend = auth.Backend;
        var request = context.Request;
        var grpc = filter.Protocol?.Value == HttpRouteExternalAuthProtocol.Grpc.Value;
        if (!grpc && filter.Protocol?.Value != HttpRouteExternalAuthProtocol.Http.Value)
        {
            ProxyLog.FilterNotHandled(logger, request.Method, request.Path, null, "ExternalAuth (protocol " + filter.Protocol?.Value + ")", backend.ToString());
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return false;
        }

        var endpoints = backend.Usable ? resolver.Resolve(backend, state) : [];
        if (endpoints.Count == 0)
        {
            return Deny(context, backend, backend.Usable ? "no endpoints" : "backend not usable: " + backend.Problem);
        }

        // forwardBody: the body goes along (and is kept for the backend) up to maxSize; a larger one is refused (R15).
        var maxSize = filter.ForwardBody?.MaxSize ?? 0;
        byte[] body = [];
        if (maxSize > 0 && HasBody(context))
        {
            if (request.ContentLength > maxSize)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return false;
            }

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            if (buffer.Length > maxSize)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return false;
            }

            body = buffer.ToArray();
            request.Body = new MemoryStream(body, writable: false);
        }

        var endpoint = RoundRobin.Next(endpoints);
        if (grpc)
        {
            return await AuthorizeGrpcAsync(context, state, gateway, auth, endpoint, body).ConfigureAwait(false);
        }

        var prefix = (filter.Http?.Path ?? string.Empty).TrimEnd('/');
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), endpoint.Prefix + prefix + pathAndQuery)
        {
            Content = new ByteArrayContent(body),
        };
        message.Headers.Host = request.Host.Value;
        foreach (var name in (IEnumerable<string>)["Authorization", .. filter.Http?.AllowedHeaders ?? []])
        {
            if (request.Headers.TryGetValue(name, out var values) && !message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        HttpResponseMessage answer;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(options.ExternalAuthTimeout);
        try
        {
            answer = await clients.For(backend, state, gateway).SendAsync(message, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            // The client leaving is no auth failure; either way nothing is forwarded.
            return !context.RequestAborted.IsCancellationRequested && Deny(context, backend, exception.Message);
        }

        using (answer)
        {
            if (answer.StatusCode == System.Net.HttpStatusCode.OK)
            {
                var allowed = filter.Http?.AllowedResponseHeaders is { Count: > 0 } names ? new HashSet<string>(names, StringComparer.OrdinalIgnoreCase) : null;
                foreach (var (name, values) in answer.Headers)
                {
                    if (!NotCopied.Contains(name) && (allowed is null || allowed.Contains(name)))
                    {
                        request.Headers[name] = values.ToArray();
                    }
                }

                return true;
            }

            // Denied: the client gets the auth service's answer.
            ProxyLog.ExternalAuthDenied(logger, request.Method, request.Path, backend.ToString(), (int)answer.StatusCode);
            context.Response.StatusCode = (int)answer.StatusCode;
            foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
            {
                if (!NotCopied.Contains(name) || string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
            return false;
        }
    }

    private async Task<bool> AuthorizeGrpcAsync(HttpContext context, GatewayApiProxyState state, NamespacedName gateway, ExternalAuthDecision auth, BackendEndpoint endpoint, byte[] body)
    {
        var backend = auth.Backend;
        var request = context.Request;
        var check = ExtAuthzMessages.CheckRequest(context, auth.Filter.Grpc?.AllowedHeaders, body, options.StatusEngine.TimeProvider.GetUtcNow());
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint.Prefix + ExtAuthzMessages.CheckPath)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(ProtoWire.Frame(check)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));

        AuthCheckResult result;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(options.ExternalAuthTimeout);
        try
        {
            using var answer = await clients.For(backend, state, gateway).SendAsync(message, deadline.Token).ConfigureAwait(false);
            var bytes = await answer.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);

            // grpc-status comes in the trailers, or in the headers of a trailers-only answer.
            var status = answer.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.FirstOrDefault()
                : answer.Headers.TryGetValues("grpc-status", out var header) ? header.FirstOrDefault() : null;
            if (answer.StatusCode != HttpStatusCode.OK || status != "0")
            {
                return Deny(context, backend, $"the Check call failed: HTTP {(int)answer.StatusCode}, grpc-status {status ?? "none"}");
            }

            result = ExtAuthzMessages.CheckResponse(ProtoWire.Unframe(bytes));
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException or FormatException)
        {
            return !context.RequestAborted.IsCancellationRequested && Deny(context, backend, exception.Message);
        }

        if (result.Allowed)
        {
            foreach (var change in result.Headers)
            {
                if (Changeable(change.Name))
                {
                    Apply(request.Headers, change);
                }
            }

            foreach (var name in result.HeadersToRemove)
            {
                if (Changeable(name))
                {
                    request.Headers.Remove(name);
                }
            }

            if (result.ResponseHeadersToAdd.Count > 0)
            {
                // On the client's response, after the backend's headers are copied.
                var response = context.Response;
                response.OnStarting(() =>
                {
                    foreach (var change in result.ResponseHeadersToAdd)
                    {
                        if (Changeable(change.Name))
                        {
                            Apply(response.Headers, change);
                        }
                    }

                    return Task.CompletedTask;
                });
            }

            return true;
        }

        ProxyLog.ExternalAuthDenied(logger, request.Method, request.Path, backend.ToString(), result.DeniedStatus);
        context.Response.StatusCode = result.DeniedStatus;
        foreach (var change in result.Headers)
        {
            // A denial describes its own body, so its Content-Type is kept.
            if (Changeable(change.Name) || string.Equals(change.Name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                Apply(context.Response.Headers, change);
            }
        }

        await context.Response.Body.WriteAsync(result.Body, context.RequestAborted).ConfigureAwait(false);
        return false;
    }

    // Pseudo-headers, Host and the framing headers are the proxy's; an auth answer does not change them.
    private static bool Changeable(string name) => name.Length > 0 && !name.StartsWith(':') && !NotCopied.Contains(name);

    private static void Apply(IHeaderDictionary headers, AuthHeader change)
    {
        switch (change.Action)
        {
            case AuthHeaderAction.Append:
                headers.Append(change.Name, change.Value);
                break;
            case AuthHeaderAction.AddIfAbsent when !headers.ContainsKey(change.Name):
            case AuthHeaderAction.OverwriteIfExists when headers.ContainsKey(change.Name):
            case AuthHeaderAction.Overwrite:
                headers[change.Name] = change.Value;
                break;
        }
    }

    private static bool HasBody(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false };

    private bool Deny(HttpContext context, RoutedBackend backend, string reason)
    {
        // Fail closed, as Envoy's ext_authz does by default.
        ProxyLog.ExternalAuthFailed(logger, context.Request.Method, context.Request.Path, backend.ToString(), reason);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return false;
    }
}
