using System.Globalization;
using System.Net;
using GatewayApi.Cli.Inputs;
using GatewayApi.Yarp;

namespace GatewayApi.Cli.Serving;

/// <summary>What <c>gwapi serve</c> was asked to do, parsed and checked before anything starts.</summary>
/// <param name="Directory">The manifest directory (full path; it exists).</param>
/// <param name="Address">The local address every listener port is bound on.</param>
/// <param name="PortBindings">Gateway listener port → local port (0 = a free port chosen by the system).</param>
/// <param name="ControllerName">The GatewayClass controllerName the proxy acts for.</param>
/// <param name="Backends">Static endpoints for Services (<c>--backend</c>), tried before EndpointSlices and DNS.</param>
internal sealed record ServeSettings(
    string Directory,
    IPAddress Address,
    IReadOnlyDictionary<int, int> PortBindings,
    string ControllerName,
    IReadOnlyList<StaticBackend> Backends)
{
    /// <summary>Parses a <c>--port LISTENER=LOCAL</c> value.</summary>
    public static (int Listener, int Local) ParsePort(string text)
    {
        var parts = text.Split('=', 2);
        if (parts.Length != 2 || !TryPort(parts[0], allowZero: false, out var listener) || !TryPort(parts[1], allowZero: true, out var local))
        {
            throw new CliInputException($"--port: '{text}' is not LISTENER=LOCAL (for example 80=8080; LOCAL 0 picks a free port)");
        }

        return (listener, local);
    }

    /// <summary>Parses an <c>--address</c> value.</summary>
    public static IPAddress ParseAddress(string text) =>
        text.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(text, out var address) ? address
        : throw new CliInputException($"--address: '{text}' is not an IP address (for example 127.0.0.1, ::1 or 0.0.0.0)");

    /// <summary>Parses a <c>--backend NAMESPACE/NAME:PORT=HOST:PORT</c> value.</summary>
    public static StaticBackend ParseBackend(string text)
    {
        var error = new CliInputException($"--backend: '{text}' is not NAMESPACE/NAME:PORT=HOST:PORT (for example default/web:8080=127.0.0.1:5000)");
        var sides = text.Split('=', 2);
        if (sides.Length != 2)
        {
            throw error;
        }

        var service = sides[0];
        var slash = service.IndexOf('/', StringComparison.Ordinal);
        var colon = service.LastIndexOf(':');
        var endpointColon = sides[1].LastIndexOf(':');
        if (slash <= 0 || colon <= slash + 1 || endpointColon <= 0
            || !TryPort(service[(colon + 1)..], allowZero: false, out var servicePort)
            || !TryPort(sides[1][(endpointColon + 1)..], allowZero: false, out var endpointPort))
        {
            throw error;
        }

        var host = sides[1][..endpointColon].Trim('[', ']');
        return new StaticBackend(service[..slash], service[(slash + 1)..colon], servicePort, new BackendEndpoint(host, endpointPort));
    }

    private static bool TryPort(string text, bool allowZero, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535 && (allowZero || port > 0);
}

/// <summary>A Service port served by a fixed endpoint (<c>--backend</c>).</summary>
/// <param name="Namespace">The Service's namespace.</param>
/// <param name="Name">The Service's name.</param>
/// <param name="Port">The Service port.</param>
/// <param name="Endpoint">Where requests for it go.</param>
internal sealed record StaticBackend(string Namespace, string Name, int Port, BackendEndpoint Endpoint);
