using GatewayApi.Routing;

namespace GatewayApi.Cli.Requests;

/// <summary>What the router decided for a <see cref="RouteQuery"/>.</summary>
internal sealed record RouteAnswer
{
    public required RouteQuery Query { get; init; }

    /// <summary>The request as the router saw it (port and SNI resolved).</summary>
    public required HttpRoutingRequest Request { get; init; }

    /// <summary>How the port was chosen, in words.</summary>
    public string? PortChoice { get; init; }

    public HttpRouteDecision? Http { get; init; }

    public GrpcRouteDecision? Grpc { get; init; }

    public RoutingExplanation? Explanation { get; init; }

    /// <summary>Notes about the answer (another listener answered than the one asked for, explain not available).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public RoutingResult Result => Http?.Result ?? Grpc!.Result;

    /// <summary>Whether the answer is a finding (exit 1): nothing matched, or the gateway answers with an error.</summary>
    public bool IsFinding => Http is { } http
        ? http.Result is not (RoutingResult.Matched or RoutingResult.NoRoutesBound) || (http.Action == HttpAction.Respond && http.StatusCode >= 500)
        : Grpc!.Result is not (RoutingResult.Matched or RoutingResult.NoRoutesBound) || Grpc.Status != GrpcStatusCode.Ok;
}
