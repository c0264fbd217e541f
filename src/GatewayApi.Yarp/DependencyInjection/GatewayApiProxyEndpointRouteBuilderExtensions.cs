using GatewayApi.Yarp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Gateway API proxy into an application's endpoints.</summary>
public static class GatewayApiProxyEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a catch-all endpoint (every path and method, lowest precedence, so the application's own endpoints
    /// win) that routes each request with the current Gateway API router and executes the decision.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    public static IEndpointConventionBuilder MapGatewayApiProxy(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetRequiredService<GatewayApiProxyHandler>();
        var builder = endpoints.Map("/{**gatewayApiPath}", handler.InvokeAsync);
        builder.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
        builder.WithDisplayName("Gateway API proxy");
        return builder;
    }
}
