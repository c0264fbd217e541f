using System.Net;
using System.Net.Sockets;
using System.Text;
using GatewayApi.Yarp.Tests.TestSupport;

namespace GatewayApi.Yarp.Tests.Streams;

/// <summary>
/// UDP listeners (UDPRoute): every datagram of a client flow goes to the listener's route's backend, answers come
/// back to that client from the listener port, and a route with an unusable backend drops the flow (logged).
/// </summary>
public sealed class UdpProxyTests : IAsyncLifetime
{
    private const string Gateway = """

        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: gw
          namespace: default
        spec:
          gatewayClassName: yarp
          listeners:
          - name: dns
            port: 5353
            protocol: UDP
          - name: broken
            port: 5354
            protocol: UDP
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: UDPRoute
        metadata:
          name: dns
          namespace: default
        spec:
          parentRefs:
          - {name: gw, sectionName: dns}
          rules:
          - backendRefs:
            - {name: udp-echo, port: 5300}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: UDPRoute
        metadata:
          name: broken
          namespace: default
        spec:
          parentRefs:
          - {name: gw, sectionName: broken}
          rules:
          - backendRefs:
            - {name: not-deployed, port: 5300}
        ---
        """;

    private readonly UdpClient _echo = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private Task _echoing = Task.CompletedTask;
    private TestProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _echoing = EchoAsync();
        var resolver = new StaticBackendEndpointResolver()
            .Add("default", "udp-echo", 5300, new BackendEndpoint("127.0.0.1", ((IPEndPoint)_echo.Client.LocalEndPoint!).Port));
        _proxy = await TestProxy.StartAsync(Manifests.GatewayClass + Gateway + Manifests.Service("udp-echo", port: 5300, protocol: "UDP"), resolver, listenerPorts: [5353, 5354]);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _stop.CancelAsync();
        _echo.Dispose();
        await _echoing;
        _stop.Dispose();
    }

    [Fact]
    public void The_UDP_ports_are_bound()
    {
        var bound = _proxy.Listeners.Bound.Single(b => b.ListenerPort == 5353);
        Assert.Equal("UDP", bound.Protocol);
        Assert.StartsWith("udp://127.0.0.1:", bound.Uri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_client_flow_reaches_the_backend_and_gets_its_own_answers()
    {
        var port = _proxy.Listeners.GetUri(5353).Port;
        using var first = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var second = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal($"udp-echo got first {i}", await AskAsync(first, port, $"first {i}"));
            Assert.Equal($"udp-echo got second {i}", await AskAsync(second, port, $"second {i}"));
        }
    }

    [Fact]
    public async Task A_flow_whose_backend_is_unusable_is_dropped_and_logged()
    {
        var port = _proxy.Listeners.GetUri(5354).Port;
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendAsync(Encoding.ASCII.GetBytes("hello?"), new IPEndPoint(IPAddress.Loopback, port));
        string? line = null;
        await Eventually.TrueAsync(
            () => (line = _proxy.Logs.WithEventId(15).Select(e => e.Message).FirstOrDefault(m => m.StartsWith("UDP", StringComparison.Ordinal))) is not null,
            "a StreamRejected line for the UDP flow");
        Assert.Contains("BackendNotFound", line, StringComparison.Ordinal);
        Assert.Contains("5354", line, StringComparison.Ordinal);
    }

    private static async Task<string> AskAsync(UdpClient client, int port, string text)
    {
        await client.SendAsync(Encoding.ASCII.GetBytes(text), new IPEndPoint(IPAddress.Loopback, port));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = await client.ReceiveAsync(timeout.Token);
        Assert.Equal(port, answer.RemoteEndPoint.Port); // the answer comes from the listener port the client sent to
        return Encoding.ASCII.GetString(answer.Buffer);
    }

    private async Task EchoAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var received = await _echo.ReceiveAsync(_stop.Token);
                await _echo.SendAsync(Encoding.ASCII.GetBytes("udp-echo got " + Encoding.ASCII.GetString(received.Buffer)), received.RemoteEndPoint, _stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
