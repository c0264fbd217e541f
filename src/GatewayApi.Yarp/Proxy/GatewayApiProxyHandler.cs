using System.Globalization;
using GatewayApi.Routing;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace GatewayApi.Yarp;

/// <summary>
/// Handles one request: the router of the current state decides, the decision is executed (answer, redirect, or
/// filters then forward through YARP's <see cref="IHttpForwarder"/> with timeouts, retries and mirrors).
/// </summary>
internal sealed class GatewayApiProxyHandler
{
    private readonly GatewayApiProxyConfiguration _configuration;
    private readonly GatewayApiProxyListeners _listeners;
    private readonly IHttpForwarder _forwarder;
    private readonly IBackendEndpointResolver _resolver;
    private readonly IExtensionRefFilter? _extensionFilter;
    private readonly GatewayApiProxyOptions _options;
    private readonly ILogger _logger;
    private readonly BackendTlsClients _clients;
    private readonly RequestMirror _mirror;
    private readonly ExternalAuthorization _externalAuth;
    private readonly ForwarderRequestConfig _http1;
    private readonly ForwarderRequestConfig _http2;

    public GatewayApiProxyHandler(
        GatewayApiProxyConfiguration configuration,
        GatewayApiProxyListeners listeners,
        IHttpForwarder forwarder,
        IBackendEndpointResolver resolver,
        BackendTlsClients clients,
        IServiceProvider services,
        IOptions<GatewayApiProxyOptions> options,
        ILoggerFactory loggerFactory)
    {
        _configuration = configuration;
        _listeners = listeners;
        _forwarder = forwarder;
        _resolver = resolver;
        _extensionFilter = services.GetService<IExtensionRefFilter>();
        _options = options.Value;
        _logger = loggerFactory.CreateLogger(ProxyLog.Category);
        _clients = clients;
        _mirror = new RequestMirror(clients, resolver, _options, _logger);
        _externalAuth = new ExternalAuthorization(clients, resolver, _options, _logger);
        _http1 = BackendProtocols.Http1(_options.ActivityTimeout);
        _http2 = BackendProtocols.Http2(_options.ActivityTimeout);
    }

    public Task InvokeAsync(HttpContext context)
    {
        // One state for the whole request: router, Secrets and EndpointSlices of the same version.
        var state = _configuration.Current;
        _listeners.TryGetListenerPort(context.Connection.LocalPort, out var listenerPort);
        NamespacedName gateway;
        if (ListenerPorts.Of(state).TryGetValue(listenerPort, out var port))
        {
            gateway = port.Gateway;
        }
        else if (state.Routing.Gateways.Count > 0)
        {
            gateway = new NamespacedName(state.Routing.Gateways[0].Namespace, state.Routing.Gateways[0].Name);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var request = new HttpRoutingRequest
        {
            Gateway = gateway,
            Port = listenerPort,
            Scheme = IsTls(context) ? "https" : "http",
            ServerName = context.Features.Get<ITlsHandshakeFeature>()?.HostName,
            Authority = context.Request.Host.Value ?? "",
            Method = context.Request.Method,
            Path = RawPathAndQuery(context, _options.RemoveDotSegments),
            Headers = Headers(context.Request.Headers),
        };

        return IsGrpc(context.Request.ContentType)
            ? HandleGrpcAsync(context, state, request)
            : HandleHttpAsync(context, state, request);
    }

    // An h2c connection carries a stand-in TLS feature (see CleartextHttp2Detection); it is still plain http.
    private static bool IsTls(HttpContext context) =>
        context.Request.IsHttps && context.Features.Get<CleartextHttp2Feature>() is null;

    // A rule that keeps sessions: the request's session, if any (a request of a known session goes back to its
    // backend while that is still usable, whatever the weighted draw said).
    private SessionPersistence? ReadSession(HttpContext context, SessionPersistenceSettings? settings, RouteReference? route, int ruleIndex) =>
        settings is null ? null : SessionPersistence.Read(context, route, ruleIndex, settings, _options.StatusEngine.TimeProvider.GetUtcNow());

    private static bool IsGrpc(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);

    private static string RawPathAndQuery(HttpContext context, bool removeDotSegments)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var target = raw is { Length: > 0 } && raw[0] == '/' ? raw : context.Request.GetEncodedPathAndQuery();
        return removeDotSegments ? PathNormalization.RemoveDotSegments(target) : target;
    }

    private static List<KeyValuePair<string, string>> Headers(IHeaderDictionary headers)
    {
        var list = new List<KeyValuePair<string, string>>(headers.Count);
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                list.Add(new(name, value ?? ""));
            }
        }

        return list;
    }

    private async Task HandleHttpAsync(HttpContext context, GatewayApiProxyState state, HttpRoutingRequest request)
    {
        var decision = _options.Decide(random => state.Router.RouteHttp(request, random));
        var session = decision.Action == HttpAction.Redirect ? null : ReadSession(context, decision.SessionPersistence, decision.Route, decision.RuleIndex);
        if (session?.RedrawFor(decision.Backend) is { } bound)
        {
            var pinned = request with { SessionBackend = bound };
            decision = _options.Decide(random => state.Router.RouteHttp(pinned, random));
        }

        switch (decision.Action)
        {
            case HttpAction.Redirect:
                DecisionTransformer.ApplyResponseHeaders(context.Response.Headers, decision.ResponseHeaderModifications);
                context.Response.StatusCode = decision.StatusCode;
                context.Response.Headers.Location = decision.Location;
                return;
            case HttpAction.Respond:
                Respond(context, decision, request);
                return;
        }

        if (!await RunFiltersAsync(context, state, request, decision).ConfigureAwait(false))
        {
            return;
        }

        var backend = decision.Backend!;
        var endpoints = _resolver.Resolve(backend, state);
        if (endpoints.Count == 0)
        {
            ProxyLog.NoEndpoints(_logger, request.Method, request.Path, backend.ToString());
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var endpoint = session?.ChooseEndpoint(context, backend, endpoints) ?? RoundRobin.Next(endpoints);
        var retries = decision.Retry is { } retry ? Math.Max(0, retry.Attempts ?? _options.DefaultRetryAttempts) : 0;
        var mirrored = decision.Mirrors.Any(m => m.Mirrored);
        var replayable = true;
        byte[]? body = null;
        if (retries > 0 || mirrored)
        {
            (replayable, body) = await BufferBodyAsync(context).ConfigureAwait(false);
        }

        if (mirrored)
        {
            if (replayable)
            {
                _mirror.Send(context, state, request.Gateway, decision.Mirrors, decision.Host ?? request.Authority, decision.Path ?? request.Path, decision.RequestHeaderModifications, body);
            }
            else
            {
                foreach (var mirror in decision.Mirrors.Where(m => m.Mirrored))
                {
                    ProxyLog.MirrorDropped(_logger, mirror.Backend.ToString(), "the request body is too large or streamed");
                }
            }
        }

        var config = BackendProtocols.IsH2c(state, backend) ? _http2 : _http1;
        var client = _clients.For(backend, state, request.Gateway);
        await ForwardAsync(context, request, decision, backend, endpoint, client, config, replayable ? retries : 0).ConfigureAwait(false);
    }

    private void Respond(HttpContext context, HttpRouteDecision decision, HttpRoutingRequest request)
    {
        if (decision.Backend is { Usable: false } backend)
        {
            ProxyLog.InvalidBackend(_logger, request.Method, request.Path, decision.Route?.ToString(), backend.ToString(), backend.Problem, decision.StatusCode);
        }

        // R10: the route's response headers apply to answers the gateway gives itself too.
        DecisionTransformer.ApplyResponseHeaders(context.Response.Headers, decision.ResponseHeaderModifications);
        if (decision.Cors is { IsPreflight: true } cors)
        {
            foreach (var (name, value) in cors.ResponseHeaders)
            {
                context.Response.Headers[name] = value;
            }
        }

        context.Response.StatusCode = decision.StatusCode;
    }

    private async ValueTask<bool> RunFiltersAsync(HttpContext context, GatewayApiProxyState state, HttpRoutingRequest request, HttpRouteDecision decision)
    {
        foreach (var filter in decision.ExtensionRefs)
        {
            if (_extensionFilter is null)
            {
                ProxyLog.FilterNotHandled(_logger, context.Request.Method, context.Request.Path, decision.Route?.ToString(), "ExtensionRef", $"{filter.Kind} {filter.Namespace}/{filter.Name}");
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return false;
            }

            if (!await _extensionFilter.InvokeAsync(context, filter).ConfigureAwait(false))
            {
                return false;
            }
        }

        foreach (var auth in decision.ExternalAuth)
        {
            // The auth service sees the path the client sent.
            if (!await _externalAuth.AuthorizeAsync(context, state, request.Gateway, auth, request.Path).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<(bool Replayable, byte[]? Body)> BufferBodyAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return (true, null);
        }

        if (context.Request.ContentLength is not { } length || length > _options.MaxBufferedRequestBodyBytes)
        {
            return (false, null);
        }

        var body = new byte[length];
        await context.Request.Body.ReadExactlyAsync(body, context.RequestAborted).ConfigureAwait(false);
        context.Request.Body = new MemoryStream(body, writable: false);
        return (true, body);
    }

    private async Task ForwardAsync(HttpContext context, HttpRoutingRequest request, HttpRouteDecision decision, RoutedBackend backend, BackendEndpoint endpoint, HttpMessageInvoker client, ForwarderRequestConfig config, int retries)
    {
        var requestTimeout = decision.Timeouts?.Request ?? _options.DefaultRequestTimeout;
        var backendTimeout = decision.Timeouts?.BackendRequest;
        using var requestDeadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (requestTimeout is { } whole && whole > TimeSpan.Zero)
        {
            requestDeadline.CancelAfter(whole);
        }

        var retryCodes = decision.Retry?.Codes ?? [];
        var backoff = decision.Retry?.Backoff ?? _options.DefaultRetryBackoff;
        for (var attempt = 0; ; attempt++)
        {
            var retryLeft = attempt < retries;
            using var attemptDeadline = CancellationTokenSource.CreateLinkedTokenSource(requestDeadline.Token);
            if (backendTimeout is { } perAttempt && perAttempt > TimeSpan.Zero)
            {
                attemptDeadline.CancelAfter(perAttempt);
            }

            // The backend gets the path the request was routed by (or its rewrite), exactly: never a different
            // resolution of it (see PathNormalization).
            var transformer = new DecisionTransformer(decision.Host, decision.Path ?? request.Path, decision.RequestHeaderModifications, decision.ResponseHeaderModifications)
            {
                RetryOn = retryLeft ? retryCodes : [],
                AddForwardedHeaders = _options.AddForwardedHeaders,
            };
            if (context.Request.Body is MemoryStream replay)
            {
                replay.Position = 0;
            }

            var error = await _forwarder.SendAsync(context, endpoint.Prefix, client, config, transformer, attemptDeadline.Token).ConfigureAwait(false);
            // Our own deadlines also end the forward as "canceled"; only without them is a canceled forward the client's doing.
            if (context.RequestAborted.IsCancellationRequested || (IsClientSide(error) && !attemptDeadline.IsCancellationRequested))
            {
                // The client left (or broke off its body): not a backend failure, and not worth a retry or a 502.
                if (error != ForwarderError.None)
                {
                    ProxyLog.ClientAborted(_logger, request.Method, request.Path, backend.ToString(), error.ToString());
                }

                return;
            }

            var requestTimedOut = requestDeadline.IsCancellationRequested;
            var attemptTimedOut = !requestTimedOut && attemptDeadline.IsCancellationRequested;
            if (error == ForwarderError.None && transformer.HeldBackStatus == 0)
            {
                return;
            }

            if (context.Response.HasStarted)
            {
                // YARP has already aborted the exchange; nothing more can be said to the client.
                return;
            }

            var connectionError = error is ForwarderError.Request or ForwarderError.RequestCreation or ForwarderError.RequestTimedOut || attemptTimedOut;
            if (retryLeft && !requestTimedOut && (transformer.HeldBackStatus != 0 || connectionError))
            {
                context.Response.Clear();
                context.Features.Set<IForwarderErrorFeature>(null);
                if (backoff > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(backoff, requestDeadline.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // The request deadline passed while waiting: answered below by the next attempt's check.
                    }
                }

                if (!requestDeadline.IsCancellationRequested)
                {
                    continue;
                }

                requestTimedOut = true;
            }

            var status = requestTimedOut || attemptTimedOut || error == ForwarderError.RequestTimedOut
                ? StatusCodes.Status504GatewayTimeout
                : transformer.HeldBackStatus != 0 ? transformer.HeldBackStatus : StatusCodes.Status502BadGateway;
            context.Response.Clear();
            context.Response.StatusCode = status;
            var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
            ProxyLog.BackendFailed(_logger, request.Method, request.Path, backend.ToString(), endpoint.ToString(),
                requestTimedOut ? "request timeout" : attemptTimedOut ? "backend request timeout" : transformer.HeldBackStatus != 0 ? "retries exhausted" : error.ToString(),
                status, exception);
            return;
        }
    }

    /// <summary>Forwarder errors caused by the client, not the backend.</summary>
    private static bool IsClientSide(ForwarderError error) =>
        error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
            or ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient or ForwarderError.UpgradeRequestCanceled
            or ForwarderError.UpgradeRequestClient or ForwarderError.UpgradeResponseCanceled or ForwarderError.UpgradeResponseClient;

    private async Task HandleGrpcAsync(HttpContext context, GatewayApiProxyState state, HttpRoutingRequest request)
    {
        var decision = _options.Decide(random => state.Router.RouteGrpc(request, random));
        var session = ReadSession(context, decision.SessionPersistence, decision.Route, decision.RuleIndex);
        if (session?.RedrawFor(decision.Backend) is { } bound)
        {
            var pinned = request with { SessionBackend = bound };
            decision = _options.Decide(random => state.Router.RouteGrpc(pinned, random));
        }

        if (!decision.Forward)
        {
            if (decision.Backend is { Usable: false } invalid)
            {
                ProxyLog.InvalidBackend(_logger, request.Method, request.Path, decision.Route?.ToString(), invalid.ToString(), invalid.Problem, 200);
            }

            WriteGrpcStatus(context, decision.Status, decision.StatusMessage, decision.ResponseHeaderModifications);
            return;
        }

        foreach (var filter in decision.ExtensionRefs)
        {
            if (_extensionFilter is null)
            {
                ProxyLog.FilterNotHandled(_logger, request.Method, request.Path, decision.Route?.ToString(), "ExtensionRef", $"{filter.Kind} {filter.Namespace}/{filter.Name}");
                WriteGrpcStatus(context, GrpcStatusCode.Internal, "filter not handled", []);
                return;
            }

            if (!await _extensionFilter.InvokeAsync(context, filter).ConfigureAwait(false))
            {
                return;
            }
        }

        var backend = decision.Backend!;
        var endpoints = _resolver.Resolve(backend, state);
        if (endpoints.Count == 0)
        {
            ProxyLog.NoEndpoints(_logger, request.Method, request.Path, backend.ToString());
            WriteGrpcStatus(context, GrpcStatusCode.Unavailable, "no endpoints", decision.ResponseHeaderModifications);
            return;
        }

        var endpoint = session?.ChooseEndpoint(context, backend, endpoints) ?? RoundRobin.Next(endpoints);
        if (decision.Mirrors.Any(m => m.Mirrored))
        {
            var (replayable, body) = await BufferBodyAsync(context).ConfigureAwait(false);
            if (replayable)
            {
                _mirror.Send(context, state, request.Gateway, decision.Mirrors, request.Authority, request.Path, decision.RequestHeaderModifications, body);
            }
        }

        // As for HTTP: the backend gets exactly the path the call was routed by.
        var transformer = new DecisionTransformer(request.Authority, request.Path, decision.RequestHeaderModifications, decision.ResponseHeaderModifications)
        {
            AddForwardedHeaders = _options.AddForwardedHeaders,
        };
        var client = _clients.For(backend, state, request.Gateway);
        var error = await _forwarder.SendAsync(context, endpoint.Prefix, client, _http2, transformer, context.RequestAborted).ConfigureAwait(false);
        if (error != ForwarderError.None && (context.RequestAborted.IsCancellationRequested || IsClientSide(error)))
        {
            ProxyLog.ClientAborted(_logger, request.Method, request.Path, backend.ToString(), error.ToString());
        }
        else if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            ProxyLog.BackendFailed(_logger, request.Method, request.Path, backend.ToString(), endpoint.ToString(), error.ToString(), 200, context.Features.Get<IForwarderErrorFeature>()?.Exception);
            context.Response.Clear();
            WriteGrpcStatus(context, GrpcStatusCode.Unavailable, "upstream " + error, decision.ResponseHeaderModifications);
        }
    }

    // A trailers-only gRPC answer: HTTP 200, grpc-status in the headers, no body (never an HTML error page).
    private static void WriteGrpcStatus(HttpContext context, GrpcStatusCode status, string? message, IReadOnlyList<HeaderModification> responseHeaders)
    {
        DecisionTransformer.ApplyResponseHeaders(context.Response.Headers, responseHeaders);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(message))
        {
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        }
    }
}
