namespace GatewayApi.Yarp.Benchmarks.Load;

/// <summary>One proxy the load run measures, already started and listening on loopback.</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    /// <summary>The row label in the results table.</summary>
    string Name { get; }

    /// <summary>How many HTTPRoutes the proxy holds (0 for the baseline, which has no routes).</summary>
    int Routes { get; }

    /// <summary>Where the proxy listens (<c>http://127.0.0.1:port</c>).</summary>
    Uri Address { get; }
}
