using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp;

/// <summary>The proxy's log lines, each with a stable event id (listed in <c>docs/yarp.md</c>).</summary>
internal static partial class ProxyLog
{
    public const string Category = "GatewayApi.Yarp";

    [LoggerMessage(EventId = 1, EventName = "ConfigurationApplied", Level = LogLevel.Information,
        Message = "Applied configuration version {Version} from {Source}: {ListenerCount} accepted listeners, {RouteCount} HTTP/gRPC routes.")]
    public static partial void ConfigurationApplied(ILogger logger, long version, string source, int listenerCount, int routeCount);

    [LoggerMessage(EventId = 2, EventName = "ConfigurationRejected", Level = LogLevel.Error,
        Message = "Rejected the configuration change from {Source}; version {Version} stays in effect. {ErrorCount} problem(s), the first: {Error}")]
    public static partial void ConfigurationRejected(ILogger logger, string source, long version, int errorCount, string error);

    [LoggerMessage(EventId = 3, EventName = "ListenerPortNotBound", Level = LogLevel.Warning,
        Message = "Configuration version {Version} has listeners on port {Port}, which is not bound; it is served after a restart.")]
    public static partial void ListenerPortNotBound(ILogger logger, long version, int port);

    [LoggerMessage(EventId = 10, EventName = "BackendFailed", Level = LogLevel.Warning,
        Message = "{Method} {Path}: backend {Backend} at {Endpoint} failed ({Error}); answered {StatusCode}.")]
    public static partial void BackendFailed(ILogger logger, string method, string path, string backend, string endpoint, string error, int statusCode, Exception? exception);

    [LoggerMessage(EventId = 11, EventName = "InvalidBackend", Level = LogLevel.Warning,
        Message = "{Method} {Path}: route {Route} chose backend {Backend}, which is not usable ({Problem}); answered {StatusCode}.")]
    public static partial void InvalidBackend(ILogger logger, string method, string path, string? route, string? backend, string? problem, int statusCode);

    [LoggerMessage(EventId = 12, EventName = "NoEndpoints", Level = LogLevel.Warning,
        Message = "{Method} {Path}: backend {Backend} has no endpoints; answered 503.")]
    public static partial void NoEndpoints(ILogger logger, string method, string path, string backend);

    [LoggerMessage(EventId = 13, EventName = "FilterNotHandled", Level = LogLevel.Error,
        Message = "{Method} {Path}: route {Route} needs the {Filter} filter {Name}, which no handler runs; answered 500.")]
    public static partial void FilterNotHandled(ILogger logger, string method, string path, string? route, string filter, string name);

    [LoggerMessage(EventId = 14, EventName = "ClientAborted", Level = LogLevel.Debug,
        Message = "{Method} {Path}: the client went away before the exchange with backend {Backend} finished ({Error}); nothing answered.")]
    public static partial void ClientAborted(ILogger logger, string method, string path, string backend, string error);

    [LoggerMessage(EventId = 15, EventName = "StreamRejected", Level = LogLevel.Information,
        Message = "{Protocol} traffic on listener port {Port} (SNI: {ServerName}) refused: {Reason}.")]
    private static partial void StreamRejectedCore(ILogger logger, string protocol, int port, string serverName, string reason);

    public static void StreamRejected(ILogger logger, string protocol, int port, string? serverName, string reason) =>
        StreamRejectedCore(logger, protocol, port, serverName ?? "none", reason);

    [LoggerMessage(EventId = 16, EventName = "StreamBackendFailed", Level = LogLevel.Warning,
        Message = "{Protocol} traffic on listener port {Port} (SNI: {ServerName}): backend {Backend} at {Endpoint} could not be reached ({Error}).")]
    private static partial void StreamBackendFailedCore(ILogger logger, string protocol, int port, string serverName, string backend, string endpoint, string error);

    public static void StreamBackendFailed(ILogger logger, string protocol, int port, string? serverName, string backend, string endpoint, string error) =>
        StreamBackendFailedCore(logger, protocol, port, serverName ?? "none", backend, endpoint, error);

    [LoggerMessage(EventId = 17, EventName = "ExternalAuthFailed", Level = LogLevel.Warning,
        Message = "{Method} {Path}: external auth service {Backend} could not be asked ({Reason}); answered 403.")]
    public static partial void ExternalAuthFailed(ILogger logger, string method, string path, string backend, string reason);

    [LoggerMessage(EventId = 18, EventName = "ExternalAuthDenied", Level = LogLevel.Debug,
        Message = "{Method} {Path}: external auth service {Backend} denied the request ({StatusCode}).")]
    public static partial void ExternalAuthDenied(ILogger logger, string method, string path, string backend, int statusCode);

    [LoggerMessage(EventId = 20, EventName = "MirrorDropped", Level = LogLevel.Debug,
        Message = "Mirror copy to {Backend} dropped: {Reason}.")]
    public static partial void MirrorDropped(ILogger logger, string backend, string reason);

    [LoggerMessage(EventId = 21, EventName = "MirrorFailed", Level = LogLevel.Debug,
        Message = "Mirror copy to {Backend} failed.")]
    public static partial void MirrorFailed(ILogger logger, string backend, Exception exception);

    [LoggerMessage(EventId = 30, EventName = "CertificateNotFound", Level = LogLevel.Warning,
        Message = "HTTPS listener {Listener} of Gateway {Gateway} (port {Port}) has no usable certificate: {Reason}.")]
    public static partial void CertificateNotFound(ILogger logger, string listener, string gateway, int port, string reason);
}
