namespace GatewayApi.Models.Validation;

/// <summary>
/// Why a field is invalid: the Kubernetes <c>field.ErrorType</c> set, with the same meaning and the same
/// rendering in <see cref="FieldError.ToString"/>.
/// </summary>
public enum FieldErrorType
{
    /// <summary>A required field is absent (<c>Required value</c>).</summary>
    Required,

    /// <summary>The value is malformed or breaks a rule (<c>Invalid value</c>).</summary>
    Invalid,

    /// <summary>A string is longer than its <c>maxLength</c> (<c>Too long</c>; the value is not shown).</summary>
    TooLong,

    /// <summary>A list or map has more entries than allowed (<c>Too many</c>).</summary>
    TooMany,

    /// <summary>The value is not one of an enumeration (<c>Unsupported value</c>).</summary>
    NotSupported,

    /// <summary>The value is well-formed but not allowed here (<c>Forbidden</c>).</summary>
    Forbidden,

    /// <summary>A value or list key that must be unique appears twice (<c>Duplicate value</c>).</summary>
    Duplicate,

    /// <summary>The JSON type or the <c>format</c> is wrong (rendered <c>Invalid value</c>, like the API server).</summary>
    TypeInvalid,
}
