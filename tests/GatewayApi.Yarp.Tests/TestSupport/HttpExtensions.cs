namespace GatewayApi.Yarp.Tests.TestSupport;

internal static class HttpExtensions
{
    /// <summary>Sends a request and returns the response with the echo the backend wrote (null when the body is not an echo).</summary>
    public static async Task<(HttpResponseMessage Response, EchoedRequest? Echo)> EchoSendAsync(this HttpClient client, HttpMethod method, string path, string? host = null, IEnumerable<(string Name, string Value)>? headers = null, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var echo = response.Headers.Contains("x-echo-backend") ? EchoedRequest.Parse(text) : null;
        return (response, echo);
    }

    public static Task<(HttpResponseMessage Response, EchoedRequest? Echo)> EchoGetAsync(this HttpClient client, string path, string? host = null, params (string Name, string Value)[] headers) =>
        client.EchoSendAsync(HttpMethod.Get, path, host, headers);
}
