using GatewayApi.Models;

namespace GatewayApi.Routing.Attachment;

/// <summary>
/// One reference of a route located by index: a weighted backendRef, a filter's backend (mirror, ExternalAuth) or an
/// ExtensionRef (exactly one of <see cref="Backend"/> and <see cref="Extension"/> is set).
/// </summary>
internal readonly record struct ReferenceSite(
    int Rule,
    int? BackendRefIndex,
    int? FilterIndex,
    string Field,
    BackendObjectReference? Backend,
    LocalObjectReference? Extension,
    int Weight,
    bool IsBackend);
