using GatewayApi.Routing;
using GatewayApi.Routing.Snapshots;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayApi.Yarp;

/// <summary>
/// The proxy's configuration store and its in-memory source. Every change runs read → validate and default →
/// <see cref="ResourceSnapshot"/> → <see cref="GatewayApiStatusEngine.Compute"/> →
/// <see cref="RoutingConfigurationFromStatus.Create"/> → <see cref="Router.Compile"/> and then swaps
/// <see cref="Current"/> atomically. A change that cannot be read or is invalid is rejected as a whole: the last
/// good state stays, <see cref="LastError"/> says why, and a log line (event 2) is written.
/// </summary>
public sealed class GatewayApiProxyConfiguration
{
    private readonly GatewayApiProxyOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _changeLock = new();
    private GatewayApiProxyState _current;
    private ConfigurationChange? _lastChange;
    private long _sequence;
    private string? _directoryFingerprint;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the store (done by <c>AddGatewayApiProxy</c>); loads <see cref="GatewayApiProxyOptions.ManifestDirectory"/> if set.</summary>
    /// <param name="options">The proxy options.</param>
    /// <param name="loggerFactory">Where log lines go (category <c>GatewayApi.Yarp</c>).</param>
    public GatewayApiProxyConfiguration(IOptions<GatewayApiProxyOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _logger = loggerFactory.CreateLogger(ProxyLog.Category);
        _time = _options.StatusEngine.TimeProvider;
        _current = Build(0, ResourceSnapshot.Empty, "empty");
        if (_options.ManifestDirectory is { } directory)
        {
            ApplyDirectory(directory);
        }
    }

    /// <summary>The last good state; read it once per unit of work and keep it.</summary>
    public GatewayApiProxyState Current => Volatile.Read(ref _current);

    /// <summary>The last attempt to change the configuration (accepted or rejected); null before the first.</summary>
    public ConfigurationChange? LastChange => Volatile.Read(ref _lastChange);

    /// <summary>Why the last attempt was rejected; null when it was accepted (or none was made).</summary>
    public string? LastError => LastChange is { Accepted: false } change ? change.Error : null;

    /// <summary>Raised after every attempt, accepted or rejected, on the thread that made it.</summary>
    public event Action<ConfigurationChange>? Changed;

    /// <summary>Applies manifests: YAML (one or more documents) or JSON.</summary>
    /// <param name="manifests">The complete configuration (it replaces the previous one).</param>
    /// <param name="source">A name for the text in errors and logs; <c>memory</c> when null.</param>
    public ConfigurationChange Apply(string manifests, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        var errors = new List<string>();
        ManifestLoader.ReadText(manifests, source ?? "memory", _options.Channel, objects, errors);
        return Commit(objects, errors, source ?? "memory");
    }

    /// <summary>Applies parsed objects (typed Gateway API models and KubernetesClient core objects).</summary>
    /// <param name="objects">The complete configuration.</param>
    /// <param name="source">A name for logs; <c>memory</c> when null.</param>
    public ConfigurationChange Apply(IEnumerable<IKubernetesObject<V1ObjectMeta>> objects, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var prepared = new List<IKubernetesObject<V1ObjectMeta>>();
        var errors = new List<string>();
        ManifestLoader.Prepare(objects, _options.Channel, prepared, errors);
        return Commit(prepared, errors, source ?? "memory");
    }

    /// <summary>Applies a snapshot as it is (no schema validation or defaulting: the caller built it).</summary>
    /// <param name="snapshot">The complete configuration.</param>
    /// <param name="source">A name for logs; <c>memory</c> when null.</param>
    public ConfigurationChange Apply(ResourceSnapshot snapshot, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_changeLock)
        {
            return Publish(() => snapshot, source ?? "memory");
        }
    }

    /// <summary>Waits until an attempt with a sequence number greater than <paramref name="afterSequence"/> has been made.</summary>
    /// <param name="afterSequence">The last sequence the caller saw (<see cref="ConfigurationChange.Sequence"/>, or 0).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<ConfigurationChange> WaitForChangeAsync(long afterSequence, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var signal = Volatile.Read(ref _changed).Task;
            if (LastChange is { } last && last.Sequence > afterSequence)
            {
                return last;
            }

            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The directory's fingerprint taken just before it was last read (null before the first read).</summary>
    internal string? DirectoryFingerprint => Volatile.Read(ref _directoryFingerprint);

    internal ConfigurationChange ApplyDirectory(string directory)
    {
        // Taken before reading: a file that changes while it is read makes the next fingerprint differ, so the
        // watcher reads the directory again.
        Volatile.Write(ref _directoryFingerprint, ManifestLoader.Fingerprint(directory));
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        var errors = new List<string>();
        try
        {
            ManifestLoader.ReadDirectory(directory, _options.Channel, objects, errors);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{directory}: {exception.Message}");
        }

        return Commit(objects, errors, "directory:" + directory);
    }

    private ConfigurationChange Commit(List<IKubernetesObject<V1ObjectMeta>> objects, List<string> errors, string source)
    {
        lock (_changeLock)
        {
            if (errors.Count > 0)
            {
                return Record(Rejected(errors, source));
            }

            return Publish(() => ResourceSnapshot.Create(objects), source);
        }
    }

    private ConfigurationChange Publish(Func<ResourceSnapshot> snapshot, string source)
    {
        GatewayApiProxyState next;
        try
        {
            next = Build(Current.Version + 1, snapshot(), source);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            // Duplicate objects and other inconsistencies the snapshot or the engine refuse.
            return Record(Rejected([$"{source}: {exception.Message}"], source));
        }

        Volatile.Write(ref _current, next);
        var change = new ConfigurationChange { Sequence = ++_sequence, Accepted = true, Version = next.Version, Source = source, At = _time.GetUtcNow() };
        ProxyLog.ConfigurationApplied(_logger, next.Version, source, next.Routing.Gateways.Sum(g => g.Listeners.Count), next.Snapshot.HttpRoutes.Count + next.Snapshot.GrpcRoutes.Count);
        return Record(change);
    }

    private ConfigurationChange Rejected(List<string> errors, string source)
    {
        var change = new ConfigurationChange
        {
            Sequence = ++_sequence,
            Accepted = false,
            Version = Current.Version,
            Error = errors[0],
            Errors = [.. errors],
            Source = source,
            At = _time.GetUtcNow(),
        };
        ProxyLog.ConfigurationRejected(_logger, source, Current.Version, errors.Count, errors[0]);
        return change;
    }

    private ConfigurationChange Record(ConfigurationChange change)
    {
        Volatile.Write(ref _lastChange, change);
        var signal = Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        signal.TrySetResult();
        Changed?.Invoke(change);
        return change;
    }

    private GatewayApiProxyState Build(long version, ResourceSnapshot snapshot, string source)
    {
        var status = GatewayApiStatusEngine.Compute(snapshot, _options.StatusEngine);
        var routing = RoutingConfigurationFromStatus.Create(status);
        if (_options.Gateways.Count > 0)
        {
            var served = _options.Gateways.ToHashSet();
            routing = routing with { Gateways = [.. routing.Gateways.Where(g => served.Contains(new NamespacedName(g.Namespace, g.Name)))] };
        }

        var router = Router.Compile(routing, _options.Router);
        return new GatewayApiProxyState(version, snapshot, status, routing, router, source, _time.GetUtcNow());
    }
}
