using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GatewayApi.Yarp;

/// <summary>A Gateway listener port and the local endpoint Kestrel bound for it.</summary>
/// <param name="ListenerPort">The port of the Gateway's listeners (what routing sees).</param>
/// <param name="Https">Whether the port terminates TLS.</param>
/// <param name="LocalEndPoint">The bound address and port.</param>
public sealed record BoundListenerPort(int ListenerPort, bool Https, IPEndPoint LocalEndPoint)
{
    /// <summary>What the port speaks: <c>HTTP</c>, <c>HTTPS</c>, <c>TLS</c> (TLSRoute) or <c>TCP</c> (TCPRoute).</summary>
    public string Protocol { get; init; } = Https ? "HTTPS" : "HTTP";

    /// <summary>
    /// A base address for clients, such as <c>http://127.0.0.1:41234/</c> (the any-address is given as loopback);
    /// TLS and TCP ports get <c>tls://</c> and <c>tcp://</c>.
    /// </summary>
    public Uri Uri
    {
        get
        {
            var address = LocalEndPoint.Address;
            if (address.Equals(IPAddress.Any))
            {
                address = IPAddress.Loopback;
            }
            else if (address.Equals(IPAddress.IPv6Any))
            {
                address = IPAddress.IPv6Loopback;
            }

            var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
            return new Uri(Protocol.ToLowerInvariant() + "://" + host + ":" + LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture) + "/");
        }
    }
}
