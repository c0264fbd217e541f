using System.Text;

namespace GatewayApi.Models.Validation;

/// <summary>
/// One violation, shaped like a Kubernetes <c>field.Error</c>: what kind of error, where (in the API server's
/// path notation, for example <c>spec.rules[0].matches[0].path.value</c>), the offending value and the detail.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> renders exactly as the API server does in a 422 <c>Invalid</c> response, for example
/// <c>spec.parentRefs: Too many: 33: must have at most 32 items</c> or
/// <c>spec.listeners: Invalid value: "array": tls mode must be set for protocol TLS</c>.
/// </remarks>
public sealed record FieldError
{
    /// <summary>Why the field is invalid.</summary>
    public required FieldErrorType Type { get; init; }

    /// <summary>The field path in API server notation: dotted names, <c>[i]</c> for list items, <c>[key]</c> for map entries.</summary>
    public required string Field { get; init; }

    /// <summary>
    /// The offending value as the API server reports it: the string or integer itself, the item count for
    /// <see cref="FieldErrorType.TooMany"/>, the schema type name (<c>"object"</c>, <c>"array"</c>, ...) for
    /// CEL rule errors, the list-map key fields (a dictionary) for a duplicate list-map entry; <see langword="null"/>
    /// where no value is shown.
    /// </summary>
    public object? BadValue { get; init; }

    /// <summary>The explanation: the OpenAPI message, the CEL rule's message verbatim, or the semantic check's text.</summary>
    public required string Detail { get; init; }

    /// <summary>Which layer found the error: the CRD schema, a CEL rule, or a check beyond the CRDs.</summary>
    public required FieldErrorOrigin Origin { get; init; }

    /// <summary>The error as the API server writes it: <c>&lt;field&gt;: &lt;type&gt;[: &lt;value&gt;][: &lt;detail&gt;]</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Field.Length + Detail.Length + 32);
        builder.Append(Field).Append(": ");
        switch (Type)
        {
            case FieldErrorType.Required:
                builder.Append("Required value");
                break;
            case FieldErrorType.Forbidden:
                builder.Append("Forbidden");
                break;
            case FieldErrorType.TooLong:
                builder.Append("Too long");
                break;
            case FieldErrorType.TooMany when BadValue is null:
                builder.Append("Too many");
                break;
            default:
                builder.Append(TypeText(Type)).Append(": ");
                GoFormat.AppendValue(builder, BadValue);
                break;
        }

        if (Detail.Length > 0)
        {
            builder.Append(": ").Append(Detail);
        }

        return builder.ToString();
    }

    private static string TypeText(FieldErrorType type) => type switch
    {
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.Duplicate => "Duplicate value",
        _ => "Invalid value",
    };
}
