namespace GatewayApi.Routing;

/// <summary>
/// Holds the current <see cref="Router"/> and swaps it atomically: readers take <see cref="Current"/> once per
/// request and use that one router for the whole decision, so they never see a half-built or mixed state; writers
/// compile a new router off to the side and publish it with one exchange. No locks on the request path.
/// </summary>
public sealed class RouterHolder
{
    private Router _current;

    /// <summary>Starts with a router.</summary>
    /// <param name="initial">The first router.</param>
    public RouterHolder(Router initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The router to use for a request (read once and keep it for the request).</summary>
    public Router Current => Volatile.Read(ref _current);

    /// <summary>Publishes a new router; returns the one it replaced.</summary>
    /// <param name="next">The new router.</param>
    public Router Swap(Router next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }

    /// <summary>Compiles a configuration and publishes the result; returns the new router.</summary>
    /// <param name="configuration">The new configuration.</param>
    /// <param name="options">Options; the current router's when null.</param>
    public Router Update(RoutingConfiguration configuration, RouterOptions? options = null)
    {
        var next = Router.Compile(configuration, options ?? Current.Options);
        Swap(next);
        return next;
    }
}
