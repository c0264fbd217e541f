using System.Net;

namespace GatewayApi.Conformance.Http.Echo;

/// <summary>Where the echo backend of one Service port listens.</summary>
/// <param name="Namespace">The Service's namespace.</param>
/// <param name="Name">The Service's name.</param>
/// <param name="Port">The Service port.</param>
/// <param name="EndPoint">The loopback endpoint that answers for it.</param>
/// <param name="Http2Only">Whether it speaks HTTP/2 only (<c>appProtocol: kubernetes.io/h2c</c>); otherwise HTTP/1.1 and h2c.</param>
public sealed record EchoBackendEndpoint(string Namespace, string Name, int Port, IPEndPoint EndPoint, bool Http2Only);
