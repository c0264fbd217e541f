using GatewayApi.Models;
using GatewayApi.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp;

/// <summary>
/// The ExternalAuth filter with the HTTP protocol (GEP-1494, <c>routing-semantics.md</c> §4.6): before forwarding,
/// the request's method and path (behind <c>http.path</c>) go to the auth service with <c>Host</c>,
/// <c>Authorization</c>, <c>Content-Length</c> and the <c>allowedHeaders</c>, and the body when <c>forwardBody</c>
/// allows it. A 200 lets the request through with the auth answer's headers (all, or the
/// <c>allowedResponseHeaders</c>) set on it; any other answer is returned to the client as the auth service wrote it.
/// It fails closed: no endpoint, no connection or no answer in time is a 403. The GRPC protocol (Envoy's ext_authz
/// API) is not implemented: 500.
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
        if (filter.Protocol?.Value != HttpRouteExternalAuthProtocol.Http.Value)
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
