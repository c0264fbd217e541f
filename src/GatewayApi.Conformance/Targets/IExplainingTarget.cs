namespace GatewayApi.Conformance.Targets;

/// <summary>
/// Optional for targets: explains why a route is or is not attached, so a failed status expectation can show the
/// implementation's own reasoning next to the difference.
/// </summary>
public interface IExplainingTarget
{
    /// <summary>Explains the attachment of a route, or returns null when the target cannot.</summary>
    /// <param name="kind">The route kind, for example <c>HTTPRoute</c>.</param>
    /// <param name="namespace">The route's namespace.</param>
    /// <param name="name">The route's name.</param>
    string? ExplainRoute(string kind, string @namespace, string name);
}
