using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace GatewayApi.Yarp;

/// <summary>
/// Lets one cleartext port speak HTTP/1.1 and HTTP/2 with prior knowledge (h2c, what gRPC clients send). Kestrel
/// picks HTTP/2 on an HTTP/1-and-2 endpoint only when ALPN said <c>h2</c>; this connection middleware peeks at the
/// first bytes and, when they are the HTTP/2 connection preface, presents the connection to Kestrel as if ALPN had
/// chosen h2. Nothing is consumed; HTTP/1.1 connections are untouched. The marker is
/// <see cref="CleartextHttp2Feature"/>, so the proxy still treats the request as plain <c>http</c>.
/// </summary>
internal static class CleartextHttp2Detection
{
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    public static ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        bool http2;
        try
        {
            http2 = await StartsWithPrefaceAsync(connection).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away before sending anything.
            return;
        }

        if (http2)
        {
            connection.Features.Set<ITlsConnectionFeature>(CleartextHttp2Feature.Instance);
            connection.Features.Set<ITlsApplicationProtocolFeature>(CleartextHttp2Feature.Instance);
            connection.Features.Set(CleartextHttp2Feature.Instance);
        }

        await next(connection).ConfigureAwait(false);
    };

    private static async Task<bool> StartsWithPrefaceAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync(connection.ConnectionClosed).ConfigureAwait(false);
            var buffer = result.Buffer;
            var length = (int)Math.Min(buffer.Length, Preface.Length);
            var start = new byte[length];
            buffer.Slice(0, length).CopyTo(start);

            var matches = start.AsSpan().SequenceEqual(Preface.AsSpan(0, length));
            if (!matches || length == Preface.Length || result.IsCompleted || result.IsCanceled)
            {
                // Decided: consume and examine nothing, so Kestrel's first read returns these bytes at once.
                input.AdvanceTo(buffer.Start);
                return matches && length == Preface.Length;
            }

            // A prefix of the preface so far: examine it all so the next read waits for more bytes.
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}

/// <summary>Marks a cleartext connection that speaks HTTP/2 with prior knowledge (and stands in for ALPN).</summary>
internal sealed class CleartextHttp2Feature : ITlsConnectionFeature, ITlsApplicationProtocolFeature
{
    public static CleartextHttp2Feature Instance { get; } = new();

    public ReadOnlyMemory<byte> ApplicationProtocol { get; } = "h2"u8.ToArray();

    public X509Certificate2? ClientCertificate { get; set; }

    public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
}
