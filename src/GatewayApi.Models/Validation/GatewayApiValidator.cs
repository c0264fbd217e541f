using System.Text.Json.Nodes;
using GatewayApi.Models.Serialization;
using GatewayApi.Models.Validation.Schema;
using GatewayApi.Models.Validation.Semantic;

namespace GatewayApi.Models.Validation;

/// <summary>
/// Answers "would the API server, with the Gateway API v1.6.1 CRDs of this channel installed, accept this
/// object?" offline, with the API server's own field errors, and adds the checks a Gateway implementation
/// makes beyond the CRDs (<see cref="FieldErrorOrigin.Semantic"/>).
/// </summary>
/// <remarks>
/// <para>
/// The object goes through the API server's steps (validation digest §1): fields the channel's schema does not
/// declare are pruned (reported as <see cref="ValidationResult.Warnings"/>), JSON nulls dropped, schema defaults
/// applied, then every OpenAPI constraint and every CEL rule is checked. Every violation is returned.
/// </para>
/// <para>
/// Accepted inputs: any Gateway API model (<see cref="HttpRoute"/>, <see cref="Gateway"/>, ...), an
/// <see cref="UnknownObject"/>, a <see cref="JsonObject"/>, <see cref="System.Text.Json.JsonElement"/> or
/// <see cref="System.Text.Json.JsonDocument"/>. The input is never modified.
/// </para>
/// </remarks>
public static class GatewayApiValidator
{
    /// <summary>Validates an object as the API server would on create.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="channel">The release channel whose CRDs are installed.</param>
    public static ValidationResult Validate(object obj, ReleaseChannel channel)
    {
        var json = ObjectJson.ToJsonObject(obj, nameof(obj));
        return ValidateCore(json, null, channel);
    }

    /// <summary>
    /// Validates an update: everything <see cref="Validate(object, ReleaseChannel)"/> checks, plus the transition
    /// rules (rules reading <c>oldSelf</c>, such as an immutable <c>controllerName</c>), which compare each value
    /// with the same field of the old object.
    /// </summary>
    /// <param name="newObj">The object after the update.</param>
    /// <param name="oldObj">The object as stored before the update.</param>
    /// <param name="channel">The release channel whose CRDs are installed.</param>
    public static ValidationResult Validate(object newObj, object oldObj, ReleaseChannel channel)
    {
        var json = ObjectJson.ToJsonObject(newObj, nameof(newObj));
        var old = ObjectJson.ToJsonObject(oldObj, nameof(oldObj));
        return ValidateCore(json, old, channel);
    }

    internal static ValidationResult ValidateCore(JsonObject json, JsonObject? old, ReleaseChannel channel)
    {
        var errors = new List<FieldError>();
        var schema = ResolveKind(json, channel, errors);
        if (schema is null)
        {
            return new ValidationResult { Errors = errors, Warnings = [] };
        }

        var warnings = new List<string>();
        Structural.PruneAndDefault(json, schema.Root, new FieldPathBuilder(), warnings, prune: true);
        if (old is not null)
        {
            Structural.PruneAndDefault(old, schema.Root, new FieldPathBuilder(), warnings: null, prune: true);
        }

        new SchemaValidator(errors).ValidateRoot(json, schema.Root, old);
        SemanticChecks.Run(schema.Kind, json, errors);
        return errors.Count == 0 && warnings.Count == 0
            ? ValidationResult.Valid
            : new ValidationResult { Errors = Deduplicate(errors), Warnings = warnings };
    }

    /// <summary>
    /// Finds the schema for the object's <c>apiVersion</c> and <c>kind</c>; a kind the channel does not have, or a
    /// version it does not serve, is reported the way <c>kubectl</c> reports a failed REST mapping.
    /// </summary>
    internal static KindSchema? ResolveKind(JsonObject json, ReleaseChannel channel, List<FieldError> errors)
    {
        var apiVersion = ObjectJson.StringProperty(json, "apiVersion");
        var kind = ObjectJson.StringProperty(json, "kind");
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            foreach (var (name, value) in new[] { ("apiVersion", apiVersion), ("kind", kind) })
            {
                if (string.IsNullOrEmpty(value))
                {
                    errors.Add(new FieldError { Type = FieldErrorType.Required, Field = name, Detail = string.Empty, Origin = FieldErrorOrigin.Schema });
                }
            }

            return null;
        }

        var (group, version) = GatewayApiKinds.SplitApiVersion(apiVersion);
        var schema = GatewayApiSchemas.Find(channel, group, kind, version);
        if (schema is { Served: true })
        {
            return schema;
        }

        var detail = $"no matches for kind \"{kind}\" in version \"{apiVersion}\"";
        var knownKind = GatewayApiSchemas.For(channel).Any(s => s.Kind == kind && s.Group == group);
        errors.Add(new FieldError
        {
            Type = FieldErrorType.Invalid,
            Field = knownKind ? "apiVersion" : "kind",
            BadValue = knownKind ? apiVersion : kind,
            Detail = detail,
            Origin = FieldErrorOrigin.Schema,
        });
        return null;
    }

    // The API server drops identical messages when it aggregates field errors.
    private static List<FieldError> Deduplicate(List<FieldError> errors)
    {
        if (errors.Count < 2)
        {
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<FieldError>(errors.Count);
        foreach (var error in errors)
        {
            if (seen.Add(error.ToString()))
            {
                unique.Add(error);
            }
        }

        return unique;
    }
}
