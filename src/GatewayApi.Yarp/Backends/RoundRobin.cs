using System.Runtime.CompilerServices;

namespace GatewayApi.Yarp;

/// <summary>Round-robin over an endpoint list; the position is kept per list instance.</summary>
internal static class RoundRobin
{
    private static readonly ConditionalWeakTable<IReadOnlyList<BackendEndpoint>, StrongBox<int>> Positions = new();

    public static BackendEndpoint Next(IReadOnlyList<BackendEndpoint> endpoints)
    {
        if (endpoints.Count == 1)
        {
            return endpoints[0];
        }

        var position = Positions.GetValue(endpoints, _ => new StrongBox<int>(-1));
        var next = (uint)Interlocked.Increment(ref position.Value);
        return endpoints[(int)(next % (uint)endpoints.Count)];
    }
}
