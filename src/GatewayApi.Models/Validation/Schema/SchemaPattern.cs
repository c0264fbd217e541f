using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace GatewayApi.Models.Validation.Schema;

/// <summary>
/// A CRD <c>pattern</c> (RE2 syntax, unanchored search) compiled for .NET: the non-backtracking engine, culture
/// invariant, and every unescaped <c>$</c> outside a character class turned into <c>\z</c> because RE2's <c>$</c>
/// matches only at the end of the text while .NET's also matches before a final newline.
/// </summary>
internal sealed class SchemaPattern
{
    private static readonly ConcurrentDictionary<string, SchemaPattern> Cache = new(StringComparer.Ordinal);

    private readonly Regex _regex;

    private SchemaPattern(string source)
    {
        Source = source;
        _regex = new Regex(ToDotNet(source), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }

    /// <summary>The pattern exactly as the CRD writes it (quoted in error messages).</summary>
    public string Source { get; }

    /// <summary>One shared instance per distinct pattern text.</summary>
    public static SchemaPattern Of(string source) => Cache.GetOrAdd(source, static s => new SchemaPattern(s));

    /// <summary>Whether the pattern is found anywhere in the text (RE2 <c>MatchString</c>).</summary>
    public bool IsMatch(string text) => _regex.IsMatch(text);

    public override string ToString() => Source;

    /// <summary>Rewrites RE2 end anchors for .NET; everything else in these patterns means the same in both.</summary>
    internal static string ToDotNet(string re2)
    {
        var builder = new StringBuilder(re2.Length + 4);
        var inClass = false;
        for (var i = 0; i < re2.Length; i++)
        {
            var c = re2[i];
            if (c == '\\' && i + 1 < re2.Length)
            {
                builder.Append(c).Append(re2[i + 1]);
                i++;
                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                builder.Append(c);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                builder.Append(c);

                // A ']' right after '[' or '[^' is a literal member, not the end of the class.
                if (i + 1 < re2.Length && re2[i + 1] == '^')
                {
                    builder.Append('^');
                    i++;
                }

                if (i + 1 < re2.Length && re2[i + 1] == ']')
                {
                    builder.Append("\\]");
                    i++;
                }

                continue;
            }

            builder.Append(c == '$' ? "\\z" : c.ToString());
        }

        return builder.ToString();
    }
}
