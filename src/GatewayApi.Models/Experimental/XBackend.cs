using System.Text.Json.Serialization;
using k8s.Models;

namespace GatewayApi.Models;

/// <summary>
/// An XBackend describes a destination a Gateway routes to and how to connect to it: today an external
/// hostname (replacing ExternalName Services), with the port, the protocol and the TLS settings to use.
/// Routes refer to it from their backendRefs. Experimental channel only (group
/// <c>gateway.networking.x-k8s.io</c>).
/// </summary>
/// <remarks>
/// The only version is <c>v1alpha1</c>. The CRD file ships with the experimental channel, but the channel's
/// kustomization does not install it.
/// </remarks>
[KubernetesEntity(Group = GatewayApiGroups.ExperimentalGroup, Kind = KindName, ApiVersion = "v1alpha1", PluralName = "xbackends")]
public sealed class XBackend : GatewayApiObject<XBackendSpec, XBackendStatus>
{
    /// <summary>The kind's name on the wire.</summary>
    public const string KindName = "XBackend";

    /// <summary>Creates an XBackend with <c>apiVersion</c> <c>gateway.networking.x-k8s.io/v1alpha1</c>.</summary>
    public XBackend()
        : base(GatewayApiGroups.ExperimentalV1Alpha1, KindName)
    {
    }
}

/// <summary>The desired state of an <see cref="XBackend"/>. Experimental channel only.</summary>
public sealed class XBackendSpec : SchemaObject
{
    /// <summary>
    /// What kind of destination this is; it says which of the destination fields is set. Required. Only
    /// <c>ExternalHostname</c> is defined.
    /// </summary>
    [JsonPropertyName("type")]
    public XBackendType? Type { get; set; }

    /// <summary>The port to connect to on the destination. Required.</summary>
    [JsonPropertyName("port")]
    public XBackendPort? Port { get; set; }

    /// <summary>
    /// The external host to connect to. Set exactly when <see cref="Type"/> is <c>ExternalHostname</c>.
    /// Extended support.
    /// </summary>
    [JsonPropertyName("externalHostname")]
    public XBackendExternalHostname? ExternalHostname { get; set; }

    /// <summary>
    /// The protocol to speak to the backend, for higher-level protocols or a protocol different from the
    /// client's (such as h2c). Absent means the protocol the route or listener implies. Core support for
    /// <c>HTTP</c>, <c>HTTP2</c>, <c>H2C</c> and <c>HTTP11</c>; Extended for <c>MCP</c> and <c>TCP</c>.
    /// </summary>
    [JsonPropertyName("protocol")]
    public XBackendProtocol? Protocol { get; set; }

    /// <summary>
    /// How to use TLS towards the backend. Extended support. External hostnames should use TLS; plain text
    /// to them is considered insecure.
    /// </summary>
    [JsonPropertyName("tls")]
    public XBackendTls? Tls { get; set; }
}

/// <summary>The port an <see cref="XBackend"/> is reached on. Experimental channel only.</summary>
public sealed class XBackendPort : SchemaObject
{
    /// <summary>
    /// A name for the port, unique within the backend: empty, or a DNS label (lower-case alphanumerics and
    /// <c>-</c>, at most 63 characters).
    /// </summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The port number, 1 to 65535. Required.</summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }
}

/// <summary>An external destination of an <see cref="XBackend"/>, reached by DNS name. Experimental channel only.</summary>
public sealed class XBackendExternalHostname : SchemaObject
{
    /// <summary>
    /// The fully qualified name of the host. Required; a DNS name without wildcard, not an IP address, and
    /// not ending with <c>.cluster.local</c>.
    /// </summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; set; }
}

/// <summary>The TLS settings a Gateway uses to connect to an <see cref="XBackend"/>. Experimental channel only.</summary>
public sealed class XBackendTls : SchemaObject
{
    /// <summary>Whether to use TLS, and whether to present a client certificate (mutual TLS). Required.</summary>
    [JsonPropertyName("mode")]
    public XBackendTlsMode? Mode { get; set; }

    /// <summary>
    /// The Secret holding the client certificate and key for mutual TLS. Set exactly when <see cref="Mode"/>
    /// is <c>ClientAndServer</c>. A Secret in another namespace needs a ReferenceGrant there.
    /// </summary>
    [JsonPropertyName("clientCertificateRef")]
    public SecretObjectReference? ClientCertificateRef { get; set; }

    /// <summary>How to check the backend's certificate and which SNI to send (the same shape as BackendTLSPolicy's).</summary>
    [JsonPropertyName("validation")]
    public BackendTlsPolicyValidation? Validation { get; set; }
}

/// <summary>The observed state of an <see cref="XBackend"/>. Experimental channel only.</summary>
public sealed class XBackendStatus : SchemaObject
{
    /// <summary>
    /// One entry per parent (typically a Gateway) the backend is used under, written by that parent's
    /// controller. At most 32 entries; absent or empty means no parent. Unlike route status, an entry's
    /// <c>conditions</c> are optional here.
    /// </summary>
    [JsonPropertyName("parents")]
    public IList<RouteParentStatus>? Parents { get; set; }
}

/// <summary>A list of <see cref="XBackend"/> objects, as a list call returns it.</summary>
[KubernetesEntity(Group = GatewayApiGroups.ExperimentalGroup, Kind = "XBackendList", ApiVersion = "v1alpha1", PluralName = "xbackends")]
public sealed class XBackendList : GatewayApiObjectList<XBackend>
{
    /// <summary>Creates an empty list.</summary>
    public XBackendList()
        : base(GatewayApiGroups.ExperimentalV1Alpha1, "XBackendList")
    {
    }
}

/// <summary>The kind of destination an <see cref="XBackend"/> describes. Experimental channel only.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<XBackendType>))]
public readonly record struct XBackendType(string Value) : IExtensibleValue<XBackendType>
{
    /// <summary>A host outside the cluster reached by DNS name, given in <see cref="XBackendSpec.ExternalHostname"/>.</summary>
    public static XBackendType ExternalHostname { get; } = new("ExternalHostname");

    /// <inheritdoc />
    public static IReadOnlyList<XBackendType> KnownValues { get; } = [ExternalHostname];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static XBackendType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator XBackendType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The protocol a Gateway speaks to an <see cref="XBackend"/>. Experimental channel only.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<XBackendProtocol>))]
public readonly record struct XBackendProtocol(string Value) : IExtensibleValue<XBackendProtocol>
{
    /// <summary>Plain TCP (Extended support).</summary>
    public static XBackendProtocol Tcp { get; } = new("TCP");

    /// <summary>HTTP, the version negotiated (ALPN) or the implementation default (Core support).</summary>
    public static XBackendProtocol Http { get; } = new("HTTP");

    /// <summary>HTTP/2 (Core support).</summary>
    public static XBackendProtocol Http2 { get; } = new("HTTP2");

    /// <summary>HTTP/1.1 (Core support).</summary>
    public static XBackendProtocol Http11 { get; } = new("HTTP11");

    /// <summary>HTTP/2 over cleartext, without TLS (Core support).</summary>
    public static XBackendProtocol H2c { get; } = new("H2C");

    /// <summary>The Model Context Protocol (Extended support).</summary>
    public static XBackendProtocol Mcp { get; } = new("MCP");

    /// <inheritdoc />
    public static IReadOnlyList<XBackendProtocol> KnownValues { get; } = [Tcp, Http, Http2, Http11, H2c, Mcp];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static XBackendProtocol Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator XBackendProtocol(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Whether and how a Gateway uses TLS towards an <see cref="XBackend"/>. Experimental channel only.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<XBackendTlsMode>))]
public readonly record struct XBackendTlsMode(string Value) : IExtensibleValue<XBackendTlsMode>
{
    /// <summary>No TLS.</summary>
    public static XBackendTlsMode None { get; } = new("None");

    /// <summary>TLS, checking the certificate of the backend.</summary>
    public static XBackendTlsMode ServerOnly { get; } = new("ServerOnly");

    /// <summary>Mutual TLS: the Gateway also presents the client certificate of <see cref="XBackendTls.ClientCertificateRef"/>.</summary>
    public static XBackendTlsMode ClientAndServer { get; } = new("ClientAndServer");

    /// <inheritdoc />
    public static IReadOnlyList<XBackendTlsMode> KnownValues { get; } = [None, ServerOnly, ClientAndServer];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static XBackendTlsMode Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator XBackendTlsMode(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The condition types of an <see cref="XBackend"/> in <c>status.parents[].conditions</c>; compare with <see cref="V1Condition.Type"/>. Experimental channel only.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<XBackendConditionType>))]
public readonly record struct XBackendConditionType(string Value) : IExtensibleValue<XBackendConditionType>
{
    /// <summary>Whether the controller accepted the backend for the parent.</summary>
    public static XBackendConditionType Accepted { get; } = new("Accepted");

    /// <inheritdoc />
    public static IReadOnlyList<XBackendConditionType> KnownValues { get; } = [Accepted];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static XBackendConditionType Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator XBackendConditionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The reasons an <see cref="XBackend"/> gives for its conditions; compare with <see cref="V1Condition.Reason"/>. Experimental channel only.</summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<XBackendConditionReason>))]
public readonly record struct XBackendConditionReason(string Value) : IExtensibleValue<XBackendConditionReason>
{
    /// <summary>With <c>Accepted=True</c>: the controller accepted the backend.</summary>
    public static XBackendConditionReason Accepted { get; } = new("Accepted");

    /// <inheritdoc />
    public static IReadOnlyList<XBackendConditionReason> KnownValues { get; } = [Accepted];

    /// <inheritdoc />
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static XBackendConditionReason Create(string value) => new(value);

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator XBackendConditionReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
