using GatewayApi.Models;
using GatewayApi.Routing.ReferenceGrants;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Attachment;

/// <summary>A GatewayClass whose <c>controllerName</c> is ours, and whether we accept it.</summary>
internal sealed class GatewayClassState(GatewayClass gatewayClass)
{
    public GatewayClass Class { get; } = gatewayClass;

    public string Name => ObjectNames.NameOf(Class);

    /// <summary>Null when accepted; otherwise the <c>Accepted=False</c> reason and message.</summary>
    public (string Reason, string Message)? Problem { get; set; }

    /// <summary>Null when no Gateway API CRD is in the snapshot; otherwise the unsupported bundle versions found (empty when all are supported).</summary>
    public IReadOnlyList<string>? UnsupportedBundleVersions { get; set; }

    public bool IsAccepted => Problem is null;
}

/// <summary>
/// Builds the Gateway side of the attachment model: which GatewayClasses are ours and accepted, their Gateways with
/// validated listeners, the ListenerSets each Gateway admits (in merge order), and listener conflicts.
/// </summary>
/// <remarks>Spec: <c>attachment-and-status.md</c> §3 (listeners), §4 (ListenerSet handshake), §6.1–§6.4.</remarks>
internal static class GatewayAttachment
{
    private const string BundleVersionAnnotation = "gateway.networking.k8s.io/bundle-version";

    public static (List<GatewayClassState> Classes, List<GatewayState> Gateways) Build(EngineContext context)
    {
        var snapshot = context.Snapshot;
        var bundleVersions = GatewayApiBundleVersions(snapshot);
        var classes = new Dictionary<string, GatewayClassState>(StringComparer.Ordinal);
        foreach (var gatewayClass in snapshot.GatewayClasses)
        {
            if (!context.IsOurController(gatewayClass.Spec.ControllerName))
            {
                continue;
            }

            var state = new GatewayClassState(gatewayClass) { Problem = CheckParameters(context, gatewayClass.Spec.ParametersRef, null, "GatewayClass") };
            if (bundleVersions is not null)
            {
                state.UnsupportedBundleVersions = bundleVersions.Where(v => !context.Options.SupportedBundleVersions.Contains(v)).ToList();
            }

            classes[state.Name] = state;
        }

        var gateways = new List<GatewayState>();
        var byKey = new Dictionary<string, GatewayState>(StringComparer.Ordinal);
        foreach (var gateway in snapshot.Gateways)
        {
            if (gateway.Spec.GatewayClassName is not { } className || !classes.TryGetValue(className, out var classState))
            {
                continue;
            }

            var state = new GatewayState(gateway, classState.Class, classState.IsAccepted);
            ValidateGateway(context, state, classState);
            var listeners = gateway.Spec.Listeners ?? [];
            for (var i = 0; i < listeners.Count; i++)
            {
                var listener = new ListenerState(listeners[i], i, state, null);
                ListenerValidation.Validate(context, listener);
                state.Listeners.Add(listener);
            }

            gateways.Add(state);
            byKey[state.Key] = state;
        }

        if (context.Supports(GatewayApiFeatures.ListenerSet))
        {
            AttachListenerSets(context, byKey);
        }

        foreach (var gateway in gateways)
        {
            ListenerConflicts.Detect(context, gateway);
        }

        return ([.. classes.Values.OrderBy(c => c.Name, StringComparer.Ordinal)], gateways);
    }

    private static void ValidateGateway(EngineContext context, GatewayState state, GatewayClassState classState)
    {
        var gateway = state.Gateway;
        if (!classState.IsAccepted)
        {
            state.AcceptedProblems.Add((GatewayConditionReason.Invalid.Value, $"GatewayClass '{classState.Name}' is not accepted: {classState.Problem!.Value.Message}"));
        }

        if (gateway.Spec.Infrastructure?.ParametersRef is { } parameters)
        {
            var reference = new ParametersReference { Group = parameters.Group, Kind = parameters.Kind, Name = parameters.Name, Namespace = state.Namespace };
            if (CheckParameters(context, reference, state.Namespace, "Gateway") is { } problem)
            {
                state.AcceptedProblems.Add((GatewayConditionReason.InvalidParameters.Value, problem.Message));
            }
        }

        foreach (var address in gateway.Spec.Addresses ?? [])
        {
            var type = address.Type?.Value ?? AddressType.IPAddress.Value;
            if (!context.AddressTypes.Contains(type))
            {
                state.AcceptedProblems.Add((GatewayConditionReason.UnsupportedAddress.Value, $"Address type '{type}' is not supported."));
                continue;
            }

            if (string.IsNullOrEmpty(address.Value))
            {
                // Assigning addresses is the data plane's business; without GatewayAddressEmpty an empty value cannot be filled.
                if (!context.Supports(GatewayApiFeatures.GatewayAddressEmpty))
                {
                    state.ProgrammedProblems.Add((GatewayConditionReason.AddressNotAssigned.Value, $"An address of type '{type}' without a value cannot be assigned."));
                }

                continue;
            }

            if (!context.Supports(GatewayApiFeatures.GatewayStaticAddresses))
            {
                state.ProgrammedProblems.Add((GatewayConditionReason.AddressNotUsable.Value, $"The static address '{address.Value}' cannot be used: static addresses are not supported."));
                continue;
            }

            if (type == AddressType.IPAddress.Value && !System.Net.IPAddress.TryParse(address.Value, out _))
            {
                state.ProgrammedProblems.Add((GatewayConditionReason.AddressNotUsable.Value, $"The address '{address.Value}' is not an IP address."));
                continue;
            }

            // The type is written even when the spec omits it: readers ignore status addresses without a type.
            state.Addresses.Add(new GatewayStatusAddress { Type = type, Value = address.Value });
        }

        if (gateway.Spec.Tls?.Backend?.ClientCertificateRef is { } clientCertificate)
        {
            if (!context.Supports(GatewayApiFeatures.GatewayBackendClientCertificate))
            {
                state.RefProblems.Add((GatewayConditionReason.InvalidClientCertificateRef.Value, "A backend client certificate (spec.tls.backend.clientCertificateRef) is not supported."));
            }
            else
            {
                var from = new ReferenceFrom(GatewayApiGroups.Group, Gateway.KindName, state.Namespace);
                var check = TlsReferences.CheckSecretRef(context, clientCertificate, from, GatewayConditionReason.InvalidClientCertificateRef.Value, GatewayConditionReason.RefNotPermitted.Value);
                if (!check.IsValid)
                {
                    state.RefProblems.Add((check.Reason!, check.Message));
                }
                else
                {
                    state.BackendClientCertificate = new NamespacedName(string.IsNullOrEmpty(clientCertificate.Namespace) ? state.Namespace : clientCertificate.Namespace, clientCertificate.Name ?? string.Empty);
                }
            }
        }
    }

    /// <summary>
    /// A <c>parametersRef</c> is valid when its kind is one the options list and the referent is in the snapshot
    /// (namespaced referents need a namespace; §6.1 <c>InvalidParameters</c>).
    /// </summary>
    internal static (string Reason, string Message)? CheckParameters(EngineContext context, ParametersReference? reference, string? forcedNamespace, string owner)
    {
        if (reference is null)
        {
            return null;
        }

        var reason = GatewayClassConditionReason.InvalidParameters.Value;
        var kind = new GroupKind(reference.Group ?? string.Empty, reference.Kind ?? string.Empty);
        if (!context.ParametersRefKinds.Contains(kind))
        {
            return (reason, $"The {owner} parametersRef names {kind}, which is not a supported parameters kind.");
        }

        var @namespace = forcedNamespace ?? (string.IsNullOrEmpty(reference.Namespace) ? null : reference.Namespace);
        if (kind == GroupKind.ConfigMap && @namespace is null)
        {
            return (reason, $"The {owner} parametersRef names a ConfigMap without a namespace.");
        }

        return context.Snapshot.FindObject(kind, @namespace, reference.Name) is null
            ? (reason, $"The {owner} parametersRef names {kind} {(@namespace is null ? string.Empty : @namespace + "/")}{reference.Name}, which does not exist.")
            : null;
    }

    private static void AttachListenerSets(EngineContext context, Dictionary<string, GatewayState> gateways)
    {
        var snapshot = context.Snapshot;
        foreach (var listenerSet in snapshot.ListenerSets.OrderBy(s => s, Comparer<ListenerSet>.Create(ObjectNames.CompareByAge)))
        {
            var parentRef = listenerSet.Spec.ParentRef;
            if (parentRef is null
                || (parentRef.Group ?? GatewayApiGroups.Group) != GatewayApiGroups.Group
                || (parentRef.Kind ?? Gateway.KindName) != Gateway.KindName)
            {
                continue;
            }

            var setNamespace = ObjectNames.NamespaceOf(listenerSet);
            var parentNamespace = string.IsNullOrEmpty(parentRef.Namespace) ? setNamespace : parentRef.Namespace;
            if (!gateways.TryGetValue(ObjectNames.Key(parentNamespace, parentRef.Name ?? string.Empty), out var gateway))
            {
                continue;
            }

            var state = new ListenerSetState(listenerSet, gateway);
            (state.Allowed, state.NotAllowedMessage) = IsAllowed(snapshot, gateway, setNamespace);
            var listeners = listenerSet.Spec.Listeners ?? [];
            for (var i = 0; i < listeners.Count; i++)
            {
                var listener = new ListenerState(listeners[i], i, gateway, state);
                ListenerValidation.Validate(context, listener);
                state.Listeners.Add(listener);
            }

            gateway.ListenerSets.Add(state);
        }
    }

    /// <summary>The Gateway's <c>allowedListeners.namespaces.from</c>: absent or <c>None</c> admits no ListenerSet (§4).</summary>
    private static (bool Allowed, string? Message) IsAllowed(ResourceSnapshot snapshot, GatewayState gateway, string setNamespace)
    {
        var namespaces = gateway.Gateway.Spec.AllowedListeners?.Namespaces;
        var from = namespaces?.From?.Value ?? FromNamespaces.None.Value;
        if (from == FromNamespaces.All.Value)
        {
            return (true, null);
        }

        if (from == FromNamespaces.Same.Value)
        {
            return setNamespace == gateway.Namespace
                ? (true, null)
                : (false, $"Gateway {gateway.Key} allows ListenerSets only from its own namespace.");
        }

        if (from == FromNamespaces.Selector.Value)
        {
            return LabelSelectors.Matches(namespaces?.Selector, snapshot.NamespaceLabels(setNamespace))
                ? (true, null)
                : (false, $"Gateway {gateway.Key} allows ListenerSets only from namespaces matching {LabelSelectors.Describe(namespaces?.Selector)}.");
        }

        return (false, $"Gateway {gateway.Key} does not allow ListenerSets (allowedListeners.namespaces.from is '{from}').");
    }

    /// <summary>The bundle versions of the Gateway API CRDs in the snapshot, or null when there are none.</summary>
    private static List<string>? GatewayApiBundleVersions(ResourceSnapshot snapshot)
    {
        List<string>? versions = null;
        foreach (var value in snapshot.OtherObjects)
        {
            if (value.Kind != "CustomResourceDefinition" || value.Metadata?.Name is not { } name
                || !(name.EndsWith("." + GatewayApiGroups.Group, StringComparison.Ordinal) || name.EndsWith("." + GatewayApiGroups.ExperimentalGroup, StringComparison.Ordinal)))
            {
                continue;
            }

            versions ??= [];
            var version = value.Metadata.Annotations is not null && value.Metadata.Annotations.TryGetValue(BundleVersionAnnotation, out var v) ? v : "(none)";
            if (!versions.Contains(version))
            {
                versions.Add(version);
            }
        }

        versions?.Sort(StringComparer.Ordinal);
        return versions;
    }
}
