using System.Globalization;

namespace GatewayApi.Models.Validation;

/// <summary>
/// The current field path during a walk, kept in one growing buffer so that a path string is only allocated
/// when an error or warning needs it: <c>spec.rules[0].matches[0].path</c>.
/// </summary>
internal sealed class FieldPathBuilder
{
    private char[] _buffer = new char[128];
    private int _length;

    /// <summary>The path so far.</summary>
    public override string ToString() => new(_buffer, 0, _length);

    /// <summary>Whether the path is the object root.</summary>
    public bool IsRoot => _length == 0;

    /// <summary>Appends <c>.name</c> (no dot at the root) and returns the mark to restore.</summary>
    public int PushProperty(string name)
    {
        var mark = _length;
        if (_length > 0)
        {
            Append('.');
        }

        Append(name);
        return mark;
    }

    /// <summary>Appends <c>[index]</c> and returns the mark to restore.</summary>
    public int PushIndex(int index)
    {
        var mark = _length;
        Append('[');
        Span<char> digits = stackalloc char[11];
        index.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        Append(digits[..written]);
        Append(']');
        return mark;
    }

    /// <summary>Restores the path to a mark.</summary>
    public void Pop(int mark) => _length = mark;

    /// <summary>The path of a child property, without changing the builder.</summary>
    public string Child(string name) => _length == 0 ? name : ToString() + "." + name;

    private void Append(char c)
    {
        Ensure(1);
        _buffer[_length++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        Ensure(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
        }
    }
}
