using System.Globalization;

namespace GatewayApi.Conformance.Http.Sending;

/// <summary>gRPC status codes by name, and the status a client infers from an HTTP answer without one.</summary>
internal static class GrpcStatusNames
{
    private static readonly string[] Names =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
        "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    public static string FromCode(string code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value < Names.Length ? Names[value] : "UNKNOWN";

    /// <summary>gRPC's mapping for an HTTP status that carries no grpc-status (doc/http-grpc-status-mapping.md).</summary>
    public static string FromHttpStatus(int status) => status switch
    {
        400 => "INTERNAL",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "UNIMPLEMENTED",
        429 or 502 or 503 or 504 => "UNAVAILABLE",
        _ => "UNKNOWN",
    };
}
