using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GatewayApi.Yarp.Tests.BadInput;

/// <summary>
/// Clients that go away in the middle of an exchange: the proxy abandons the backend exchange too (the backend
/// sees the body cut off, or its response aborted), a log line says what happened, and the host keeps serving.
/// The lines are YARP's forwarder events (category <c>Yarp.ReverseProxy.Forwarder.HttpForwarder</c>): 48
/// ForwardingError for a request body the client broke off, 66 ForwardingRequestCancelled for a response the client
/// stopped reading; and ours, 14 ClientAborted, when the forward ends because of the client. A client that leaves is
/// never reported as a backend failure (event 10, 502).
/// </summary>
public sealed class ClientDisconnectTests
{
    private const string ForwarderCategory = "Yarp.ReverseProxy.Forwarder.HttpForwarder";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ClientResetsWhileSendingTheBody_BackendRequestAbandoned_Logged_HostServes()
    {
        await using var backend = await DisconnectBackend.StartAsync();
        await using var proxy = await StartAsync(backend);
        await ResetDuringUploadAsync(proxy, backend);

        // Which of YARP's two lines it is depends on what the forwarder notices first: the failed body read
        // (48 ForwardingError, RequestBodyClient) or the aborted request (66 ForwardingRequestCancelled, RequestCanceled / RequestBodyCanceled).
        var logged = await proxy.Logs.WaitForAsync(IsClientAbortLine, "ForwardingError RequestBodyClient or ForwardingRequestCancelled");
        Assert.True(logged.Level >= LogLevel.Debug);
        var ours = await proxy.Logs.WaitForAsync(l => l.EventId.Id == 14 && l.Category == "GatewayApi.Yarp", "ClientAborted");
        Assert.Contains("client went away", ours.Message, StringComparison.Ordinal);
        Assert.Empty(proxy.Events(10));

        using var client = proxy.HttpClient();
        Assert.Equal("ok", await client.GetStringAsync("/ok"));
        using var upload = await client.PostAsync("/upload", new ByteArrayContent(new byte[100_000]));
        Assert.Equal("100000", await upload.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ClientLeavesDuringTheResponse_BackendResponseAborted_Logged_HostServes()
    {
        await using var backend = await DisconnectBackend.StartAsync();
        await using var proxy = await StartAsync(backend);

        using (var client = proxy.HttpClient())
        {
            using var response = await client.GetAsync("/stream", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStreamAsync();
            var first = new byte[DisconnectBackend.FirstChunk.Length];
            await body.ReadExactlyAsync(first);
            Assert.Equal(DisconnectBackend.FirstChunk, Encoding.ASCII.GetString(first));

            // Disposing an HTTP/1.1 response with unread content closes its connection.
        }

        await backend.StreamAborted.WaitAsync(Patience);
        var logged = await proxy.Logs.WaitForAsync(
            l => l.Category == ForwarderCategory && l.EventId.Id == 66 && l.Message.StartsWith("ResponseBodyCanceled", StringComparison.Ordinal),
            "ForwardingRequestCancelled ResponseBodyCanceled");
        Assert.Equal(LogLevel.Debug, logged.Level);

        // A response already under way cannot be turned into an error answer: nothing is logged as a backend failure.
        Assert.Empty(proxy.Events(10));
        using var again = proxy.HttpClient();
        Assert.Equal("ok", await again.GetStringAsync("/ok"));
    }

    private static bool IsClientAbortLine(CapturedLog line) =>
        line.Category == ForwarderCategory
        && ((line.EventId.Id == 48 && line.Message.StartsWith("RequestBodyClient", StringComparison.Ordinal))
            || (line.EventId.Id == 66 && (line.Message.StartsWith("RequestCanceled", StringComparison.Ordinal) || line.Message.StartsWith("RequestBodyCanceled", StringComparison.Ordinal))));

    /// <summary>Sends the head and 64 KiB of a 10 MB upload on a raw socket, waits until the backend reads it, then resets the connection.</summary>
    private static async Task ResetDuringUploadAsync(BadInputProxy proxy, DisconnectBackend backend)
    {
        using var client = proxy.HttpClient();
        var address = client.BaseAddress!;
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(address.Host, address.Port);
            var head = $"POST /upload HTTP/1.1\r\nHost: {BadInputProxy.Hostname}\r\nContent-Type: application/octet-stream\r\nContent-Length: 10000000\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head));
            await socket.SendAsync(new byte[64 * 1024]);
            await backend.UploadStarted.WaitAsync(Patience);

            // An abortive close (RST), as a crashed client or a dropped connection gives.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }

        // The proxy gives up the backend request too: the backend's body read ends without the whole body.
        await backend.UploadEnded.WaitAsync(Patience);
        Assert.False(backend.UploadCompleted);
    }

    private static Task<BadInputProxy> StartAsync(DisconnectBackend backend)
    {
        var resolver = new StaticBackendEndpointResolver().Add(BadInputProxy.Namespace, "echo", 8080, new BackendEndpoint(backend.Address.Host, backend.Address.Port));
        return BadInputProxy.StartAsync(BadInputProxy.Infrastructure(null, "echo") + BadInputProxy.Route("all", "/", "echo"), resolver);
    }
}
