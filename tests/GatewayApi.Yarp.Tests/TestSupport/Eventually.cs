namespace GatewayApi.Yarp.Tests.TestSupport;

/// <summary>Waits for asynchronous effects (mirror copies, reloads) with generous deadlines for a loaded machine.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<T> FindAsync<T>(Func<T?> probe)
        where T : class
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, "Nothing arrived within " + Deadline);
            await Task.Delay(50);
        }
    }

    public static async Task TrueAsync(Func<bool> probe, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!probe())
        {
            Assert.True(DateTime.UtcNow < until, what + " did not happen within " + Deadline);
            await Task.Delay(50);
        }
    }

    /// <summary>The count once it has not changed for a second.</summary>
    public static async Task<int> SettledCountAsync(Func<int> count)
    {
        var until = DateTime.UtcNow + Deadline;
        var last = count();
        var stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            var now = count();
            if (now != last)
            {
                last = now;
                stableSince = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(1))
            {
                break;
            }
        }

        return last;
    }
}
