using FsCheck;
using FsCheck.Fluent;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>Generators of GatewayClass, Gateway and ListenerSet, with every spec and status field.</summary>
/// <remarks>Declared in dependency order (parts first, kinds last): static initializers run top to bottom.</remarks>
internal static class GatewayGenerators
{
    public static Gen<RouteGroupKind> RouteGroupKind { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        select new RouteGroupKind { Group = @group, Kind = kind })
        .WithUnknownFields();

    public static Gen<ListenerTlsConfig> ListenerTlsConfig { get; } = (
        from mode in Any.MaybeEnum<TlsModeType>()
        from certificateRefs in Any.MaybeList(SharedGenerators.SecretObjectReference)
        from options in Any.MaybeTextMap
        select new ListenerTlsConfig { Mode = mode, CertificateRefs = certificateRefs, Options = options })
        .WithUnknownFields();

    public static Gen<RouteNamespaces> RouteNamespaces { get; } = (
        from origin in Any.MaybeEnum<FromNamespaces>()
        from selector in Any.MaybeLabelSelector
        select new RouteNamespaces { From = origin, Selector = selector })
        .WithUnknownFields();

    public static Gen<AllowedRoutes> AllowedRoutes { get; } = (
        from namespaces in Any.Maybe(RouteNamespaces)
        from kinds in Any.MaybeList(RouteGroupKind)
        select new AllowedRoutes { Namespaces = namespaces, Kinds = kinds })
        .WithUnknownFields();

    /// <summary>A listener of a Gateway or a ListenerSet (the same shape).</summary>
    public static Gen<Listener> Listener { get; } = (
        from name in Any.MaybeText
        from hostname in Any.MaybeText
        from port in Any.MaybeInt
        from protocol in Any.MaybeEnum<ProtocolType>()
        from tls in Any.Maybe(ListenerTlsConfig)
        from allowedRoutes in Any.Maybe(AllowedRoutes)
        select new Listener { Name = name, Hostname = hostname, Port = port, Protocol = protocol, Tls = tls, AllowedRoutes = allowedRoutes })
        .WithUnknownFields();

    public static Gen<ListenerNamespaces> ListenerNamespaces { get; } = (
        from origin in Any.MaybeEnum<FromNamespaces>()
        from selector in Any.MaybeLabelSelector
        select new ListenerNamespaces { From = origin, Selector = selector })
        .WithUnknownFields();

    public static Gen<AllowedListeners> AllowedListeners { get; } =
        Any.Maybe(ListenerNamespaces).Select(namespaces => new AllowedListeners { Namespaces = namespaces }).WithUnknownFields();

    public static Gen<GatewaySpecAddress> GatewaySpecAddress { get; } = (
        from type in Any.MaybeEnum<AddressType>()
        from value in Any.MaybeText
        select new GatewaySpecAddress { Type = type, Value = value })
        .WithUnknownFields();

    public static Gen<GatewayStatusAddress> GatewayStatusAddress { get; } = (
        from type in Any.MaybeEnum<AddressType>()
        from value in Any.MaybeText
        select new GatewayStatusAddress { Type = type, Value = value })
        .WithUnknownFields();

    public static Gen<GatewayInfrastructure> GatewayInfrastructure { get; } = (
        from labels in Any.MaybeTextMap
        from annotations in Any.MaybeTextMap
        from parametersRef in Any.Maybe(SharedGenerators.LocalParametersReference)
        select new GatewayInfrastructure { Labels = labels, Annotations = annotations, ParametersRef = parametersRef })
        .WithUnknownFields();

    public static Gen<GatewayBackendTls> GatewayBackendTls { get; } =
        Any.Maybe(SharedGenerators.SecretObjectReference)
            .Select(clientCertificateRef => new GatewayBackendTls { ClientCertificateRef = clientCertificateRef })
            .WithUnknownFields();

    public static Gen<FrontendTlsValidation> FrontendTlsValidation { get; } = (
        from caCertificateRefs in Any.MaybeList(SharedGenerators.ObjectReference)
        from mode in Any.MaybeEnum<FrontendValidationModeType>()
        select new FrontendTlsValidation { CaCertificateRefs = caCertificateRefs, Mode = mode })
        .WithUnknownFields();

    public static Gen<TlsConfig> TlsConfig { get; } =
        Any.Maybe(FrontendTlsValidation).Select(validation => new TlsConfig { Validation = validation }).WithUnknownFields();

    public static Gen<TlsPortConfig> TlsPortConfig { get; } = (
        from port in Any.MaybeInt
        from tls in Any.Maybe(TlsConfig)
        select new TlsPortConfig { Port = port, Tls = tls })
        .WithUnknownFields();

    public static Gen<FrontendTlsConfig> FrontendTlsConfig { get; } = (
        from @default in Any.Maybe(TlsConfig)
        from perPort in Any.MaybeList(TlsPortConfig)
        select new FrontendTlsConfig { Default = @default, PerPort = perPort })
        .WithUnknownFields();

    public static Gen<GatewayTlsConfig> GatewayTlsConfig { get; } = (
        from backend in Any.Maybe(GatewayBackendTls)
        from frontend in Any.Maybe(FrontendTlsConfig)
        select new GatewayTlsConfig { Backend = backend, Frontend = frontend })
        .WithUnknownFields();

    public static Gen<GatewayClassSpec> GatewayClassSpec { get; } = (
        from controllerName in Any.MaybeText
        from description in Any.MaybeText
        from parametersRef in Any.Maybe(SharedGenerators.ParametersReference)
        select new GatewayClassSpec { ControllerName = controllerName, Description = description, ParametersRef = parametersRef })
        .WithUnknownFields();

    public static Gen<GatewayClassStatus> GatewayClassStatus { get; } = (
        from conditions in Any.Conditions<GatewayClassConditionType, GatewayClassConditionReason>()
        from supportedFeatures in Any.MaybeList(SharedGenerators.SupportedFeature)
        select new GatewayClassStatus { Conditions = conditions, SupportedFeatures = supportedFeatures })
        .WithUnknownFields();

    public static Gen<GatewaySpec> GatewaySpec { get; } = (
        from gatewayClassName in Any.MaybeText
        from listeners in Any.MaybeList(Listener)
        from addresses in Any.MaybeList(GatewaySpecAddress)
        from infrastructure in Any.Maybe(GatewayInfrastructure)
        from allowedListeners in Any.Maybe(AllowedListeners)
        from tls in Any.Maybe(GatewayTlsConfig)
        from defaultScope in Any.MaybeEnum<GatewayDefaultScope>()
        select new GatewaySpec
        {
            GatewayClassName = gatewayClassName,
            Listeners = listeners,
            Addresses = addresses,
            Infrastructure = infrastructure,
            AllowedListeners = allowedListeners,
            Tls = tls,
            DefaultScope = defaultScope,
        })
        .WithUnknownFields();

    /// <summary>A Gateway listener's status, with the Gateway listener condition types and reasons.</summary>
    public static Gen<ListenerStatus> GatewayListenerStatus { get; } = ListenerStatus<ListenerConditionType, ListenerConditionReason>();

    public static Gen<GatewayStatus> GatewayStatus { get; } = (
        from addresses in Any.MaybeList(GatewayStatusAddress)
        from conditions in Any.Conditions<GatewayConditionType, GatewayConditionReason>()
        from listeners in Any.MaybeList(GatewayListenerStatus)
        from attachedListenerSets in Any.MaybeInt
        select new GatewayStatus { Addresses = addresses, Conditions = conditions, Listeners = listeners, AttachedListenerSets = attachedListenerSets })
        .WithUnknownFields();

    public static Gen<ListenerSetSpec> ListenerSetSpec { get; } = (
        from parentRef in Any.Maybe(SharedGenerators.ParentGatewayReference)
        from listeners in Any.MaybeList(Listener)
        select new ListenerSetSpec { ParentRef = parentRef, Listeners = listeners })
        .WithUnknownFields();

    /// <summary>A ListenerSet listener's status, with the ListenerEntry condition types and reasons.</summary>
    public static Gen<ListenerStatus> ListenerEntryStatus { get; } = ListenerStatus<ListenerEntryConditionType, ListenerEntryConditionReason>();

    public static Gen<ListenerSetStatus> ListenerSetStatus { get; } = (
        from conditions in Any.Conditions<ListenerSetConditionType, ListenerSetConditionReason>()
        from listeners in Any.MaybeList(ListenerEntryStatus)
        select new ListenerSetStatus { Conditions = conditions, Listeners = listeners })
        .WithUnknownFields();

    public static Gen<GatewayClass> GatewayClass { get; } =
        from apiVersion in Any.ApiVersion<GatewayClass>()
        from metadata in Any.Metadata
        from spec in GatewayClassSpec
        from status in Any.Maybe(GatewayClassStatus)
        from unknown in Any.TopLevelUnknownFields
        select new GatewayClass { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };

    public static Gen<Gateway> Gateway { get; } =
        from apiVersion in Any.ApiVersion<Gateway>()
        from metadata in Any.Metadata
        from spec in GatewaySpec
        from status in Any.Maybe(GatewayStatus)
        from unknown in Any.TopLevelUnknownFields
        select new Gateway { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };

    public static Gen<ListenerSet> ListenerSet { get; } =
        from apiVersion in Any.ApiVersion<ListenerSet>()
        from metadata in Any.Metadata
        from spec in ListenerSetSpec
        from status in Any.Maybe(ListenerSetStatus)
        from unknown in Any.TopLevelUnknownFields
        select new ListenerSet { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };

    private static Gen<ListenerStatus> ListenerStatus<TType, TReason>()
        where TType : struct, IExtensibleValue<TType>
        where TReason : struct, IExtensibleValue<TReason>
        => (from name in Any.MaybeText
            from supportedKinds in Any.MaybeList(RouteGroupKind)
            from attachedRoutes in Any.MaybeInt
            from conditions in Any.Conditions<TType, TReason>()
            select new ListenerStatus { Name = name, SupportedKinds = supportedKinds, AttachedRoutes = attachedRoutes, Conditions = conditions })
            .WithUnknownFields();
}
