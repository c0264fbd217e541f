using System.Net;
using Microsoft.AspNetCore.Http;
using GatewayApi.Yarp.Benchmarks.Load;
using Yarp.ReverseProxy.Forwarder;

namespace GatewayApi.Yarp.Benchmarks;

/// <summary>
/// An <see cref="IHttpForwarder"/> that does everything YARP's does around the network and nothing on it: builds the
/// outgoing request with the transformer, then takes a canned 200 response through the response transform. Used to
/// measure the per-request cost of the decision and the transforms alone.
/// </summary>
internal sealed class NoNetworkForwarder : IHttpForwarder
{
    /// <summary>When set, the next request's <c>x-route</c> header and destination are kept, to check the setup.</summary>
    public bool Record { get; set; }

    public string? RecordedRoute { get; private set; }

    public string? RecordedDestination { get; private set; }

    public ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient, ForwarderRequestConfig requestConfig, HttpTransformer transformer) =>
        SendAsync(context, destinationPrefix, httpClient, requestConfig, transformer, CancellationToken.None);

    public async ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient, ForwarderRequestConfig requestConfig, HttpTransformer transformer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), (Uri?)null);
        await transformer.TransformRequestAsync(context, request, destinationPrefix, cancellationToken).ConfigureAwait(false);
        if (Record)
        {
            RecordedRoute = request.Headers.TryGetValues(EchoBackend.RouteHeader, out var values) ? string.Join(",", values) : null;
            RecordedDestination = request.RequestUri?.ToString();
        }

        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        context.Response.StatusCode = (int)response.StatusCode;
        await transformer.TransformResponseAsync(context, response, cancellationToken).ConfigureAwait(false);
        return ForwarderError.None;
    }
}
