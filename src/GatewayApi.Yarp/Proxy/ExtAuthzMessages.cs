using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GatewayApi.Yarp;

/// <summary>What to do with one header an ext_authz answer names (Envoy's <c>HeaderValueOption</c>).</summary>
internal enum AuthHeaderAction
{
    /// <summary>Replace any value, or add.</summary>
    Overwrite,

    /// <summary>Add a value, keeping those present.</summary>
    Append,

    /// <summary>Add only when the header is absent.</summary>
    AddIfAbsent,

    /// <summary>Replace only when the header is present.</summary>
    OverwriteIfExists,
}

/// <summary>One header of an ext_authz answer.</summary>
internal readonly record struct AuthHeader(string Name, string Value, AuthHeaderAction Action);

/// <summary>
/// An ext_authz <c>CheckResponse</c> as the proxy uses it: allowed (status code 0), with the request headers to
/// set and remove and the response headers to add; or denied, with the HTTP status, headers and body for the client.
/// </summary>
internal sealed record AuthCheckResult(bool Allowed)
{
    public int DeniedStatus { get; init; }

    public IReadOnlyList<AuthHeader> Headers { get; init; } = [];

    public IReadOnlyList<string> HeadersToRemove { get; init; } = [];

    public IReadOnlyList<AuthHeader> ResponseHeadersToAdd { get; init; } = [];

    public byte[] Body { get; init; } = [];
}

/// <summary>
/// Envoy's external authorization gRPC API (<c>envoy.service.auth.v3.Authorization/Check</c>), the protocol
/// GEP-1494's <c>protocol: GRPC</c> names: the <c>CheckRequest</c> the proxy sends and the <c>CheckResponse</c> it
/// reads, by their field numbers in <c>external_auth.proto</c> and <c>attribute_context.proto</c>. Only the fields
/// a gateway fills or acts on are written or read; everything else in an answer is skipped.
/// </summary>
internal static class ExtAuthzMessages
{
    /// <summary>The gRPC method path.</summary>
    public const string CheckPath = "/envoy.service.auth.v3.Authorization/Check";

    /// <summary>
    /// The <c>CheckRequest</c> for a client request: source and destination addresses, the time, and the HTTP
    /// request (id, method, lower-cased headers joined with commas, path with query, host, scheme, size, protocol,
    /// and the body when forwarded). <paramref name="allowedHeaders"/> empty sends every header, as GEP-1494 says.
    /// </summary>
    public static byte[] CheckRequest(HttpContext context, IList<string>? allowedHeaders, byte[]? body, DateTimeOffset now)
    {
        var request = context.Request;
        var allowed = allowedHeaders is { Count: > 0 } ? new HashSet<string>(allowedHeaders, StringComparer.OrdinalIgnoreCase) : null;
        var http = new ProtoWire.Writer()
            .String(1, request.Headers["x-request-id"] is { Count: > 0 } id ? id.ToString() : context.TraceIdentifier)
            .String(2, request.Method);
        foreach (var (name, values) in Headers(request))
        {
            if (allowed is null || allowed.Contains(name))
            {
                http.Message(3, new ProtoWire.Writer().String(1, name.ToLowerInvariant()).String(2, values));
            }
        }

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path + request.QueryString;
        http.String(4, target)
            .String(5, request.Host.Value)
            .String(6, request.Scheme)
            .Int64(9, Size(context, body))
            .String(10, request.Protocol);
        if (body is { Length: > 0 })
        {
            // body (a string) when the bytes are UTF-8, as most auth services read it; raw_body always.
            if (IsUtf8(body))
            {
                http.Bytes(11, body);
            }

            http.Bytes(12, body);
        }

        var time = new ProtoWire.Writer().Int64(1, now.ToUnixTimeSeconds()).Int64(2, (now.UtcTicks % TimeSpan.TicksPerSecond) * 100);
        var attributes = new ProtoWire.Writer()
            .Message(1, Peer(context.Connection.RemoteIpAddress?.ToString(), context.Connection.RemotePort))
            .Message(2, Peer(context.Connection.LocalIpAddress?.ToString(), context.Connection.LocalPort))
            .Message(4, new ProtoWire.Writer().Message(1, time).Message(2, http));
        return new ProtoWire.Writer().Message(1, attributes).ToArray();
    }

    /// <summary>Reads a <c>CheckResponse</c>; a malformed one throws <see cref="FormatException"/>.</summary>
    public static AuthCheckResult CheckResponse(ReadOnlyMemory<byte> message)
    {
        ulong code = 0;
        var denied = new AuthCheckResult(false) { DeniedStatus = 403 };
        var ok = new AuthCheckResult(true);
        foreach (var field in ProtoWire.Read(message))
        {
            switch (field.Number)
            {
                case 1: // google.rpc.Status status
                    code = ProtoWire.Read(field.Bytes).Where(f => f.Number == 1).Select(f => f.Value).LastOrDefault();
                    break;
                case 2: // DeniedHttpResponse denied_response
                    denied = Denied(field.Bytes);
                    break;
                case 3: // OkHttpResponse ok_response
                    ok = Ok(field.Bytes);
                    break;
            }
        }

        return code == 0 ? ok : denied;
    }

    private static AuthCheckResult Denied(ReadOnlyMemory<byte> message)
    {
        var status = 0;
        var headers = new List<AuthHeader>();
        byte[] body = [];
        foreach (var field in ProtoWire.Read(message))
        {
            switch (field.Number)
            {
                case 1: // envoy.type.v3.HttpStatus status { code = 1 }
                    status = (int)ProtoWire.Read(field.Bytes).Where(f => f.Number == 1).Select(f => f.Value).LastOrDefault();
                    break;
                case 2:
                    headers.Add(Header(field.Bytes));
                    break;
                case 3:
                    body = field.Bytes.ToArray();
                    break;
            }
        }

        // HttpStatus 0 is "Empty": the default denial is 403, as Envoy answers.
        return new AuthCheckResult(false) { DeniedStatus = status is >= 100 and <= 599 ? status : 403, Headers = headers, Body = body };
    }

    private static AuthCheckResult Ok(ReadOnlyMemory<byte> message)
    {
        var headers = new List<AuthHeader>();
        var remove = new List<string>();
        var response = new List<AuthHeader>();
        foreach (var field in ProtoWire.Read(message))
        {
            switch (field.Number)
            {
                case 2:
                    headers.Add(Header(field.Bytes));
                    break;
                case 5:
                    remove.Add(field.Text);
                    break;
                case 6:
                    response.Add(Header(field.Bytes));
                    break;
            }
        }

        return new AuthCheckResult(true) { Headers = headers, HeadersToRemove = remove, ResponseHeadersToAdd = response };
    }

    // HeaderValueOption { HeaderValue header = 1 { key = 1; value = 2; raw_value = 3 }; BoolValue append = 2; append_action = 3 }.
    // In ext_authz answers `append` defaults to false (replace); when it is absent, append_action decides.
    private static AuthHeader Header(ReadOnlyMemory<byte> message)
    {
        string name = "", value = "";
        bool? append = null;
        var action = AuthHeaderAction.Overwrite;
        foreach (var field in ProtoWire.Read(message))
        {
            switch (field.Number)
            {
                case 1:
                    foreach (var part in ProtoWire.Read(field.Bytes))
                    {
                        if (part.Number == 1)
                        {
                            name = part.Text;
                        }
                        else if (part.Number is 2 or 3 && part.Bytes.Length > 0)
                        {
                            value = part.Text;
                        }
                    }

                    break;
                case 2:
                    append = ProtoWire.Read(field.Bytes).Any(f => f.Number == 1 && f.Value != 0);
                    break;
                case 3:
                    action = field.Value switch
                    {
                        1 => AuthHeaderAction.AddIfAbsent,
                        2 => AuthHeaderAction.Overwrite,
                        3 => AuthHeaderAction.OverwriteIfExists,
                        _ => AuthHeaderAction.Overwrite,
                    };
                    break;
            }
        }

        return new AuthHeader(name, value, append switch { true => AuthHeaderAction.Append, false => AuthHeaderAction.Overwrite, null => action });
    }

    // Peer { Address address = 1 { SocketAddress socket_address = 1 { address = 2; port_value = 3 } } }.
    private static ProtoWire.Writer Peer(string? address, int port) =>
        new ProtoWire.Writer().Message(1, new ProtoWire.Writer().Message(1, new ProtoWire.Writer().String(2, address).Int64(3, port)));

    private static IEnumerable<(string Name, string Values)> Headers(HttpRequest request)
    {
        yield return (":authority", request.Host.Value ?? "");
        yield return (":method", request.Method);
        yield return (":path", request.Path + request.QueryString);
        yield return (":scheme", request.Scheme);
        foreach (var (name, values) in request.Headers)
        {
            // Host travels as :authority (as HTTP/2 carries it), not twice.
            if (!name.StartsWith(':') && !string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                yield return (name, values.ToString());
            }
        }
    }

    // The request's size: the body sent along, else Content-Length; 0 for a request that cannot have a body, -1 when unknown.
    private static long Size(HttpContext context, byte[]? body) =>
        body is { Length: > 0 } ? body.Length
        : context.Request.ContentLength is { } length ? length
        : context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false } ? 0 : -1;

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
