namespace GatewayApi.Yarp.Tests.TestSupport;

/// <summary>Three echo servers (Services <c>default/echo-a|b|c</c> port 8080), shared by the tests of a class.</summary>
public sealed class EchoBackends : IAsyncLifetime
{
    internal EchoServer A { get; private set; } = null!;

    internal EchoServer B { get; private set; } = null!;

    internal EchoServer C { get; private set; } = null!;

    /// <summary>Maps <c>default/echo-a:8080</c> (and b, c) to the servers.</summary>
    internal StaticBackendEndpointResolver Resolver { get; } = new();

    public async Task InitializeAsync()
    {
        A = await EchoServer.StartAsync("echo-a");
        B = await EchoServer.StartAsync("echo-b");
        C = await EchoServer.StartAsync("echo-c");
        foreach (var server in new[] { A, B, C })
        {
            Resolver.Add("default", server.Name, 8080, new BackendEndpoint("127.0.0.1", server.Port));
        }
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await C.DisposeAsync();
    }
}
