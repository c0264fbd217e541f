using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GatewayApi.Yarp.Tests.BadInput;

/// <summary>
/// Backends that cannot take the request, each with its documented answer and log line: an endpoint nobody listens
/// on (502, BackendFailed, event id 10), a Service without endpoints (503, NoEndpoints, 12), a backendRef to a
/// Service that does not exist or of an unsupported kind (500, InvalidBackend, 11). The host keeps serving the
/// good route after each.
/// </summary>
public sealed class BackendFailureTests
{
    [Fact]
    public async Task EndpointNobodyListensOn_Answers502_LogsBackendFailed()
    {
        await using var backend = await DisconnectBackend.StartAsync();
        var closed = ClosedPort();
        var resolver = Resolver(backend).Add(BadInputProxy.Namespace, "gone", 8080, new BackendEndpoint("127.0.0.1", closed));
        await using var proxy = await BadInputProxy.StartAsync(
            BadInputProxy.Infrastructure(null, "echo", "gone") + BadInputProxy.Route("ok", "/ok", "echo") + BadInputProxy.Route("gone", "/gone", "gone"), resolver);
        using var client = proxy.HttpClient();

        using (var response = await client.GetAsync("/gone/x"))
        {
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        var logged = await proxy.WaitForEventAsync(10, "/gone/x");
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains(closed.ToString(System.Globalization.CultureInfo.InvariantCulture), logged.Message, StringComparison.Ordinal);
        Assert.Contains("502", logged.Message, StringComparison.Ordinal);
        Assert.Equal("ok", await client.GetStringAsync("/ok"));
    }

    [Fact]
    public async Task ServiceWithoutEndpoints_Answers503_LogsNoEndpoints()
    {
        await using var backend = await DisconnectBackend.StartAsync();
        var resolver = Resolver(backend).Add(BadInputProxy.Namespace, "empty", 8080);
        await using var proxy = await BadInputProxy.StartAsync(
            BadInputProxy.Infrastructure(null, "echo", "empty") + BadInputProxy.Route("ok", "/ok", "echo") + BadInputProxy.Route("empty", "/empty", "empty"), resolver);
        using var client = proxy.HttpClient();

        using (var response = await client.GetAsync("/empty"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        var logged = await proxy.WaitForEventAsync(12, "/empty");
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("empty", logged.Message, StringComparison.Ordinal);
        Assert.Equal("ok", await client.GetStringAsync("/ok"));
    }

    [Theory]
    [InlineData("missing Service", "nowhere", null, null)]
    [InlineData("unsupported kind", "bucket", "storage.example.com", "Bucket")]
    public async Task InvalidBackendRef_Answers500_LogsInvalidBackend(string name, string service, string? group, string? kind)
    {
        await using var backend = await DisconnectBackend.StartAsync();
        await using var proxy = await BadInputProxy.StartAsync(
            BadInputProxy.Infrastructure(null, "echo") + BadInputProxy.Route("ok", "/ok", "echo") + BadInputProxy.Route("invalid", "/invalid", service, group, kind), Resolver(backend));
        using var client = proxy.HttpClient();

        using (var response = await client.GetAsync("/invalid"))
        {
            Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{name}: {(int)response.StatusCode}");
        }

        var logged = await proxy.WaitForEventAsync(11, "/invalid");
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains(service, logged.Message, StringComparison.Ordinal);
        Assert.Equal("ok", await client.GetStringAsync("/ok"));
    }

    /// <summary>A loopback port that was free a moment ago and is closed now, so connecting is refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static StaticBackendEndpointResolver Resolver(DisconnectBackend backend) =>
        new StaticBackendEndpointResolver().Add(BadInputProxy.Namespace, "echo", 8080, new BackendEndpoint(backend.Address.Host, backend.Address.Port));
}
