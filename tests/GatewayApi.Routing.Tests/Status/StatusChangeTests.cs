using GatewayApi.Models;
using GatewayApi.Routing.Status;
using GatewayApi.Routing.Tests.TestSupport;
using k8s.Models;

namespace GatewayApi.Routing.Tests.Status;

/// <summary>The minimal-change check: write only when something but timestamps differs.</summary>
public class StatusChangeTests
{
    private static GatewayClassStatus Status(string reason, DateTime time) => new()
    {
        Conditions = [new V1Condition { Type = "Accepted", Status = "True", Reason = reason, Message = "m", ObservedGeneration = 1, LastTransitionTime = time }],
    };

    [Fact]
    public void OnlyTimestampsDiffer_NoWriteNeeded()
        => Assert.False(StatusChange.IsNeeded(Status("Accepted", DateTime.UnixEpoch), Status("Accepted", DateTime.UtcNow)));

    [Fact]
    public void ReasonDiffers_WriteNeeded()
        => Assert.True(StatusChange.IsNeeded(Status("Accepted", DateTime.UnixEpoch), Status("Other", DateTime.UnixEpoch)));

    [Fact]
    public void NoCurrentStatus_WriteNeeded_UnlessTheDesiredOneIsEmpty()
    {
        Assert.True(StatusChange.IsNeeded(null, Status("Accepted", DateTime.UnixEpoch)));
        Assert.False(StatusChange.IsNeeded(null, new RouteStatus { Parents = [] }));
    }

    [Fact]
    public void RecomputingFromTheWrittenStatus_NeedsNoWrite()
    {
        // A controller that writes our result and recomputes later (clock moved on) must not write again.
        const string yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra, generation: 2}
            spec:
              gatewayClassName: gw-class
              listeners: [{name: http, port: 80, protocol: HTTP}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r, namespace: infra, generation: 1}
            spec: {parentRefs: [{name: gw}]}
            """;
        var first = Scenario.Run(yaml);
        Assert.True(first.Gateways[0].HasChanges);
        var snapshot = Scenario.Snapshot(yaml);
        ((Gateway)snapshot.Gateways[0]).Status = first.Gateways[0].Status;
        snapshot.HttpRoutes[0].Status = first.Routes[0].Status;
        snapshot.GatewayClasses[0].Status = first.GatewayClasses[0].Status;
        var later = Scenario.Options() with { TimeProvider = new FixedTimeProvider(Scenario.Now.AddHours(1)) };
        var second = GatewayApiStatusEngine.Compute(snapshot, later);
        Assert.False(second.Gateways[0].HasChanges);
        Assert.False(second.Routes[0].HasChanges);
        Assert.False(second.GatewayClasses[0].HasChanges);
        // And the kept timestamps are the first run's.
        Assert.Equal(Scenario.Now.UtcDateTime, second.Gateways[0].Status.Conditions![0].LastTransitionTime);
    }
}
