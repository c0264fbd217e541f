namespace GatewayApi.Routing.Compiled;

/// <summary>
/// Values keyed by hostname, found for a request host in specificity order without allocation: the precise
/// hostname first (dictionary), then each wildcard <c>*.suffix</c> from the longest suffix to the shortest
/// (dictionary keyed by <c>.suffix</c>, probed at each dot of the host), then the universal <c>*</c>.
/// </summary>
internal sealed class HostnameTable<T>
    where T : class
{
    private readonly Dictionary<string, Entry> _precise = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Entry> _wildcards = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _preciseLookup;
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _wildcardLookup;
    private Entry? _any;

    public HostnameTable()
    {
        _preciseLookup = _precise.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcardLookup = _wildcards.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether the table has no entry.</summary>
    public bool IsEmpty => _precise.Count == 0 && _wildcards.Count == 0 && _any is null;

    /// <summary>Every entry.</summary>
    public IEnumerable<Entry> Entries => _precise.Values.Concat(_wildcards.Values).Concat(_any is null ? [] : [_any]);

    /// <summary>The value for a hostname, created on first use.</summary>
    public T GetOrAdd(string? hostname, Func<string, T> create)
    {
        if (HostnameMatching.IsAny(hostname))
        {
            return (_any ??= new Entry(HostnameMatching.Any, create(HostnameMatching.Any))).Value;
        }

        var (dictionary, key) = HostnameMatching.IsWildcard(hostname) ? (_wildcards, hostname![1..]) : (_precise, hostname!);
        if (!dictionary.TryGetValue(key, out var entry))
        {
            entry = new Entry(hostname!.ToLowerInvariant(), create(hostname.ToLowerInvariant()));
            dictionary.Add(key, entry);
        }

        return entry.Value;
    }

    /// <summary>Adds the value of a hostname not yet in the table (already lower-cased, as candidates' are).</summary>
    public void Add(string hostname, T value)
    {
        if (HostnameMatching.IsAny(hostname))
        {
            _any = _any is null ? new Entry(HostnameMatching.Any, value) : throw new ArgumentException("duplicate hostname *", nameof(hostname));
            return;
        }

        var wildcard = HostnameMatching.IsWildcard(hostname);
        (wildcard ? _wildcards : _precise).Add(wildcard ? hostname[1..] : hostname, new Entry(hostname, value));
    }

    /// <summary>The entries matching a host, most specific first.</summary>
    public MatchEnumerator Match(ReadOnlySpan<char> host) => new(this, host);

    /// <summary>The hostnames of the entries matching a host, most specific first (allocates; for explanations).</summary>
    public List<string> MatchingHostnames(ReadOnlySpan<char> host)
    {
        var result = new List<string>();
        var entries = Match(host);
        while (entries.MoveNext())
        {
            result.Add(entries.Current.Hostname);
        }

        return result;
    }

    /// <summary>The most specific entry matching a host, or null.</summary>
    public Entry? MostSpecific(ReadOnlySpan<char> host)
    {
        var matches = Match(host);
        return matches.MoveNext() ? matches.Current : null;
    }

    /// <summary>A hostname and its value.</summary>
    internal sealed record Entry(string Hostname, T Value);

    /// <summary>Walks precise, then wildcard suffixes longest first, then <c>*</c>.</summary>
    internal ref struct MatchEnumerator
    {
        private readonly HostnameTable<T> _table;
        private readonly ReadOnlySpan<char> _host;
        private int _stage;
        private int _position;

        public MatchEnumerator(HostnameTable<T> table, ReadOnlySpan<char> host)
        {
            _table = table;
            _host = host;
            _stage = 0;
            _position = 0;
            Current = null!;
        }

        public Entry Current { get; private set; }

        public bool MoveNext()
        {
            if (_stage == 0)
            {
                _stage = 1;
                if (_table._precise.Count > 0 && _table._preciseLookup.TryGetValue(_host, out var precise))
                {
                    Current = precise;
                    return true;
                }
            }

            if (_stage == 1)
            {
                if (_table._wildcards.Count > 0)
                {
                    // A wildcard needs at least one character before its dot, so the search starts after position 0.
                    while (_position < _host.Length)
                    {
                        var next = _host[(_position + 1)..].IndexOf('.');
                        if (next < 0)
                        {
                            break;
                        }

                        _position += next + 1;
                        if (_table._wildcardLookup.TryGetValue(_host[_position..], out var wildcard))
                        {
                            Current = wildcard;
                            return true;
                        }
                    }
                }

                _stage = 2;
            }

            if (_stage == 2)
            {
                _stage = 3;
                if (_table._any is { } any)
                {
                    Current = any;
                    return true;
                }
            }

            return false;
        }
    }
}
