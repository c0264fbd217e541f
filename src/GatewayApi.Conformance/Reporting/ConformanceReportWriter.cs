using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GatewayApi.Conformance.Reporting;

/// <summary>
/// Writes a <see cref="ConformanceReport"/> as upstream's suite does (<c>sigs.k8s.io/yaml</c>): keys in alphabetical
/// order at every level, two-space indentation, list items at their key's column, empty optional lists left out.
/// </summary>
public static partial class ConformanceReportWriter
{
    /// <summary>Returns the report as YAML text.</summary>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentException">An implementation field is empty (upstream refuses to write such a report).</exception>
    public static string ToYaml(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var implementation = report.Implementation;
        foreach (var (field, value) in new[] { ("organization", implementation.Organization), ("project", implementation.Project), ("url", implementation.Url), ("version", implementation.Version) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"implementation's {field} cannot be empty", nameof(report));
            }
        }

        if (implementation.Contact.Count == 0 || implementation.Contact.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("implementation's contact cannot be empty", nameof(report));
        }

        var text = new StringBuilder();
        Scalar(text, 0, "apiVersion", report.ApiVersion);
        Scalar(text, 0, "date", report.Date);
        Scalar(text, 0, "gatewayAPIChannel", report.GatewayApiChannel);
        Scalar(text, 0, "gatewayAPIVersion", report.GatewayApiVersion);
        text.Append("implementation:\n");
        List(text, 2, "contact", implementation.Contact, always: true);
        Scalar(text, 2, "organization", implementation.Organization);
        Scalar(text, 2, "project", implementation.Project);
        Scalar(text, 2, "url", implementation.Url);
        Scalar(text, 2, "version", implementation.Version);
        Scalar(text, 0, "kind", report.Kind);
        Scalar(text, 0, "mode", report.Mode);
        if (report.Profiles.Count == 0)
        {
            text.Append("profiles: null\n");
        }
        else
        {
            text.Append("profiles:\n");
            foreach (var profile in report.Profiles)
            {
                // The first key of a list item follows the dash; the others align with it.
                text.Append("- core:\n");
                Level(text, 4, profile.Core);
                if (profile.Extended is { } extended)
                {
                    text.Append("  extended:\n");
                    Level(text, 4, extended);
                }

                Scalar(text, 2, "name", profile.Name);
                Scalar(text, 2, "summary", profile.Summary);
            }
        }

        List(text, 0, "succeededProvisionalTests", report.SucceededProvisionalTests, always: false);
        return text.ToString();
    }

    private static void Level(StringBuilder text, int indent, LevelReport level)
    {
        List(text, indent, "failedTests", level.FailedTests, always: false);
        Scalar(text, indent, "result", level.Result);
        List(text, indent, "skippedTests", level.SkippedTests, always: false);
        text.Append(' ', indent).Append("statistics:\n");
        Scalar(text, indent + 2, "Failed", level.Statistics.Failed.ToString(CultureInfo.InvariantCulture), raw: true);
        Scalar(text, indent + 2, "Passed", level.Statistics.Passed.ToString(CultureInfo.InvariantCulture), raw: true);
        Scalar(text, indent + 2, "Skipped", level.Statistics.Skipped.ToString(CultureInfo.InvariantCulture), raw: true);
        if (level is ExtendedLevelReport extended)
        {
            List(text, indent, "supportedFeatures", extended.SupportedFeatures, always: false);
            List(text, indent, "unsupportedFeatures", extended.UnsupportedFeatures, always: false);
        }
    }

    private static void Scalar(StringBuilder text, int indent, string key, string value, bool raw = false) =>
        text.Append(' ', indent).Append(key).Append(": ").Append(raw ? value : Quote(value)).Append('\n');

    private static void List(StringBuilder text, int indent, string key, IReadOnlyList<string> values, bool always)
    {
        if (values.Count == 0)
        {
            if (always)
            {
                text.Append(' ', indent).Append(key).Append(": []\n");
            }

            return;
        }

        text.Append(' ', indent).Append(key).Append(":\n");
        foreach (var value in values)
        {
            text.Append(' ', indent).Append("- ").Append(Quote(value)).Append('\n');
        }
    }

    /// <summary>
    /// Quotes a string the way go-yaml does: plain when it reads back as the same string; double quotes when it would
    /// read back as another type (a number, boolean, null or timestamp); single quotes when it starts with an indicator
    /// or holds <c>": "</c> or <c>" #"</c>.
    /// </summary>
    internal static string Quote(string value)
    {
        if (value.Length == 0)
        {
            return "\"\"";
        }

        if (OtherType().IsMatch(value))
        {
            return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }

        var plain = !"-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal)
            && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1])
            && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
            && !value.EndsWith(':') && value.All(character => character >= ' ' && character != '\u007f');
        return plain ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    [GeneratedRegex(@"^(?:[-+]?(?:\d[\d_]*)?\.?\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o?[0-7]+|(?i:true|false|yes|no|on|off|y|n|null|~)|\.(?i:inf|nan)|[-+]\.(?i:inf)|\d{4}-\d\d?-\d\d?(?:(?:[Tt]|\s+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d\d?(?::\d\d)?))?)?)$")]
    private static partial Regex OtherType();
}
