namespace GatewayApi.Conformance.Loading;

/// <summary>A case file that cannot be loaded: where (source, line, column, field path) and what is wrong.</summary>
public sealed class CaseFileException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="source">The case file (resource name or path).</param>
    /// <param name="line">The 1-based line, or 0 when unknown.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    /// <param name="fieldPath">The field path, for example <c>requests[1].expect.statusCode</c>.</param>
    /// <param name="detail">What is wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public CaseFileException(string source, int line, int column, string fieldPath, string detail, Exception? innerException = null)
        : base(Format(source, line, column, fieldPath, detail), innerException)
    {
        Source = source;
        Line = line;
        Column = column;
        FieldPath = fieldPath;
        Detail = detail;
    }

    /// <summary>The case file (resource name or path).</summary>
    public new string Source { get; }

    /// <summary>The 1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The field path (empty for the whole file).</summary>
    public string FieldPath { get; }

    /// <summary>What is wrong.</summary>
    public string Detail { get; }

    private static string Format(string source, int line, int column, string fieldPath, string detail)
    {
        var where = line > 0 ? $"{source}:{line}:{column}" : source;
        return fieldPath.Length == 0 ? $"{where}: {detail}" : $"{where}: {fieldPath}: {detail}";
    }
}
