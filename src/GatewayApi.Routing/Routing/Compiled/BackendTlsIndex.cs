namespace GatewayApi.Routing.Compiled;

/// <summary>
/// Finds the BackendTLSPolicy settings that govern a Service port: the port-specific policy, else the whole-Service
/// one (a section-specific policy governs its port, <c>routing-semantics.md</c> §10).
/// </summary>
internal sealed class BackendTlsIndex
{
    public static readonly BackendTlsIndex Empty = new([]);

    private readonly Dictionary<(string Namespace, string Name, int? Port), BackendTlsSettings> _settings = [];

    public BackendTlsIndex(IEnumerable<BackendTlsSettings> settings)
    {
        foreach (var entry in settings)
        {
            _settings.TryAdd((entry.ServiceNamespace, entry.ServiceName, entry.Port), entry);
        }
    }

    public BackendTlsSettings? Find(string @namespace, string name, int? port)
    {
        if (_settings.Count == 0)
        {
            return null;
        }

        return port is not null && _settings.TryGetValue((@namespace, name, port), out var specific)
            ? specific
            : _settings.GetValueOrDefault((@namespace, name, null));
    }
}
