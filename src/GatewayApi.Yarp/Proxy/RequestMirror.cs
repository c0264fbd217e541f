using GatewayApi.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp;

/// <summary>
/// Sends RequestMirror copies: fire-and-forget, never awaited by the request, at most
/// <see cref="GatewayApiProxyOptions.MaxConcurrentMirrors"/> in flight (further copies are dropped), each with
/// its own deadline. The copy is the request as forwarded: rewritten host and path, modified headers, same body.
/// </summary>
internal sealed class RequestMirror(BackendTlsClients clients, IBackendEndpointResolver resolver, GatewayApiProxyOptions options, ILogger logger)
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade", "TE", "Trailer", "Proxy-Authenticate", "Proxy-Authorization", "Host", "Content-Length",
    };

    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentMirrors, options.MaxConcurrentMirrors);

    public void Send(HttpContext context, GatewayApiProxyState state, NamespacedName gateway, IReadOnlyList<MirrorDecision> mirrors, string host, string pathAndQuery, IReadOnlyList<HeaderModification> headerChanges, byte[]? body)
    {
        List<KeyValuePair<string, string>>? headers = null;
        foreach (var mirror in mirrors)
        {
            if (!mirror.Mirrored)
            {
                continue;
            }

            if (!mirror.Backend.Usable)
            {
                ProxyLog.MirrorDropped(logger, mirror.Backend.ToString(), mirror.Backend.Problem ?? "backend not usable");
                continue;
            }

            var name = mirror.Backend.ToString();
            var endpoints = resolver.Resolve(mirror.Backend, state);
            if (endpoints.Count == 0)
            {
                ProxyLog.MirrorDropped(logger, name, "no endpoints");
                continue;
            }

            if (!_slots.Wait(0))
            {
                ProxyLog.MirrorDropped(logger, name, "too many copies in flight");
                continue;
            }

            headers ??= CopyHeaders(context.Request.Headers, headerChanges);
            var message = Build(context.Request.Method, RoundRobin.Next(endpoints).Prefix + pathAndQuery, host, headers, body);
            _ = SendAsync(clients.For(mirror.Backend, state, gateway), message, name);
        }
    }

    private async Task SendAsync(HttpMessageInvoker client, HttpRequestMessage message, string backend)
    {
        try
        {
            // Leave the request's thread at once: the copy must never delay the answer.
            await Task.Yield();
            using var timeout = new CancellationTokenSource(options.MirrorTimeout);
            using var response = await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            ProxyLog.MirrorFailed(logger, backend, exception);
        }
        finally
        {
            message.Dispose();
            _slots.Release();
        }
    }

    private static List<KeyValuePair<string, string>> CopyHeaders(IHeaderDictionary source, IReadOnlyList<HeaderModification> changes)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in source)
        {
            if (HopByHop.Contains(name) || name.StartsWith(':'))
            {
                continue;
            }

            headers.Add(new(name, values.ToString()));
        }

        changes.ApplyTo(headers);
        return headers;
    }

    private static HttpRequestMessage Build(string method, string uri, string host, List<KeyValuePair<string, string>> headers, byte[]? body)
    {
        var message = new HttpRequestMessage(new HttpMethod(method), new Uri(uri, UriKind.Absolute)) { Version = System.Net.HttpVersion.Version11 };
        if (body is { Length: > 0 })
        {
            message.Content = new ByteArrayContent(body);
        }

        message.Headers.Host = host;
        foreach (var (name, value) in headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}
