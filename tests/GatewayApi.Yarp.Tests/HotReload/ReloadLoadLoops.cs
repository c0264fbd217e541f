using System.Collections.Concurrent;
using System.Globalization;

namespace GatewayApi.Yarp.Tests.HotReload;

/// <summary>
/// Several client loops that send requests to the proxy continuously while the configuration changes, and check
/// each answer against the versions that were current at some point during that request.
/// </summary>
/// <remarks>
/// <para>Bounds. Before a request starts, the loop reads <see cref="ConfirmedVersion"/>: the newest version a probe
/// has seen answering, so the router of any older version can no longer take new requests. After the answer
/// arrives it reads <see cref="SubmittedVersion"/>: the newest valid version handed to the source, so no newer
/// router can have existed. The answer must come from one version v in [confirmed, submitted].</para>
/// <para>One version. A 200 must carry the same v three times (the stamp the backend received, the stamp the
/// proxy put on the response, and a backend that v allows for the path); anything else is a mix of two routers.
/// A 404 is right only when some version in the window has no route for the path. Every other outcome (an
/// exception, another status) is a failure.</para>
/// </remarks>
internal sealed class ReloadLoadLoops
{
    private readonly HttpClient _client;
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly int[] _startedAt;
    private long _requests;
    private long _notFound;
    private int _confirmed;
    private int _submitted;
    private volatile bool _stop;

    public ReloadLoadLoops(HttpClient client, int loops)
    {
        _client = client;
        _startedAt = new int[loops];
    }

    /// <summary>The newest version a probe has seen answering (written by the driver).</summary>
    public int ConfirmedVersion
    {
        get => Volatile.Read(ref _confirmed);
        set => Volatile.Write(ref _confirmed, value);
    }

    /// <summary>The newest valid version handed to the source (written by the driver before it hands it over).</summary>
    public int SubmittedVersion
    {
        get => Volatile.Read(ref _submitted);
        set => Volatile.Write(ref _submitted, value);
    }

    public long Requests => Interlocked.Read(ref _requests);

    public long NotFound => Interlocked.Read(ref _notFound);

    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>Runs the loops until <see cref="Stop"/>; each loop records the confirmed version its latest request started under.</summary>
    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, _startedAt.Length).Select(loop => Task.Run(() => LoopAsync(loop))));

    public void Stop() => _stop = true;

    /// <summary>Waits until every loop has started a request under <paramref name="version"/>, so each version carries load.</summary>
    public async Task WaitUntilEveryLoopStartedUnderAsync(int version, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!EveryLoopStartedUnder(version))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"the client loops did not send requests under version {version} within {timeout}; problems so far: {string.Join("; ", _problems.Take(5))}");
            }

            await Task.Delay(5);
        }
    }

    private bool EveryLoopStartedUnder(int version)
    {
        for (var i = 0; i < _startedAt.Length; i++)
        {
            if (Volatile.Read(ref _startedAt[i]) < version)
            {
                return false;
            }
        }

        return true;
    }

    private async Task LoopAsync(int loop)
    {
        var n = 0;
        while (!_stop)
        {
            var low = ConfirmedVersion;
            Volatile.Write(ref _startedAt[loop], low);
            var path = (n++ % 3) switch
            {
                0 => "/stable",
                1 => "/split",
                _ => "/added/" + low.ToString(CultureInfo.InvariantCulture),
            };
            await CheckOneAsync(path, low);
            Interlocked.Increment(ref _requests);
        }
    }

    private async Task CheckOneAsync(string path, int low)
    {
        try
        {
            using var response = await _client.GetAsync(path);
            var high = SubmittedVersion;
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status == 404)
            {
                if (!Enumerable.Range(low, high - low + 1).Any(v => ReloadManifests.AllowedBackends(v, path).Count == 0))
                {
                    _problems.Enqueue($"{path}: 404 although every version in [{low}, {high}] routes it");
                }

                Interlocked.Increment(ref _notFound);
                return;
            }

            if (status != 200)
            {
                _problems.Enqueue($"{path}: {status} in versions [{low}, {high}]: {body}");
                return;
            }

            var backend = Header(response, NamedBackends.BackendHeader);
            var received = Header(response, NamedBackends.ReceivedHeader);
            var served = Header(response, ReloadManifests.ServedHeader);
            if (!int.TryParse(served, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                || received != served
                || version < low || version > high
                || backend is null || !ReloadManifests.AllowedBackends(version, path).Contains(backend)
                || body != backend)
            {
                _problems.Enqueue($"{path}: served-version {served ?? "(none)"}, backend received version {received ?? "(none)"}, backend {backend ?? "(none)"} (body '{body}'), allowed window [{low}, {high}]");
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            _problems.Enqueue($"{path}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
