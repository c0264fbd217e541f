using System.Net;
using BenchmarkDotNet.Attributes;
using GatewayApi.Yarp.Benchmarks.Load;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace GatewayApi.Yarp.Benchmarks;

/// <summary>
/// Per-request cost of GatewayApi.Yarp without the network: the measured request of the load run goes through the
/// proxy's endpoint (state, router decision, filters, request and response transforms) with an
/// <see cref="IHttpForwarder"/> that never sends (<see cref="NoNetworkForwarder"/>). The baseline runs YARP's default
/// transforms on the same request, which is what plain direct forwarding does around the network.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessJobConfig))]
public class ProxyOverheadBenchmarks
{
    private readonly NoNetworkForwarder _noNetwork = new();
    private readonly HttpMessageInvoker _unused = new(new SocketsHttpHandler());
    private WebApplication _app = null!;
    private RequestDelegate _proxy = null!;
    private int _localPort;
    private MeasuredRequest _request = null!;

    [Params(1, 10_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _request = RouteSet.MeasuredRequest(10_000);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        var resolver = new StaticBackendEndpointResolver();
        foreach (var (ns, name) in RouteSet.Services())
        {
            resolver.Add(ns, name, RouteSet.ServicePort, new BackendEndpoint("127.0.0.1", 9));
        }

        builder.Services.AddSingleton<IBackendEndpointResolver>(resolver);
        builder.Services.AddGatewayApiProxy(options =>
        {
            options.ListenAddress = IPAddress.Loopback;
            options.PortBindings[80] = 0;
        });
        builder.Services.AddSingleton<IHttpForwarder>(_noNetwork);
        _app = builder.Build();
        _app.MapGatewayApiProxy();
        var change = _app.Services.GetRequiredService<GatewayApiProxyConfiguration>()
            .Apply(RouteSet.Yaml(10_000, 80, GatewayApiProxyOptions.DefaultControllerName, onlyMeasured: Routes == 1));
        if (!change.Accepted)
        {
            throw new InvalidOperationException(change.Error);
        }

        // Started so the listener port is bound and known; requests are handed to the endpoint directly.
        _app.StartAsync().GetAwaiter().GetResult();
        _localPort = _app.Services.GetRequiredService<GatewayApiProxyListeners>().GetUri(80).Port;
        _proxy = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Single().RequestDelegate!;

        // The decision must be the measured route, or the figure means nothing.
        var context = Context();
        _noNetwork.Record = true;
        _proxy(context).GetAwaiter().GetResult();
        _noNetwork.Record = false;
        if (context.Response.StatusCode != 200 || _noNetwork.RecordedRoute != _request.ExpectedRoute)
        {
            throw new InvalidOperationException($"the proxy answered {context.Response.StatusCode} with route {_noNetwork.RecordedRoute ?? "(none)"} to {_noNetwork.RecordedDestination}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "YARP default transforms (direct forwarding, no network)")]
    public Task<ForwarderError> DirectForwarding() => _noNetwork.SendAsync(Context(), "http://127.0.0.1:9/", _unused, ForwarderRequestConfig.Empty, HttpTransformer.Default).AsTask();

    [Benchmark(Description = "GatewayApi.Yarp endpoint: decision + filters + transforms (no network)")]
    public Task GatewayApiProxy() => _proxy(Context());

    private DefaultHttpContext Context()
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        context.Connection.LocalIpAddress = IPAddress.Loopback;
        context.Connection.LocalPort = _localPort;
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Connection.RemotePort = 50000;
        var request = context.Request;
        request.Method = "GET";
        request.Scheme = "http";
        var query = _request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        request.Path = _request.PathAndQuery[..query];
        request.QueryString = new QueryString(_request.PathAndQuery[query..]);
        foreach (var (name, value) in _request.Headers)
        {
            request.Headers[name] = value;
        }

        return context;
    }
}
