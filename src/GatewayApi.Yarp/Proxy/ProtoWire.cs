using System.Buffers.Binary;
using System.Text;

namespace GatewayApi.Yarp;

/// <summary>
/// The few pieces of the protocol buffers wire format the ext_authz client needs (varints, length-delimited
/// fields), so the data plane speaks Envoy's authorization API without generated code or a protobuf runtime.
/// </summary>
internal static class ProtoWire
{
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    /// <summary>Builds one message; nested messages are written into their own writer and added as bytes.</summary>
    internal sealed class Writer
    {
        private readonly MemoryStream _buffer = new();

        public Writer String(int field, string? value)
        {
            // proto3: an empty string is the default and is not written.
            return string.IsNullOrEmpty(value) ? this : Bytes(field, Encoding.UTF8.GetBytes(value));
        }

        public Writer Bytes(int field, ReadOnlySpan<byte> value)
        {
            Tag(field, LengthDelimited);
            WriteVarint((ulong)value.Length);
            _buffer.Write(value);
            return this;
        }

        public Writer Message(int field, Writer message) => Bytes(field, message.ToArray());

        public Writer Int64(int field, long value)
        {
            if (value != 0)
            {
                Tag(field, Varint);
                WriteVarint(unchecked((ulong)value));
            }

            return this;
        }

        public byte[] ToArray() => _buffer.ToArray();

        private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

        private void WriteVarint(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            _buffer.WriteByte((byte)value);
        }
    }

    /// <summary>One field as read: its number, and its value as a varint or as bytes (fixed-width fields are skipped).</summary>
    internal readonly record struct Field(int Number, ulong Value, ReadOnlyMemory<byte> Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes.Span);
    }

    /// <summary>The fields of a message in wire order; a truncated or malformed message throws <see cref="FormatException"/>.</summary>
    public static IEnumerable<Field> Read(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message.Span, ref position);
            var number = (int)(tag >> 3);
            if (number <= 0)
            {
                throw new FormatException("a field number of 0");
            }

            switch ((int)(tag & 7))
            {
                case Varint:
                    yield return new Field(number, ReadVarint(message.Span, ref position), ReadOnlyMemory<byte>.Empty);
                    break;
                case LengthDelimited:
                    var length = ReadVarint(message.Span, ref position);
                    if (length > (ulong)(message.Length - position))
                    {
                        throw new FormatException("a field longer than its message");
                    }

                    yield return new Field(number, 0, message.Slice(position, (int)length));
                    position += (int)length;
                    break;
                case Fixed64:
                    position = Skip(message.Length, position, 8);
                    break;
                case Fixed32:
                    position = Skip(message.Length, position, 4);
                    break;
                default:
                    throw new FormatException("an unsupported wire type");
            }
        }
    }

    /// <summary>A gRPC message frame: uncompressed flag, big-endian length, the message.</summary>
    public static byte[] Frame(byte[] message)
    {
        var framed = new byte[message.Length + 5];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
        message.CopyTo(framed, 5);
        return framed;
    }

    /// <summary>The message of the single, uncompressed frame of a unary gRPC response.</summary>
    public static ReadOnlyMemory<byte> Unframe(byte[] body)
    {
        if (body.Length < 5 || body[0] != 0)
        {
            throw new FormatException(body.Length < 5 ? "no gRPC message" : "a compressed gRPC message");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
        return length <= (uint)(body.Length - 5) ? body.AsMemory(5, (int)length) : throw new FormatException("a truncated gRPC message");
    }

    private static int Skip(int length, int position, int width) =>
        position + width <= length ? position + width : throw new FormatException("a truncated fixed-width field");

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= span.Length)
            {
                throw new FormatException("a truncated varint");
            }

            var b = span[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("a varint longer than 10 bytes");
    }
}
