using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.Attachment;

/// <summary>A BackendTLSPolicy with its verdict and the Gateways (ancestors) whose routes use its targets.</summary>
internal sealed class PolicyState(BackendTlsPolicy policy)
{
    public BackendTlsPolicy Policy { get; } = policy;

    public string Namespace { get; } = ObjectNames.NamespaceOf(policy);

    public string Name { get; } = ObjectNames.NameOf(policy);

    public string Key => ObjectNames.Key(Namespace, Name);

    public long? Generation => Policy.Metadata?.Generation;

    /// <summary>The targeted Services that exist, with the section (port name) each target names.</summary>
    public List<(string Service, string? SectionName)> Targets { get; } = [];

    /// <summary>The Service name and port number of each entry of <see cref="Targets"/> (the section by the Service's port names).</summary>
    public Dictionary<(string Service, string? SectionName), (string Name, int? Port)> TargetServices { get; } = [];

    /// <summary>The <c>ca.crt</c> bundles of the CA references that resolved, in reference order.</summary>
    public List<string> CaBundles { get; } = [];

    /// <summary>Our Gateways whose routes send traffic to a target, sorted by key, at most 16 (§6.6).</summary>
    public List<GatewayState> Ancestors { get; } = [];

    public (string Reason, string Message)? AcceptedProblem { get; set; }

    public (string Reason, string Message)? RefProblem { get; set; }
}

/// <summary>
/// BackendTLSPolicy target resolution, validation, conflict resolution and ancestors.
/// </summary>
/// <remarks>
/// Spec: <c>attachment-and-status.md</c> §6.6, <c>routing-semantics.md</c> §10 (upstream <c>backendtlspolicy_types.go</c>,
/// GEP-1897; conformance <c>backendtlspolicy*.go</c>). Ancestors are the Gateways whose accepted routes reference a
/// targeted Service (one status entry per Gateway, at most 16). Targets are core Services, optionally one port by name;
/// a policy for a port and one for the whole Service do not conflict. Among valid policies for the same target and
/// section the oldest (then <c>{namespace}/{name}</c>) wins, the others are <c>Conflicted</c>. Verdict order (our
/// choice): <c>TargetNotFound</c>, <c>Invalid</c>, <c>NoValidCACertificate</c>, <c>Conflicted</c>.
/// </remarks>
internal static class PolicyAttachment
{
    private const int MaxAncestors = 16;

    public static List<PolicyState> Evaluate(EngineContext context, IReadOnlyList<ParentEvaluation> parents)
    {
        var states = new List<PolicyState>();
        if (!context.Supports(GatewayApiFeatures.BackendTlsPolicy))
        {
            return states;
        }

        // Which of our Gateways send traffic to which Service (namespace/name), through accepted routes.
        var users = new Dictionary<string, SortedDictionary<string, GatewayState>>(StringComparer.Ordinal);
        foreach (var parent in parents)
        {
            if (!parent.Accepted || parent.Gateway is null || parent.Kind == ParentKind.Service)
            {
                continue;
            }

            foreach (var reference in parent.Backends.References)
            {
                if (reference.Kind != GroupKind.Service || reference.Reason == RouteConditionReason.RefNotPermitted.Value)
                {
                    continue;
                }

                var key = ObjectNames.Key(reference.Namespace, reference.Name);
                if (!users.TryGetValue(key, out var gateways))
                {
                    users[key] = gateways = new SortedDictionary<string, GatewayState>(StringComparer.Ordinal);
                }

                gateways[parent.Gateway.Key] = parent.Gateway;
            }
        }

        foreach (var policy in context.Snapshot.BackendTlsPolicies)
        {
            var state = new PolicyState(policy);
            var ancestors = new SortedDictionary<string, GatewayState>(StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (var target in policy.Spec.TargetRefs ?? [])
            {
                var kind = new GroupKind(target.Group ?? string.Empty, target.Kind ?? string.Empty);
                var serviceKey = ObjectNames.Key(state.Namespace, target.Name ?? string.Empty);
                if (users.TryGetValue(serviceKey, out var gateways))
                {
                    foreach (var (key, gateway) in gateways)
                    {
                        ancestors[key] = gateway;
                    }
                }

                var service = kind == GroupKind.Service ? context.Snapshot.FindService(state.Namespace, target.Name) : null;
                if (service is null)
                {
                    missing.Add($"{kind} {serviceKey}");
                }
                else if (target.SectionName is { Length: > 0 } section && !(service.Spec?.Ports ?? []).Any(p => p.Name == section))
                {
                    missing.Add($"port '{section}' of Service {serviceKey}");
                }
                else
                {
                    var portName = string.IsNullOrEmpty(target.SectionName) ? null : target.SectionName;
                    state.Targets.Add((serviceKey, portName));
                    state.TargetServices[(serviceKey, portName)] = (target.Name ?? string.Empty, portName is null ? null : (service.Spec?.Ports ?? []).First(p => p.Name == portName).Port);
                }
            }

            state.Ancestors.AddRange(ancestors.Values.Take(MaxAncestors));
            if (state.Targets.Count == 0)
            {
                state.AcceptedProblem = (BackendTlsPolicyConditionReason.TargetNotFound.Value, $"No target of the policy exists: {string.Join(", ", missing)}.");
            }

            Validate(context, state);
            states.Add(state);
        }

        ResolveConflicts(states);
        return states;
    }

    private static void Validate(EngineContext context, PolicyState state)
    {
        var validation = state.Policy.Spec.Validation;
        var references = validation?.CaCertificateRefs ?? [];
        var wellKnown = validation?.WellKnownCACertificates?.Value;
        if (references.Count > 0 && wellKnown is not null)
        {
            state.AcceptedProblem ??= (BackendTlsPolicyConditionReason.Invalid.Value, "caCertificateRefs and wellKnownCACertificates cannot both be set.");
            return;
        }

        if (wellKnown is not null)
        {
            if (wellKnown != WellKnownCACertificatesType.System.Value || !context.Options.SupportsSystemCaCertificates)
            {
                state.AcceptedProblem ??= (BackendTlsPolicyConditionReason.Invalid.Value, $"wellKnownCACertificates '{wellKnown}' is not supported.");
            }

            return;
        }

        if (references.Count == 0)
        {
            state.AcceptedProblem ??= (BackendTlsPolicyConditionReason.Invalid.Value, "Neither caCertificateRefs nor wellKnownCACertificates is set.");
            return;
        }

        var problems = new List<ReferenceCheck>();
        foreach (var reference in references)
        {
            var check = TlsReferences.CheckPolicyCaRef(context, reference, state.Namespace);
            if (!check.IsValid)
            {
                problems.Add(check);
            }
            else if (TlsReferences.ReadCaBundle(context.Snapshot.FindConfigMap(state.Namespace, reference.Name)) is { } bundle)
            {
                state.CaBundles.Add(bundle);
            }
        }

        if (problems.Count > 0)
        {
            // InvalidKind before InvalidCACertificateRef: the kind is wrong in the policy itself.
            var reason = problems.Any(p => p.Reason == BackendTlsPolicyConditionReason.InvalidKind.Value)
                ? BackendTlsPolicyConditionReason.InvalidKind.Value
                : BackendTlsPolicyConditionReason.InvalidCACertificateRef.Value;
            state.RefProblem = (reason, string.Join(" ", problems.Select(p => p.Message)));
        }

        if (problems.Count == references.Count)
        {
            state.AcceptedProblem ??= (BackendTlsPolicyConditionReason.NoValidCACertificate.Value, "No CA certificate reference is valid.");
        }
    }

    /// <summary>
    /// What the data plane must do for each governed Service (port): the settings of the policy that applies there.
    /// A valid policy (the conflict winner) applies; where none is valid, an <c>Invalid</c> or
    /// <c>NoValidCACertificate</c> policy still applies as a failure, so the traffic is refused rather than sent
    /// unverified. Conflicted policies and missing targets apply nowhere.
    /// </summary>
    public static List<BackendTlsSettings> Settings(List<PolicyState> states)
    {
        var applied = new Dictionary<(string Service, string? SectionName), BackendTlsSettings>();
        var ordered = states.OrderBy(s => s.Policy, Comparer<BackendTlsPolicy>.Create(ObjectNames.CompareByAge)).ToList();
        foreach (var state in ordered.Where(s => s.AcceptedProblem is null))
        {
            foreach (var target in state.Targets)
            {
                if (!applied.ContainsKey(target))
                {
                    applied[target] = SettingsOf(state, target, problem: null);
                }
            }
        }

        foreach (var state in ordered)
        {
            if (state.AcceptedProblem is not { } problem
                || (problem.Reason != BackendTlsPolicyConditionReason.Invalid.Value && problem.Reason != BackendTlsPolicyConditionReason.NoValidCACertificate.Value))
            {
                continue;
            }

            foreach (var target in state.Targets)
            {
                if (!applied.ContainsKey(target))
                {
                    applied[target] = SettingsOf(state, target, $"BackendTLSPolicy {state.Key} is not accepted ({problem.Reason}): {problem.Message}");
                }
            }
        }

        return [.. applied.OrderBy(a => a.Key.Service, StringComparer.Ordinal).ThenBy(a => a.Key.SectionName, StringComparer.Ordinal).Select(a => a.Value)];
    }

    private static BackendTlsSettings SettingsOf(PolicyState state, (string Service, string? SectionName) target, string? problem)
    {
        var validation = state.Policy.Spec.Validation;
        var (serviceName, port) = state.TargetServices[target];
        return new BackendTlsSettings
        {
            Policy = new NamespacedName(state.Namespace, state.Name),
            ServiceNamespace = state.Namespace,
            ServiceName = serviceName,
            Port = port,
            Hostname = validation?.Hostname ?? string.Empty,
            CaCertificates = state.CaBundles,
            SystemCaCertificates = validation?.WellKnownCACertificates?.Value == WellKnownCACertificatesType.System.Value,
            SubjectAltNames = [.. (validation?.SubjectAltNames ?? []).Where(n => n is not null).Select(n => n.Type?.Value == SubjectAltNameType.Uri.Value
                ? new BackendTlsSubjectAltName(SubjectAltNameType.Uri.Value, n.Uri ?? string.Empty)
                : new BackendTlsSubjectAltName(SubjectAltNameType.Hostname.Value, n.Hostname ?? string.Empty))],
            Options = state.Policy.Spec.Options is { Count: > 0 } options ? new Dictionary<string, string>(options, StringComparer.Ordinal) : new Dictionary<string, string>(),
            Problem = problem,
        };
    }

    private static void ResolveConflicts(List<PolicyState> states)
    {
        var winners = new Dictionary<(string Service, string? Section), PolicyState>();
        foreach (var state in states.Where(s => s.AcceptedProblem is null).OrderBy(s => s.Policy, Comparer<BackendTlsPolicy>.Create(ObjectNames.CompareByAge)))
        {
            foreach (var target in state.Targets)
            {
                if (winners.TryGetValue(target, out var winner) && winner != state)
                {
                    state.AcceptedProblem = (BackendTlsPolicyConditionReason.Conflicted.Value, $"BackendTLSPolicy {winner.Key} is older (or first by name) and targets the same {(target.SectionName is null ? "Service" : "port")} {target.Service}{(target.SectionName is null ? string.Empty : ":" + target.SectionName)}.");
                    break;
                }

                winners.TryAdd(target, state);
            }
        }
    }
}
