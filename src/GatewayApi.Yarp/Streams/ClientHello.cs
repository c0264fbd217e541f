using System.Buffers;
using System.Text;

namespace GatewayApi.Yarp;

/// <summary>
/// Reads the server name (SNI) from a TLS ClientHello without consuming it, so a TLS listener can route a
/// connection before (or instead of) terminating it. RFC 8446 §4.1.2 and RFC 6066 §3; the hello may span records.
/// </summary>
internal static class ClientHello
{
    /// <summary>The largest ClientHello we wait for (its handshake message can be up to 2^24 bytes; real ones are a few KiB).</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>What one look at the buffered bytes found.</summary>
    public enum Outcome
    {
        /// <summary>The hello is not complete yet: read more.</summary>
        NeedMoreData,

        /// <summary>A complete ClientHello; the server name is set when the client sent one.</summary>
        Parsed,

        /// <summary>Not a TLS ClientHello (or one we refuse: too large, malformed).</summary>
        NotTls,
    }

    /// <summary>Looks for a complete ClientHello at the start of <paramref name="buffer"/>.</summary>
    public static Outcome TryRead(ReadOnlySequence<byte> buffer, out string? serverName)
    {
        serverName = null;
        var reader = new SequenceReader<byte>(buffer);
        var handshake = new ArrayBufferWriter<byte>();
        var expected = -1;

        // Gather handshake-record payloads until the whole first handshake message is in hand.
        while (expected < 0 || handshake.WrittenCount < expected)
        {
            if (reader.Remaining < 5)
            {
                return Outcome.NeedMoreData;
            }

            reader.TryRead(out var contentType);
            reader.TryRead(out var major);
            reader.Advance(1);
            reader.TryReadBigEndian(out short length);
            if (contentType != 22 || major != 3 || length <= 0 || length > 16384 + 2048)
            {
                return Outcome.NotTls;
            }

            if (reader.Remaining < length)
            {
                return Outcome.NeedMoreData;
            }

            var payload = buffer.Slice(reader.Position, length);
            foreach (var segment in payload)
            {
                handshake.Write(segment.Span);
            }

            reader.Advance(length);
            if (expected < 0 && handshake.WrittenCount >= 4)
            {
                var head = handshake.WrittenSpan;
                if (head[0] != 1)
                {
                    return Outcome.NotTls;
                }

                expected = 4 + ((head[1] << 16) | (head[2] << 8) | head[3]);
                if (expected > MaxLength)
                {
                    return Outcome.NotTls;
                }
            }
        }

        return ParseHello(handshake.WrittenSpan[4..expected], out serverName) ? Outcome.Parsed : Outcome.NotTls;
    }

    private static bool ParseHello(ReadOnlySpan<byte> hello, out string? serverName)
    {
        serverName = null;
        var at = 2 + 32; // legacy_version, random
        if (!Skip(hello, ref at, 1) || !Skip(hello, ref at, 2) || !Skip(hello, ref at, 1))
        {
            return false; // session id, cipher suites, compression methods
        }

        if (at == hello.Length)
        {
            return true; // no extensions at all
        }

        if (at + 2 > hello.Length)
        {
            return false;
        }

        var end = at + 2 + ((hello[at] << 8) | hello[at + 1]);
        at += 2;
        if (end > hello.Length)
        {
            return false;
        }

        while (at + 4 <= end)
        {
            var type = (hello[at] << 8) | hello[at + 1];
            var length = (hello[at + 2] << 8) | hello[at + 3];
            at += 4;
            if (at + length > end)
            {
                return false;
            }

            if (type == 0)
            {
                return ParseServerName(hello.Slice(at, length), out serverName);
            }

            at += length;
        }

        return at == end;
    }

    // server_name extension: a list of (type, name); type 0 is host_name, and there is at most one of it.
    private static bool ParseServerName(ReadOnlySpan<byte> extension, out string? serverName)
    {
        serverName = null;
        if (extension.Length < 2)
        {
            return false;
        }

        var end = 2 + ((extension[0] << 8) | extension[1]);
        var at = 2;
        if (end > extension.Length)
        {
            return false;
        }

        while (at + 3 <= end)
        {
            var type = extension[at];
            var length = (extension[at + 1] << 8) | extension[at + 2];
            at += 3;
            if (at + length > end)
            {
                return false;
            }

            if (type == 0)
            {
                var name = extension.Slice(at, length);
                foreach (var b in name)
                {
                    if (b is < 0x21 or > 0x7e)
                    {
                        return false; // host names are ASCII (A-labels) without spaces or controls
                    }
                }

                serverName = Encoding.ASCII.GetString(name).TrimEnd('.').ToLowerInvariant();
                return true;
            }

            at += length;
        }

        return true;
    }

    private static bool Skip(ReadOnlySpan<byte> data, ref int at, int lengthBytes)
    {
        if (at + lengthBytes > data.Length)
        {
            return false;
        }

        var length = lengthBytes == 1 ? data[at] : (data[at] << 8) | data[at + 1];
        at += lengthBytes + length;
        return at <= data.Length;
    }
}
