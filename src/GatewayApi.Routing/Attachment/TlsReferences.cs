using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GatewayApi.Models;
using GatewayApi.Routing.ReferenceGrants;
using k8s.Models;

namespace GatewayApi.Routing.Attachment;

/// <summary>The outcome of checking one TLS-related reference (certificate, CA bundle, client certificate).</summary>
/// <param name="Reason">Null when the reference is valid; otherwise the condition reason it causes.</param>
/// <param name="Message">A sentence naming the reference and what is wrong (or that it resolved).</param>
/// <param name="DnsNames">The DNS names of a valid serving certificate (for overlap detection).</param>
internal readonly record struct ReferenceCheck(string? Reason, string Message, IReadOnlyList<string> DnsNames)
{
    public bool IsValid => Reason is null;
}

/// <summary>
/// Resolves the TLS references of Gateways and ListenerSets (listener <c>certificateRefs</c>, frontend
/// <c>caCertificateRefs</c>, backend <c>clientCertificateRef</c>) and of BackendTLSPolicies (<c>caCertificateRefs</c>).
/// </summary>
/// <remarks>
/// Checks, in order: the kind is supported, a cross-namespace reference is permitted by a ReferenceGrant, the object
/// exists, its data is usable. A reference that is not permitted is reported as <c>RefNotPermitted</c> before anything
/// that would reveal whether the target exists (<c>attachment-and-status.md</c> §5.4, §7).
/// </remarks>
internal static class TlsReferences
{
    private const string TlsCertificateKey = "tls.crt";
    private const string TlsPrivateKeyKey = "tls.key";
    private const string CaCertificateKey = "ca.crt";

    /// <summary>A listener certificateRef or the Gateway's backend client certificate: a core Secret with a certificate and key.</summary>
    public static ReferenceCheck CheckSecretRef(EngineContext context, SecretObjectReference reference, ReferenceFrom from, string invalidReason, string notPermittedReason)
    {
        var kind = new GroupKind(reference.Group ?? string.Empty, reference.Kind ?? GroupKind.Secret.Kind);
        var targetNamespace = string.IsNullOrEmpty(reference.Namespace) ? from.Namespace : reference.Namespace;
        var display = $"{kind} {targetNamespace}/{reference.Name}";
        if (kind != GroupKind.Secret)
        {
            return new(invalidReason, $"The certificate reference to {display} is not supported: only core Secrets are.", []);
        }

        if (!IsPermitted(context, from, new ReferenceTo(kind.Group, kind.Kind, targetNamespace, reference.Name ?? string.Empty), out var why))
        {
            return new(notPermittedReason, $"The certificate reference to Secret {targetNamespace}/{reference.Name} is not permitted: {why}", []);
        }

        var secret = context.Snapshot.FindSecret(targetNamespace, reference.Name);
        if (secret is null)
        {
            return new(invalidReason, $"Secret {targetNamespace}/{reference.Name} does not exist.", []);
        }

        var certificate = ReadText(secret, TlsCertificateKey);
        var key = ReadText(secret, TlsPrivateKeyKey);
        if (string.IsNullOrWhiteSpace(certificate) || string.IsNullOrWhiteSpace(key))
        {
            return new(invalidReason, $"Secret {targetNamespace}/{reference.Name} lacks '{TlsCertificateKey}' or '{TlsPrivateKeyKey}'.", []);
        }

        if (!context.Options.ValidateCertificateData)
        {
            return new(null, $"Secret {targetNamespace}/{reference.Name} resolved.", []);
        }

        if (!context.ParsedTlsData.TryGetValue(secret, out var parsed))
        {
            try
            {
                using var pair = X509Certificate2.CreateFromPem(certificate, key);
                parsed = (true, DnsNames(pair));
            }
            catch (CryptographicException)
            {
                parsed = (false, []);
            }

            context.ParsedTlsData[secret] = parsed;
        }

        return parsed.Valid
            ? new(null, $"Secret {targetNamespace}/{reference.Name} resolved.", parsed.DnsNames)
            : new(invalidReason, $"Secret {targetNamespace}/{reference.Name} does not hold a valid PEM certificate and private key.", []);
    }

    /// <summary>A frontend (client-certificate validation) CA reference: a core ConfigMap with a PEM bundle under <c>ca.crt</c>.</summary>
    public static ReferenceCheck CheckFrontendCaRef(EngineContext context, ObjectReference reference, ReferenceFrom from)
    {
        var kind = new GroupKind(reference.Group ?? string.Empty, reference.Kind ?? string.Empty);
        var targetNamespace = string.IsNullOrEmpty(reference.Namespace) ? from.Namespace : reference.Namespace;
        if (kind != GroupKind.ConfigMap)
        {
            return new(ListenerConditionReason.InvalidCaCertificateKind.Value, $"The CA certificate reference to {kind} {targetNamespace}/{reference.Name} is not supported: only core ConfigMaps are.", []);
        }

        if (!IsPermitted(context, from, new ReferenceTo(kind.Group, kind.Kind, targetNamespace, reference.Name ?? string.Empty), out var why))
        {
            return new(ListenerConditionReason.RefNotPermitted.Value, $"The CA certificate reference to ConfigMap {targetNamespace}/{reference.Name} is not permitted: {why}", []);
        }

        return CheckCaBundle(context, targetNamespace, reference.Name, ListenerConditionReason.InvalidCaCertificateRef.Value);
    }

    /// <summary>A BackendTLSPolicy CA reference, always in the policy's namespace.</summary>
    public static ReferenceCheck CheckPolicyCaRef(EngineContext context, LocalObjectReference reference, string policyNamespace)
    {
        var kind = new GroupKind(reference.Group ?? string.Empty, reference.Kind ?? string.Empty);
        if (kind != GroupKind.ConfigMap)
        {
            return new(BackendTlsPolicyConditionReason.InvalidKind.Value, $"The CA certificate reference to {kind} {policyNamespace}/{reference.Name} is not supported: only core ConfigMaps are.", []);
        }

        return CheckCaBundle(context, policyNamespace, reference.Name, BackendTlsPolicyConditionReason.InvalidCACertificateRef.Value);
    }

    /// <summary>Same namespace, or a permitting grant; the explanation is built only for refusals.</summary>
    private static bool IsPermitted(EngineContext context, ReferenceFrom from, ReferenceTo to, out string? why)
    {
        why = null;
        if (from.Namespace == to.Namespace || context.Grants.FindGrant(from, to) is not null)
        {
            return true;
        }

        why = context.Grants.Resolve(from, to).Explanation;
        return false;
    }

    private static ReferenceCheck CheckCaBundle(EngineContext context, string @namespace, string? name, string invalidReason)
    {
        var configMap = context.Snapshot.FindConfigMap(@namespace, name);
        if (configMap is null)
        {
            return new(invalidReason, $"ConfigMap {@namespace}/{name} does not exist.", []);
        }

        var bundle = ReadCaBundle(configMap);

        if (string.IsNullOrWhiteSpace(bundle))
        {
            return new(invalidReason, $"ConfigMap {@namespace}/{name} has no '{CaCertificateKey}'.", []);
        }

        if (context.Options.ValidateCertificateData && !context.ParsedTlsData.TryGetValue(configMap, out _))
        {
            var collection = new X509Certificate2Collection();
            try
            {
                collection.ImportFromPem(bundle);
            }
            catch (CryptographicException)
            {
                collection.Clear();
            }

            var valid = collection.Count > 0;
            foreach (var certificate in collection)
            {
                certificate.Dispose();
            }

            context.ParsedTlsData[configMap] = (valid, []);
        }

        if (context.ParsedTlsData.TryGetValue(configMap, out var bundleCheck) && !bundleCheck.Valid)
        {
            return new(invalidReason, $"ConfigMap {@namespace}/{name} does not hold a PEM CA certificate under '{CaCertificateKey}'.", []);
        }

        return new(null, $"ConfigMap {@namespace}/{name} resolved.", []);
    }

    /// <summary>The <c>ca.crt</c> text of a ConfigMap (from <c>data</c>, else <c>binaryData</c>), or null.</summary>
    public static string? ReadCaBundle(V1ConfigMap? configMap)
    {
        if (configMap?.Data is not null && configMap.Data.TryGetValue(CaCertificateKey, out var text))
        {
            return text;
        }

        return configMap?.BinaryData is not null && configMap.BinaryData.TryGetValue(CaCertificateKey, out var bytes) && bytes is not null
            ? Encoding.UTF8.GetString(bytes)
            : null;
    }

    private static string? ReadText(V1Secret secret, string key)
    {
        if (secret.Data is not null && secret.Data.TryGetValue(key, out var bytes) && bytes is not null)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return secret.StringData is not null && secret.StringData.TryGetValue(key, out var text) ? text : null;
    }

    private static List<string> DnsNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension alternativeNames)
            {
                names.AddRange(alternativeNames.EnumerateDnsNames());
            }
            else if (extension.Oid?.Value == "2.5.29.17")
            {
                names.AddRange(new X509SubjectAlternativeNameExtension(extension.RawData).EnumerateDnsNames());
            }
        }

        return names;
    }
}
