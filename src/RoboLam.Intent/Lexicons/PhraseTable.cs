namespace RoboLam.Intent.Lexicons;

/// <summary>Phrases of one or more words, each with the values it stands for; lookups take the longest phrase.</summary>
public sealed class PhraseTable<TValue>
{
    private readonly Dictionary<string, HashSet<TValue>> _entries = new(StringComparer.Ordinal);

    public int LongestPhrase { get; private set; }

    public IEnumerable<string> Phrases => _entries.Keys;

    public void Add(string phrase, TValue value)
    {
        var normal = string.Join(' ', phrase.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (!_entries.TryGetValue(normal, out var values))
        {
            values = [];
            _entries[normal] = values;
        }

        values.Add(value);
        LongestPhrase = Math.Max(LongestPhrase, normal.Count(character => character == ' ') + 1);
    }

    public bool Contains(string phrase) => _entries.ContainsKey(phrase);

    public IReadOnlySet<TValue> Lookup(string phrase) =>
        _entries.TryGetValue(phrase, out var values) ? values : (IReadOnlySet<TValue>)new HashSet<TValue>();

    /// <summary>The longest phrase that starts at <paramref name="start"/>: its length in words (0 if none) and values.</summary>
    public (int Length, IReadOnlySet<TValue> Values) MatchAt(IReadOnlyList<string> words, int start)
    {
        for (var length = Math.Min(LongestPhrase, words.Count - start); length > 0; length--)
        {
            var phrase = length == 1 ? words[start] : string.Join(' ', Enumerable.Range(start, length).Select(index => words[index]));
            if (_entries.TryGetValue(phrase, out var values))
            {
                return (length, values);
            }
        }

        return (0, new HashSet<TValue>());
    }
}
