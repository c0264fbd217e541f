using System.Text.RegularExpressions;

namespace GatewayApi.Routing.Compiled;

/// <summary>
/// A <c>RegularExpression</c> match value compiled with .NET's non-backtracking engine, so no pattern can make
/// matching take more than linear time, and run only on inputs up to a bounded length. The dialect is the
/// implementation's choice (R2); both routers use this one class so they agree on it.
/// </summary>
internal sealed class CompiledPattern
{
    private readonly Regex? _regex;

    private CompiledPattern(string pattern, Regex? regex, string? error)
    {
        Pattern = pattern;
        _regex = regex;
        Error = error;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Why the pattern could not be compiled (it then never matches); null when it compiled.</summary>
    public string? Error { get; }

    /// <summary>Whether the pattern compiled.</summary>
    public bool IsValid => _regex is not null;

    /// <summary>
    /// Compiles a pattern: anchored to the whole input when <paramref name="wholeValue"/> is set. Constructs the
    /// non-backtracking engine cannot run (backreferences, lookarounds, atomic groups) make it invalid.
    /// </summary>
    public static CompiledPattern Create(string pattern, bool wholeValue)
    {
        try
        {
            var text = wholeValue ? @"\A(?:" + pattern + @")\z" : pattern;
            var regex = new Regex(text, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return new CompiledPattern(pattern, regex, null);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return new CompiledPattern(pattern, null, exception.Message);
        }
    }

    /// <summary>Whether the input matches; inputs longer than <paramref name="maxInputLength"/> never do.</summary>
    public bool IsMatch(ReadOnlySpan<char> input, int maxInputLength) =>
        _regex is not null && input.Length <= maxInputLength && _regex.IsMatch(input);

    /// <summary>
    /// Compiled patterns shared across router builds: a rebuild after a configuration change reuses the automata of
    /// patterns it has seen (regex instances are immutable and thread-safe). Bounded, so changing configurations
    /// cannot grow it without limit; past the bound patterns are compiled per build.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Pattern, bool Whole), CompiledPattern> Shared = new();

    private const int SharedLimit = 10_000;

    /// <summary>Compiles each distinct pattern once per router build, so many routes sharing a pattern share its automaton.</summary>
    internal sealed class Cache(bool wholeValue)
    {
        private readonly Dictionary<string, CompiledPattern> _patterns = new(StringComparer.Ordinal);

        public CompiledPattern Get(string pattern)
        {
            if (!_patterns.TryGetValue(pattern, out var compiled))
            {
                if (!Shared.TryGetValue((pattern, wholeValue), out compiled))
                {
                    compiled = Create(pattern, wholeValue);
                    if (Shared.Count < SharedLimit)
                    {
                        Shared.TryAdd((pattern, wholeValue), compiled);
                    }
                }

                _patterns.Add(pattern, compiled);
            }

            return compiled;
        }
    }
}
