using System.Buffers;
using System.Net.Security;
using System.Text;

namespace GatewayApi.Yarp.Tests.Streams;

/// <summary>
/// The SNI reader of TLS listeners, over ClientHellos that .NET's own TLS client writes: the server name is found,
/// wherever the bytes are cut (by TCP) or the handshake is split into records (by the client); anything that is
/// not a ClientHello is refused rather than guessed at.
/// </summary>
public sealed class ClientHelloTests
{
    [Theory]
    [InlineData("abc.example.com", "abc.example.com")]
    [InlineData("UPPER.Example.COM", "upper.example.com")]
    [InlineData("a.very.deep.sub.domain.example.org", "a.very.deep.sub.domain.example.org")]
    public async Task The_server_name_is_read_from_a_real_ClientHello(string targetHost, string expected)
    {
        var hello = await CaptureClientHelloAsync(targetHost);
        Assert.Equal(ClientHello.Outcome.Parsed, ClientHello.TryRead(new ReadOnlySequence<byte>(hello), out var serverName));
        Assert.Equal(expected, serverName);
    }

    [Fact]
    public async Task A_ClientHello_without_SNI_parses_with_no_server_name()
    {
        // An IP address as the target host: clients send no SNI for it (RFC 6066 §3).
        var hello = await CaptureClientHelloAsync("127.0.0.1");
        Assert.Equal(ClientHello.Outcome.Parsed, ClientHello.TryRead(new ReadOnlySequence<byte>(hello), out var serverName));
        Assert.Null(serverName);
    }

    [Fact]
    public async Task Every_prefix_of_a_ClientHello_asks_for_more_data()
    {
        var hello = await CaptureClientHelloAsync("abc.example.com");
        for (var length = 0; length < hello.Length; length++)
        {
            Assert.Equal(ClientHello.Outcome.NeedMoreData, ClientHello.TryRead(new ReadOnlySequence<byte>(hello, 0, length), out _));
        }
    }

    [Fact]
    public async Task A_ClientHello_split_into_several_records_at_any_point_gives_the_same_name()
    {
        var hello = await CaptureClientHelloAsync("split.example.com");
        var handshake = hello.AsSpan(5, (hello[3] << 8) | hello[4]).ToArray();
        for (var cut = 1; cut < handshake.Length; cut++)
        {
            var records = Record(handshake.AsSpan(0, cut)).Concat(Record(handshake.AsSpan(cut))).ToArray();
            Assert.Equal(ClientHello.Outcome.Parsed, ClientHello.TryRead(Segmented(records, cut % 7 + 1), out var serverName));
            Assert.Equal("split.example.com", serverName);
        }
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("SSH-2.0-OpenSSH_9.6\r\n")]
    [InlineData("\u0016\u0003\u0001\u0000\u0005\u0002\u0000\u0000\u0001\u0000")] // a handshake record that is not a ClientHello
    public void Bytes_that_are_not_a_ClientHello_are_refused(string text)
    {
        Assert.Equal(ClientHello.Outcome.NotTls, ClientHello.TryRead(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(text)), out _));
    }

    [Fact]
    public void A_hello_that_claims_more_than_the_limit_is_refused_without_waiting_for_it()
    {
        byte[] huge = [22, 3, 1, 0, 4, 1, 0x10, 0, 0]; // ClientHello of 1 MiB announced
        Assert.Equal(ClientHello.Outcome.NotTls, ClientHello.TryRead(new ReadOnlySequence<byte>(huge), out _));
    }

    private static byte[] Record(ReadOnlySpan<byte> payload) =>
        [22, 3, 1, (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];

    // The same bytes as a chain of small segments, as a socket's pipe hands them over.
    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var at = 0; at < bytes.Length; at += size)
        {
            var memory = bytes.AsMemory(at, Math.Min(size, bytes.Length - at));
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private static async Task<byte[]> CaptureClientHelloAsync(string targetHost)
    {
        var capture = new CapturingStream();
        await using var tls = new SslStream(capture);
        await Assert.ThrowsAnyAsync<Exception>(() => tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = targetHost }));
        return capture.Written.ToArray();
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    // Keeps what the TLS client writes (its ClientHello) and ends the handshake at the first read.
    private sealed class CapturingStream : Stream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("capture ends here");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new IOException("capture ends here");

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
