using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace GatewayApi.Models.Tests.Properties.Generators;

/// <summary>Generators of ReferenceGrant, BackendTLSPolicy and XBackendTrafficPolicy.</summary>
/// <remarks>Declared in dependency order (parts first, kinds last): static initializers run top to bottom.</remarks>
internal static class PolicyGenerators
{
    public static Gen<ReferenceGrantFrom> ReferenceGrantFrom { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from @namespace in Any.MaybeText
        select new ReferenceGrantFrom { Group = @group, Kind = kind, Namespace = @namespace })
        .WithUnknownFields();

    public static Gen<ReferenceGrantTo> ReferenceGrantTo { get; } = (
        from @group in Any.MaybeText
        from kind in Any.MaybeText
        from name in Any.MaybeText
        select new ReferenceGrantTo { Group = @group, Kind = kind, Name = name })
        .WithUnknownFields();

    public static Gen<ReferenceGrantSpec> ReferenceGrantSpec { get; } = (
        from grantFrom in Any.MaybeList(ReferenceGrantFrom)
        from grantTo in Any.MaybeList(ReferenceGrantTo)
        select new ReferenceGrantSpec { From = grantFrom, To = grantTo })
        .WithUnknownFields();

    public static Gen<SubjectAltName> SubjectAltName { get; } = (
        from type in Any.MaybeEnum<SubjectAltNameType>()
        from hostname in Any.MaybeText
        from uri in Any.MaybeText
        select new SubjectAltName { Type = type, Hostname = hostname, Uri = uri })
        .WithUnknownFields();

    /// <summary>How a backend's certificate is checked; BackendTLSPolicy and XBackend share the shape.</summary>
    public static Gen<BackendTlsPolicyValidation> BackendTlsPolicyValidation { get; } = (
        from caCertificateRefs in Any.MaybeList(SharedGenerators.LocalObjectReference)
        from wellKnownCACertificates in Any.MaybeEnum<WellKnownCACertificatesType>()
        from hostname in Any.MaybeText
        from subjectAltNames in Any.MaybeList(SubjectAltName)
        select new BackendTlsPolicyValidation
        {
            CaCertificateRefs = caCertificateRefs,
            WellKnownCACertificates = wellKnownCACertificates,
            Hostname = hostname,
            SubjectAltNames = subjectAltNames,
        })
        .WithUnknownFields();

    public static Gen<BackendTlsPolicySpec> BackendTlsPolicySpec { get; } = (
        from targetRefs in Any.MaybeList(SharedGenerators.LocalPolicyTargetReferenceWithSectionName)
        from validation in Any.Maybe(BackendTlsPolicyValidation)
        from options in Any.MaybeTextMap
        select new BackendTlsPolicySpec { TargetRefs = targetRefs, Validation = validation, Options = options })
        .WithUnknownFields();

    public static Gen<PolicyStatus> BackendTlsPolicyStatus { get; } =
        SharedGenerators.PolicyStatus<BackendTlsPolicyConditionType, BackendTlsPolicyConditionReason>();

    public static Gen<RetryBudget> RetryBudget { get; } = (
        from percent in Any.MaybeInt
        from interval in Any.MaybeDuration
        select new RetryBudget { Percent = percent, Interval = interval })
        .WithUnknownFields();

    public static Gen<RequestRate> RequestRate { get; } = (
        from count in Any.MaybeInt
        from interval in Any.MaybeDuration
        select new RequestRate { Count = count, Interval = interval })
        .WithUnknownFields();

    public static Gen<RetryConstraint> RetryConstraint { get; } = (
        from budget in Any.Maybe(RetryBudget)
        from minRetryRate in Any.Maybe(RequestRate)
        select new RetryConstraint { Budget = budget, MinRetryRate = minRetryRate })
        .WithUnknownFields();

    public static Gen<XBackendTrafficPolicySpec> XBackendTrafficPolicySpec { get; } = (
        from targetRefs in Any.MaybeList(SharedGenerators.LocalPolicyTargetReference)
        from retryConstraint in Any.Maybe(RetryConstraint)
        from sessionPersistence in Any.Maybe(SharedGenerators.SessionPersistence)
        select new XBackendTrafficPolicySpec { TargetRefs = targetRefs, RetryConstraint = retryConstraint, SessionPersistence = sessionPersistence })
        .WithUnknownFields();

    public static Gen<PolicyStatus> XBackendTrafficPolicyStatus { get; } =
        SharedGenerators.PolicyStatus<PolicyConditionType, PolicyConditionReason>();

    /// <summary>
    /// ReferenceGrant has no status in v1.6.1, so a <c>status</c> written by a newer version is an unknown field
    /// there and must be kept like any other.
    /// </summary>
    public static Gen<IDictionary<string, JsonElement>?> ReferenceGrantUnknownFields { get; } =
        from unknown in Any.TopLevelUnknownFields
        from status in Any.MaybeValue(Any.UnknownValue)
        select status is { } value ? WithStatus(unknown, value) : unknown;

    public static Gen<ReferenceGrant> ReferenceGrant { get; } =
        from apiVersion in Any.ApiVersion<ReferenceGrant>()
        from metadata in Any.Metadata
        from spec in ReferenceGrantSpec
        from unknown in ReferenceGrantUnknownFields
        select new ReferenceGrant { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, ExtensionData = unknown };

    public static Gen<BackendTlsPolicy> BackendTlsPolicy { get; } =
        from apiVersion in Any.ApiVersion<BackendTlsPolicy>()
        from metadata in Any.Metadata
        from spec in BackendTlsPolicySpec
        from status in Any.Maybe(BackendTlsPolicyStatus)
        from unknown in Any.TopLevelUnknownFields
        select new BackendTlsPolicy { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };

    public static Gen<XBackendTrafficPolicy> XBackendTrafficPolicy { get; } =
        from apiVersion in Any.ApiVersion<XBackendTrafficPolicy>()
        from metadata in Any.Metadata
        from spec in XBackendTrafficPolicySpec
        from status in Any.Maybe(XBackendTrafficPolicyStatus)
        from unknown in Any.TopLevelUnknownFields
        select new XBackendTrafficPolicy { ApiVersion = apiVersion, Metadata = metadata, Spec = spec, Status = status, ExtensionData = unknown };

    private static IDictionary<string, JsonElement> WithStatus(IDictionary<string, JsonElement>? unknown, JsonElement status)
        => new Dictionary<string, JsonElement>(unknown ?? new Dictionary<string, JsonElement>()) { ["status"] = status };
}
