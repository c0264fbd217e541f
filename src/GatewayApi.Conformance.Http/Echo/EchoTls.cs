using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GatewayApi.Conformance.Targets;
using Microsoft.AspNetCore.Connections;

namespace GatewayApi.Conformance.Http.Echo;

/// <summary>
/// Lets every echo port also speak TLS: a connection that opens with a TLS handshake record is answered with
/// TLS (a certificate for <c>abc.example.com</c> issued by <see cref="ConformanceCertificateAuthority"/>, no ALPN: the
/// endpoint's own protocols inside), any other connection stays plain. So the same echo
/// backend serves a gateway that terminates TLS (plaintext arrives) and a TLS Passthrough listener (the client's
/// own TLS arrives), as the upstream suite's TLS backend does.
/// </summary>
internal static class EchoTls
{
    private static readonly Lazy<X509Certificate2> Certificate = new(Create);

    public static ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        var input = connection.Transport.Input;
        var result = await input.ReadAsync(connection.ConnectionClosed).ConfigureAwait(false);
        var handshake = !result.Buffer.IsEmpty && result.Buffer.FirstSpan[0] == 22;
        input.AdvanceTo(result.Buffer.Start);
        if (!handshake)
        {
            await next(connection).ConfigureAwait(false);
            return;
        }

        var original = connection.Transport;
        await using var tls = new SslStream(new DuplexStream(input.AsStream(leaveOpen: true), original.Output.AsStream(leaveOpen: true)), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate.Value }, connection.ConnectionClosed).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            return; // the client gave up the handshake
        }

        connection.Transport = new Pipe(PipeReader.Create(tls, new StreamPipeReaderOptions(leaveOpen: true)), PipeWriter.Create(tls, new StreamPipeWriterOptions(leaveOpen: true)));
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            connection.Transport = original;
        }
    };

    // The certificate the upstream suite's TLS backend presents: abc.example.com, issued by the suite's CA
    // (ConformanceCertificateAuthority, which the Gateway base publishes as ConfigMap tls-checks-ca-certificate).
    private static X509Certificate2 Create() => ConformanceCertificateAuthority.Issue("abc.example.com");

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    // Reads from one stream and writes to the other: the two directions of a connection as one stream.
    private sealed class DuplexStream(Stream read, Stream write) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => read.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => read.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => read.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => write.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => write.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => write.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => write.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => write.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                read.Dispose();
                write.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
