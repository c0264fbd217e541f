namespace GatewayApi.Models.Validation;

/// <summary>Which layer of validation produced a <see cref="FieldError"/>.</summary>
public enum FieldErrorOrigin
{
    /// <summary>
    /// An OpenAPI constraint of the CRD schema (type, required, length, pattern, format, enumeration, item and
    /// property counts, bounds, list-type uniqueness) or a kind/version the channel does not serve.
    /// </summary>
    Schema,

    /// <summary>An <c>x-kubernetes-validations</c> (CEL) rule of the CRD; the detail is the rule's message, verbatim.</summary>
    Rule,

    /// <summary>
    /// A check beyond what the API server enforces (documented in <c>docs/validation.md</c>): what the former
    /// upstream validating webhook rejected, and the RE2 syntax of user-supplied regular expressions. The
    /// API server would accept an object that fails only these.
    /// </summary>
    Semantic,
}
