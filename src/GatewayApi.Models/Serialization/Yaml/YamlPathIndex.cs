using YamlDotNet.Core;

namespace GatewayApi.Models.Serialization;

/// <summary>
/// Where each node of a YAML document starts, by its field path (<c>spec.rules[0].matches</c>), so an
/// error found in the JSON it became can point at the line the user wrote.
/// </summary>
internal sealed class YamlPathIndex
{
    private readonly Dictionary<string, Mark> _positions = new(StringComparer.Ordinal);

    /// <summary>Records only nodes at most this many path segments deep (a list's items need 2: <c>items[3]</c>).</summary>
    public YamlPathIndex(int maxDepth = int.MaxValue) => MaxDepth = maxDepth;

    public int MaxDepth { get; }

    public void Record(string path, Mark start) => _positions.TryAdd(path, start);

    /// <summary>
    /// The position of the node at <paramref name="path"/>, or of its nearest ancestor that exists (a
    /// missing field is reported at the object that should have had it).
    /// </summary>
    public Mark? Find(string path)
    {
        for (var candidate = path; ; candidate = Parent(candidate))
        {
            if (_positions.TryGetValue(candidate, out var mark))
            {
                return mark;
            }

            if (candidate.Length == 0)
            {
                return null;
            }
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}
