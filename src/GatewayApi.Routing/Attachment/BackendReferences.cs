using GatewayApi.Models;
using GatewayApi.Routing.ReferenceGrants;
using GatewayApi.Routing.Snapshots;
using k8s.Models;

namespace GatewayApi.Routing.Attachment;

/// <summary>One reference of a route to a backend (a backendRef, a mirror or ExternalAuth target, an ExtensionRef), resolved.</summary>
internal sealed record ResolvedBackendRef
{
    /// <summary>The rule the reference belongs to.</summary>
    public required int RuleIndex { get; init; }

    /// <summary>Where it is in the route, for messages: <c>rules[0].backendRefs[1]</c>.</summary>
    public required string Field { get; init; }

    /// <summary>Whether it is one of the rule's weighted <c>backendRefs</c> (rather than a filter's target).</summary>
    public required bool IsBackend { get; init; }

    public required GroupKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public int? Port { get; init; }

    /// <summary>The weight (default 1) of a weighted backend; 0 for filter targets.</summary>
    public int Weight { get; init; }

    /// <summary>Null when the reference resolved; otherwise the <c>ResolvedRefs=False</c> reason it causes.</summary>
    public string? Reason { get; init; }

    public required string Message { get; init; }

    /// <summary>The ReferenceGrant that permitted a cross-namespace reference.</summary>
    public ReferenceGrant? Grant { get; init; }

    public V1Service? Service { get; init; }

    public bool IsResolved => Reason is null;
}

/// <summary>Every reference of a route resolved, and the route's <c>ResolvedRefs</c> verdict.</summary>
internal sealed class BackendResolution(IReadOnlyList<ResolvedBackendRef> references)
{
    // The documented priority among several ResolvedRefs=False reasons (ambiguity A9).
    private static readonly string[] ReasonOrder =
    [
        RouteConditionReason.RefNotPermitted.Value,
        RouteConditionReason.InvalidKind.Value,
        RouteConditionReason.BackendNotFound.Value,
        RouteConditionReason.UnsupportedProtocol.Value,
    ];

    public IReadOnlyList<ResolvedBackendRef> References { get; } = references;

    /// <summary>Null when every reference resolved; otherwise the winning reason and a message naming every bad reference.</summary>
    public (string Reason, string Message)? Problem()
    {
        var bad = References.Where(r => !r.IsResolved).ToList();
        if (bad.Count == 0)
        {
            return null;
        }

        var reason = ReasonOrder.FirstOrDefault(r => bad.Exists(b => b.Reason == r)) ?? bad[0].Reason!;
        return (reason, string.Join(" ", bad.Select(b => b.Message)));
    }
}

/// <summary>
/// Resolves the backend references of routes: the kind must be one the data plane forwards to, a cross-namespace
/// reference needs a ReferenceGrant, the object must exist (a Service with the referenced port), and the port's
/// protocol must suit the route.
/// </summary>
/// <remarks>
/// Spec: <c>attachment-and-status.md</c> §5.1–§5.5 and §6.5 (<c>RefNotPermitted</c>, <c>InvalidKind</c>,
/// <c>BackendNotFound</c>, <c>UnsupportedProtocol</c>); conformance <c>httproute-invalid-backendref-unknown-kind.go</c>,
/// <c>httproute-invalid-nonexistent-backendref.go</c>, <c>httproute-invalid-cross-namespace-backend-ref.go</c>,
/// <c>httproute-invalid-reference-grant.go</c>. A reference that is not permitted never reports whether its target exists.
/// </remarks>
internal static class BackendReferences
{
    private const string H2cAppProtocol = "kubernetes.io/h2c";
    private const string WebSocketAppProtocol = "kubernetes.io/ws";
    private const string Resolved = "resolved";

    public static BackendResolution Resolve(EngineContext context, RouteObject route, bool requireGrants)
    {
        var resolved = new List<ResolvedBackendRef>();
        foreach (var (rule, field, reference, weight, isBackend) in Enumerate(route))
        {
            resolved.Add(ResolveOne(context, route, rule, field, reference, weight, isBackend, requireGrants));
        }

        foreach (var (rule, field, extension) in ExtensionRefs(route))
        {
            var kind = new GroupKind(extension.Group ?? string.Empty, extension.Kind ?? string.Empty);
            var name = extension.Name ?? string.Empty;
            var display = $"{field} ({kind} {route.Namespace}/{name})";
            string? reason = null;
            string message;
            if (!context.ExtensionRefKinds.Contains(kind))
            {
                reason = RouteConditionReason.InvalidKind.Value;
                message = $"{display}: ExtensionRef kind {kind} is not supported.";
            }
            else if (context.Snapshot.FindObject(kind, route.Namespace, name) is null)
            {
                reason = RouteConditionReason.BackendNotFound.Value;
                message = $"{display}: {kind} {route.Namespace}/{name} does not exist.";
            }
            else
            {
                message = $"{display} resolved.";
            }

            resolved.Add(new ResolvedBackendRef
            {
                RuleIndex = rule, Field = field, IsBackend = false, Kind = kind, Namespace = route.Namespace, Name = name, Reason = reason, Message = message,
            });
        }

        return new BackendResolution(resolved);
    }

    private static ResolvedBackendRef ResolveOne(EngineContext context, RouteObject route, int rule, string field, BackendObjectReference reference, int weight, bool isBackend, bool requireGrants)
    {
        var kind = reference.Group is null && reference.Kind is null ? GroupKind.Service : new GroupKind(reference.Group ?? string.Empty, reference.Kind ?? GroupKind.Service.Kind);
        var @namespace = string.IsNullOrEmpty(reference.Namespace) ? route.Namespace : reference.Namespace;
        var name = reference.Name ?? string.Empty;
        var result = new ResolvedBackendRef
        {
            RuleIndex = rule, Field = field, IsBackend = isBackend, Kind = kind, Namespace = @namespace, Name = name, Port = reference.Port,
            Weight = isBackend ? weight : 0, Message = Resolved,
        };

        // Messages are built only for references that fail: most resolve, and this runs for every reference of every route.
        string Display() => $"{field} ({kind} {@namespace}/{name}{(reference.Port is { } p ? ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)})";

        if (!context.BackendKinds.Contains(kind))
        {
            return result with { Reason = RouteConditionReason.InvalidKind.Value, Message = $"{Display()}: kind {kind} is not a supported backend kind." };
        }

        if (requireGrants && @namespace != route.Namespace)
        {
            var from = new ReferenceFrom(GatewayApiGroups.Group, route.Kind.KindName(), route.Namespace);
            var to = new ReferenceTo(kind.Group, kind.Kind, @namespace, name);
            var grant = context.Grants.FindGrant(from, to);
            if (grant is null)
            {
                return result with { Reason = RouteConditionReason.RefNotPermitted.Value, Message = $"{Display()}: {context.Grants.Resolve(from, to).Explanation}" };
            }

            result = result with { Grant = grant };
        }

        if (kind != GroupKind.Service)
        {
            return context.Snapshot.FindObject(kind, @namespace, name) is null
                ? result with { Reason = RouteConditionReason.BackendNotFound.Value, Message = $"{Display()}: {kind} {@namespace}/{name} does not exist." }
                : result;
        }

        var service = context.Snapshot.FindService(@namespace, name);
        if (service is null)
        {
            return result with { Reason = RouteConditionReason.BackendNotFound.Value, Message = $"{Display()}: Service {@namespace}/{name} does not exist." };
        }

        result = result with { Service = service };
        if (reference.Port is not { } port)
        {
            return result with { Reason = RouteConditionReason.BackendNotFound.Value, Message = $"{Display()}: a Service backend needs a port." };
        }

        V1ServicePort? servicePort = null;
        foreach (var candidate in service.Spec?.Ports ?? [])
        {
            if (candidate.Port == port)
            {
                servicePort = candidate;
                break;
            }
        }

        if (servicePort is null)
        {
            return result with { Reason = RouteConditionReason.BackendNotFound.Value, Message = $"{Display()}: Service {@namespace}/{name} has no port {port}." };
        }

        var problem = ProtocolProblem(context, route.Kind, servicePort);
        return problem is null ? result : result with { Reason = RouteConditionReason.UnsupportedProtocol.Value, Message = $"{Display()}: {problem}" };
    }

    /// <summary>Whether the Service port can carry the route's traffic (GEP-1911 appProtocol; UDP vs TCP).</summary>
    private static string? ProtocolProblem(EngineContext context, RouteKind kind, V1ServicePort port)
    {
        var transport = string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol;
        if (kind == RouteKind.Udp)
        {
            return transport == "UDP" ? null : $"port {port.Port} speaks {transport}, not UDP.";
        }

        if (transport != "TCP")
        {
            return $"port {port.Port} speaks {transport}, not TCP.";
        }

        if (kind == RouteKind.Http)
        {
            if (port.AppProtocol == H2cAppProtocol && !context.Supports(GatewayApiFeatures.HttpRouteBackendProtocolH2C))
            {
                return $"appProtocol '{H2cAppProtocol}' of port {port.Port} is not supported.";
            }

            if (port.AppProtocol == WebSocketAppProtocol && !context.Supports(GatewayApiFeatures.HttpRouteBackendProtocolWebSocket))
            {
                return $"appProtocol '{WebSocketAppProtocol}' of port {port.Port} is not supported.";
            }
        }

        return null;
    }

    /// <summary>Every backend-like reference of the route, in spec order.</summary>
    internal static IEnumerable<(int Rule, string Field, BackendObjectReference Reference, int Weight, bool IsBackend)> Enumerate(RouteObject route)
    {
        switch (route.Object)
        {
            case HttpRoute http:
            {
                var rules = http.Spec.Rules ?? [];
                for (var i = 0; i < rules.Count; i++)
                {
                    var backends = rules[i].BackendRefs ?? [];
                    for (var j = 0; j < backends.Count; j++)
                    {
                        yield return (i, $"rules[{i}].backendRefs[{j}]", backends[j], backends[j].Weight ?? 1, true);
                        foreach (var target in HttpFilterTargets(backends[j].Filters, $"rules[{i}].backendRefs[{j}]"))
                        {
                            yield return (i, target.Field, target.Reference, 0, false);
                        }
                    }

                    foreach (var target in HttpFilterTargets(rules[i].Filters, $"rules[{i}]"))
                    {
                        yield return (i, target.Field, target.Reference, 0, false);
                    }
                }

                break;
            }

            case GrpcRoute grpc:
            {
                var rules = grpc.Spec.Rules ?? [];
                for (var i = 0; i < rules.Count; i++)
                {
                    var backends = rules[i].BackendRefs ?? [];
                    for (var j = 0; j < backends.Count; j++)
                    {
                        yield return (i, $"rules[{i}].backendRefs[{j}]", backends[j], backends[j].Weight ?? 1, true);
                        foreach (var target in GrpcFilterTargets(backends[j].Filters, $"rules[{i}].backendRefs[{j}]"))
                        {
                            yield return (i, target.Field, target.Reference, 0, false);
                        }
                    }

                    foreach (var target in GrpcFilterTargets(rules[i].Filters, $"rules[{i}]"))
                    {
                        yield return (i, target.Field, target.Reference, 0, false);
                    }
                }

                break;
            }

            default:
            {
                var rules = route.Object switch
                {
                    TlsRoute tls => tls.Spec.Rules,
                    TcpRoute tcp => tcp.Spec.Rules,
                    UdpRoute udp => udp.Spec.Rules,
                    _ => null,
                } ?? [];
                for (var i = 0; i < rules.Count; i++)
                {
                    var backends = rules[i].BackendRefs ?? [];
                    for (var j = 0; j < backends.Count; j++)
                    {
                        yield return (i, $"rules[{i}].backendRefs[{j}]", backends[j], backends[j].Weight ?? 1, true);
                    }
                }

                break;
            }
        }
    }

    private static IEnumerable<(string Field, BackendObjectReference Reference)> HttpFilterTargets(IList<HttpRouteFilter>? filters, string prefix)
    {
        var list = filters ?? [];
        for (var k = 0; k < list.Count; k++)
        {
            if (list[k].RequestMirror?.BackendRef is { } mirror)
            {
                yield return ($"{prefix}.filters[{k}].requestMirror.backendRef", mirror);
            }

            if (list[k].ExternalAuth?.BackendRef is { } auth)
            {
                yield return ($"{prefix}.filters[{k}].externalAuth.backendRef", auth);
            }
        }
    }

    private static IEnumerable<(string Field, BackendObjectReference Reference)> GrpcFilterTargets(IList<GrpcRouteFilter>? filters, string prefix)
    {
        var list = filters ?? [];
        for (var k = 0; k < list.Count; k++)
        {
            if (list[k].RequestMirror?.BackendRef is { } mirror)
            {
                yield return ($"{prefix}.filters[{k}].requestMirror.backendRef", mirror);
            }
        }
    }

    private static IEnumerable<(int Rule, string Field, LocalObjectReference Reference)> ExtensionRefs(RouteObject route)
    {
        switch (route.Object)
        {
            case HttpRoute http:
            {
                var rules = http.Spec.Rules ?? [];
                for (var i = 0; i < rules.Count; i++)
                {
                    var filters = rules[i].Filters ?? [];
                    for (var k = 0; k < filters.Count; k++)
                    {
                        if (filters[k].ExtensionRef is { } extension)
                        {
                            yield return (i, $"rules[{i}].filters[{k}].extensionRef", extension);
                        }
                    }
                }

                break;
            }

            case GrpcRoute grpc:
            {
                var rules = grpc.Spec.Rules ?? [];
                for (var i = 0; i < rules.Count; i++)
                {
                    var filters = rules[i].Filters ?? [];
                    for (var k = 0; k < filters.Count; k++)
                    {
                        if (filters[k].ExtensionRef is { } extension)
                        {
                            yield return (i, $"rules[{i}].filters[{k}].extensionRef", extension);
                        }
                    }
                }

                break;
            }
        }
    }
}
