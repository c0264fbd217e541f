using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// Turns one YAML document into the JSON it stands for, as <c>kubectl</c> does before sending it to the
/// API server: mappings become objects, sequences arrays, and plain scalars are typed by the YAML 1.2
/// core schema (<c>true</c>, <c>null</c>, <c>42</c>, <c>1.5</c>; everything else a string). Quoted
/// scalars and <c>!!str</c> are always strings. Anchors and aliases are expanded.
/// </summary>
/// <remarks>
/// One pass over the parser's events with no tree in between, so large streams stay cheap. When a
/// <see cref="YamlPathIndex"/> is given, the position of every node is recorded by its field path; that is
/// only done to explain an error, never on the happy path.
/// </remarks>
internal sealed class YamlDocumentConverter
{
    private readonly IParser _parser;
    private readonly Utf8JsonWriter _writer;
    private readonly YamlPathIndex? _index;
    private readonly Dictionary<string, List<ParsingEvent>> _anchors = new(StringComparer.Ordinal);
    private readonly List<List<ParsingEvent>> _recordings = [];
    private Queue<ParsingEvent>? _replay;

    // One reusable key set per mapping depth: duplicate-key checks without a new set per mapping.
    private readonly List<HashSet<string>> _keySets = [];
    private int _mappingDepth;

    private YamlDocumentConverter(IParser parser, Utf8JsonWriter writer, YamlPathIndex? index)
    {
        _parser = parser;
        _writer = writer;
        _index = index;
    }

    /// <summary>
    /// Converts the document whose <see cref="DocumentStart"/> the parser has just consumed, up to and
    /// including its <see cref="DocumentEnd"/> (the parser is left on the event after it). Returns false for an empty document (nothing written).
    /// </summary>
    public static bool ConvertDocument(IParser parser, Utf8JsonWriter writer, YamlPathIndex? index = null)
    {
        var converter = new YamlDocumentConverter(parser, writer, index);
        var first = converter.Next();
        if (first is DocumentEnd)
        {
            return false;
        }

        if (first is Scalar { Value.Length: 0, Style: ScalarStyle.Plain } && converter.Peek() is DocumentEnd)
        {
            converter.Next();
            return false;
        }

        converter.WriteNode(first, index is null ? null : new PathBuilder());
        var end = converter.Next();
        if (end is not DocumentEnd)
        {
            throw new YamlException(end.Start, end.End, "Expected the end of the document.");
        }

        return true;
    }

    // The parser's Current is the next unread event (the convention of IParser.Consume).
    private ParsingEvent Next()
    {
        ParsingEvent current;
        if (_replay is { Count: > 0 })
        {
            current = _replay.Dequeue();
        }
        else
        {
            current = _parser.Current ?? throw new YamlException("Unexpected end of the YAML stream.");
            _parser.MoveNext();
        }

        // An alias is recorded as the events it expands to (see WriteAlias), never as itself.
        if (current is not AnchorAlias)
        {
            foreach (var recording in _recordings)
            {
                recording.Add(current);
            }
        }

        return current;
    }

    private ParsingEvent Peek()
        => _replay is { Count: > 0 }
            ? _replay.Peek()
            : _parser.Current ?? throw new YamlException("Unexpected end of the YAML stream.");

    private void WriteNode(ParsingEvent node, PathBuilder? path)
    {
        switch (node)
        {
            case AnchorAlias alias:
                WriteAlias(alias, path);
                return;
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                var recording = new List<ParsingEvent> { anchored };
                _recordings.Add(recording);
                WriteNodeBody(anchored, path);
                _recordings.Remove(recording);
                // The alias replays the node without its anchor so it does not re-register.
                _anchors[anchored.Anchor.Value] = recording;
                return;
            default:
                WriteNodeBody(node, path);
                return;
        }
    }

    private void WriteAlias(AnchorAlias alias, PathBuilder? path)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var events))
        {
            throw new YamlException(alias.Start, alias.End, $"The alias '*{alias.Value.Value}' refers to no anchor defined before it.");
        }

        // Replay the anchored node's events ahead of whatever is still queued.
        var pending = _replay;
        _replay = new Queue<ParsingEvent>(events.Skip(1));
        if (pending is not null)
        {
            foreach (var e in pending)
            {
                _replay.Enqueue(e);
            }
        }

        foreach (var recording in _recordings)
        {
            recording.Add(events[0]);
        }

        Record(path, alias.Start);
        WriteNodeBody(events[0], path, recordPosition: false);
    }

    private void WriteNodeBody(ParsingEvent node, PathBuilder? path, bool recordPosition = true)
    {
        if (recordPosition)
        {
            Record(path, node.Start);
        }

        switch (node)
        {
            case Scalar scalar:
                WriteScalar(scalar);
                break;
            case SequenceStart:
                _writer.WriteStartArray();
                var i = 0;
                for (var item = Next(); item is not SequenceEnd; item = Next())
                {
                    path?.PushIndex(i);
                    WriteNode(item, path);
                    path?.Pop();
                    i++;
                }

                _writer.WriteEndArray();
                break;
            case MappingStart:
                WriteMapping(path);
                break;
            default:
                throw new YamlException(node.Start, node.End, $"Unexpected YAML event {node.GetType().Name}.");
        }
    }

    private void Record(PathBuilder? path, Mark start)
    {
        if (_index is not null && path!.Depth <= _index.MaxDepth)
        {
            _index.Record(path.ToString(), start);
        }
    }

    private void WriteMapping(PathBuilder? path)
    {
        _writer.WriteStartObject();
        if (_keySets.Count == _mappingDepth)
        {
            _keySets.Add(new HashSet<string>(StringComparer.Ordinal));
        }

        var keys = _keySets[_mappingDepth];
        keys.Clear();
        _mappingDepth++;
        for (var keyEvent = Next(); keyEvent is not MappingEnd; keyEvent = Next())
        {
            if (keyEvent is not Scalar key)
            {
                throw new YamlException(keyEvent.Start, keyEvent.End, "A mapping key must be a plain string; complex keys are not supported by Kubernetes.");
            }

            if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
            {
                throw new YamlException(key.Start, key.End, "YAML merge keys ('<<') are not supported; write the fields out.");
            }

            if (!keys.Add(key.Value))
            {
                throw new YamlException(key.Start, key.End, $"The key '{key.Value}' appears twice in the same mapping.");
            }

            _writer.WritePropertyName(key.Value);
            path?.PushProperty(key.Value);
            WriteNode(Next(), path);
            path?.Pop();
        }

        _mappingDepth--;
        _writer.WriteEndObject();
    }

    private void WriteScalar(Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            WriteTaggedOrQuoted(scalar);
            return;
        }

        switch (YamlScalarResolver.Resolve(value))
        {
            case YamlScalarKind.Null:
                _writer.WriteNullValue();
                break;
            case YamlScalarKind.True:
                _writer.WriteBooleanValue(true);
                break;
            case YamlScalarKind.False:
                _writer.WriteBooleanValue(false);
                break;
            case YamlScalarKind.Integer:
                WriteInteger(scalar);
                break;
            case YamlScalarKind.Float:
                WriteFloat(scalar);
                break;
            default:
                _writer.WriteStringValue(value);
                break;
        }
    }

    private void WriteTaggedOrQuoted(Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        switch (tag)
        {
            case null or "!" or "tag:yaml.org,2002:str":
                _writer.WriteStringValue(scalar.Value);
                break;
            case "tag:yaml.org,2002:int":
                WriteInteger(scalar);
                break;
            case "tag:yaml.org,2002:float":
                WriteFloat(scalar);
                break;
            case "tag:yaml.org,2002:bool":
                _writer.WriteBooleanValue(YamlScalarResolver.Resolve(scalar.Value) switch
                {
                    YamlScalarKind.True => true,
                    YamlScalarKind.False => false,
                    _ => throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a boolean."),
                });
                break;
            case "tag:yaml.org,2002:null":
                _writer.WriteNullValue();
                break;
            default:
                throw new YamlException(scalar.Start, scalar.End, $"The YAML tag '{tag}' is not supported in Kubernetes manifests.");
        }
    }

    private void WriteInteger(Scalar scalar)
    {
        // JSON numbers are carried as written (any size, -0 included); only YAML-only forms (0x1F, 0o17, +1) are converted.
        if (YamlScalarResolver.IsJsonNumber(scalar.Value))
        {
            _writer.WriteRawValue(scalar.Value, skipInputValidation: true);
            return;
        }

        if (!YamlScalarResolver.TryParseInteger(scalar.Value, out var integer))
        {
            throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not an integer that fits in 64 bits.");
        }

        _writer.WriteNumberValue(integer);
    }

    private void WriteFloat(Scalar scalar)
    {
        if (YamlScalarResolver.IsJsonNumber(scalar.Value))
        {
            _writer.WriteRawValue(scalar.Value, skipInputValidation: true);
            return;
        }

        if (!YamlScalarResolver.TryParseFloat(scalar.Value, out var number) || double.IsNaN(number) || double.IsInfinity(number))
        {
            throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a finite number; JSON cannot carry it.");
        }

        _writer.WriteNumberValue(number);
    }

    /// <summary>Builds field paths in the API server's notation (<c>spec.rules[0].matches</c>).</summary>
    private sealed class PathBuilder
    {
        private readonly List<string> _segments = [];

        public int Depth => _segments.Count;

        public void PushProperty(string name) => _segments.Add(_segments.Count == 0 ? name : "." + name);

        public void PushIndex(int index) => _segments.Add("[" + index.ToString(CultureInfo.InvariantCulture) + "]");

        public void Pop() => _segments.RemoveAt(_segments.Count - 1);

        public override string ToString() => string.Concat(_segments);
    }
}
