using GatewayApi.Routing;
using Microsoft.AspNetCore.Http;

namespace GatewayApi.Yarp;

/// <summary>
/// Runs ExtensionRef filters (implementation-specific filters a route names by group, kind and name). Register
/// one with <c>services.AddSingleton&lt;IExtensionRefFilter, MyFilter&gt;()</c> and list its kinds in
/// <see cref="GatewayApi.Routing.StatusEngineOptions.ExtensionRefKinds"/>. Without a handler, a request whose
/// decision carries an ExtensionRef is answered 500 (the filter must not be skipped).
/// </summary>
public interface IExtensionRefFilter
{
    /// <summary>Runs one filter on a request before it is forwarded, in the order the route lists them.</summary>
    /// <param name="context">The request; the handler may change its headers or write a response.</param>
    /// <param name="filter">The filter reference (group, kind, name, the route's namespace, rule or backend stage).</param>
    /// <returns>True to go on; false when the handler has answered the request itself.</returns>
    ValueTask<bool> InvokeAsync(HttpContext context, FilterReference filter);
}
