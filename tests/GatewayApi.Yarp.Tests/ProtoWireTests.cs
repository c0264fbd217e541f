using Google.Protobuf;
using GatewayApi.Yarp.Tests.ExtAuthz;

namespace GatewayApi.Yarp.Tests;

/// <summary>
/// The hand-written protobuf reader behind the ext_authz client: it reads what Google.Protobuf writes, and bad input
/// (an auth service is a network peer) is a <see cref="FormatException"/>, never another exception or a hang.
/// </summary>
public sealed class ProtoWireTests
{
    [Fact]
    public void A_CheckResponse_written_by_Google_Protobuf_reads_back()
    {
        var written = new CheckResponse
        {
            Status = new RpcStatus { Code = 0 },
            OkResponse = new OkHttpResponse
            {
                Headers = { new HeaderValueOption { Header = new HeaderValue { Key = "x-a", Value = "1" }, AppendAction = 1 } },
                HeadersToRemove = { "x-b" },
            },
        }.ToByteArray();
        var read = ExtAuthzMessages.CheckResponse(written);
        Assert.True(read.Allowed);
        Assert.Equal(new AuthHeader("x-a", "1", AuthHeaderAction.AddIfAbsent), Assert.Single(read.Headers));
        Assert.Equal("x-b", Assert.Single(read.HeadersToRemove));

        // A non-OK status is a denial even with an OK response attached; without a denied response it is 403.
        var denied = ExtAuthzMessages.CheckResponse(new CheckResponse { Status = new RpcStatus { Code = 16 } }.ToByteArray());
        Assert.Equal((false, 403), (denied.Allowed, denied.DeniedStatus));
    }

    [Theory]
    [InlineData(new byte[] { 0x08 })]                   // a varint field with no value
    [InlineData(new byte[] { 0x0A, 0x05, 0x01 })]       // a length beyond the message
    [InlineData(new byte[] { 0x0B })]                   // wire type 3 (groups) is not read
    [InlineData(new byte[] { 0x00 })]                   // field number 0
    [InlineData(new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })] // varint over 10 bytes
    [InlineData(new byte[] { 0x09, 0x01, 0x02 })]       // a truncated fixed64
    public void Malformed_messages_are_FormatExceptions(byte[] message) =>
        Assert.Throws<FormatException>(() => ExtAuthzMessages.CheckResponse(message));

    [Fact]
    public void Frames_that_are_short_compressed_or_truncated_are_FormatExceptions()
    {
        Assert.Throws<FormatException>(() => ProtoWire.Unframe([0, 0, 0]));
        Assert.Throws<FormatException>(() => ProtoWire.Unframe([1, 0, 0, 0, 0]));
        Assert.Throws<FormatException>(() => ProtoWire.Unframe([0, 0, 0, 0, 9, 1]));
        Assert.Equal([7], ProtoWire.Unframe(ProtoWire.Frame([7])).ToArray());
    }

    [Fact]
    public void Random_bytes_never_throw_anything_but_FormatException()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 48)];
            random.NextBytes(bytes);
            try
            {
                ExtAuthzMessages.CheckResponse(bytes);
            }
            catch (FormatException)
            {
            }
        }
    }
}
