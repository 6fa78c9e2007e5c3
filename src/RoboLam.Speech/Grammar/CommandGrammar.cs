using System.Globalization;
using System.Text;

namespace RoboLam.Speech.Grammar;

/// <summary>
/// A finite-state grammar made from a <see cref="CommandLanguage"/>: a class n-gram network whose states are the
/// last words said (classes stand in for their members), weighted by how often the example sentences take each step,
/// plus the stop phrases, the yes/no replies and an optional wake word. Written in PocketSphinx's FSG format. (A JSGF grammar of the same
/// network does not work: sphinxbase expands every rule reference afresh, which is exponential for a network.)
/// </summary>
public sealed class CommandGrammar
{
    private const string SentenceStart = "<s>";
    private const string SentenceEnd = "</s>";
    private const string ClassMark = "$";

    /// <summary>Marks the key of a one-word history, the state a longer history backs off to.</summary>
    private const string ShorterHistory = "#1 ";

    private CommandGrammar(string fsg, IReadOnlySet<string> vocabulary, IReadOnlySet<string> unknownWords, int states)
    {
        Fsg = fsg;
        Vocabulary = vocabulary;
        UnknownWords = unknownWords;
        States = states;
    }

    public string Fsg { get; }

    /// <summary>Every word of <see cref="Vocabulary"/> in any order, equally likely: the yardstick for the confidence.</summary>
    public string WordLoopFsg
    {
        get
        {
            var text = new StringBuilder("FSG_BEGIN loop\nNUM_STATES 2\nSTART_STATE 0\nFINAL_STATE 1\n");
            foreach (var word in Vocabulary)
            {
                text.Append(CultureInfo.InvariantCulture, $"TRANSITION 0 0 {0.9 / Vocabulary.Count:G6} {word}\n");
            }

            return text.Append("TRANSITION 0 1 0.1\nFSG_END\n").ToString();
        }
    }

    /// <summary>Every word the grammar can produce.</summary>
    public IReadOnlySet<string> Vocabulary { get; }

    /// <summary>Words of the language that the pronunciation dictionary lacks; sentences with them were left out.</summary>
    public IReadOnlySet<string> UnknownWords { get; }

    public int States { get; }

    /// <param name="language">Example sentences and word classes.</param>
    /// <param name="knows">Whether the recognizer can pronounce a word (<c>SpeechRecognizer.Knows</c>).</param>
    /// <param name="wakeWord">When set, a command may begin with it (the listening loop may require it); stops never need it.</param>
    /// <param name="order">2 for a bigram network (looser), 3 for a trigram one (tighter, more states).</param>
    public static CommandGrammar Build(CommandLanguage language, Func<string, bool> knows, string? wakeWord = null, int order = 3)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(knows);
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 2);
        var classOf = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        foreach (var wordClass in language.Classes)
        {
            foreach (var member in wordClass.Members.Concat(wordClass.InWorld).Where(member => !member.Contains(' ', StringComparison.Ordinal)))
            {
                classOf.TryAdd(member, wordClass);
            }
        }

        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var shorter = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var sentence in language.Sentences)
        {
            var words = Words(sentence);
            var missing = words.Where(word => !knows(word)).ToList();
            if (missing.Count > 0 || words.Count == 0)
            {
                unknown.UnionWith(missing);
                continue;
            }

            var tokens = Enumerable.Repeat(SentenceStart, order - 1)
                .Concat(words.Select(word => classOf.TryGetValue(word, out var wordClass) ? ClassMark + wordClass.Name : word))
                .Append(SentenceEnd)
                .ToList();
            for (var index = order - 1; index < tokens.Count; index++)
            {
                Count(counts, string.Join(' ', tokens.Skip(index - order + 1).Take(order - 1)), tokens[index]);
                Count(shorter, ShorterHistory + tokens[index - 1], tokens[index]);
            }
        }

        var classes = language.Classes.ToDictionary(wordClass => wordClass.Name, wordClass => ClassWeights(wordClass, knows, unknown), StringComparer.Ordinal);
        return new Writer(counts, order > 2 ? shorter : [], classes, order, unknown, language.WorldPairs).Write(knows, wakeWord);
    }

    private static void Count(Dictionary<string, Dictionary<string, int>> counts, string history, string token)
    {
        var next = counts.TryGetValue(history, out var found) ? found : counts[history] = new Dictionary<string, int>(StringComparer.Ordinal);
        next[token] = next.GetValueOrDefault(token) + 1;
    }

    /// <summary>Lower-case words of a sentence without punctuation, the way the recognizer writes them.</summary>
    public static IReadOnlyList<string> Words(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return sentence.ToLowerInvariant()
            .Split([' ', ',', '.', ';', ':', '!', '?', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Trim('-'))
            .Where(word => word.Length > 0)
            .ToList();
    }

    private static IReadOnlyList<(string Word, double Weight)> ClassWeights(WordClass wordClass, Func<string, bool> knows, SortedSet<string> unknown)
    {
        var members = wordClass.Members.Concat(wordClass.InWorld).Distinct(StringComparer.Ordinal)
            .Where(member => !member.Contains(' ', StringComparison.Ordinal)).ToList();
        unknown.UnionWith(members.Where(member => !knows(member)));
        members = members.Where(knows).ToList();
        var present = wordClass.InWorld.Where(members.Contains).ToHashSet(StringComparer.Ordinal);
        if (present.Count == 0 || present.Count == members.Count)
        {
            return members.Select(member => (member, 1.0 / members.Count)).ToList();
        }

        // Most of the class's weight on what the world has, the rest spread over every member: rare synonyms
        // ("olive", "ivory") otherwise crowd out the colours in view, yet an unseen colour must stay hearable
        // ("the purple block" in a world without one has to be refused, not misheard as another colour).
        var share = wordClass.InWorldShare;
        return members.Select(member => (member, (present.Contains(member) ? share / present.Count : 0) + ((1 - share) / members.Count))).ToList();
    }

    /// <summary>Turns the counts into numbered states and weighted transitions.</summary>
    private sealed class Writer(
        Dictionary<string, Dictionary<string, int>> counts,
        Dictionary<string, Dictionary<string, int>> shorter,
        Dictionary<string, IReadOnlyList<(string Word, double Weight)>> classes,
        int order,
        SortedSet<string> unknown,
        IReadOnlySet<(string First, string Second)> worldPairs)
    {
        /// <summary>How much likelier a word becomes after a class member when the pair names an object of the world (and less likely when it is a noun that names none).</summary>
        private const double WorldBoost = 4;
        /// <summary>A large share for the stop phrases: a stop heard by mistake is safe, a stop missed under noise is not.</summary>
        private const double StopWeight = 0.3;
        private const double ReplyWeight = 0.02;
        private readonly Dictionary<string, int> _states = new(StringComparer.Ordinal) { ["#start"] = 0, ["#end"] = 1 };
        private readonly Dictionary<(int From, int To, string Word), double> _transitions = [];
        private readonly SortedSet<string> _vocabulary = new(StringComparer.Ordinal);
        private readonly HashSet<string> _pairFirsts = worldPairs.Select(pair => pair.First).ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> _pairSeconds = worldPairs.Select(pair => pair.Second).ToHashSet(StringComparer.Ordinal);

        public CommandGrammar Write(Func<string, bool> knows, string? wakeWord)
        {
            var sentenceStart = string.Join(' ', Enumerable.Repeat(SentenceStart, order - 1));
            var first = State(sentenceStart);
            if (wakeWord is not null && !knows(wakeWord))
            {
                throw new ArgumentException($"the wake word '{wakeWord}' is not in the pronunciation dictionary; choose another", nameof(wakeWord));
            }

            // The wake word may lead a command; the listening loop decides whether it must.
            var commandWeight = 1 - StopWeight - ReplyWeight;
            Add(0, first, wakeWord is null ? commandWeight : commandWeight / 2, string.Empty);
            if (wakeWord is not null)
            {
                Add(0, first, commandWeight / 2, wakeWord);
            }

            AddPhrases(SafetyPhrases.Phrases, StopWeight);
            AddPhrases(Replies.Phrases, ReplyWeight);
            foreach (var (history, next) in counts)
            {
                var last = history.Split(' ')[^1];
                // A word sequence the sentences never took can still be said, through the one-word history of its
                // last word (Witten-Bell: the more kinds of word followed a history, the likelier something new).
                var backOff = shorter.Count == 0 || history.Split(' ').All(token => token == SentenceStart)
                    ? 0
                    : (double)next.Count / (next.Count + next.Values.Sum());
                AddSteps(State(history), history, next, member: null, 1 - backOff);
                if (backOff > 0)
                {
                    Add(State(history), State(ShorterHistory + last), backOff, string.Empty);
                }

                if (last.StartsWith(ClassMark, StringComparison.Ordinal))
                {
                    // After a member that begins a world pair, its own state: the same steps, reweighted by the world.
                    foreach (var (member, _) in classes[last[ClassMark.Length..]].Where(entry => _pairFirsts.Contains(entry.Word)))
                    {
                        AddSteps(State(history + "|" + member), history, next, member, 1 - backOff);
                        if (backOff > 0)
                        {
                            Add(State(history + "|" + member), State(ShorterHistory + last), backOff, string.Empty);
                        }
                    }
                }
            }

            foreach (var (history, next) in shorter.Where(pair => pair.Key != ShorterHistory + SentenceStart))
            {
                // From a one-word history the next word leads back into the full-length history it makes.
                AddSteps(State(history), history[ShorterHistory.Length..], next, member: null, 1, keepHistory: true);
            }

            var text = new StringBuilder();
            text.Append("FSG_BEGIN robolam\n");
            text.Append(CultureInfo.InvariantCulture, $"NUM_STATES {_states.Count}\nSTART_STATE 0\nFINAL_STATE 1\n");
            foreach (var ((from, to, word), probability) in _transitions)
            {
                text.Append(CultureInfo.InvariantCulture, $"TRANSITION {from} {to} {probability:G6}");
                text.Append(word.Length > 0 ? " " + word + "\n" : "\n");
            }

            text.Append("FSG_END\n");
            return new CommandGrammar(text.ToString(), _vocabulary, unknown, _states.Count);
        }

        private void AddSteps(int from, string history, Dictionary<string, int> next, string? member, double share, bool keepHistory = false)
        {
            // A class of nouns stands for its members: it takes the boost when any of them names an object with this colour.
            double Weight(string token)
            {
                var words = token.StartsWith(ClassMark, StringComparison.Ordinal)
                    ? classes[token[ClassMark.Length..]].Select(entry => entry.Word)
                    : [token];
                return member is null ? 1
                    : words.Any(word => worldPairs.Contains((member, word))) ? WorldBoost
                    : words.Any(_pairSeconds.Contains) ? 1 / WorldBoost
                    : 1;
            }

            var total = next.Sum(pair => pair.Value * Weight(pair.Key));
            foreach (var (token, count) in next)
            {
                AddStep(from, history, token, share * count * Weight(token) / total, keepHistory);
            }
        }

        /// <param name="keepHistory">The history is one word shorter than the network's: the next state keeps all of it.</param>
        private void AddStep(int from, string history, string token, double probability, bool keepHistory)
        {
            if (token == SentenceEnd)
            {
                Add(from, 1, probability, string.Empty);
                return;
            }

            var toKey = string.Join(' ', history.Split(' ').Skip(keepHistory ? 0 : 1).Append(token));
            if (!token.StartsWith(ClassMark, StringComparison.Ordinal))
            {
                Add(from, State(toKey), probability, token);
                return;
            }

            foreach (var (word, weight) in classes[token[ClassMark.Length..]])
            {
                Add(from, State(_pairFirsts.Contains(word) ? toKey + "|" + word : toKey), probability * weight, word);
            }
        }

        /// <summary>Fixed phrases straight from the start to the end, sharing <paramref name="weight"/>.</summary>
        private void AddPhrases(IReadOnlyList<string> phrases, double weight)
        {
            foreach (var phrase in phrases)
            {
                var words = phrase.Split(' ');
                var from = 0;
                for (var index = 0; index < words.Length; index++)
                {
                    var to = index == words.Length - 1 ? 1 : State($"#fixed {phrase} {index}");
                    Add(from, to, index == 0 ? weight / phrases.Count : 1, words[index]);
                    from = to;
                }
            }
        }

        private int State(string key)
        {
            if (!_states.TryGetValue(key, out var state))
            {
                state = _states.Count;
                _states[key] = state;
            }

            return state;
        }

        private void Add(int from, int to, double probability, string word)
        {
            if (word.Length > 0)
            {
                _vocabulary.Add(word);
            }

            _transitions[(from, to, word)] = _transitions.GetValueOrDefault((from, to, word)) + probability;
        }
    }
}
