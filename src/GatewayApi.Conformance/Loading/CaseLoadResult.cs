using GatewayApi.Conformance.Definitions;

namespace GatewayApi.Conformance.Loading;

/// <summary>The cases that loaded and an error for each file that did not.</summary>
/// <param name="Cases">The loaded cases, sorted by name.</param>
/// <param name="Errors">One error per malformed file (or duplicate name).</param>
public sealed record CaseLoadResult(IReadOnlyList<ConformanceCase> Cases, IReadOnlyList<CaseFileException> Errors)
{
    /// <summary>Returns the cases, or throws an <see cref="AggregateException"/> of every error when any file was malformed.</summary>
    public IReadOnlyList<ConformanceCase> CasesOrThrow() =>
        Errors.Count == 0 ? Cases : throw new AggregateException("Some conformance case files are malformed:\n" + string.Join("\n", Errors.Select(error => error.Message)), Errors);
}
