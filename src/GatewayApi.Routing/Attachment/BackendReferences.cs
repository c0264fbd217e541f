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

    /// <summary>
    /// The index of the backendRef in the rule's <c>backendRefs</c>: the backend itself when <see cref="FilterIndex"/> is
    /// null, otherwise the backendRef whose filter holds the reference. Null for references in rule-level filters.
    /// </summary>
    public int? BackendRefIndex { get; init; }

    /// <summary>The index of the filter holding the reference (in the backendRef's filters when <see cref="BackendRefIndex"/> is set, else the rule's); null for a backendRef.</summary>
    public int? FilterIndex { get; init; }

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
        var references = Enumerate(route).ToList();
        var resolved = new List<ResolvedBackendRef>(references.Count);

        // Backends, mirrors and ExternalAuth targets first, then ExtensionRefs: the order messages list them in.
        foreach (var reference in references)
        {
            if (reference.Backend is not null)
            {
                resolved.Add(ResolveOne(context, route, reference, requireGrants));
            }
        }

        foreach (var reference in references)
        {
            if (reference.Extension is not null)
            {
                resolved.Add(ResolveExtension(context, route, reference));
            }
        }

        return new BackendResolution(resolved);
    }

    /// <summary>
    /// An ExtensionRef filter, rule-level or on a backendRef alike (§4.7): its kind must be one of
    /// <see cref="StatusEngineOptions.ExtensionRefKinds"/> (else <c>InvalidKind</c>) and the object must exist in the
    /// route's namespace (else <c>BackendNotFound</c>).
    /// </summary>
    private static ResolvedBackendRef ResolveExtension(EngineContext context, RouteObject route, ReferenceSite reference)
    {
        var extension = reference.Extension!;
        var kind = new GroupKind(extension.Group ?? string.Empty, extension.Kind ?? string.Empty);
        var name = extension.Name ?? string.Empty;
        var display = $"{reference.Field} ({kind} {route.Namespace}/{name})";
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

        return new ResolvedBackendRef
        {
            RuleIndex = reference.Rule, BackendRefIndex = reference.BackendRefIndex, FilterIndex = reference.FilterIndex, Field = reference.Field,
            IsBackend = false, Kind = kind, Namespace = route.Namespace, Name = name, Reason = reason, Message = message,
        };
    }

    private static ResolvedBackendRef ResolveOne(EngineContext context, RouteObject route, ReferenceSite target, bool requireGrants)
    {
        var reference = target.Backend!;
        var field = target.Field;
        var isBackend = target.IsBackend;
        var kind = reference.Group is null && reference.Kind is null ? GroupKind.Service : new GroupKind(reference.Group ?? string.Empty, reference.Kind ?? GroupKind.Service.Kind);
        var @namespace = string.IsNullOrEmpty(reference.Namespace) ? route.Namespace : reference.Namespace;
        var name = reference.Name ?? string.Empty;
        var result = new ResolvedBackendRef
        {
            RuleIndex = target.Rule, BackendRefIndex = target.BackendRefIndex, FilterIndex = target.FilterIndex, Field = field, IsBackend = isBackend,
            Kind = kind, Namespace = @namespace, Name = name, Port = reference.Port, Weight = isBackend ? target.Weight : 0, Message = Resolved,
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

    /// <summary>
    /// Every reference of the route, in spec order: per rule, each backendRef followed by the targets and ExtensionRefs of
    /// its filters, then the targets and ExtensionRefs of the rule's filters. HTTPRoute and GRPCRoute differ only in their
    /// filter type, so both are read through <see cref="FilterReferences"/>.
    /// </summary>
    internal static IEnumerable<ReferenceSite> Enumerate(RouteObject route)
    {
        IEnumerable<(IReadOnlyList<FilterReferences> Filters, IReadOnlyList<(BackendRef Backend, IReadOnlyList<FilterReferences> Filters)> Backends)> rules = route.Object switch
        {
            HttpRoute http => (http.Spec.Rules ?? []).Select(r => (Of(r.Filters), Backends(r.BackendRefs, b => Of(b.Filters)))),
            GrpcRoute grpc => (grpc.Spec.Rules ?? []).Select(r => (Of(r.Filters), Backends(r.BackendRefs, b => Of(b.Filters)))),
            TlsRoute tls => (tls.Spec.Rules ?? []).Select(r => (NoFilters, Backends(r.BackendRefs, _ => NoFilters))),
            TcpRoute tcp => (tcp.Spec.Rules ?? []).Select(r => (NoFilters, Backends(r.BackendRefs, _ => NoFilters))),
            UdpRoute udp => (udp.Spec.Rules ?? []).Select(r => (NoFilters, Backends(r.BackendRefs, _ => NoFilters))),
            _ => [],
        };

        var i = 0;
        foreach (var (filters, backends) in rules)
        {
            for (var j = 0; j < backends.Count; j++)
            {
                var prefix = $"rules[{i}].backendRefs[{j}]";
                yield return new ReferenceSite(i, j, null, prefix, backends[j].Backend, null, backends[j].Backend.Weight ?? 1, IsBackend: true);
                foreach (var reference in FilterTargets(i, j, backends[j].Filters, prefix))
                {
                    yield return reference;
                }
            }

            foreach (var reference in FilterTargets(i, null, filters, $"rules[{i}]"))
            {
                yield return reference;
            }

            i++;
        }
    }

    private static readonly IReadOnlyList<FilterReferences> NoFilters = [];

    private static IReadOnlyList<(BackendRef Backend, IReadOnlyList<FilterReferences> Filters)> Backends<T>(IList<T>? backends, Func<T, IReadOnlyList<FilterReferences>> filters)
        where T : BackendRef
        => [.. (backends ?? []).Select(b => ((BackendRef)b, filters(b)))];

    private static IReadOnlyList<FilterReferences> Of(IList<HttpRouteFilter>? filters)
        => [.. (filters ?? []).Select(f => new FilterReferences(f.RequestMirror?.BackendRef, f.ExternalAuth?.BackendRef, f.ExtensionRef))];

    private static IReadOnlyList<FilterReferences> Of(IList<GrpcRouteFilter>? filters)
        => [.. (filters ?? []).Select(f => new FilterReferences(f.RequestMirror?.BackendRef, null, f.ExtensionRef))];

    private static IEnumerable<ReferenceSite> FilterTargets(int rule, int? backendRef, IReadOnlyList<FilterReferences> filters, string prefix)
    {
        for (var k = 0; k < filters.Count; k++)
        {
            if (filters[k].Mirror is { } mirror)
            {
                yield return new ReferenceSite(rule, backendRef, k, $"{prefix}.filters[{k}].requestMirror.backendRef", mirror, null, 0, IsBackend: false);
            }

            if (filters[k].ExternalAuth is { } auth)
            {
                yield return new ReferenceSite(rule, backendRef, k, $"{prefix}.filters[{k}].externalAuth.backendRef", auth, null, 0, IsBackend: false);
            }

            if (filters[k].Extension is { } extension)
            {
                yield return new ReferenceSite(rule, backendRef, k, $"{prefix}.filters[{k}].extensionRef", null, extension, 0, IsBackend: false);
            }
        }
    }

    /// <summary>The references one filter (HTTP or gRPC) holds.</summary>
    private readonly record struct FilterReferences(BackendObjectReference? Mirror, BackendObjectReference? ExternalAuth, LocalObjectReference? Extension);
}
