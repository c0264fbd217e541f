using FsCheck;
using FsCheck.Fluent;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>Generators of the experimental-group kinds XMesh and XBackend (XBackendTrafficPolicy is with the policies).</summary>
/// <remarks>Declared in dependency order (parts first, kinds last): static initializers run top to bottom.</remarks>
internal static class ExperimentalGenerators
{
    public static Gen<XMeshSpec> XMeshSpec { get; } = (
        from controllerName in Any.MaybeText
        from parametersRef in Any.Maybe(SharedGenerators.ParametersReference)
        from description in Any.MaybeText
        select new XMeshSpec { ControllerName = controllerName, ParametersRef = parametersRef, Description = description })
        .WithUnknownFields();

    public static Gen<XMeshStatus> XMeshStatus { get; } = (
        from conditions in Any.Conditions<XMeshConditionType, XMeshConditionReason>()
        from supportedFeatures in Any.MaybeList(SharedGenerators.SupportedFeature)
        select new XMeshStatus { Conditions = conditions, SupportedFeatures = supportedFeatures })
        .WithUnknownFields();

    public static Gen<XBackendPort> XBackendPort { get; } = (
        from name in Any.MaybeText
        from port in Any.MaybeInt
        select new XBackendPort { Name = name, Port = port })
        .WithUnknownFields();

    public static Gen<XBackendExternalHostname> XBackendExternalHostname { get; } =
        Any.MaybeText.Select(hostname => new XBackendExternalHostname { Hostname = hostname }).WithUnknownFields();

    public static Gen<XBackendTls> XBackendTls { get; } = (
        from mode in Any.MaybeEnum<XBackendTlsMode>()
        from clientCertificateRef in Any.Maybe(SharedGenerators.SecretObjectReference)
        from validation in Any.Maybe(PolicyGenerators.BackendTlsPolicyValidation)
        select new XBackendTls { Mode = mode, ClientCertificateRef = clientCertificateRef, Validation = validation })
        .WithUnknownFields();

    public static Gen<XBackendSpec> XBackendSpec { get; } = (
        from type in Any.MaybeEnum<XBackendType>()
        from port in Any.Maybe(XBackendPort)
        from externalHostname in Any.Maybe(XBackendExternalHostname)
        from protocol in Any.MaybeEnum<XBackendProtocol>()
        from tls in Any.Maybe(XBackendTls)
        select new XBackendSpec { Type = type, Port = port, ExternalHostname = externalHostname, Protocol = protocol, Tls = tls })
        .WithUnknownFields();

    /// <summary>An XBackend's status: route-like parent entries with XBackend condition types and reasons.</summary>
    public static Gen<XBackendStatus> XBackendStatus { get; } =
        Any.MaybeList(SharedGenerators.RouteParentStatus<XBackendConditionType, XBackendConditionReason>())
            .Select(parents => new XBackendStatus { Parents = parents })
            .WithUnknownFields();

    public static Gen<XMesh> XMesh { get; } =
        from apiVersion in Any.ApiVersion<XMesh>()
        from metadata in Any.Metadata
        from spec in XMeshSpec
        from status in Any.Maybe(XMeshStatus)
        from unknown in Any.TopLevelUnknownFields
        select new XMesh { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };

    public static Gen<XBackend> XBackend { get; } =
        from apiVersion in Any.ApiVersion<XBackend>()
        from metadata in Any.Metadata
        from spec in XBackendSpec
        from status in Any.Maybe(XBackendStatus)
        from unknown in Any.TopLevelUnknownFields
        select new XBackend { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };
}
