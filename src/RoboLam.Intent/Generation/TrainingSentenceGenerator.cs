using RoboLam.Intent.Frames;
using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Neural;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Generation;

/// <summary>
/// Makes tagged training sentences from each domain's actions, its lexicon and random worlds: commands with
/// synonyms, politeness and several clauses, plus what must be refused (foreign verbs, unknown things, chit-chat,
/// questions, requests to weaken safety). The same seed always gives the same sentences.
/// </summary>
public sealed class TrainingSentenceGenerator
{
    private readonly IReadOnlyList<(string Domain, Lexicon Lexicon, ActionKind[] Kinds)> _domains;
    private readonly Random _random;

    /// <param name="domains">Each domain with the actions it can do (see <see cref="GoalVocabulary.SupportedKinds"/>).</param>
    public TrainingSentenceGenerator(IReadOnlyDictionary<string, IReadOnlySet<ActionKind>> domains, int seed)
    {
        _domains = domains.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (pair.Key, Lexicon.ForDomain(pair.Key), pair.Value.Order().ToArray()))
            .ToList();
        _random = new Random(seed);
    }

    /// <summary>The shipped domains with the actions their lexicons name (used when no domain file is at hand).</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<ActionKind>> LexiconDomains() =>
        Lexicon.ShippedDomains.ToDictionary(
            domain => domain,
            domain => (IReadOnlySet<ActionKind>)Lexicon.ForDomain(domain).VerbLists.Keys.ToHashSet());

    public IReadOnlyList<TaggedSentence> Generate(int count)
    {
        var sentences = new List<TaggedSentence>(count);
        for (var index = 0; index < count; index++)
        {
            var (domain, lexicon, kinds) = _domains[_random.Next(_domains.Count)];
            var world = RandomWorlds.Make(domain, lexicon, _random);
            var sentence = new Sentence(lexicon, _random, world, kinds);
            sentences.Add(sentence.Make());
        }

        return sentences;
    }

    /// <summary>One sentence being written: the template interpreter with its world and words.</summary>
    private sealed class Sentence
    {
        private readonly Lexicon _lexicon;
        private readonly Random _random;
        private readonly ActionKind[] _kinds;
        private readonly PhraseWriter _phrases;
        private readonly SentenceBuilder _builder = new();
        private readonly bool _isFactory;

        public Sentence(Lexicon lexicon, Random random, World world, ActionKind[] kinds)
        {
            _lexicon = lexicon;
            _random = random;
            _kinds = kinds;
            _phrases = new PhraseWriter(lexicon, random, world);
            _isFactory = world.DomainName == "factory";
        }

        private IReadOnlyDictionary<ActionKind, string[]> Shapes => _isFactory ? Templates.Factory : Templates.Tabletop;

        public TaggedSentence Make()
        {
            var roll = _random.NextDouble();
            if (roll < 0.03)
            {
                _builder.Outside(_phrases.Pick(_lexicon.Chitchat));
            }
            else if (roll < 0.07)
            {
                Question();
            }
            else
            {
                var (template, kind, isCommand) = roll switch
                {
                    < 0.13 => (_phrases.Pick(Templates.ForeignShapes), ActionKind.Foreign, false),
                    < 0.19 => (_phrases.Pick(Templates.SafetyShapes), ActionKind.Foreign, false),
                    < 0.22 => ("{V} {T} {FP} {X}", ActionKind.Place, false),
                    _ => Command(),
                };
                if (_random.NextDouble() < 0.4)
                {
                    _builder.Outside(_phrases.Pick(IsStatement(template) ? Templates.StatementPrefixes : Templates.Prefixes));
                }

                Expand(template, kind, pronounTheme: false);
                if (isCommand && _random.NextDouble() < 0.25)
                {
                    _builder.Outside(_phrases.Pick(Templates.Joiners));
                    var second = _random.NextDouble() < 0.4 ? kind : ChooseKind();
                    Clause(second, pronounTheme: _random.NextDouble() < 0.6);
                }

                if (_random.NextDouble() < 0.18)
                {
                    _builder.Outside(_phrases.Pick(Templates.Suffixes));
                }
            }

            return _builder.Build(_isFactory ? "factory" : "tabletop");
        }

        private (string Template, ActionKind Kind, bool IsCommand) Command()
        {
            var kind = ChooseKind();
            return (_phrases.Pick(Shapes[kind]), kind, true);
        }

        private ActionKind ChooseKind()
        {
            var choices = _kinds.Where(Shapes.ContainsKey).ToArray();
            return choices[_random.Next(choices.Length)];
        }

        private void Clause(ActionKind kind, bool pronounTheme) => Expand(_phrases.Pick(Shapes[kind]), kind, pronounTheme);

        /// <summary>Imperatives take any polite opening; a wish ("i want ...", "the red block goes ...") only a few.</summary>
        private static bool IsStatement(string template) =>
            template.StartsWith("{T}", StringComparison.Ordinal) || template.StartsWith("i ", StringComparison.Ordinal)
            || template.StartsWith("i'd", StringComparison.Ordinal) || template.StartsWith("make sure", StringComparison.Ordinal)
            || template.StartsWith("have", StringComparison.Ordinal) || template.StartsWith("get", StringComparison.Ordinal);

        private void Question()
        {
            var question = _phrases.Pick(_lexicon.Questions);
            _builder.Outside(question.Replace("{T}", _phrases.Entity(), StringComparison.Ordinal));
        }

        private void Expand(string template, ActionKind kind, bool pronounTheme)
        {
            foreach (var token in template.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Length > 2 && token[0] == '{' && token[^1] == '}')
                {
                    Slot(token[1..^1], kind, ref pronounTheme);
                }
                else
                {
                    _builder.Outside(token);
                }
            }
        }

        private void Slot(string slot, ActionKind kind, ref bool pronounTheme)
        {
            var (name, forced) = SplitOverride(slot);
            switch (name)
            {
                case "V":
                    _builder.Span(forced?.Words ?? Verb(kind), TagSet.ActionLabel(forced?.Kind ?? kind));
                    break;
                case "P":
                case "P-ING":
                    _builder.Span(forced?.Words ?? Participle(forced?.Kind ?? kind, gerund: name == "P-ING"), TagSet.ActionLabel(forced?.Kind ?? kind));
                    break;
                case "DECL":
                    _builder.Span(_phrases.Pick(_lexicon.DeclarativeLists[ActionKind.Place]), TagSet.ActionLabel(ActionKind.Place));
                    break;
                case "FV":
                    _builder.Span(forced?.Words ?? _phrases.Pick(_lexicon.ForeignVerbList), TagSet.ActionLabel(ActionKind.Foreign));
                    break;
                case "T":
                    _builder.Span(pronounTheme ? _phrases.Pronoun() : _phrases.Entity(), "THEME");
                    pronounTheme = false;
                    break;
                case "TR":
                    _builder.Span(_phrases.LocatedEntity(), "THEME");
                    break;
                case "TS":
                    _builder.Span(pronounTheme ? _phrases.Pronoun(plural: true) : _phrases.Set(), "THEME");
                    pronounTheme = false;
                    break;
                case "PRO":
                    _builder.Span(_phrases.Pronoun(), "THEME");
                    break;
                case "PD":
                    PrepositionAndDestination();
                    break;
                case "D":
                    _builder.Span(_isFactory ? _phrases.Station() : _phrases.Surface(), "DEST");
                    break;
                case "C":
                    _builder.Span(_phrases.PaintColor(), "COLOR");
                    break;
                case "BT":
                    _builder.Span(_phrases.TowerElement(), "THEME");
                    break;
                case "BD":
                    _builder.Span(_phrases.TowerElement(), "DEST");
                    break;
                case "SN":
                    _builder.Outside(_phrases.StackNoun());
                    break;
                case "X":
                    _builder.Span(_phrases.UnknownThing(), "DEST");
                    break;
                case "FP":
                    _builder.Outside(_phrases.Pick(Templates.ForeignPrepositions));
                    break;
                case "STEPS":
                    Steps();
                    break;
                case "SAFE":
                    _builder.Span(SafetyRequest(), "SAFETY");
                    break;
                case "ESC":
                    _builder.Span(_phrases.Pick(_lexicon.SafetyEscalations.Phrases.ToList()), "SAFETY");
                    break;
                case "CLAUSE":
                    Clause(ChooseKind(), pronounTheme: false);
                    break;
                default:
                    throw new InvalidOperationException($"template slot '{{{slot}}}' is unknown");
            }
        }

        private static (string Name, (ActionKind Kind, string? Words)? Forced) SplitOverride(string slot)
        {
            var equals = slot.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return (slot, null);
            }

            var rest = slot[(equals + 1)..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var label = colon < 0 ? rest : rest[..colon];
            var kind = TagSet.ActionOf(label);
            return (slot[..equals], (kind, colon < 0 ? null : rest[(colon + 1)..].Replace('_', ' ')));
        }

        private string Verb(ActionKind kind)
        {
            var verbs = _lexicon.VerbLists.TryGetValue(kind, out var list) ? list : _lexicon.VerbLists[ActionKind.Place];

            // The first few verbs of each list are the everyday ones; people use them most.
            return _random.NextDouble() < 0.45 ? verbs[_random.Next(Math.Min(3, verbs.Count))] : _phrases.Pick(verbs);
        }

        private string Participle(ActionKind kind, bool gerund)
        {
            var forms = _lexicon.ParticipleLists.TryGetValue(kind, out var list) ? list : ["done"];
            var fitting = forms.Where(form => form.EndsWith("ing", StringComparison.Ordinal) == gerund).ToList();
            return _phrases.Pick(fitting.Count > 0 ? fitting : forms);
        }

        private void PrepositionAndDestination()
        {
            if (_isFactory)
            {
                _builder.Outside(_phrases.Pick(Templates.ToPrepositions));
                _builder.Span(_phrases.Station(), "DEST");
                return;
            }

            switch (_random.Next(10))
            {
                case < 4:
                    _builder.Outside(_phrases.Pick(Templates.OnPrepositions));
                    _builder.Span(_phrases.Chance(0.3) ? _phrases.Entity() : _phrases.TowerElement().Replace("the ", "the ", StringComparison.Ordinal), "DEST");
                    break;
                case < 8:
                    _builder.Outside(_phrases.Pick(Templates.InPrepositions));
                    _builder.Span(_phrases.Container(), "DEST");
                    break;
                default:
                    _builder.Outside(_phrases.Pick(["on", "on", "onto", "back on", "down on"]));
                    _builder.Span(_phrases.Surface(), "DEST");
                    break;
            }
        }

        private void Steps()
        {
            var kinds = new List<ActionKind> { ActionKind.Drill, ActionKind.Paint, ActionKind.Inspect }
                .Where(step => _random.NextDouble() < 0.7)
                .ToList();
            if (kinds.Count == 0)
            {
                kinds.Add(ActionKind.Inspect);
            }

            for (var index = 0; index < kinds.Count; index++)
            {
                if (index > 0)
                {
                    _builder.Outside(index == kinds.Count - 1 ? _phrases.Pick(["and", ", and", ", then", "and then"]) : ",");
                }

                _builder.Span(_phrases.Pick(_lexicon.StepLists[kinds[index]]), TagSet.ActionLabel(kinds[index]));
                if (kinds[index] == ActionKind.Paint)
                {
                    if (_phrases.Chance(0.3))
                    {
                        _builder.Outside("in");
                    }

                    _builder.Span(_phrases.PaintColor(), "COLOR");
                }
            }
        }

        private string SafetyRequest()
        {
            var weaken = _phrases.Pick(_lexicon.SafetyWeakeners.Phrases.ToList());
            var target = _phrases.Pick(_lexicon.SafetyTargets.Phrases.ToList());
            var tail = target is "safety" or "collision" or "emergency" ? _phrases.Pick([" limits", " checks", " stop", " system", string.Empty]) : string.Empty;
            return weaken + " " + _phrases.Pick(Templates.SafetyDeterminers) + target + tail;
        }
    }
}
