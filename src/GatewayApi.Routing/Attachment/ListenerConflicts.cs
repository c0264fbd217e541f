using GatewayApi.Models;
using GatewayApi.Routing.Hostnames;

namespace GatewayApi.Routing.Attachment;

/// <summary>
/// Finds conflicted listeners in a Gateway's merged listener list, and listeners whose TLS configuration overlaps.
/// </summary>
/// <remarks>
/// <para>Distinctness (§3.1, upstream <c>gateway_types.go</c> GatewaySpec.Listeners, GEP-2644): on one port and transport,
/// HTTP listeners must differ by hostname; HTTPS and TLS listeners share a port and must differ by hostname; a TCP
/// listener shares its port with nothing on TCP (every HTTP/HTTPS/TLS listener on it is then indistinct too); TLS
/// listeners with different modes need <c>TLSRouteModeMixed</c>. TCP and UDP on one port are distinct.</para>
/// <para>Within one Gateway no winner is picked: every indistinct listener is conflicted (§3.2). In the merged list with
/// ListenerSets the first in precedence wins and only the later ones are conflicted (§3.3); the Gateway's own
/// listeners always come first. A listener whose protocol is unsupported never takes part (it will not be programmed).</para>
/// </remarks>
internal static class ListenerConflicts
{
    public static void Detect(EngineContext context, GatewayState gateway)
    {
        var own = gateway.Listeners.Where(Participates).ToList();

        // Inside the Gateway: every listener indistinct from another is conflicted, none wins (§3.2).
        for (var i = 0; i < own.Count; i++)
        {
            for (var j = i + 1; j < own.Count; j++)
            {
                var reason = Conflict(context, own[i], own[j]);
                if (reason is not null)
                {
                    Mark(own[i], reason, $"Listener '{own[i].Name}' conflicts with listener '{own[j].Name}' on port {own[i].Port}: {Why(reason)}");
                    Mark(own[j], reason, $"Listener '{own[j].Name}' conflicts with listener '{own[i].Name}' on port {own[j].Port}: {Why(reason)}");
                }
            }
        }

        // Merged with ListenerSets: earlier listeners win; a conflicted ListenerSet listener does not block later ones.
        var placed = new List<ListenerState>(own);
        foreach (var listenerSet in gateway.ListenerSets.Where(s => s.Allowed))
        {
            foreach (var listener in listenerSet.Listeners.Where(Participates))
            {
                string? reason = null;
                foreach (var earlier in placed)
                {
                    var found = Conflict(context, earlier, listener);
                    if (found is not null && (reason is null || found == ListenerConditionReason.ProtocolConflict.Value))
                    {
                        reason = found;
                    }
                }

                if (reason is null)
                {
                    placed.Add(listener);
                    continue;
                }

                // The message must not reveal the parent's or siblings' listeners (§3.3), so it names none.
                var written = context.Options.UseListenerConflictReason && reason == ListenerConditionReason.HostnameConflict.Value
                    ? ListenerEntryConditionReason.ListenerConflict.Value
                    : reason;
                Mark(listener, written, $"Listener '{listener.Name}' conflicts with a listener that takes precedence on port {listener.Port}: {Why(reason)}");
            }
        }

        ApplyListenerLimit(context, gateway);
        DetectOverlappingTls(context, placed.Where(l => !l.IsConflicted).ToList());
    }

    /// <summary>The conflict reason between two listeners, or null when they are distinct.</summary>
    internal static string? Conflict(EngineContext context, ListenerState left, ListenerState right)
    {
        if (left.Port != right.Port || Transport(left) != Transport(right))
        {
            return null;
        }

        var leftClass = ProtocolClass(left);
        if (leftClass != ProtocolClass(right))
        {
            return ListenerConditionReason.ProtocolConflict.Value;
        }

        switch (leftClass)
        {
            case "TCP" or "UDP":
                // No hostname tells two TCP (or two UDP) listeners on one port apart.
                return ListenerConditionReason.HostnameConflict.Value;
            case "TLS" when left.Protocol == "TLS" && right.Protocol == "TLS" && left.TlsMode != right.TlsMode
                            && !context.Supports(GatewayApiFeatures.TlsRouteModeMixed):
                return ListenerConditionReason.ProtocolConflict.Value;
            default:
                return HostnameMatch.SameHostname(left.Hostname, right.Hostname) ? ListenerConditionReason.HostnameConflict.Value : null;
        }
    }

    private static bool Participates(ListenerState listener) => listener.ProtocolSupported && listener.Port != 0;

    private static string Transport(ListenerState listener) => listener.Protocol == "UDP" ? "UDP" : "TCP";

    // Protocols that can share a port when their hostnames differ: HTTP with HTTP; HTTPS and TLS together (both SNI).
    private static string ProtocolClass(ListenerState listener) => listener.Protocol switch
    {
        "HTTPS" or "TLS" => "TLS",
        _ => listener.Protocol,
    };

    private static void Mark(ListenerState listener, string reason, string message)
    {
        // A protocol conflict is the more fundamental one; keep it when a listener has both.
        if (listener.ConflictReason is null || (reason == ListenerConditionReason.ProtocolConflict.Value && listener.ConflictReason != reason))
        {
            listener.ConflictReason = reason;
            listener.ConflictMessage = message;
        }
    }

    private static string Why(string reason) => reason == ListenerConditionReason.ProtocolConflict.Value
        ? "their protocols cannot share a port."
        : "they have the same hostname (or, for TCP and UDP, no hostname to tell them apart).";

    /// <summary>Option <see cref="StatusEngineOptions.MaxListenersPerGateway"/>: ListenerSet listeners past the limit are refused.</summary>
    private static void ApplyListenerLimit(EngineContext context, GatewayState gateway)
    {
        if (context.Options.MaxListenersPerGateway is not { } limit)
        {
            return;
        }

        var count = gateway.Listeners.Count;
        foreach (var listener in gateway.ListenerSets.Where(s => s.Allowed).SelectMany(s => s.Listeners))
        {
            count++;
            if (count > limit)
            {
                listener.AddAcceptedProblem(ListenerEntryConditionReason.TooManyListeners.Value, $"The Gateway already has its limit of {limit} listeners.");
            }
        }
    }

    /// <summary>
    /// <c>OverlappingTLSConfig</c> (§3.4, GEP-3567): TLS-terminating listeners on one port whose hostnames overlap
    /// (<c>OverlappingHostnames</c>) or whose certificates' DNS names overlap (<c>OverlappingCertificates</c>, preferred).
    /// </summary>
    private static void DetectOverlappingTls(EngineContext context, List<ListenerState> listeners)
    {
        var terminating = listeners.Where(l => l.TerminatesTls && l.IsAccepted).ToList();
        for (var i = 0; i < terminating.Count; i++)
        {
            for (var j = i + 1; j < terminating.Count; j++)
            {
                var (left, right) = (terminating[i], terminating[j]);
                if (left.Port != right.Port)
                {
                    continue;
                }

                if (context.Options.DetectOverlappingCertificates && CertificatesOverlap(left, right))
                {
                    MarkOverlap(left, ListenerConditionReason.OverlappingCertificates.Value, $"The certificates of listener '{left.Name}' overlap those of another listener on port {left.Port}.");
                    MarkOverlap(right, ListenerConditionReason.OverlappingCertificates.Value, $"The certificates of listener '{right.Name}' overlap those of another listener on port {right.Port}.");
                }
                else if (HostnameMatch.Overlap(left.Hostname, right.Hostname))
                {
                    MarkOverlap(left, ListenerConditionReason.OverlappingHostnames.Value, $"The hostname of listener '{left.Name}' overlaps another TLS listener's on port {left.Port}.");
                    MarkOverlap(right, ListenerConditionReason.OverlappingHostnames.Value, $"The hostname of listener '{right.Name}' overlaps another TLS listener's on port {right.Port}.");
                }
            }
        }
    }

    private static bool CertificatesOverlap(ListenerState left, ListenerState right)
        => left.CertificateDnsNames.Any(a => right.CertificateDnsNames.Any(b => HostnameMatch.Overlap(a, b)));

    private static void MarkOverlap(ListenerState listener, string reason, string message)
    {
        if (listener.OverlapReason is null || (reason == ListenerConditionReason.OverlappingCertificates.Value && listener.OverlapReason != reason))
        {
            listener.OverlapReason = reason;
            listener.OverlapMessage = message;
        }
    }
}
