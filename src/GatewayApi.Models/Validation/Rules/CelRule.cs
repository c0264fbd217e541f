using System.Text.Json.Nodes;

namespace GatewayApi.Models.Validation.Rules;

/// <summary>
/// One <c>x-kubernetes-validations</c> rule of the v1.6.1 CRDs, implemented by hand in C#: its catalogue id
/// (<c>R1</c>–<c>R100</c>, as in the validation digest), its message verbatim, and a predicate over the JSON
/// node the rule is declared on (<c>self</c>) and, for transition rules, the old value (<c>oldSelf</c>).
/// </summary>
/// <remarks>
/// The predicate returns the rule's boolean result or throws <see cref="CelEvaluationException"/> where CEL
/// would report an evaluation error (typically <c>no such key</c>); the validator then reports
/// <c>&lt;error&gt; evaluating rule: &lt;message&gt;</c> as the API server does.
/// </remarks>
internal sealed class CelRule
{
    public CelRule(string id, string message, Func<CelContext, bool> check)
    {
        Id = id;
        Message = message;
        Check = check;
    }

    /// <summary>The catalogue id, <c>R1</c> to <c>R100</c>.</summary>
    public string Id { get; }

    /// <summary>The rule's <c>message</c>, verbatim.</summary>
    public string Message { get; }

    /// <summary>Whether the rule reads <c>oldSelf</c> (it then runs only on update, when an old value exists).</summary>
    public bool IsTransition { get; init; }

    /// <summary>
    /// The rule's <c>fieldPath</c> (a relative JSON path such as <c>.spec.port</c>), when the CRD sets one; the
    /// error is then reported there instead of at the node. No v1.6.1 rule sets it; supported for fidelity.
    /// </summary>
    public string? FieldPath { get; init; }

    /// <summary>The rule's <c>reason</c> (<c>FieldValueInvalid</c> when absent, as in the API server).</summary>
    public string? Reason { get; init; }

    /// <summary>The predicate: true when the rule holds.</summary>
    public Func<CelContext, bool> Check { get; }

    public override string ToString() => $"{Id}: {Message}";
}

/// <summary>What a rule sees: <c>self</c> and, for transition rules on update, <c>oldSelf</c>.</summary>
internal readonly record struct CelContext(JsonNode Self, JsonNode? OldSelf);

/// <summary>A CEL evaluation error (not a false result), with the text cel-go would produce.</summary>
internal sealed class CelEvaluationException(string message) : Exception(message)
{
    public static CelEvaluationException NoSuchKey(string field) => new("no such key: " + field);

    public static CelEvaluationException NoSuchOverload() => new("no such overload");
}
