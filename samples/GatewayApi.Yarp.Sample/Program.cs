using GatewayApi.Yarp;

// Two tiny backends, where the EndpointSlices in manifests/backends.yaml point (127.0.0.1:5101 and :5102).
foreach (var (port, name) in new[] { (5101, "blue"), (5102, "green") })
{
    var backend = WebApplication.Create();
    backend.Urls.Add($"http://127.0.0.1:{port}");
    backend.Run(context => context.Response.WriteAsync(
        $"{name} got {context.Request.Method} {context.Request.Path}{context.Request.QueryString} for {context.Request.Host} (x-gateway: {context.Request.Headers["x-gateway"]})\n"));
    await backend.StartAsync();
}

// The gateway: serves the Gateway in manifests/ (listener port 8080) and reloads the directory when it changes.
await GatewayApiProxyHost.RunAsync("manifests", options => options.ListenAddress = System.Net.IPAddress.Loopback, args);
