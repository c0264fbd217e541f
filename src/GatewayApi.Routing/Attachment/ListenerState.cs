using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;
using k8s.Models;

namespace GatewayApi.Routing.Attachment;

/// <summary>
/// One listener of a Gateway's merged listener list (its own, or one of an attached ListenerSet), with everything the
/// engine found out about it: normalised protocol, the route kinds it supports, why it is not accepted, its
/// unresolved references, its conflicts and the routes attached to it.
/// </summary>
internal sealed class ListenerState
{
    // Accepted=False reasons in the order they win (§7: our documented choice where the spec is silent).
    private static readonly string[] AcceptedReasonOrder =
    [
        ListenerConditionReason.UnsupportedProtocol.Value,
        ListenerConditionReason.PortUnavailable.Value,
        ListenerConditionReason.UnsupportedValue.Value,
        ListenerConditionReason.NoValidCaCertificate.Value,
        ListenerEntryConditionReason.TooManyListeners.Value,
    ];

    // ResolvedRefs=False reasons in the order they win; RefNotPermitted first because it must hide existence (§5.4, §7).
    private static readonly string[] ResolvedRefsReasonOrder =
    [
        ListenerConditionReason.RefNotPermitted.Value,
        ListenerConditionReason.InvalidCertificateRef.Value,
        ListenerConditionReason.InvalidCaCertificateKind.Value,
        ListenerConditionReason.InvalidCaCertificateRef.Value,
        ListenerConditionReason.InvalidRouteKinds.Value,
    ];

    private readonly List<(string Reason, string Message)> _acceptedProblems = [];
    private readonly List<(string Reason, string Message)> _refProblems = [];

    public ListenerState(Listener spec, int index, GatewayState gateway, ListenerSetState? listenerSet)
    {
        Spec = spec;
        Index = index;
        Gateway = gateway;
        ListenerSet = listenerSet;
        Name = spec.Name ?? string.Empty;
    }

    public Listener Spec { get; }

    /// <summary>The listener's position in its owner's <c>spec.listeners</c>.</summary>
    public int Index { get; }

    public string Name { get; }

    public GatewayState Gateway { get; }

    /// <summary>The ListenerSet that contributes the listener; null for the Gateway's own listeners.</summary>
    public ListenerSetState? ListenerSet { get; }

    public bool IsListenerSetListener => ListenerSet is not null;

    /// <summary>The namespace <c>from: Same</c> refers to: the Gateway's, or the ListenerSet's (§2.4).</summary>
    public string OwnerNamespace => ListenerSet?.Namespace ?? Gateway.Namespace;

    public long? OwnerGeneration => ListenerSet?.Generation ?? Gateway.Generation;

    public string OwnerDisplayName => ListenerSet is null ? "Gateway " + Gateway.Key : "ListenerSet " + ListenerSet.Key;

    /// <summary>The protocol, upper-cased when it is one of the five core protocols (they compare case-insensitively).</summary>
    public string Protocol { get; set; } = string.Empty;

    public bool ProtocolSupported { get; set; }

    /// <summary>The port, or 0 when it is missing or out of range.</summary>
    public int Port { get; set; }

    /// <summary>The hostname that takes part in matching; null when absent and for TCP/UDP listeners.</summary>
    public string? Hostname { get; set; }

    /// <summary>Whether the Gateway ends TLS here (HTTPS, or TLS in Terminate mode).</summary>
    public bool TerminatesTls { get; set; }

    /// <summary>The TLS mode of a TLS listener (Terminate by default), null for other protocols.</summary>
    public string? TlsMode { get; set; }

    public IReadOnlyList<GroupKind> SupportedKinds { get; set; } = [];

    /// <summary><c>allowedRoutes.namespaces.from</c> with its default applied (<c>Same</c>).</summary>
    public string From { get; set; } = FromNamespaces.Same.Value;

    public V1LabelSelector? Selector { get; set; }

    /// <summary>The DNS names of the listener's valid certificates (for <c>OverlappingCertificates</c>).</summary>
    public List<string> CertificateDnsNames { get; } = [];

    /// <summary>Whether a TLS-terminating listener has no usable certificate (it cannot be programmed).</summary>
    public bool MissingTlsMaterial { get; set; }

    /// <summary>Client-certificate validation from Gateway <c>spec.tls.frontend</c>, when some CA reference resolved.</summary>
    public ClientCertificateValidation? ClientCertificateValidation { get; set; }

    public string? ConflictReason { get; set; }

    public string? ConflictMessage { get; set; }

    public string? OverlapReason { get; set; }

    public string? OverlapMessage { get; set; }

    /// <summary>The routes accepted on this listener; <c>attachedRoutes</c> is their number (§2.9).</summary>
    public HashSet<RouteObject> AttachedRoutes { get; } = [];

    public bool IsConflicted => ConflictReason is not null;

    /// <summary>Whether the listener is <c>Accepted=True</c>: no acceptance problem and no conflict.</summary>
    public bool IsAccepted => _acceptedProblems.Count == 0 && ConflictReason is null;

    public bool HasUnresolvedRefs => _refProblems.Count > 0;

    /// <summary>Programmed: accepted, with TLS material when it terminates TLS, on a Gateway that is itself accepted and programmable.</summary>
    public bool IsProgrammed => IsAccepted && !MissingTlsMaterial && Gateway.AcceptedProblems.Count == 0 && Gateway.ProgrammedProblems.Count == 0;

    public void AddAcceptedProblem(string reason, string message) => _acceptedProblems.Add((reason, message));

    public void AddRefProblem(string reason, string message) => _refProblems.Add((reason, message));

    public bool HasAcceptedProblem(string reason) => _acceptedProblems.Exists(p => p.Reason == reason);

    /// <summary>The winning <c>Accepted=False</c> reason (conflicts before the others except <c>UnsupportedProtocol</c>) and every message.</summary>
    public (string Reason, string Message)? AcceptedProblem()
    {
        if (_acceptedProblems.Count == 0 && ConflictReason is null)
        {
            return null;
        }

        var messages = _acceptedProblems.Select(p => p.Message).ToList();
        if (ConflictReason is not null)
        {
            messages.Insert(0, ConflictMessage!);
            if (!HasAcceptedProblem(ListenerConditionReason.UnsupportedProtocol.Value))
            {
                return (ConflictReason, string.Join(" ", messages));
            }
        }

        var reason = AcceptedReasonOrder.First(HasAcceptedProblem);
        return (reason, string.Join(" ", messages.Distinct(StringComparer.Ordinal)));
    }

    /// <summary>The winning <c>ResolvedRefs=False</c> reason and every message, or null when all references resolve.</summary>
    public (string Reason, string Message)? RefProblem()
    {
        if (_refProblems.Count == 0)
        {
            return null;
        }

        var reason = ResolvedRefsReasonOrder.FirstOrDefault(r => _refProblems.Exists(p => p.Reason == r)) ?? _refProblems[0].Reason;
        return (reason, string.Join(" ", _refProblems.Select(p => p.Message).Distinct(StringComparer.Ordinal)));
    }

    public override string ToString() => $"listener '{Name}' of {OwnerDisplayName}";
}
