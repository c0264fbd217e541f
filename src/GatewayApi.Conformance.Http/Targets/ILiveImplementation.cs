using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Http.Echo;
using k8s;
using k8s.Models;
using System.Net;

namespace GatewayApi.Conformance.Http.Targets;

/// <summary>
/// A live implementation that <see cref="HttpConformanceTarget"/> drives. Implement it in a few dozen lines: configure
/// your data plane from the resources, read back the statuses your controller wrote, and say where the Gateway
/// listeners are bound.
/// </summary>
public interface ILiveImplementation
{
    /// <summary>The GatewayClass controllerName the implementation acts for.</summary>
    string ControllerName { get; }

    /// <summary>Makes these objects the whole desired state. Services must be served by the echo endpoints in <paramref name="backends"/>.</summary>
    /// <param name="resources">Every object of the case, shared base included.</param>
    /// <param name="backends">Where the echo backend of each Service port listens.</param>
    /// <param name="cancellationToken">Cancelled when the case times out.</param>
    ValueTask ApplyAsync(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> resources, EchoBackendDirectory backends, CancellationToken cancellationToken);

    /// <summary>Returns the applied objects with the statuses the implementation wrote.</summary>
    /// <param name="cancellationToken">Cancelled when the case times out.</param>
    ValueTask<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> ReadStatusAsync(CancellationToken cancellationToken);

    /// <summary>The local endpoint that serves a Gateway's listener port, or null when nothing does (the request is then refused).</summary>
    /// <param name="gateway">The Gateway.</param>
    /// <param name="port">The listener port.</param>
    IPEndPoint? FindListener(GatewayTarget gateway, int port);

    /// <summary>Removes everything the last case applied.</summary>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    ValueTask ClearAsync(CancellationToken cancellationToken);
}
