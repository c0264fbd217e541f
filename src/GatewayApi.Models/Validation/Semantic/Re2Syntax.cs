namespace GatewayApi.Models.Validation.Semantic;

/// <summary>
/// A syntax check for user-supplied regular expressions (HTTPRoute path/header/query matches and GRPCRoute
/// method/header matches of type <c>RegularExpression</c>): it accepts the RE2 subset documented in
/// <c>docs/validation.md</c> and reports Go's <c>regexp/syntax</c> error codes. It only scans the text, in one
/// linear pass; no regular expression engine ever runs on user input.
/// </summary>
internal static class Re2Syntax
{
    private const int MaxRepeat = 1000;
    private const int MaxNesting = 1000;

    private static readonly HashSet<string> PosixClasses =
    [
        "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit",
    ];

    /// <summary>Checks a pattern; returns null when it is in the accepted subset, else why not.</summary>
    public static string? Check(string pattern)
    {
        var parser = new Parser(pattern);
        return parser.Run();
    }

    private sealed class Parser(string pattern)
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly Stack<int> _frames = new();
        private int _position;

        // Whether the last thing parsed can take a repetition operator, and whether it already has one.
        private bool _canRepeat;
        private bool _lastWasRepeat;

        // Go's repeatIsValid: the product of nested {n,m} counts may not exceed 1000. _groupProduct is the
        // largest product seen inside the open group; _atomProduct the product inside the last atom.
        private int _groupProduct = 1;
        private int _atomProduct = 1;

        public string? Run()
        {
            try
            {
                while (_position < pattern.Length)
                {
                    Step();
                }

                if (_frames.Count > 0)
                {
                    return Error("missing closing )", pattern);
                }

                return null;
            }
            catch (SyntaxError error)
            {
                return error.Message;
            }
        }

        private void Step()
        {
            var c = pattern[_position];
            switch (c)
            {
                case '(':
                    OpenGroup();
                    break;
                case ')':
                    CloseGroup();
                    break;
                case '|':
                    _position++;
                    Atom(repeatable: false);
                    break;
                case '*' or '+' or '?':
                    Repetition(_position, _position + 1, count: 0);
                    break;
                case '{':
                    if (TryCountedRepetition())
                    {
                        break;
                    }

                    _position++;
                    Atom(repeatable: true);
                    break;
                case '[':
                    CharacterClass();
                    Atom(repeatable: true);
                    break;
                case '\\':
                    Escape();
                    break;
                case '^' or '$' or '.':
                    _position++;
                    Atom(repeatable: true);
                    break;
                default:
                    if (char.IsHighSurrogate(c))
                    {
                        if (_position + 1 >= pattern.Length || !char.IsLowSurrogate(pattern[_position + 1]))
                        {
                            throw Fail("invalid UTF-8", pattern[_position..]);
                        }

                        _position++;
                    }
                    else if (char.IsLowSurrogate(c))
                    {
                        throw Fail("invalid UTF-8", pattern[_position..]);
                    }

                    _position++;
                    Atom(repeatable: true);
                    break;
            }
        }

        private void Atom(bool repeatable)
        {
            _canRepeat = repeatable;
            _lastWasRepeat = false;
            _atomProduct = 1;
        }

        private void OpenGroup()
        {
            var start = _position;
            _position++;
            if (_position < pattern.Length && pattern[_position] == '?')
            {
                var rest = pattern.AsSpan(_position);
                if (rest.StartsWith("?P<") || rest.StartsWith("?<"))
                {
                    if (rest.StartsWith("?<=") || rest.StartsWith("?<!"))
                    {
                        throw Fail("invalid or unsupported Perl syntax", pattern.Substring(start, Math.Min(4, pattern.Length - start)));
                    }

                    var nameStart = _position + (rest[1] == 'P' ? 3 : 2);
                    var end = pattern.IndexOf('>', nameStart);
                    if (end < 0)
                    {
                        throw Fail("invalid named capture", pattern[start..]);
                    }

                    var name = pattern[nameStart..end];
                    if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                    {
                        throw Fail("invalid named capture", pattern[start..(end + 1)]);
                    }

                    if (!_names.Add(name))
                    {
                        throw Fail("duplicate capture group name", pattern[start..(end + 1)]);
                    }

                    _position = end + 1;
                }
                else if (rest.StartsWith("?P="))
                {
                    throw Fail("invalid named capture", pattern.Substring(start, Math.Min(4, pattern.Length - start)));
                }
                else
                {
                    // Flags: (?flags) or (?flags:re), flags from i, m, s, U with an optional single '-'.
                    var i = _position + 1;
                    var sawMinus = false;
                    var sawFlag = false;
                    while (i < pattern.Length && pattern[i] is 'i' or 'm' or 's' or 'U' or '-')
                    {
                        if (pattern[i] == '-')
                        {
                            if (sawMinus)
                            {
                                throw Fail("invalid or unsupported Perl syntax", pattern[start..(i + 1)]);
                            }

                            sawMinus = true;
                            sawFlag = false;
                        }
                        else
                        {
                            sawFlag = true;
                        }

                        i++;
                    }

                    if (i >= pattern.Length || (pattern[i] != ')' && pattern[i] != ':') || (sawMinus && !sawFlag) || i == _position + 1 && pattern[i] == ')')
                    {
                        throw Fail("invalid or unsupported Perl syntax", pattern[start..Math.Min(i + 1, pattern.Length)]);
                    }

                    if (pattern[i] == ')')
                    {
                        // A flag group alone sets flags for the rest of the group; it is not an atom.
                        _position = i + 1;
                        Atom(repeatable: false);
                        return;
                    }

                    _position = i + 1;
                }
            }

            if (_frames.Count >= MaxNesting)
            {
                throw Fail("expression nests too deeply", pattern);
            }

            _frames.Push(_groupProduct);
            _groupProduct = 1;
            Atom(repeatable: false);
        }

        private void CloseGroup()
        {
            if (_frames.Count == 0)
            {
                throw Fail("unexpected )", pattern);
            }

            _position++;
            var inner = _groupProduct;
            _groupProduct = Math.Max(_frames.Pop(), inner);
            Atom(repeatable: true);
            _atomProduct = inner;
        }

        /// <summary>A repetition operator; <paramref name="count"/> is the {n,m} maximum (or n when unbounded), 0 for * + ?.</summary>
        private void Repetition(int start, int end, int count)
        {
            if (_lastWasRepeat)
            {
                throw Fail("invalid nested repetition operator", pattern[LastRepeatStart..end]);
            }

            if (!_canRepeat)
            {
                throw Fail("missing argument to repetition operator", pattern[start..end]);
            }

            _position = end;
            LastRepeatStart = start;
            if (_position < pattern.Length && pattern[_position] == '?')
            {
                _position++;
            }

            if (count > 0)
            {
                var product = count * _atomProduct;
                if (product > MaxRepeat)
                {
                    throw Fail("invalid repeat count", pattern[start.._position]);
                }

                _groupProduct = Math.Max(_groupProduct, product);
            }

            _canRepeat = false;
            _lastWasRepeat = true;
        }

        private int LastRepeatStart { get; set; }

        private bool TryCountedRepetition()
        {
            // {n}, {n,} or {n,m}; anything else is a literal '{' in RE2.
            var i = _position + 1;
            var minStart = i;
            while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
            {
                i++;
            }

            if (i == minStart || i >= pattern.Length)
            {
                return false;
            }

            var min = ParseCount(pattern.AsSpan(minStart, i - minStart));
            var max = min;
            if (pattern[i] == ',')
            {
                i++;
                var maxStart = i;
                while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
                {
                    i++;
                }

                max = i == maxStart ? -1 : ParseCount(pattern.AsSpan(maxStart, i - maxStart));
            }

            if (i >= pattern.Length || pattern[i] != '}')
            {
                return false;
            }

            var end = i + 1;
            if (min > MaxRepeat || max > MaxRepeat || (max >= 0 && max < min))
            {
                throw Fail("invalid repeat count", pattern[_position..end]);
            }

            Repetition(_position, end, max < 0 ? min : max);
            return true;
        }

        private static int ParseCount(ReadOnlySpan<char> digits)
            => digits.Length > 4 ? MaxRepeat + 1 : int.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture);

        private void Escape()
        {
            var start = _position;
            if (_position + 1 >= pattern.Length)
            {
                throw Fail("trailing backslash at end of expression", string.Empty);
            }

            var c = pattern[_position + 1];
            _position += 2;
            switch (c)
            {
                case 'b' or 'B' or 'A' or 'z':
                    // Empty-width assertions.
                    Atom(repeatable: true);
                    return;
                case 'd' or 'D' or 's' or 'S' or 'w' or 'W' or 'a' or 'f' or 't' or 'n' or 'r' or 'v':
                    Atom(repeatable: true);
                    return;
                case 'x':
                    HexEscape(start);
                    Atom(repeatable: true);
                    return;
                case 'p' or 'P':
                    UnicodeClass(start);
                    Atom(repeatable: true);
                    return;
                case 'Q':
                    var end = pattern.IndexOf("\\E", _position, StringComparison.Ordinal);
                    _position = end < 0 ? pattern.Length : end + 2;
                    Atom(repeatable: true);
                    return;
                default:
                    if (c < 0x80 && !char.IsAsciiLetterOrDigit(c) && c != '_')
                    {
                        // Any escaped ASCII punctuation is a literal.
                        Atom(repeatable: true);
                        return;
                    }

                    throw Fail("invalid escape sequence", pattern[start.._position]);
            }
        }

        private void HexEscape(int start)
        {
            if (_position < pattern.Length && pattern[_position] == '{')
            {
                var end = pattern.IndexOf('}', _position);
                var digits = end < 0 ? string.Empty : pattern[(_position + 1)..end];
                if (end < 0 || digits.Length == 0 || !digits.All(char.IsAsciiHexDigit) || digits.Length > 8 || Convert.ToInt64(digits, 16) > 0x10FFFF)
                {
                    throw Fail("invalid escape sequence", pattern[start..Math.Min(pattern.Length, end < 0 ? pattern.Length : end + 1)]);
                }

                _position = end + 1;
                return;
            }

            if (_position + 2 > pattern.Length || !char.IsAsciiHexDigit(pattern[_position]) || !char.IsAsciiHexDigit(pattern[_position + 1]))
            {
                throw Fail("invalid escape sequence", pattern[start..Math.Min(pattern.Length, _position + 2)]);
            }

            _position += 2;
        }

        private void UnicodeClass(int start)
        {
            if (_position >= pattern.Length)
            {
                throw Fail("invalid character class range", pattern[start..]);
            }

            if (pattern[_position] == '{')
            {
                var end = pattern.IndexOf('}', _position);
                var name = end < 0 ? string.Empty : pattern[(_position + 1)..end].TrimStart('^');
                if (end < 0 || name.Length == 0 || !name.All(ch => char.IsAsciiLetter(ch) || ch == '_'))
                {
                    throw Fail("invalid character class range", pattern[start..(end < 0 ? pattern.Length : end + 1)]);
                }

                _position = end + 1;
                return;
            }

            if (!char.IsAsciiLetter(pattern[_position]))
            {
                throw Fail("invalid character class range", pattern[start..(_position + 1)]);
            }

            _position++;
        }

        private void CharacterClass()
        {
            var start = _position;
            _position++;
            if (_position < pattern.Length && pattern[_position] == '^')
            {
                _position++;
            }

            var first = true;
            while (true)
            {
                if (_position >= pattern.Length)
                {
                    throw Fail("missing closing ]", pattern[start..]);
                }

                var c = pattern[_position];
                if (c == ']' && !first)
                {
                    _position++;
                    return;
                }

                first = false;
                if (c == '[' && _position + 1 < pattern.Length && pattern[_position + 1] == ':')
                {
                    var end = pattern.IndexOf(":]", _position + 2, StringComparison.Ordinal);
                    if (end >= 0)
                    {
                        var name = pattern[(_position + 2)..end].TrimStart('^');
                        if (!PosixClasses.Contains(name))
                        {
                            throw Fail("invalid character class range", pattern[_position..(end + 2)]);
                        }

                        _position = end + 2;
                        continue;
                    }
                }

                var low = ClassCharacter(start, out var isSet);
                if (_position + 1 < pattern.Length && pattern[_position] == '-' && pattern[_position + 1] != ']')
                {
                    var rangeStart = _position - 1;
                    _position++;
                    var high = ClassCharacter(start, out var highIsSet);
                    if (isSet || highIsSet || high < low)
                    {
                        throw Fail("invalid character class range", pattern[Math.Max(start, rangeStart).._position]);
                    }
                }
            }
        }

        private int ClassCharacter(int classStart, out bool isSet)
        {
            isSet = false;
            var c = pattern[_position];
            if (c != '\\')
            {
                if (char.IsHighSurrogate(c) && _position + 1 < pattern.Length && char.IsLowSurrogate(pattern[_position + 1]))
                {
                    var value = char.ConvertToUtf32(c, pattern[_position + 1]);
                    _position += 2;
                    return value;
                }

                _position++;
                return c;
            }

            if (_position + 1 >= pattern.Length)
            {
                throw Fail("missing closing ]", pattern[classStart..]);
            }

            var escaped = pattern[_position + 1];
            var start = _position;
            _position += 2;
            switch (escaped)
            {
                case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                    isSet = true;
                    return 0;
                case 'p' or 'P':
                    UnicodeClass(start);
                    isSet = true;
                    return 0;
                case 'x':
                    HexEscape(start);
                    return 0x10FFFF;
                case 'a':
                    return 7;
                case 'f':
                    return 12;
                case 't':
                    return 9;
                case 'n':
                    return 10;
                case 'r':
                    return 13;
                case 'v':
                    return 11;
                default:
                    if (escaped < 0x80 && !char.IsAsciiLetterOrDigit(escaped) && escaped != '_')
                    {
                        return escaped;
                    }

                    throw Fail("invalid escape sequence", pattern[start.._position]);
            }
        }

        private static string Error(string code, string text) => $"error parsing regexp: {code}: `{text}`";

        private static SyntaxError Fail(string code, string text) => new(Error(code, text));

        private sealed class SyntaxError(string message) : Exception(message);
    }
}
