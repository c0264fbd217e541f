using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Attachment;

/// <summary>A Gateway of one of our GatewayClasses, with its own listeners and the ListenerSets that name it.</summary>
internal sealed class GatewayState
{
    public GatewayState(Gateway gateway, GatewayClass gatewayClass, bool classAccepted)
    {
        Gateway = gateway;
        Class = gatewayClass;
        ClassAccepted = classAccepted;
        Namespace = ObjectNames.NamespaceOf(gateway);
        Name = ObjectNames.NameOf(gateway);
    }

    public Gateway Gateway { get; }

    public GatewayClass Class { get; }

    public string ControllerName => Class.Spec.ControllerName!;

    /// <summary>Whether the Gateway's class is <c>Accepted=True</c>.</summary>
    public bool ClassAccepted { get; }

    public string Namespace { get; }

    public string Name { get; }

    public string Key => ObjectNames.Key(Namespace, Name);

    public long? Generation => Gateway.Metadata?.Generation;

    /// <summary>The Gateway's own listeners, in spec order.</summary>
    public List<ListenerState> Listeners { get; } = [];

    /// <summary>Every ListenerSet naming this Gateway as parent, in merge order (oldest first, then <c>{namespace}/{name}</c>).</summary>
    public List<ListenerSetState> ListenerSets { get; } = [];

    /// <summary>
    /// The merged listener list (§3.3): own listeners first, then those of allowed ListenerSets in merge order, each in
    /// its list order.
    /// </summary>
    public IEnumerable<ListenerState> MergedListeners
        => Listeners.Concat(ListenerSets.Where(s => s.Allowed).SelectMany(s => s.Listeners));

    /// <summary>Problems that make the Gateway <c>Accepted=False</c> whatever its listeners say (class, parameters, addresses).</summary>
    public List<(string Reason, string Message)> AcceptedProblems { get; } = [];

    /// <summary>Problems that make the Gateway <c>Programmed=False</c> (addresses).</summary>
    public List<(string Reason, string Message)> ProgrammedProblems { get; } = [];

    /// <summary>Gateway-level reference problems (backend client certificate).</summary>
    public List<(string Reason, string Message)> RefProblems { get; } = [];

    /// <summary>The Secret of <c>spec.tls.backend.clientCertificateRef</c>, when it resolved (GEP-3155).</summary>
    public NamespacedName? BackendClientCertificate { get; set; }

    /// <summary>Whether some frontend validation uses <c>AllowInsecureFallback</c>.</summary>
    public bool InsecureFrontendValidation { get; set; }

    /// <summary>The addresses reported in <c>status.addresses</c>.</summary>
    public List<GatewayStatusAddress> Addresses { get; } = [];

    public bool IsAccepted => AcceptedProblems.Count == 0 && (Listeners.Count == 0 || Listeners.Exists(l => l.IsAccepted));

    public string DisplayName => "Gateway " + Key;
}

/// <summary>A ListenerSet whose parent Gateway is one of ours.</summary>
internal sealed class ListenerSetState
{
    public ListenerSetState(ListenerSet listenerSet, GatewayState parent)
    {
        ListenerSet = listenerSet;
        Parent = parent;
        Namespace = ObjectNames.NamespaceOf(listenerSet);
        Name = ObjectNames.NameOf(listenerSet);
    }

    public ListenerSet ListenerSet { get; }

    public GatewayState Parent { get; }

    public string Namespace { get; }

    public string Name { get; }

    public string Key => ObjectNames.Key(Namespace, Name);

    public long? Generation => ListenerSet.Metadata?.Generation;

    /// <summary>Whether the parent's <c>allowedListeners</c> admits this ListenerSet (§4).</summary>
    public bool Allowed { get; set; }

    public string? NotAllowedMessage { get; set; }

    public List<ListenerState> Listeners { get; } = [];

    /// <summary>Whether the ListenerSet is <c>Accepted=True</c>: allowed, and at least one listener accepted.</summary>
    public bool IsAccepted => Allowed && Listeners.Exists(l => l.IsAccepted);

    public string DisplayName => "ListenerSet " + Key;
}
