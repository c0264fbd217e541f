namespace GatewayApi.Conformance.Http.Echo;

/// <summary>The echo backends of the applied Services: one endpoint per Service port.</summary>
public sealed class EchoBackendDirectory
{
    private readonly Dictionary<(string Namespace, string Name, int Port), EchoBackendEndpoint> _byService;

    internal EchoBackendDirectory(IEnumerable<EchoBackendEndpoint> endpoints)
    {
        Endpoints = [.. endpoints.OrderBy(e => e.Namespace, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Port)];
        _byService = Endpoints.ToDictionary(e => (e.Namespace, e.Name, e.Port));
    }

    /// <summary>Every echo endpoint, by namespace, name and port.</summary>
    public IReadOnlyList<EchoBackendEndpoint> Endpoints { get; }

    /// <summary>The echo endpoint of a Service port, or null when the Service or port was not applied.</summary>
    /// <param name="namespace">The Service's namespace.</param>
    /// <param name="name">The Service's name.</param>
    /// <param name="port">The Service port.</param>
    public EchoBackendEndpoint? Find(string @namespace, string name, int port) =>
        _byService.GetValueOrDefault((@namespace, name, port));
}
