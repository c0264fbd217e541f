using GatewayApi.Models;
using GatewayApi.Routing.Status;
using k8s.Models;

namespace GatewayApi.Routing.Tests.Status;

/// <summary>
/// Merging our route parent entries: attachment-and-status.md §8 (upstream apis/v1/shared_types.go RouteStatus notes:
/// status.parents is keyed by parentRef and controllerName; never edit other controllers' entries).
/// </summary>
public class RouteStatusMergeTests
{
    private const string Ours = "example.com/gateway-controller";
    private static readonly DateTime Old = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime New = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static RouteParentStatus Entry(string controller, string gateway, string status = "True", DateTime? time = null, string? section = null, string? group = null)
        => new()
        {
            ParentRef = new ParentReference { Group = group, Name = gateway, SectionName = section },
            ControllerName = controller,
            Conditions = [new V1Condition { Type = "Accepted", Status = status, Reason = status == "True" ? "Accepted" : "NotAllowedByListeners", Message = gateway, LastTransitionTime = time ?? New }],
        };

    [Fact]
    public void OtherControllersEntries_KeepTheirPlaceAndContent()
    {
        var theirs1 = Entry("a.io/x", "g1", time: Old);
        var theirs2 = Entry("b.io/y", "g2", time: Old);
        var current = new RouteStatus { Parents = [theirs1, Entry(Ours, "mine", time: Old), theirs2] };
        var merged = RouteStatusMerge.Merge(current, [Entry(Ours, "mine", "False")], Ours);
        Assert.Equal(["a.io/x", Ours, "b.io/y"], merged.Parents!.Select(p => p.ControllerName));
        Assert.Same(theirs1, merged.Parents![0]);
        Assert.Same(theirs2, merged.Parents[2]);
    }

    [Fact]
    public void OurStaleEntries_AreRemoved_AndNewOnesAppended()
    {
        var current = new RouteStatus { Parents = [Entry(Ours, "gone"), Entry("a.io/x", "g1")] };
        var merged = RouteStatusMerge.Merge(current, [Entry(Ours, "new")], Ours);
        Assert.Equal(["g1", "new"], merged.Parents!.Select(p => p.ParentRef!.Name));
    }

    [Fact]
    public void LastTransitionTime_IsKept_WhenTheStatusDidNotChange_AndMovesWhenItDid()
    {
        var current = new RouteStatus { Parents = [Entry(Ours, "same", "True", Old), Entry(Ours, "flip", "True", Old)] };
        var merged = RouteStatusMerge.Merge(current, [Entry(Ours, "same", "True", New), Entry(Ours, "flip", "False", New)], Ours);
        Assert.Equal(Old, merged.Parents![0].Conditions![0].LastTransitionTime);
        Assert.Equal(New, merged.Parents[1].Conditions![0].LastTransitionTime);
    }

    [Fact]
    public void ParentRefs_AreComparedWithDefaultsApplied_AndNeverDuplicated()
    {
        // The API server defaults group and kind; an entry written with them must match one without.
        var current = new RouteStatus { Parents = [Entry(Ours, "gw", group: GatewayApiGroups.Group, time: Old), Entry(Ours, "gw", time: Old)] };
        var merged = RouteStatusMerge.Merge(current, [Entry(Ours, "gw"), Entry(Ours, "gw")], Ours);
        Assert.Single(merged.Parents!);
        Assert.Equal(Old, merged.Parents![0].Conditions![0].LastTransitionTime);
    }

    [Fact]
    public void SectionNames_MakeDistinctEntries()
    {
        var merged = RouteStatusMerge.Merge(null, [Entry(Ours, "gw", section: "a"), Entry(Ours, "gw", section: "b")], Ours);
        Assert.Equal(2, merged.Parents!.Count);
    }

    [Fact]
    public void EntriesOfAnotherControllerInOurs_AreIgnored_AndInputsAreNotModified()
    {
        var current = new RouteStatus { Parents = [Entry("a.io/x", "g1")] };
        var merged = RouteStatusMerge.Merge(current, [Entry("a.io/x", "g1", "False"), Entry(Ours, "gw")], Ours);
        Assert.Equal("True", merged.Parents![0].Conditions![0].Status);
        Assert.Single(current.Parents!);
    }

    [Fact]
    public void AtMost32Entries_OursAreLeftOutWhenFull()
    {
        var current = new RouteStatus { Parents = Enumerable.Range(0, 31).Select(i => Entry("a.io/x", "g" + i)).ToList() };
        var merged = RouteStatusMerge.Merge(current, [Entry(Ours, "x"), Entry(Ours, "y")], Ours);
        Assert.Equal(32, merged.Parents!.Count);
    }

    [Fact]
    public void PolicyAncestors_AreMergedTheSameWay()
    {
        PolicyAncestorStatus Ancestor(string controller, string gateway) => new()
        {
            AncestorRef = new ParentReference { Name = gateway }, ControllerName = controller,
            Conditions = [new V1Condition { Type = "Accepted", Status = "True", Reason = "Accepted", LastTransitionTime = Old }],
        };
        var theirs = Ancestor("a.io/x", "g");
        var merged = PolicyStatusMerge.Merge(new PolicyStatus { Ancestors = [Ancestor(Ours, "stale"), theirs] }, [Ancestor(Ours, "g")], Ours);
        Assert.Equal(["a.io/x", Ours], merged.Ancestors!.Select(a => a.ControllerName));
        Assert.Same(theirs, merged.Ancestors![0]);
    }
}
