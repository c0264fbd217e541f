using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp.Tests.HotReload;

/// <summary>
/// Kestrel backends on loopback (dynamic ports), one per name. Each answers with its name in
/// <c>x-backend</c> and echoes the configuration version the proxy stamped on the request
/// (<c>x-config-version</c>) in <c>x-received-version</c>, so a response shows which router forwarded it.
/// </summary>
internal sealed class NamedBackends : IAsyncDisposable
{
    public const string BackendHeader = "x-backend";
    public const string StampedRequestHeader = "x-config-version";
    public const string ReceivedHeader = "x-received-version";

    private readonly List<WebApplication> _apps;

    private NamedBackends(List<WebApplication> apps, IReadOnlyDictionary<string, Uri> addresses)
    {
        _apps = apps;
        Addresses = addresses;
    }

    /// <summary>Backend name to <c>http://127.0.0.1:port</c>.</summary>
    public IReadOnlyDictionary<string, Uri> Addresses { get; }

    public static async Task<NamedBackends> StartAsync(params string[] names)
    {
        var apps = new List<WebApplication>();
        var addresses = new Dictionary<string, Uri>();
        foreach (var name in names)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.Run(async context =>
            {
                context.Response.Headers[BackendHeader] = name;
                context.Response.Headers[ReceivedHeader] = context.Request.Headers[StampedRequestHeader].ToString();
                await context.Response.WriteAsync(name);
            });
            await app.StartAsync();
            apps.Add(app);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            addresses[name] = new Uri(address);
        }

        return new NamedBackends(apps, addresses);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }
}
