using System.Text.Json.Serialization.Metadata;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// What the SDK knows of one kind: its group, names, scope, the versions each release channel serves, and
/// the .NET type that models it.
/// </summary>
public sealed record GatewayApiKind
{
    /// <summary>The API group; <c>""</c> for core kinds.</summary>
    public required string Group { get; init; }

    /// <summary>The kind's name on the wire, for example <c>HTTPRoute</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The lower-case plural used in API paths, for example <c>httproutes</c>.</summary>
    public required string Plural { get; init; }

    /// <summary>Whether objects of the kind live in a namespace (false for GatewayClass and XMesh).</summary>
    public required bool Namespaced { get; init; }

    /// <summary>The version new objects are written as (the CRD's storage version, except ReferenceGrant, written as <c>v1</c>).</summary>
    public required string PreferredVersion { get; init; }

    /// <summary>The versions the standard-channel CRD serves; empty for experimental-only kinds.</summary>
    public required IReadOnlyList<string> StandardVersions { get; init; }

    /// <summary>The versions the experimental-channel CRD serves.</summary>
    public required IReadOnlyList<string> ExperimentalVersions { get; init; }

    /// <summary>The .NET type that models the kind.</summary>
    public required Type ClrType { get; init; }

    /// <summary>The .NET type that models a list of the kind, when there is one.</summary>
    public Type? ListClrType { get; init; }

    /// <summary>Whether the kind belongs to Gateway API (as opposed to a core kind the engine reads).</summary>
    public bool IsGatewayApi => Group is GatewayApiGroups.Group or GatewayApiGroups.ExperimentalGroup;

    /// <summary>The <c>apiVersion</c> string new objects carry: <c>group/version</c>, or just the version for the core group.</summary>
    public string PreferredApiVersion => Group.Length == 0 ? PreferredVersion : Group + "/" + PreferredVersion;

    /// <summary>Every version served by either channel, standard ones first.</summary>
    public IEnumerable<string> ServedVersions => StandardVersions.Concat(ExperimentalVersions).Distinct(StringComparer.Ordinal);

    internal JsonTypeInfo TypeInfo { get; init; } = null!;
}
