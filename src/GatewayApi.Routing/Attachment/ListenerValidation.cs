using GatewayApi.Models;
using GatewayApi.Routing.ReferenceGrants;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Attachment;

/// <summary>
/// Validates one listener on its own (conflicts with other listeners are <see cref="ListenerConflicts"/>' job):
/// protocol, port, TLS mode and certificates, frontend client-certificate validation, <c>allowedRoutes</c> kinds and
/// namespaces. Fills the listener's supported kinds and its <c>Accepted</c>/<c>ResolvedRefs</c> problems.
/// </summary>
/// <remarks>Spec: <c>attachment-and-status.md</c> §2.3 (supportedKinds), §3.5 (listener validity), §5.1 (grants for certificates), §6.3/§6.4.</remarks>
internal static class ListenerValidation
{
    private static readonly string[] CoreProtocols = ["HTTP", "HTTPS", "TLS", "TCP", "UDP"];

    public static void Validate(EngineContext context, ListenerState listener)
    {
        var spec = listener.Spec;

        // Protocol: the five core values compare case-insensitively; others are implementation-specific (§3.5).
        var protocol = spec.Protocol?.Value ?? string.Empty;
        var core = CoreProtocols.FirstOrDefault(p => string.Equals(p, protocol, StringComparison.OrdinalIgnoreCase));
        listener.Protocol = core ?? protocol;
        listener.ProtocolSupported = context.RouteKindsByProtocol.TryGetValue(listener.Protocol.ToUpperInvariant(), out var protocolKinds) && protocolKinds.Count > 0;
        if (!listener.ProtocolSupported)
        {
            listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedProtocol.Value, $"Protocol '{protocol}' is not supported.");
        }

        listener.Port = spec.Port is >= 1 and <= 65535 ? spec.Port.Value : 0;
        if (listener.Port == 0)
        {
            listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedValue.Value, $"Port {spec.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} is not a valid port.");
        }
        else if (context.UnavailablePorts.Contains(listener.Port))
        {
            listener.AddAcceptedProblem(ListenerConditionReason.PortUnavailable.Value, $"Port {listener.Port} is not available.");
        }

        // TCP and UDP listeners have no hostname (the schema forbids it); ignore one if present.
        listener.Hostname = listener.Protocol is "TCP" or "UDP" || string.IsNullOrEmpty(spec.Hostname) ? null : spec.Hostname;

        var kinds = listener.ProtocolSupported ? protocolKinds! : [];
        kinds = ValidateTls(context, listener, kinds);
        listener.SupportedKinds = ValidateKinds(listener, kinds);
        ValidateNamespaces(listener);
    }

    /// <summary>TLS mode and certificates; returns the kinds the listener can still take (none when its TLS mode is unsupported).</summary>
    private static IReadOnlyList<GroupKind> ValidateTls(EngineContext context, ListenerState listener, IReadOnlyList<GroupKind> kinds)
    {
        var tls = listener.Spec.Tls;
        var mode = tls?.Mode?.Value ?? TlsModeType.Terminate.Value;
        switch (listener.Protocol)
        {
            case "HTTPS":
                if (mode != TlsModeType.Terminate.Value)
                {
                    listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedValue.Value, $"TLS mode '{mode}' is not supported on an HTTPS listener; HTTPS listeners terminate TLS.");
                    return [];
                }

                listener.TerminatesTls = true;
                break;
            case "TLS":
                listener.TlsMode = mode;
                if (mode == TlsModeType.Passthrough.Value)
                {
                    return kinds;
                }

                if (mode != TlsModeType.Terminate.Value)
                {
                    listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedValue.Value, $"TLS mode '{mode}' is not supported.");
                    return [];
                }

                // GEP-2643: TLS termination for TLSRoute is the Extended feature TLSRouteModeTerminate.
                if (!context.Supports(GatewayApiFeatures.TlsRouteModeTerminate))
                {
                    listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedValue.Value, "TLS mode 'Terminate' is not supported on TLS listeners.");
                    return [];
                }

                listener.TerminatesTls = true;
                break;
            default:
                return kinds;
        }

        if (!listener.ProtocolSupported)
        {
            return kinds;
        }

        var from = listener.IsListenerSetListener
            ? new ReferenceFrom(GatewayApiGroups.Group, ListenerSet.KindName, listener.ListenerSet!.Namespace)
            : new ReferenceFrom(GatewayApiGroups.Group, Gateway.KindName, listener.Gateway.Namespace);
        var references = tls?.CertificateRefs ?? [];
        var valid = 0;
        foreach (var reference in references)
        {
            var check = TlsReferences.CheckSecretRef(context, reference, from, ListenerConditionReason.InvalidCertificateRef.Value, ListenerConditionReason.RefNotPermitted.Value);
            if (check.IsValid)
            {
                valid++;
                listener.CertificateDnsNames.AddRange(check.DnsNames);
            }
            else
            {
                listener.AddRefProblem(check.Reason!, check.Message);
            }
        }

        if (references.Count == 0)
        {
            listener.AddRefProblem(ListenerConditionReason.InvalidCertificateRef.Value, "The listener terminates TLS but has no certificateRefs.");
        }

        listener.MissingTlsMaterial = valid == 0;
        if (!listener.IsListenerSetListener && listener.Protocol == "HTTPS")
        {
            ValidateFrontend(context, listener, from);
        }

        return kinds;
    }

    /// <summary>Client-certificate validation of HTTPS listeners from Gateway <c>spec.tls.frontend</c> (GEP-91, §3.5).</summary>
    private static void ValidateFrontend(EngineContext context, ListenerState listener, ReferenceFrom from)
    {
        var frontend = listener.Gateway.Gateway.Spec.Tls?.Frontend;
        if (frontend is null)
        {
            return;
        }

        // A perPort entry replaces the default for every HTTPS listener on its port.
        var validation = frontend.PerPort?.FirstOrDefault(p => p.Port == listener.Port)?.Tls?.Validation ?? frontend.Default?.Validation;
        if (validation is null)
        {
            return;
        }

        if (!context.Supports(GatewayApiFeatures.GatewayFrontendClientCertificateValidation))
        {
            listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedValue.Value, "Client certificate validation (spec.tls.frontend) is not supported.");
            return;
        }

        var mode = validation.Mode?.Value ?? FrontendValidationModeType.AllowValidOnly.Value;
        if (mode == FrontendValidationModeType.AllowInsecureFallback.Value)
        {
            if (context.Supports(GatewayApiFeatures.GatewayFrontendClientCertificateValidationInsecureFallback))
            {
                listener.Gateway.InsecureFrontendValidation = true;
            }
            else
            {
                listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedValue.Value, "Frontend validation mode 'AllowInsecureFallback' is not supported.");
            }
        }
        else if (mode != FrontendValidationModeType.AllowValidOnly.Value)
        {
            listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedValue.Value, $"Frontend validation mode '{mode}' is not supported.");
        }

        var references = validation.CaCertificateRefs ?? [];
        var bundles = new List<string>();
        foreach (var reference in references)
        {
            var check = TlsReferences.CheckFrontendCaRef(context, reference, from);
            if (check.IsValid)
            {
                var @namespace = string.IsNullOrEmpty(reference.Namespace) ? from.Namespace : reference.Namespace;
                if (TlsReferences.ReadCaBundle(context.Snapshot.FindConfigMap(@namespace, reference.Name)) is { } bundle)
                {
                    bundles.Add(bundle);
                }
            }
            else
            {
                listener.AddRefProblem(check.Reason!, check.Message);
            }
        }

        if (bundles.Count == 0)
        {
            listener.AddAcceptedProblem(ListenerConditionReason.NoValidCaCertificate.Value, "No CA certificate reference for client certificate validation is valid.");
        }
        else
        {
            listener.ClientCertificateValidation = new ClientCertificateValidation { CaCertificates = bundles, Mode = mode };
        }
    }

    /// <summary>supportedKinds: the named kinds this protocol supports, or all of them when none are named (§2.3).</summary>
    private static IReadOnlyList<GroupKind> ValidateKinds(ListenerState listener, IReadOnlyList<GroupKind> protocolKinds)
    {
        var named = listener.Spec.AllowedRoutes?.Kinds;
        if (named is null || named.Count == 0)
        {
            return protocolKinds;
        }

        var supported = new List<GroupKind>();
        var invalid = new List<string>();
        foreach (var entry in named)
        {
            // An omitted group means gateway.networking.k8s.io.
            var kind = new GroupKind(entry.Group ?? GatewayApiGroups.Group, entry.Kind ?? string.Empty);
            if (protocolKinds.Contains(kind))
            {
                if (!supported.Contains(kind))
                {
                    supported.Add(kind);
                }
            }
            else if (!invalid.Contains(kind.ToString()))
            {
                invalid.Add(kind.ToString());
            }
        }

        if (invalid.Count > 0)
        {
            var what = listener.ProtocolSupported && protocolKinds.Count > 0
                ? $"this listener supports only {string.Join(", ", protocolKinds)}"
                : "this listener supports no route kinds";
            listener.AddRefProblem(ListenerConditionReason.InvalidRouteKinds.Value, $"allowedRoutes.kinds names {string.Join(", ", invalid)}, but {what}.");
        }

        return supported;
    }

    private static void ValidateNamespaces(ListenerState listener)
    {
        var namespaces = listener.Spec.AllowedRoutes?.Namespaces;
        listener.From = namespaces?.From?.Value ?? FromNamespaces.Same.Value;
        listener.Selector = namespaces?.Selector;
        if (listener.From == FromNamespaces.Selector.Value)
        {
            if (listener.Selector is null)
            {
                listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedValue.Value, "allowedRoutes.namespaces.from is 'Selector' but no selector is given.");
            }
            else if (!LabelSelectors.IsValid(listener.Selector, out var problem))
            {
                listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedValue.Value, $"allowedRoutes.namespaces.selector is invalid: {problem}.");
            }
        }
        else if (listener.From != FromNamespaces.Same.Value && listener.From != FromNamespaces.All.Value && listener.From != FromNamespaces.None.Value)
        {
            listener.AddAcceptedProblem(ListenerConditionReason.UnsupportedValue.Value, $"allowedRoutes.namespaces.from '{listener.From}' is not supported.");
        }
    }

    /// <summary>Whether the listener admits routes from <paramref name="routeNamespace"/> (§2.1 step 3, §2.4).</summary>
    public static bool AdmitsNamespace(ResourceSnapshot snapshot, ListenerState listener, string routeNamespace)
    {
        if (listener.From == FromNamespaces.All.Value)
        {
            return true;
        }

        if (listener.From == FromNamespaces.Same.Value)
        {
            return string.Equals(listener.OwnerNamespace, routeNamespace, StringComparison.Ordinal);
        }

        return listener.From == FromNamespaces.Selector.Value && LabelSelectors.Matches(listener.Selector, snapshot.NamespaceLabels(routeNamespace));
    }
}
