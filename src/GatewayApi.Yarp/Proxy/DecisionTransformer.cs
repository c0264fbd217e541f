using System.Net.Http.Headers;
using GatewayApi.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Forwarder;

namespace GatewayApi.Yarp;

/// <summary>
/// Applies a routing decision to one forwarded exchange: the URL (URLRewrite path and host), request header
/// modifiers, response header modifiers and CORS headers; and holds back a response whose status the rule retries.
/// </summary>
internal sealed class DecisionTransformer : HttpTransformer
{
    private readonly string? _host;
    private readonly string? _pathAndQuery;
    private readonly IReadOnlyList<HeaderModification> _requestHeaders;
    private readonly IReadOnlyList<HeaderModification> _responseHeaders;

    public DecisionTransformer(string? host, string? pathAndQuery, IReadOnlyList<HeaderModification> requestHeaders, IReadOnlyList<HeaderModification> responseHeaders)
    {
        _host = host;
        _pathAndQuery = pathAndQuery;
        _requestHeaders = requestHeaders;
        _responseHeaders = responseHeaders;
    }

    /// <summary>Whether to add the <c>X-Forwarded-*</c> headers (<see cref="GatewayApiProxyOptions.AddForwardedHeaders"/>).</summary>
    public bool AddForwardedHeaders { get; init; }

    /// <summary>Status codes that are retried on this attempt (empty when no retry is left).</summary>
    public IReadOnlyList<int> RetryOn { get; set; } = [];

    /// <summary>Set when the response was held back for a retry (nothing was written to the client).</summary>
    public int HeldBackStatus { get; private set; }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        if (_pathAndQuery is not null)
        {
            // Sent as given: System.Uri would otherwise resolve dot segments or re-escape the path behind our back.
            proxyRequest.RequestUri = new Uri(
                destinationPrefix.TrimEnd('/') + (_pathAndQuery.StartsWith('/') ? "" : "/") + _pathAndQuery,
                new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        }

        if (AddForwardedHeaders)
        {
            AddForwarded(httpContext, proxyRequest);
        }

        // The backend sees the client's Host (or the URLRewrite hostname), as Gateway API implementations send it.
        proxyRequest.Headers.Host = _host;
        foreach (var modification in _requestHeaders)
        {
            Apply(proxyRequest, modification);
        }
    }

    // Before the route's header filters, so they can still change or remove these.
    private static void AddForwarded(HttpContext httpContext, HttpRequestMessage proxyRequest)
    {
        var headers = proxyRequest.Headers;
        if (httpContext.Connection.RemoteIpAddress is { } client)
        {
            var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4().ToString() : client.ToString();
            var list = headers.TryGetValues("X-Forwarded-For", out var sent) ? string.Join(", ", sent) : null;
            headers.Remove("X-Forwarded-For");
            headers.TryAddWithoutValidation("X-Forwarded-For", string.IsNullOrEmpty(list) ? address : list + ", " + address);
        }

        headers.Remove("X-Forwarded-Proto");
        headers.TryAddWithoutValidation("X-Forwarded-Proto", httpContext.Request.Scheme);
        headers.Remove("X-Forwarded-Host");
        if (httpContext.Request.Host.HasValue)
        {
            headers.TryAddWithoutValidation("X-Forwarded-Host", httpContext.Request.Host.Value);
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is not null && RetryOn.Contains((int)proxyResponse.StatusCode))
        {
            HeldBackStatus = (int)proxyResponse.StatusCode;
            return false;
        }

        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        if (proxyResponse is not null)
        {
            ApplyResponseHeaders(httpContext.Response.Headers, _responseHeaders);
        }

        return proceed;
    }

    public static void ApplyResponseHeaders(IHeaderDictionary headers, IReadOnlyList<HeaderModification> modifications)
    {
        foreach (var modification in modifications)
        {
            switch (modification.Kind)
            {
                case HeaderModificationKind.Set:
                    headers[modification.Name] = modification.Value;
                    break;
                case HeaderModificationKind.Add:
                    headers[modification.Name] = headers.TryGetValue(modification.Name, out var existing) && !StringValues.IsNullOrEmpty(existing)
                        ? new StringValues(string.Join(',', existing.ToArray()) + "," + modification.Value)
                        : new StringValues(modification.Value);
                    break;
                case HeaderModificationKind.Remove:
                    headers.Remove(modification.Name);
                    break;
            }
        }
    }

    private static void Apply(HttpRequestMessage request, HeaderModification modification)
    {
        var name = modification.Name;
        var content = IsContentHeader(name) ? request.Content?.Headers : null;
        HttpHeaders headers = content is not null ? content : request.Headers;
        switch (modification.Kind)
        {
            case HeaderModificationKind.Set:
                headers.Remove(name);
                headers.TryAddWithoutValidation(name, modification.Value);
                break;
            case HeaderModificationKind.Add:
                if (headers.TryGetValues(name, out var values))
                {
                    var joined = string.Join(',', values) + "," + modification.Value;
                    headers.Remove(name);
                    headers.TryAddWithoutValidation(name, joined);
                }
                else
                {
                    headers.TryAddWithoutValidation(name, modification.Value);
                }

                break;
            case HeaderModificationKind.Remove:
                headers.Remove(name);
                break;
        }
    }

    private static bool IsContentHeader(string name) =>
        name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Expires", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Last-Modified", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Allow", StringComparison.OrdinalIgnoreCase);
}
