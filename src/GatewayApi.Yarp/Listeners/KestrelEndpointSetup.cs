using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayApi.Yarp;

/// <summary>
/// Adds one Kestrel endpoint per listener port of the state in effect when the host starts (hosted services start
/// before the web server binds, so manifests applied after <c>Build()</c> count): HTTPS ports
/// terminate TLS with a certificate chosen per handshake from the current state (SNI), plain ports speak
/// HTTP/1.1 and h2c, and TLS and TCP ports proxy byte streams (<see cref="StreamProxy"/>).
/// </summary>
internal sealed class KestrelEndpointSetup(
    IOptions<GatewayApiProxyOptions> options,
    GatewayApiProxyConfiguration configuration,
    GatewayApiProxyListeners listeners,
    IOptions<KestrelServerOptions> kestrelOptions,
    IBackendEndpointResolver resolver,
    ILoggerFactory loggerFactory) : IHostedService
{
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Configure(kestrelOptions.Value);
        return Task.CompletedTask;
    }

    private void Configure(KestrelServerOptions kestrel)
    {
        var settings = options.Value;
        if (!settings.ConfigureKestrelEndpoints)
        {
            return;
        }

        // h2c connections stand in as TLS for Kestrel (CleartextHttp2Detection); their :scheme stays http.
        kestrel.AllowAlternateSchemes = true;
        var logger = loggerFactory.CreateLogger(ProxyLog.Category);
        var certificates = new ListenerCertificates(configuration, logger);
        var streams = new StreamProxy(configuration, resolver, certificates, settings, logger);
        var ports = ListenerPorts.Of(configuration.Current);
        if (ports.Count == 0)
        {
            // Kestrel binds localhost:5000 when given no endpoint at all; with no HTTP, HTTPS, TLS or TCP listener
            // (none yet, or only UDP) hold an ephemeral loopback port that closes every connection instead.
            kestrel.Listen(new IPEndPoint(IPAddress.Loopback, 0), listen => listen.Use(_ => _ => Task.CompletedTask));
            return;
        }

        foreach (var port in ports.Values.OrderBy(p => p.Port))
        {
            var local = settings.PortBindings.TryGetValue(port.Port, out var mapped) ? mapped : port.Port;
            kestrel.Listen(new IPEndPoint(settings.ListenAddress, local), listen =>
            {
                if (port.Kind is ListenerPortKind.Tls or ListenerPortKind.Tcp)
                {
                    // Not HTTP at all: the connection is routed and proxied as a byte stream (TLSRoute, TCPRoute).
                    listen.Protocols = HttpProtocols.Http1;
                    var handler = streams.Handler(port.Port, port.Kind);
                    listen.Use(_ => handler);
                }
                else if (port.Https)
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    var listenerPort = port.Port;

                    // TLS listeners sharing the port get their connections (by SNI) before Kestrel's TLS sees them.
                    listen.Use(next => streams.SharedHttpsHandler(listenerPort, next));

                    // Per connection, from the state current at the handshake: the certificate by SNI, and whether a
                    // client certificate is asked for and must be valid (spec.tls.frontend).
                    listen.UseHttps(new TlsHandshakeCallbackOptions
                    {
                        OnConnection = context => ValueTask.FromResult(ClientCertificateValidator.Options(
                            certificates.Select(listenerPort, context.ClientHelloInfo.ServerName),
                            ClientCertificateValidator.For(configuration.Current, listenerPort))),
                    });
                }
                else
                {
                    listen.Protocols = settings.CleartextProtocols;
                    if (settings.CleartextProtocols == HttpProtocols.Http1AndHttp2)
                    {
                        listen.Use(CleartextHttp2Detection.Middleware);
                    }
                }

                listeners.Register(port, listen);
            });
        }
    }
}
