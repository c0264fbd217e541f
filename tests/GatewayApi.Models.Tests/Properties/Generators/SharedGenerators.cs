using FsCheck;
using FsCheck.Fluent;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>Generators of the shapes several kinds share: references, statuses, session persistence, L4 rules.</summary>
/// <remarks>Declared in dependency order: static initializers run top to bottom.</remarks>
internal static class SharedGenerators
{
    public static Gen<ParentReference> ParentReference { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from @namespace in Any.MaybeText
        from name in Any.MaybeText
        from sectionName in Any.MaybeText
        from port in Any.MaybeInt
        select new ParentReference { Group = @group, Kind = kind, Namespace = @namespace, Name = name, SectionName = sectionName, Port = port })
        .WithUnknownFields();

    public static Gen<ParentGatewayReference> ParentGatewayReference { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        from @namespace in Any.MaybeText
        select new ParentGatewayReference { Group = @group, Kind = kind, Name = name, Namespace = @namespace })
        .WithUnknownFields();

    public static Gen<BackendObjectReference> BackendObjectReference { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        from @namespace in Any.MaybeText
        from port in Any.MaybeInt
        select new BackendObjectReference { Group = @group, Kind = kind, Name = name, Namespace = @namespace, Port = port })
        .WithUnknownFields();

    /// <summary>A plain weighted backend, as L4 routes use it.</summary>
    public static Gen<BackendRef> BackendRef { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        from @namespace in Any.MaybeText
        from port in Any.MaybeInt
        from weight in Any.MaybeInt
        select new BackendRef { Group = @group, Kind = kind, Name = name, Namespace = @namespace, Port = port, Weight = weight })
        .WithUnknownFields();

    public static Gen<LocalObjectReference> LocalObjectReference { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        select new LocalObjectReference { Group = @group, Kind = kind, Name = name })
        .WithUnknownFields();

    public static Gen<LocalParametersReference> LocalParametersReference { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        select new LocalParametersReference { Group = @group, Kind = kind, Name = name })
        .WithUnknownFields();

    public static Gen<LocalPolicyTargetReference> LocalPolicyTargetReference { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        select new LocalPolicyTargetReference { Group = @group, Kind = kind, Name = name })
        .WithUnknownFields();

    public static Gen<LocalPolicyTargetReferenceWithSectionName> LocalPolicyTargetReferenceWithSectionName { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        from sectionName in Any.MaybeText
        select new LocalPolicyTargetReferenceWithSectionName { Group = @group, Kind = kind, Name = name, SectionName = sectionName })
        .WithUnknownFields();

    public static Gen<ObjectReference> ObjectReference { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        from @namespace in Any.MaybeText
        select new ObjectReference { Group = @group, Kind = kind, Name = name, Namespace = @namespace })
        .WithUnknownFields();

    public static Gen<ParametersReference> ParametersReference { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        from @namespace in Any.MaybeText
        select new ParametersReference { Group = @group, Kind = kind, Name = name, Namespace = @namespace })
        .WithUnknownFields();

    public static Gen<SecretObjectReference> SecretObjectReference { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        from @namespace in Any.MaybeText
        select new SecretObjectReference { Group = @group, Kind = kind, Name = name, Namespace = @namespace })
        .WithUnknownFields();

    public static Gen<SupportedFeature> SupportedFeature { get; } =
        Any.MaybeText.Select(name => new SupportedFeature { Name = name }).WithUnknownFields();

    public static Gen<Fraction> Fraction { get; } = (
        from numerator in Any.MaybeInt
        from denominator in Any.MaybeInt
        select new Fraction { Numerator = numerator, Denominator = denominator })
        .WithUnknownFields();

    public static Gen<CookieConfig> CookieConfig { get; } =
        Any.MaybeEnum<CookieLifetimeType>().Select(lifetime => new CookieConfig { LifetimeType = lifetime }).WithUnknownFields();

    public static Gen<SessionPersistence> SessionPersistence { get; } = (
        from sessionName in Any.MaybeText
        from absoluteTimeout in Any.MaybeDuration
        from type in Any.MaybeEnum<SessionPersistenceType>()
        from cookieConfig in Any.Maybe(CookieConfig)
        select new SessionPersistence { SessionName = sessionName, AbsoluteTimeout = absoluteTimeout, Type = type, CookieConfig = cookieConfig })
        .WithUnknownFields();

    /// <summary>The one rule shape TLSRoute, TCPRoute and UDPRoute share.</summary>
    public static Gen<L4RouteRule> L4RouteRule { get; } = (
        from name in Any.MaybeText
        from backendRefs in Any.MaybeList(BackendRef)
        select new L4RouteRule { Name = name, BackendRefs = backendRefs })
        .WithUnknownFields();

    /// <summary>The status every route kind shares, with route condition types and reasons.</summary>
    public static Gen<RouteStatus> RouteStatus { get; } =
        Any.MaybeList(RouteParentStatus<RouteConditionType, RouteConditionReason>())
            .Select(parents => new RouteStatus { Parents = parents })
            .WithUnknownFields();

    /// <summary>One parent's entry of a route-like status, with the given condition types and reasons.</summary>
    /// <remarks>Builds a new generator: call it once and keep the result.</remarks>
    public static Gen<RouteParentStatus> RouteParentStatus<TType, TReason>()
        where TType : struct, IExtensibleValue<TType>
        where TReason : struct, IExtensibleValue<TReason>
        => (from parentRef in Any.Maybe(ParentReference)
            from controllerName in Any.MaybeText
            from conditions in Any.Conditions<TType, TReason>()
            select new RouteParentStatus { ParentRef = parentRef, ControllerName = controllerName, Conditions = conditions })
            .WithUnknownFields();

    /// <summary>The status every direct policy shares, with the policy's own condition types and reasons.</summary>
    /// <remarks>Builds a new generator: call it once and keep the result.</remarks>
    public static Gen<PolicyStatus> PolicyStatus<TType, TReason>()
        where TType : struct, IExtensibleValue<TType>
        where TReason : struct, IExtensibleValue<TReason>
    {
        var ancestor = (
            from ancestorRef in Any.Maybe(ParentReference)
            from controllerName in Any.MaybeText
            from conditions in Any.Conditions<TType, TReason>()
            select new PolicyAncestorStatus { AncestorRef = ancestorRef, ControllerName = controllerName, Conditions = conditions })
            .WithUnknownFields();
        return Any.MaybeList(ancestor).Select(ancestors => new PolicyStatus { Ancestors = ancestors }).WithUnknownFields();
    }
}
