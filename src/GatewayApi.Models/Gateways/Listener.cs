using System.Text.Json.Serialization;

namespace GatewayApi.Models;

/// <summary>
/// A listener: one logical endpoint, by port, protocol and optional hostname, where a Gateway accepts
/// connections and to which routes attach.
/// </summary>
/// <remarks>
/// One type serves a Gateway's <c>spec.listeners[]</c> (the spec's <c>Listener</c>) and a ListenerSet's
/// <c>spec.listeners[]</c> (the spec's <c>ListenerEntry</c>): both have exactly these fields. Within one
/// Gateway or one ListenerSet, names are unique and each combination of port, protocol and hostname appears
/// once.
/// </remarks>
public sealed class Listener : SchemaObject
{
    /// <summary>
    /// The listener's name, which routes use as <c>sectionName</c>. Required; unique within its Gateway or
    /// ListenerSet (a ListenerSet may reuse a name its parent Gateway or a sibling uses).
    /// </summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>
    /// The virtual hostname to match: the SNI for <c>TLS</c>, the Host header for <c>HTTP</c>, both for
    /// <c>HTTPS</c>. A leading <c>*.</c> matches any non-empty prefix of labels. Absent matches every hostname;
    /// must be absent for <c>TCP</c> and <c>UDP</c>. Routes with hostnames must intersect it to attach.
    /// </summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; set; }

    /// <summary>The network port. Required, 1 to 65535; several listeners may share a port if they stay distinct.</summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }

    /// <summary>The protocol the listener expects, such as <c>HTTP</c> or <c>HTTPS</c>. Required.</summary>
    [JsonPropertyName("protocol")]
    public ProtocolType? Protocol { get; set; }

    /// <summary>
    /// The listener's TLS settings. Required for <c>HTTPS</c> and <c>TLS</c>, forbidden for <c>HTTP</c>,
    /// <c>TCP</c> and <c>UDP</c>.
    /// </summary>
    [JsonPropertyName("tls")]
    public ListenerTlsConfig? Tls { get; set; }

    /// <summary>
    /// Which routes may attach, by namespace and kind. Absent means <c>{namespaces: {from: Same}}</c>: routes
    /// in the Gateway's (or ListenerSet's) namespace, of the kinds that fit the protocol.
    /// </summary>
    [JsonPropertyName("allowedRoutes")]
    public AllowedRoutes? AllowedRoutes { get; set; }
}
