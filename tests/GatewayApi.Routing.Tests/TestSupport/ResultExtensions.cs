using GatewayApi.Models;
using k8s.Models;

namespace GatewayApi.Routing.Tests.TestSupport;

/// <summary>Finds statuses and conditions in a <see cref="StatusResult"/>, failing clearly when they are missing.</summary>
internal static class ResultExtensions
{
    public static GatewayClassStatus GatewayClass(this StatusResult result, string name)
        => Assert.Single(result.GatewayClasses, u => u.Name == name).Status;

    public static GatewayStatus Gateway(this StatusResult result, string @namespace, string name)
        => Assert.Single(result.Gateways, u => u.Namespace == @namespace && u.Name == name).Status;

    public static ListenerSetStatus ListenerSet(this StatusResult result, string @namespace, string name)
        => Assert.Single(result.ListenerSets, u => u.Namespace == @namespace && u.Name == name).Status;

    public static ListenerStatus Listener(this GatewayStatus status, string name)
        => Assert.Single(status.Listeners ?? [], l => l.Name == name);

    public static ListenerStatus Listener(this ListenerSetStatus status, string name)
        => Assert.Single(status.Listeners ?? [], l => l.Name == name);

    public static RouteStatus Route(this StatusResult result, string kind, string @namespace, string name)
        => Assert.Single(result.Routes, u => u.Kind == kind && u.Namespace == @namespace && u.Name == name).Status;

    /// <summary>The status entries of ours for an HTTPRoute, in order.</summary>
    public static IList<RouteParentStatus> Parents(this StatusResult result, string @namespace, string name, string kind = "HTTPRoute")
        => result.Route(kind, @namespace, name).Parents!.Where(p => p.ControllerName == Scenario.Controller || p.ControllerName == "example.com/mesh").ToList();

    public static RouteParentStatus Parent(this StatusResult result, string @namespace, string name, string kind = "HTTPRoute")
        => Assert.Single(result.Parents(@namespace, name, kind));

    public static PolicyStatus Policy(this StatusResult result, string @namespace, string name)
        => Assert.Single(result.BackendTlsPolicies, u => u.Namespace == @namespace && u.Name == name).Status;

    public static V1Condition Condition(this IEnumerable<V1Condition>? conditions, string type)
        => Assert.Single(conditions ?? [], c => c.Type == type);

    public static V1Condition Condition(this RouteParentStatus parent, string type) => parent.Conditions.Condition(type);

    public static V1Condition Condition(this ListenerStatus listener, string type) => listener.Conditions.Condition(type);

    public static bool HasCondition(this IEnumerable<V1Condition>? conditions, string type) => (conditions ?? []).Any(c => c.Type == type);

    /// <summary>Asserts status and reason of a condition, printing its message when they differ.</summary>
    public static void Is(this V1Condition condition, string status, string reason)
    {
        Assert.True(condition.Status == status && condition.Reason == reason, $"Expected {condition.Type}={status}/{reason}, got {condition.Status}/{condition.Reason}: {condition.Message}");
    }
}
