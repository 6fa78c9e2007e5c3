using RoboLam.Intent.Checking;
using RoboLam.Intent.Frames;
using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Grounding;

/// <summary>
/// Frames → ground goal literals over the world's objects. Each frame's arguments are read into references and
/// resolved; the action and the destination's type choose the predicate (a block onto a block is <c>on</c>, into a
/// bin <c>in</c>, to a station <c>at</c>). Ambiguity stops with a question naming the candidates; a foreign
/// action, an action the domain lacks or a thing that is not there stops with a refusal.
/// </summary>
public sealed class Grounder
{
    private static readonly string[] s_locationPredicates = ["on", "in", "at"];

    private readonly World _world;
    private readonly DomainSchema _schema;
    private readonly Lexicon _lexicon;
    private readonly ReferenceReader _reader;
    private readonly ReferenceResolver _resolver;
    private readonly IReadOnlySet<ActionKind> _supported;
    private readonly string[] _worldTypes;

    public Grounder(World world, DomainSchema schema, Lexicon lexicon)
    {
        _world = world;
        _schema = schema;
        _lexicon = lexicon;
        _reader = new ReferenceReader(lexicon, world.Objects.Select(item => item.Name));
        _resolver = new ReferenceResolver(world);
        _supported = GoalVocabulary.SupportedKinds(schema.Domain);
        _worldTypes = world.Objects.Select(item => item.Type).Distinct().ToArray();
    }

    /// <param name="frames">The clauses of one command, in order.</param>
    /// <param name="referents">Objects the conversation talked about last ("it", "them").</param>
    public IntentProposal Ground(IReadOnlyList<Frame> frames, IReadOnlyList<string> referents)
    {
        if (frames.Count == 0)
        {
            return IntentProposal.Refused($"that is not a command I can carry out; I can {Capabilities()}");
        }

        var run = new GroundingRun(this, referents.Select(_world.Find).OfType<WorldObject>().ToList());
        foreach (var frame in frames)
        {
            var stop = run.Apply(frame);
            if (stop is not null)
            {
                return stop with { Frames = frames };
            }
        }

        return run.Finish(frames);
    }

    /// <summary>"put/place, pick up, ..." for the actions this domain supports.</summary>
    private string Capabilities() =>
        string.Join(", ", _supported.Where(kind => kind != ActionKind.Process && _lexicon.VerbLists.ContainsKey(kind))
            .Order()
            .Select(kind => _lexicon.VerbLists[kind][0]));

    private IReadOnlySet<string> TypesAt(string predicate, int position) => _schema.TypesAt(predicate, position, _worldTypes);

    private IReadOnlySet<string> TypesAt(IEnumerable<string> predicates, int position) =>
        predicates.SelectMany(predicate => TypesAt(predicate, position)).ToHashSet(StringComparer.Ordinal);

    private static IntentProposal Ask(Resolution resolution, string phrase) =>
        IntentProposal.Asked(
            $"Which {phrase} do you mean: {ObjectDescriber.Alternatives(resolution.Candidates)}?",
            [resolution.Candidates.Select(item => item.Name).ToArray()]);

    /// <summary>The state of grounding one command: goals so far and what its clauses talked about.</summary>
    private sealed class GroundingRun
    {
        private readonly Grounder _owner;
        private readonly IReadOnlyList<WorldObject> _conversation;
        private readonly List<Fact> _goals = [];
        private IReadOnlyList<WorldObject>? _lastThemes;
        private IReadOnlyList<WorldObject>? _themesBeforeFrame;
        private IReadOnlyList<WorldObject>? _earlierPairThemes;
        private Reference? _lastThemeReference;
        private int _ignoredWords;

        public GroundingRun(Grounder owner, IReadOnlyList<WorldObject> conversation)
        {
            _owner = owner;
            _conversation = conversation;
        }

        private World World => _owner._world;

        /// <summary>Adds the frame's goals; returns a question or refusal that ends grounding, else null.</summary>
        public IntentProposal? Apply(Frame frame)
        {
            var verb = frame.Verb.Length > 0 ? frame.Verb : frame.Action.ToString().ToLowerInvariant();
            if (frame.Action == ActionKind.Foreign)
            {
                return IntentProposal.Refused($"'{verb}' is not something I can do; I can {_owner.Capabilities()}");
            }

            if (!_owner._supported.Contains(frame.Action))
            {
                return IntentProposal.Refused(
                    $"the {_owner._schema.Name} robot cannot {verb}: none of its actions makes {string.Join(" or ", GoalVocabulary.PredicatesOf(frame.Action))} true; it can {_owner.Capabilities()}");
            }

            _themesBeforeFrame = _lastThemes;
            return frame.Action switch
            {
                ActionKind.Place => Place(frame, frame.Arguments, verb),
                ActionKind.PickUp => PickUp(frame, verb),
                ActionKind.Clear => EachTheme(frame, verb, "clear"),
                ActionKind.Unstack => Unstack(frame, verb),
                ActionKind.Build => Build(frame, verb),
                ActionKind.Release => Add(Fact.Of("hand-empty")),
                ActionKind.Drill => EachTheme(frame, verb, "drilled"),
                ActionKind.Inspect => EachTheme(frame, verb, "inspected"),
                ActionKind.Paint => Paint(frame, verb),
                _ => Process(frame, verb),
            };
        }

        public IntentProposal Finish(IReadOnlyList<Frame> frames)
        {
            var goal = Tidy(_goals);
            if (goal.Count == 0)
            {
                var about = _lastThemes is { Count: > 0 } ? " with " + ObjectDescriber.Alternatives(_lastThemes, "and") : string.Empty;
                return IntentProposal.Asked($"What should I do{about}?", []) with { Frames = frames };
            }

            return new IntentProposal(IntentKind.Goal)
            {
                Goal = goal,
                Frames = frames,
                Mentioned = (_lastThemes ?? []).Select(item => item.Name).ToArray(),
                Confidence = _ignoredWords > 0 ? 0.4f : 1f,
            };
        }

        /// <summary>
        /// Goals are an end state: holding a block that another goal puts somewhere is only a means, and when one
        /// object is sent to two places the later clause wins ("put it on the table, then in the bin").
        /// </summary>
        private static List<Fact> Tidy(List<Fact> goals)
        {
            var placed = goals.Where(IsLocation).Select(fact => fact.Arguments[0]).ToHashSet(StringComparer.Ordinal);
            var kept = new List<Fact>();
            for (var index = 0; index < goals.Count; index++)
            {
                var fact = goals[index];
                var laterPlacement = IsLocation(fact) && goals.Skip(index + 1).Any(later => IsLocation(later) && later.Arguments[0] == fact.Arguments[0]);
                var meansOnly = fact.Predicate == "holding" && placed.Contains(fact.Arguments[0]);
                if (!laterPlacement && !meansOnly && !kept.Contains(fact))
                {
                    kept.Add(fact);
                }
            }

            return kept;
        }

        private static bool IsLocation(Fact fact) =>
            fact.Arguments.Count > 0 && fact.Predicate is "on" or "in" or "at" or "on-table";

        private IntentProposal? Add(Fact fact)
        {
            _goals.Add(fact);
            return null;
        }

        private IntentProposal? Place(Frame frame, IReadOnlyList<FrameArgument> arguments, string verb)
        {
            var pairs = new List<(List<FrameArgument> Themes, FrameArgument Destination)>();
            var themes = new List<FrameArgument>();
            FrameArgument? lastDestination = null;
            foreach (var argument in arguments)
            {
                if (argument.Role == Neural.SpanRole.Theme)
                {
                    themes.Add(argument);
                }
                else if (argument.Role == Neural.SpanRole.Destination)
                {
                    // "X on Y on Z": a destination straight after another one stacks the first onto the second.
                    pairs.Add((themes.Count > 0 ? themes : lastDestination is null ? [] : [lastDestination], argument));
                    themes = [];
                    lastDestination = argument;
                }
            }

            if (pairs.Count == 0)
            {
                var (objects, stop) = Themes(themes, verb, ThemeTypes(ActionKind.Place));
                return stop ?? IntentProposal.Asked($"Where should I {verb} {ObjectDescriber.Alternatives(objects!, "and")}?", []);
            }

            if (themes.Count > 0)
            {
                pairs[^1].Themes.AddRange(themes);
            }

            _earlierPairThemes = null;
            foreach (var (pairThemes, destination) in pairs)
            {
                var (objects, stop) = Themes(pairThemes, verb, ThemeTypes(ActionKind.Place));
                if (stop is not null)
                {
                    return stop;
                }

                var (target, surface, destinationStop) = Destination(destination, objects!);
                _earlierPairThemes = objects;
                if (destinationStop is not null)
                {
                    return destinationStop;
                }

                foreach (var item in objects!)
                {
                    var placement = Placement(item, target, surface, destination);
                    if (placement.Stop is not null)
                    {
                        return placement.Stop;
                    }

                    _goals.Add(placement.Fact!);
                }
            }

            _ = frame;
            return null;
        }

        private (Fact? Fact, IntentProposal? Stop) Placement(WorldObject item, WorldObject? target, bool surface, FrameArgument destination)
        {
            if (surface)
            {
                return _owner.TypesAt("on-table", 0).Contains(item.Type)
                    ? (Fact.Of("on-table", item.Name), null)
                    : (null, IntentProposal.Refused($"{ObjectDescriber.Describe(item)} cannot be put on the table"));
            }

            if (target!.Name == item.Name)
            {
                return (null, IntentProposal.Refused($"{ObjectDescriber.Describe(item)} cannot be put on itself"));
            }

            foreach (var predicate in s_locationPredicates)
            {
                if (_owner.TypesAt(predicate, 0).Contains(item.Type) && _owner.TypesAt(predicate, 1).Contains(target.Type))
                {
                    return (Fact.Of(predicate, item.Name, target.Name), null);
                }
            }

            return (null, IntentProposal.Refused(
                $"{ObjectDescriber.Describe(item)} cannot go {string.Join(' ', destination.Before.TakeLast(2))} {ObjectDescriber.Describe(target)} in the {_owner._schema.Name} domain".Replace("  ", " ", StringComparison.Ordinal)));
        }

        private IntentProposal? PickUp(Frame frame, string verb)
        {
            var (objects, stop) = Themes(frame.Themes.ToList(), verb, ThemeTypes(ActionKind.PickUp));
            if (stop is not null)
            {
                return stop;
            }

            if (objects!.Count > 1)
            {
                return IntentProposal.Refused($"the gripper holds one thing at a time, and {ObjectDescriber.Alternatives(objects, "and")} are {objects.Count}");
            }

            return Add(Fact.Of("holding", objects[0].Name));
        }

        private IntentProposal? EachTheme(Frame frame, string verb, string predicate)
        {
            var (objects, stop) = Themes(frame.Themes.ToList(), verb, _owner.TypesAt(predicate, 0));
            if (stop is not null)
            {
                return stop;
            }

            _goals.AddRange(objects!.Select(item => Fact.Of(predicate, item.Name)));
            return null;
        }

        private IntentProposal? Unstack(Frame frame, string verb)
        {
            if (frame.Destinations.Any(destination => !_owner._reader.Read(destination.Words).IsSurface))
            {
                return Place(frame, frame.Arguments, verb);
            }

            var types = _owner.TypesAt("on-table", 0);
            IReadOnlyList<WorldObject> blocks;
            var themes = frame.Themes.ToList();
            if (themes.Count == 0 || themes.All(theme => _owner._reader.Read(theme.Words) is { IsStack: true, Type: null }))
            {
                blocks = World.Objects.Where(item => types.Contains(item.Type) && World.ContainerOf(item.Name) is null).ToList();
            }
            else
            {
                var (objects, stop) = Themes(themes, verb, types);
                if (stop is not null)
                {
                    return stop;
                }

                // "unstack everything": blocks already in a bin stay there.
                blocks = objects!.Where(item => World.ContainerOf(item.Name) is null).ToList();
            }

            _lastThemes = blocks;
            _goals.AddRange(blocks.Select(item => Fact.Of("on-table", item.Name)));
            return null;
        }

        private IntentProposal? Build(Frame frame, string verb)
        {
            if (frame.Destinations.Any())
            {
                return Place(frame, frame.Arguments, verb);
            }

            var layers = new List<WorldObject>();
            foreach (var theme in frame.Themes)
            {
                var (objects, stop) = Themes([theme], verb, _owner.TypesAt("on", 0));
                if (stop is not null)
                {
                    return stop;
                }

                layers.AddRange(objects!);
            }

            if (layers.Count < 2)
            {
                return IntentProposal.Asked($"Which blocks should the tower have, from the bottom up?", []);
            }

            if (TopFirst(frame))
            {
                layers.Reverse();
            }

            for (var index = 1; index < layers.Count; index++)
            {
                _goals.Add(Fact.Of("on", layers[index].Name, layers[index - 1].Name));
            }

            return null;
        }

        /// <summary>"with yellow on top, then green, then blue at the bottom" or "from top to bottom" lists the tower downwards.</summary>
        private static bool TopFirst(Frame frame)
        {
            var first = frame.Themes.First();
            var afterFirst = first.After.TakeWhile(word => word is not "then" and not ",").ToList();
            if (afterFirst.Contains("top"))
            {
                return true;
            }

            var tail = frame.Themes.Last().After;
            var top = tail.ToList().IndexOf("top");
            var bottom = tail.ToList().IndexOf("bottom");
            return top >= 0 && (bottom < 0 || top < bottom) && !afterFirst.Contains("bottom") && tail.Contains("from");
        }

        private IntentProposal? Paint(Frame frame, string verb)
        {
            var themes = frame.Themes.ToList();
            var colorWords = frame.Colors.SelectMany(color => color.Words).ToList();
            if (colorWords.Count == 0)
            {
                // The tagger may leave the colour inside the theme ("part two red"): take it from the end.
                for (var index = 0; index < themes.Count; index++)
                {
                    var words = themes[index].Words;
                    if (words.Count > 1 && _owner._lexicon.Colors.Contains(words[^1]))
                    {
                        colorWords.Add(words[^1]);
                        themes[index] = themes[index] with { Words = words.Take(words.Count - 1).ToArray() };
                    }
                }
            }

            var (objects, stop) = Themes(themes, verb, _owner.TypesAt("painted", 0));
            if (stop is not null)
            {
                return stop;
            }

            var paints = World.Objects.Where(item => _owner.TypesAt("painted", 1).Contains(item.Type)).ToList();
            var color = colorWords.Select(word => _owner._lexicon.Colors.Lookup(word).FirstOrDefault()).FirstOrDefault(found => found is not null);
            if (color is null)
            {
                return IntentProposal.Asked(
                    $"Which colour should I paint {ObjectDescriber.Alternatives(objects!, "and")}: {string.Join(", ", paints.Select(item => item.Name))}?",
                    [paints.Select(item => item.Name).ToArray()]);
            }

            var paint = paints.FirstOrDefault(item => item.Name == color || item.Color == color);
            if (paint is null)
            {
                return IntentProposal.Refused($"there is no {color} paint here; the colours are {string.Join(", ", paints.Select(item => item.Name))}");
            }

            _goals.AddRange(objects!.Select(item => Fact.Of("painted", item.Name, paint.Name)));
            return null;
        }

        private IntentProposal? Process(Frame frame, string verb)
        {
            var (_, stop) = Themes(frame.Themes.ToList(), verb, ThemeTypes(ActionKind.Process));
            return stop;
        }

        private IReadOnlySet<string> ThemeTypes(ActionKind kind) => _owner.TypesAt(GoalVocabulary.PredicatesOf(kind), 0);

        /// <summary>Resolves theme phrases (or takes the previous clause's themes when there are none).</summary>
        private (IReadOnlyList<WorldObject>? Objects, IntentProposal? Stop) Themes(IReadOnlyList<FrameArgument> arguments, string verb, IReadOnlySet<string> types)
        {
            if (arguments.Count == 0)
            {
                return _lastThemes is { Count: > 0 }
                    ? (_lastThemes, null)
                    : (null, IntentProposal.Asked($"What should I {verb}?", []));
            }

            var objects = new List<WorldObject>();
            foreach (var argument in arguments)
            {
                var reference = _owner._reader.Read(argument.Words);
                var antecedent = _lastThemes is { Count: > 0 } ? _lastThemes[0].Type : null;
                var scope = new ResolutionScope(types, new HashSet<string>(), antecedent, _lastThemes ?? _conversation, AllowSurface: false);
                var resolution = _owner._resolver.Resolve(reference, scope);
                if (resolution.Failed)
                {
                    return (null, IntentProposal.Refused(resolution.Problem!));
                }

                if (resolution.IsAmbiguous)
                {
                    return (null, Ask(resolution, Phrase(reference, resolution)));
                }

                _ignoredWords += resolution.IgnoredWords.Count;
                objects.AddRange(resolution.Objects.Where(item => !objects.Contains(item)));
                _lastThemeReference = reference;
            }

            _lastThemes = objects;
            return (objects, null);
        }

        private (WorldObject? Target, bool Surface, IntentProposal? Stop) Destination(FrameArgument argument, IReadOnlyList<WorldObject> themes)
        {
            var reference = _owner._reader.Read(argument.Words);
            var preposition = Preposition(argument);
            var allowed = _owner.TypesAt(s_locationPredicates, 1);
            var preferred = preposition switch
            {
                RelationKind.On => _owner.TypesAt("on", 1),
                RelationKind.In => _owner.TypesAt("in", 1).Count > 0 ? _owner.TypesAt("in", 1) : _owner.TypesAt("at", 1),
                RelationKind.To => _owner.TypesAt("at", 1),
                _ => new HashSet<string>(),
            };
            var antecedent = themes.Select(item => item.Type).Distinct().Count() == 1 ? themes[0].Type : null;
            // "put the red block on the table and the orange one on top of it": "it" is an earlier theme, not this one.
            var referents = _earlierPairThemes ?? _themesBeforeFrame ?? _conversation;
            var scope = new ResolutionScope(allowed, preferred, antecedent, referents, AllowSurface: _owner._schema.Predicates.ContainsKey("on-table"));
            var resolution = _owner._resolver.Resolve(reference, scope);
            var contrasted = ContrastedOne(reference);
            if (contrasted is not null && resolution.IsAmbiguous)
            {
                var narrowed = _owner._resolver.Resolve(contrasted, scope);
                resolution = narrowed.Failed ? resolution : narrowed;
            }
            if (resolution.Failed)
            {
                return (null, false, IntentProposal.Refused(resolution.Problem!));
            }

            if (resolution.IsAmbiguous)
            {
                return (null, false, Ask(resolution, Phrase(reference, resolution)));
            }

            if (resolution.IsSurface)
            {
                return (null, true, null);
            }

            if (resolution.Objects.Count != 1)
            {
                return (null, false, IntentProposal.Asked($"Where exactly: {ObjectDescriber.Alternatives(resolution.Objects)}?", [resolution.Objects.Select(item => item.Name).ToArray()]));
            }

            _ignoredWords += resolution.IgnoredWords.Count;
            return (resolution.Objects[0], false, null);
        }

        /// <summary>
        /// "the small red block on the big one": "one" stands for "red block", so a phrase that contrasts with the
        /// theme on one attribute (size) keeps the theme's other attribute (colour). Null when there is no contrast.
        /// </summary>
        private Reference? ContrastedOne(Reference reference)
        {
            var theme = _lastThemeReference;
            if (!reference.IsAnaphoric || reference.Type is not null || theme is null)
            {
                return null;
            }

            var sizeContrast = reference.Size is not null && theme.Size is not null && reference.Size != theme.Size;
            var colorContrast = reference.Color is not null && theme.Color is not null && reference.Color != theme.Color;
            if (sizeContrast && reference.Color is null && theme.Color is not null)
            {
                return reference with { Color = theme.Color };
            }

            return colorContrast && reference.Size is null && theme.Size is not null ? reference with { Size = theme.Size } : null;
        }

        /// <summary>The preposition before a destination ("into the bin"), also when the tagger put it inside the span.</summary>
        private RelationKind? Preposition(FrameArgument argument)
        {
            RelationKind? found = null;
            var words = argument.Before.Concat(argument.Words.Take(2)).ToList();
            for (var index = 0; index < words.Count; index++)
            {
                var (length, kinds) = _owner._lexicon.Relations.MatchAt(words, index);
                if (length > 0)
                {
                    found = kinds.Contains(RelationKind.In) ? RelationKind.In : kinds.Contains(RelationKind.On) ? RelationKind.On : kinds.First();
                    index += length - 1;
                }
            }

            return found;
        }

        private static string Phrase(Reference reference, Resolution resolution)
        {
            var words = reference.Text.Split(' ').SkipWhile(word => word is "the" or "a" or "an" or "this" or "that" or "both");
            var phrase = string.Join(' ', words);
            return reference.Quantity is Quantity.Pronoun or Quantity.PluralPronoun || phrase.Length == 0 || phrase.EndsWith("one", StringComparison.Ordinal)
                ? $"{resolution.Candidates[0].Type} ('{reference.Text}')"
                : phrase;
        }
    }
}
