using GatewayApi.Routing;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Yarp;

/// <summary>
/// One accepted configuration, immutable: the objects, the status computed from them, and the router compiled
/// from that status. A request reads <see cref="GatewayApiProxyConfiguration.Current"/> once and uses that state
/// (router, Secrets, EndpointSlices) to its end, so a reload never mixes two versions in one request.
/// </summary>
public sealed class GatewayApiProxyState
{
    internal GatewayApiProxyState(long version, ResourceSnapshot snapshot, StatusResult status, RoutingConfiguration routing, Router router, string source, DateTimeOffset appliedAt)
    {
        Version = version;
        Snapshot = snapshot;
        Status = status;
        Routing = routing;
        Router = router;
        Source = source;
        AppliedAt = appliedAt;
    }

    /// <summary>Increments with every accepted change; 0 is the empty state before anything was applied.</summary>
    public long Version { get; }

    /// <summary>The objects of this version.</summary>
    public ResourceSnapshot Snapshot { get; }

    /// <summary>The status the engine computed for them (what a controller would write).</summary>
    public StatusResult Status { get; }

    /// <summary>What the router was compiled from: the accepted listeners and the routes attached to them.</summary>
    public RoutingConfiguration Routing { get; }

    /// <summary>The compiled router.</summary>
    public Router Router { get; }

    /// <summary>Where the change came from (<c>memory</c>, <c>directory:/path</c>, or the caller's name).</summary>
    public string Source { get; }

    /// <summary>When it was applied.</summary>
    public DateTimeOffset AppliedAt { get; }

    /// <summary>Per-state caches (certificates, endpoint indexes), built on first use and dropped with the state.</summary>
    internal StateCache Cache { get; } = new();
}
