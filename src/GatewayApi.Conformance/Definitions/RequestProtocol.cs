namespace GatewayApi.Conformance.Definitions;

/// <summary>How a request is sent.</summary>
public enum RequestProtocol
{
    /// <summary>Plain HTTP (HTTP/1.1) to an HTTP listener.</summary>
    Http,

    /// <summary>HTTP over TLS to an HTTPS listener (SNI from <see cref="RequestCase.ServerName"/> or the host).</summary>
    Https,

    /// <summary>A gRPC call (HTTP/2) to an HTTP or HTTPS listener.</summary>
    Grpc,

    /// <summary>A TLS connection to a TLS listener (routed by SNI; the backend reports what it received).</summary>
    Tls,
}
