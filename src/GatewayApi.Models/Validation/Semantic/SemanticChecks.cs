using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayApi.Models.Validation.Rules;

namespace GatewayApi.Models.Validation.Semantic;

/// <summary>
/// Checks beyond the CRDs (<see cref="FieldErrorOrigin.Semantic"/>): what the former upstream validating webhook
/// (<c>apis/v1/validation</c>) rejected that no CRD rule covers, plus the RE2 syntax of user regular expressions.
/// The API server accepts objects that fail only these; Gateway implementations reject them in status.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>RegularExpression</c> match values must be in the RE2 subset of <see cref="Re2Syntax"/>.</item>
/// <item>Header match names that differ only in case are <em>not</em> reported: the retired webhook rejected them, but
/// v1.6.1 (<c>HTTPHeaderMatch.Name</c>) says the first MUST be used and later equivalent names MUST be ignored.</item>
/// <item>A header modifier must not act on one header twice across <c>set</c>, <c>add</c> and <c>remove</c>, ignoring case.</item>
/// <item>HTTPRoute and GRPCRoute <c>hostnames</c> must not be IP addresses (the CRD pattern admits dotted quads).</item>
/// </list>
/// </remarks>
internal static class SemanticChecks
{
    public const string MultipleHeaderActions = "cannot specify multiple actions for header";
    public const string HostnameIsIp = "must be a hostname, not an IP address";
    public const string InvalidRegexPrefix = "must be a valid RE2 regular expression: ";

    private static readonly string[] MethodFields = ["service", "method"];
    private static readonly string[] ModifierMembers = ["requestHeaderModifier", "responseHeaderModifier"];
    private static readonly string[] HeaderActions = ["add", "set", "remove"];

    /// <summary>Runs the checks for the object's kind (only HTTPRoute and GRPCRoute have any).</summary>
    public static void Run(string kind, JsonObject root, List<FieldError> errors)
    {
        if (root["spec"] is not JsonObject spec || kind is not ("HTTPRoute" or "GRPCRoute"))
        {
            return;
        }

        // Field paths are only formatted when something is reported.
        var grpc = kind == "GRPCRoute";
        CheckHostnames(spec, errors);
        var rules = spec["rules"] as JsonArray;
        for (var i = 0; rules is not null && i < rules.Count; i++)
        {
            if (rules[i] is not JsonObject rule)
            {
                continue;
            }

            var matches = rule["matches"] as JsonArray;
            for (var j = 0; matches is not null && j < matches.Count; j++)
            {
                if (matches[j] is not JsonObject match)
                {
                    continue;
                }

                if (grpc)
                {
                    CheckGrpcMethod(match["method"], i, j, errors);
                }
                else
                {
                    CheckRegex(match["path"], i, j, "path", -1, errors);
                    var queryParams = match["queryParams"] as JsonArray;
                    for (var k = 0; queryParams is not null && k < queryParams.Count; k++)
                    {
                        CheckRegex(queryParams[k], i, j, "queryParams", k, errors);
                    }
                }

                var headers = match["headers"] as JsonArray;
                for (var k = 0; headers is not null && k < headers.Count; k++)
                {
                    CheckRegex(headers[k], i, j, "headers", k, errors);
                }
            }

            CheckFilters(rule["filters"], i, -1, errors);
            var backends = rule["backendRefs"] as JsonArray;
            for (var k = 0; backends is not null && k < backends.Count; k++)
            {
                CheckFilters(backends[k]?["filters"], i, k, errors);
            }
        }
    }

    private static void CheckHostnames(JsonObject spec, List<FieldError> errors)
    {
        var hostnames = spec["hostnames"] as JsonArray;
        for (var i = 0; hostnames is not null && i < hostnames.Count; i++)
        {
            if (Text(hostnames[i]) is { Length: > 0 } text && (char.IsAsciiHexDigit(text[^1]) || text.Contains(':', StringComparison.Ordinal)) && GoNet.IsCelIP(text))
            {
                Add(errors, FieldErrorType.Invalid, $"spec.hostnames[{i}]", text, HostnameIsIp);
            }
        }
    }

    private static void CheckRegex(JsonNode? match, int rule, int matchIndex, string member, int item, List<FieldError> errors)
    {
        if (Text(match?["type"]) == "RegularExpression" && Text(match?["value"]) is { } pattern && Re2Syntax.Check(pattern) is { } problem)
        {
            var path = $"spec.rules[{rule}].matches[{matchIndex}].{member}" + (item >= 0 ? $"[{item}]" : string.Empty);
            Add(errors, FieldErrorType.Invalid, path + ".value", pattern, InvalidRegexPrefix + problem);
        }
    }

    private static void CheckGrpcMethod(JsonNode? method, int rule, int matchIndex, List<FieldError> errors)
    {
        if (Text(method?["type"]) != "RegularExpression")
        {
            return;
        }

        foreach (var field in MethodFields)
        {
            if (Text(method?[field]) is { } pattern && Re2Syntax.Check(pattern) is { } problem)
            {
                Add(errors, FieldErrorType.Invalid, $"spec.rules[{rule}].matches[{matchIndex}].method.{field}", pattern, InvalidRegexPrefix + problem);
            }
        }
    }

    private static void CheckFilters(JsonNode? filters, int rule, int backend, List<FieldError> errors)
    {
        if (filters is not JsonArray list)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            foreach (var member in ModifierMembers)
            {
                if (list[i]?[member] is JsonObject modifier)
                {
                    CheckHeaderActions(modifier, rule, backend, i, member, errors);
                }
            }
        }
    }

    // The webhook's order: add, then set, then remove; the second action on a name is the error.
    private static void CheckHeaderActions(JsonObject modifier, int rule, int backend, int filter, string member, List<FieldError> errors)
    {
        HashSet<string>? seen = null;
        foreach (var action in HeaderActions)
        {
            if (modifier[action] is not JsonArray entries)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var name = action == "remove" ? Text(entry) : Text(entry?["name"]);
                if (name is not null && !(seen ??= new(StringComparer.OrdinalIgnoreCase)).Add(name))
                {
                    var owner = backend >= 0 ? $"spec.rules[{rule}].backendRefs[{backend}].filters[{filter}]" : $"spec.rules[{rule}].filters[{filter}]";
                    Add(errors, FieldErrorType.Invalid, $"{owner}.{member}.{action}", name, MultipleHeaderActions);
                }
            }
        }
    }

    private static string? Text(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static void Add(List<FieldError> errors, FieldErrorType type, string field, object? value, string detail)
        => errors.Add(new FieldError { Type = type, Field = field, BadValue = value, Detail = detail, Origin = FieldErrorOrigin.Semantic });
}
