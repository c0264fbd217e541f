using System.Globalization;
using System.Text;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// A manifest could not be read: says which document of which source, where in it (line and column when
/// known, and the field path), and what is wrong.
/// </summary>
public sealed class ManifestException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="detail">What is wrong, in words, without the location.</param>
    /// <param name="location">Where.</param>
    /// <param name="fieldPath">The field path in the API server's notation, when the error is about a field.</param>
    /// <param name="innerException">The underlying parser error, if any.</param>
    public ManifestException(ManifestErrorKind kind, string detail, ManifestLocation location, string? fieldPath = null, Exception? innerException = null)
        : base(Format(detail, location, fieldPath), innerException)
    {
        ErrorKind = kind;
        Detail = detail;
        Location = location;
        FieldPath = string.IsNullOrEmpty(fieldPath) ? null : fieldPath;
    }

    /// <summary>What went wrong.</summary>
    public ManifestErrorKind ErrorKind { get; }

    /// <summary>What is wrong, in words, without the location.</summary>
    public string Detail { get; }

    /// <summary>Where: the source, the document's index in it, the line and column when known.</summary>
    public ManifestLocation Location { get; }

    /// <summary>The field path in the API server's notation (<c>spec.rules[0].matches[0].path.type</c>), when the error is about a field.</summary>
    public string? FieldPath { get; }

    private static string Format(string detail, ManifestLocation location, string? fieldPath)
    {
        var message = new StringBuilder(location.ToString());
        message.Append(": ");
        if (!string.IsNullOrEmpty(fieldPath))
        {
            message.Append(fieldPath).Append(": ");
        }

        return message.Append(detail).ToString();
    }
}

/// <summary>Where a document, or a place in it, is in its source.</summary>
/// <param name="Source">The file name or other source name given to the reader; null when none was given.</param>
/// <param name="DocumentIndex">The document's 0-based index in the source (YAML documents separated by <c>---</c>).</param>
/// <param name="Line">The 1-based line in the source, when known.</param>
/// <param name="Column">The 1-based column in the source, when known.</param>
public readonly record struct ManifestLocation(string? Source, int DocumentIndex, int? Line = null, int? Column = null)
{
    /// <summary><c>source:line:column (document N)</c>, leaving out what is not known.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Source ?? "<input>");
        if (Line is { } line)
        {
            text.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
            if (Column is { } column)
            {
                text.Append(':').Append(column.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.Append(" (document ").Append((DocumentIndex + 1).ToString(CultureInfo.InvariantCulture)).Append(')').ToString();
    }
}
