using System.Collections.Frozen;
using GatewayApi.Models;
using GatewayApi.Routing.Snapshots;

namespace GatewayApi.Routing.ReferenceGrants;

/// <summary>The object that holds a reference: its group, kind and namespace.</summary>
/// <param name="Group">The referrer's API group, for example <c>gateway.networking.k8s.io</c>.</param>
/// <param name="Kind">The referrer's kind, for example <c>HTTPRoute</c>, <c>Gateway</c> or <c>ListenerSet</c>.</param>
/// <param name="Namespace">The referrer's namespace.</param>
public readonly record struct ReferenceFrom(string Group, string Kind, string Namespace);

/// <summary>The object a reference points to.</summary>
/// <param name="Group">The target's API group; <c>""</c> for core kinds.</param>
/// <param name="Kind">The target's kind, for example <c>Service</c> or <c>Secret</c>.</param>
/// <param name="Namespace">The target's namespace (the referrer's own when the reference names none).</param>
/// <param name="Name">The target's name.</param>
public readonly record struct ReferenceTo(string Group, string Kind, string Namespace, string Name);

/// <summary>The answer of <see cref="ReferenceGrantResolver.Resolve"/>.</summary>
public sealed record ReferenceGrantDecision
{
    /// <summary>Whether the reference may be followed.</summary>
    public required bool Allowed { get; init; }

    /// <summary>Whether referrer and target share a namespace, in which case no grant is needed.</summary>
    public required bool SameNamespace { get; init; }

    /// <summary>The grant that allowed a cross-namespace reference (the first by name in the target namespace); null otherwise.</summary>
    public ReferenceGrant? Grant { get; init; }

    /// <summary>One sentence saying why, for status messages and explanations.</summary>
    public required string Explanation { get; init; }
}

/// <summary>
/// Answers whether a reference from one namespace to another is permitted by a ReferenceGrant, and which grant
/// permits it. Used for backendRefs, certificateRefs, caCertificateRefs, client certificates and any
/// implementation-specific reference.
/// </summary>
/// <remarks>
/// <para>Spec (<c>attachment-and-status.md</c> §5.2; upstream <c>apis/v1beta1/referencegrant_types.go</c>,
/// <c>site/content/en/reference/api-types/referencegrant.md</c>): a reference from (group gF, kind kF, namespace nF) to
/// (group gT, kind kT, namespace nT, name t) with nT ≠ nF is permitted iff some ReferenceGrant in namespace nT has a
/// <c>from</c> entry equal to (gF, kF, nF) and a <c>to</c> entry with group gT, kind kT and no name or name t. All
/// comparisons are exact; the core group is <c>""</c>. Same-namespace references never need a grant.</para>
/// <para>Route-to-parent references never go through a grant (the handshake is <c>allowedRoutes</c>); callers do not ask.</para>
/// </remarks>
public sealed class ReferenceGrantResolver
{
    // Grants indexed by (target namespace, target group, target kind), each list sorted by grant name.
    private readonly FrozenDictionary<(string Namespace, string Group, string Kind), GrantEntry[]> _byTarget;

    /// <summary>Indexes the grants.</summary>
    /// <param name="grants">The ReferenceGrants of the cluster, in any order.</param>
    public ReferenceGrantResolver(IEnumerable<ReferenceGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        var index = new Dictionary<(string, string, string), List<GrantEntry>>();
        foreach (var grant in grants.OrderBy(ObjectNames.KeyOf, StringComparer.Ordinal))
        {
            var @namespace = ObjectNames.NamespaceOf(grant);
            var from = (grant.Spec.From ?? [])
                .Select(f => (f.Group ?? string.Empty, f.Kind ?? string.Empty, f.Namespace ?? string.Empty))
                .ToFrozenSet();
            foreach (var to in grant.Spec.To ?? [])
            {
                var key = (@namespace, to.Group ?? string.Empty, to.Kind ?? string.Empty);
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }

                list.Add(new GrantEntry(grant, from, string.IsNullOrEmpty(to.Name) ? null : to.Name));
            }
        }

        _byTarget = index.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>A resolver without grants: only same-namespace references are allowed.</summary>
    public static ReferenceGrantResolver Empty { get; } = new([]);

    /// <summary>Decides whether <paramref name="from"/> may refer to <paramref name="to"/>.</summary>
    /// <param name="from">The referrer.</param>
    /// <param name="to">The target.</param>
    public ReferenceGrantDecision Resolve(ReferenceFrom from, ReferenceTo to)
    {
        if (string.Equals(from.Namespace, to.Namespace, StringComparison.Ordinal))
        {
            return new ReferenceGrantDecision
            {
                Allowed = true,
                SameNamespace = true,
                Explanation = $"{to.Kind} {to.Namespace}/{to.Name} is in the referrer's own namespace; no ReferenceGrant is needed.",
            };
        }

        var grant = FindGrant(from, to);
        return grant is null
            ? new ReferenceGrantDecision
            {
                Allowed = false,
                SameNamespace = false,
                Explanation = $"no ReferenceGrant in namespace '{to.Namespace}' allows {from.Kind} objects from namespace '{from.Namespace}' to refer to {to.Kind} '{to.Name}'.",
            }
            : new ReferenceGrantDecision
            {
                Allowed = true,
                SameNamespace = false,
                Grant = grant,
                Explanation = $"ReferenceGrant {to.Namespace}/{grant.Metadata?.Name} allows {from.Kind} objects from namespace '{from.Namespace}' to refer to {to.Kind} '{to.Name}'.",
            };
    }

    /// <summary>Whether <paramref name="from"/> may refer to <paramref name="to"/>.</summary>
    /// <param name="from">The referrer.</param>
    /// <param name="to">The target.</param>
    public bool IsAllowed(ReferenceFrom from, ReferenceTo to)
        => string.Equals(from.Namespace, to.Namespace, StringComparison.Ordinal) || FindGrant(from, to) is not null;

    /// <summary>The permitting grant of a cross-namespace reference (null when none), without building an explanation.</summary>
    internal ReferenceGrant? FindGrant(ReferenceFrom from, ReferenceTo to)
    {
        if (!_byTarget.TryGetValue((to.Namespace, to.Group, to.Kind), out var entries))
        {
            return null;
        }

        foreach (var entry in entries)
        {
            if ((entry.Name is null || string.Equals(entry.Name, to.Name, StringComparison.Ordinal))
                && entry.From.Contains((from.Group, from.Kind, from.Namespace)))
            {
                return entry.Grant;
            }
        }

        return null;
    }

    private sealed record GrantEntry(ReferenceGrant Grant, FrozenSet<(string Group, string Kind, string Namespace)> From, string? Name);
}
