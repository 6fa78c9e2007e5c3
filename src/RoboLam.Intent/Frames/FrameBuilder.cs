using RoboLam.Intent.Lexicons;
using RoboLam.Intent.Neural;

namespace RoboLam.Intent.Frames;

/// <summary>
/// Turns tagged words into clauses: each action span opens a frame and the argument spans after it belong to it.
/// Then a few rules that the domain's lexicon decides fix what a tagger cannot see from one word: a pick-up with a
/// destination is a placement, "put down" means the table, "take the block" alone is a pick-up.
/// </summary>
public sealed class FrameBuilder
{
    private readonly Lexicon _lexicon;

    public FrameBuilder(Lexicon lexicon)
    {
        _lexicon = lexicon;
    }

    public FrameReading Build(IReadOnlyList<TaggedWord> words)
    {
        var spans = SplitRunTogetherSteps(Spans(words), words);
        var frames = new List<(ActionKind Kind, string Verb, List<FrameArgument> Arguments)>();
        var pending = new List<FrameArgument>();
        var safety = new List<string>();
        for (var index = 0; index < spans.Count; index++)
        {
            var span = spans[index];
            if (span.Role == SpanRole.Safety)
            {
                safety.Add(Text(words, span));
                continue;
            }

            if (span.Role == SpanRole.Action)
            {
                var verb = Text(words, span);
                var previous = index > 0 ? spans[index - 1] : null;
                if (previous is { Role: SpanRole.Action } && previous.End == span.Start && frames.Count > 0
                    && !AreDistinctSteps(Text(words, previous), verb))
                {
                    // Two action spans side by side are one verb the tagger split ("pick" + "up").
                    var merged = frames[^1];
                    var longer = span.End - span.Start > previous.End - previous.Start ? span.Kind : merged.Kind;
                    frames[^1] = (longer, merged.Verb + " " + verb, merged.Arguments);
                    continue;
                }

                frames.Add((span.Kind, verb, [.. pending]));
                pending.Clear();
                continue;
            }

            var argument = new FrameArgument(
                span.Role,
                Words(words, span.Start, span.End),
                Words(words, index > 0 ? spans[index - 1].End : 0, span.Start),
                Words(words, span.End, index + 1 < spans.Count ? spans[index + 1].Start : words.Count));
            var next = index + 1 < spans.Count ? spans[index + 1] : null;
            var opensNextClause = frames.Count > 0
                && span.Role == SpanRole.Theme
                && next is { Role: SpanRole.Action }
                && frames[^1].Arguments.Any(existing => existing.Role == SpanRole.Theme)
                && argument.Before.Any(word => _lexicon.Joiners.Contains(word));
            if (frames.Count == 0 || opensNextClause)
            {
                pending.Add(argument);
            }
            else
            {
                frames[^1].Arguments.Add(argument);
            }
        }

        if (pending.Count > 0)
        {
            if (frames.Count == 0)
            {
                // "the red block on the blue one, please": arguments without a verb ask for a placement.
                frames.Add((ActionKind.Place, string.Empty, pending));
            }
            else
            {
                frames[^1].Arguments.AddRange(pending);
            }
        }

        var built = frames.Select(frame => new Frame(frame.Kind, frame.Verb, frame.Arguments)).ToList();
        var repaired = built.Select((frame, index) => Repair(frame, index + 1 < built.Count ? built[index + 1] : null)).ToList();
        return new FrameReading(repaired, words, safety, Confidence(words, spans));
    }

    /// <summary>
    /// How sure the reading is: the least sure word of any action span (the verb decides everything), and the
    /// average over all words (one shaky article should not sink a clear command).
    /// </summary>
    private static float Confidence(IReadOnlyList<TaggedWord> words, List<TagSpan> spans)
    {
        if (words.Count == 0)
        {
            return 0f;
        }

        var average = words.Average(word => word.Probability);
        var verbs = spans.Where(span => span.Role == SpanRole.Action)
            .SelectMany(span => Enumerable.Range(span.Start, span.End - span.Start))
            .Select(index => words[index].Probability)
            .DefaultIfEmpty(average);
        return Math.Min(average, verbs.Min());
    }

    private static IReadOnlyList<string> Words(IReadOnlyList<TaggedWord> words, int start, int end) =>
        Enumerable.Range(start, Math.Max(0, end - start)).Select(index => words[index].Word).ToArray();

    private static string Text(IReadOnlyList<TaggedWord> words, TagSpan span) => string.Join(' ', Words(words, span.Start, span.End));

    /// <summary>
    /// Without a comma between them ("through drilling painting green and inspection", as speech arrives) the tagger
    /// may read a list of process steps as one verb; each word that names a step of its own becomes its own verb.
    /// </summary>
    private List<TagSpan> SplitRunTogetherSteps(List<TagSpan> spans, IReadOnlyList<TaggedWord> words)
    {
        var result = new List<TagSpan>(spans.Count);
        foreach (var span in spans)
        {
            var steps = Enumerable.Range(span.Start, span.End - span.Start).Select(index => StepOf(words[index].Word)).ToList();
            var isVerbPhrase = span.End - span.Start > 1 && (_lexicon.Verbs.Contains(Text(words, span)) || _lexicon.Participles.Contains(Text(words, span)));
            if (span.Role != SpanRole.Action || span.End - span.Start < 2 || isVerbPhrase || steps.Any(step => step is null) || steps.Distinct().Count() < 2)
            {
                result.Add(span);
                continue;
            }

            for (var index = span.Start; index < span.End; index++)
            {
                result.Add(span with { Kind = steps[index - span.Start]!.Value, Start = index, End = index + 1, Label = span.Label + "#" + index });
            }
        }

        return result;
    }

    /// <summary>Two words side by side that each name a different process step ("drilling" "painting"): two verbs, not one.</summary>
    private bool AreDistinctSteps(string first, string second) =>
        !first.Contains(' ', StringComparison.Ordinal) && !second.Contains(' ', StringComparison.Ordinal)
        && StepOf(first) is { } one && StepOf(second) is { } other && one != other;

    /// <summary>The one process step a single word names ("drilling", "painted"), or null.</summary>
    private ActionKind? StepOf(string word)
    {
        var kinds = _lexicon.Participles.Lookup(word).Count > 0 ? _lexicon.Participles.Lookup(word) : _lexicon.Steps.Lookup(word);
        return kinds.Count == 1 && kinds.First() is ActionKind.Drill or ActionKind.Paint or ActionKind.Inspect ? kinds.First() : null;
    }

    private static List<TagSpan> Spans(IReadOnlyList<TaggedWord> words)
    {
        var spans = new List<TagSpan>();
        for (var index = 0; index < words.Count; index++)
        {
            var tag = words[index].Tag;
            if (tag == TagSet.Outside)
            {
                continue;
            }

            var label = TagSet.LabelOf(tag);
            if (TagSet.IsInside(tag) && spans.Count > 0 && spans[^1].End == index && spans[^1].Label == label)
            {
                spans[^1] = spans[^1] with { End = index + 1 };
                continue;
            }

            var role = TagSet.RoleOf(label);
            spans.Add(new TagSpan(label, role, role == SpanRole.Action ? TagSet.ActionOf(label) : ActionKind.Foreign, index, index + 1));
        }

        return spans;
    }

    private Frame Repair(Frame frame, Frame? next)
    {
        frame = JoinRelativeClause(frame);
        if (frame.Action is ActionKind.Process && frame.Destinations.Any())
        {
            // "take part 5 to inspection": a process with a destination is a move.
            frame = frame with { Action = ActionKind.Place };
        }

        if (frame.Action is ActionKind.Place or ActionKind.Build or ActionKind.Unstack)
        {
            frame = ThemesAfterPrepositionsAreDestinations(frame);
            frame = SplitDestinationsFromThemes(frame);
        }

        var hasDestination = frame.Destinations.Any();
        var hasTheme = frame.Themes.Any();
        if (frame.Action is ActionKind.PickUp or ActionKind.Release && hasDestination)
        {
            return frame with { Action = ActionKind.Place };
        }

        if (frame.Action != ActionKind.Place || hasDestination)
        {
            return frame;
        }

        var verbWords = frame.Verb.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (verbWords.Contains("down"))
        {
            return frame with { Arguments = [.. frame.Arguments, new FrameArgument(SpanRole.Destination, ["down"], [], [])] };
        }

        if (hasTheme && next is { Action: ActionKind.Drill or ActionKind.Paint or ActionKind.Inspect })
        {
            return frame with { Action = ActionKind.Process };
        }

        if (frame.Themes.Count() > 1 && verbWords.Any(word => word is "stack" or "pile" or "heap"))
        {
            return frame with { Action = ActionKind.Build };
        }

        return _lexicon.Verbs.Lookup(frame.Verb).Contains(ActionKind.PickUp) ? frame with { Action = ActionKind.PickUp } : frame;
    }

    /// <summary>
    /// "move the block that is sitting on / the large red block / into the bin": a destination introduced by a
    /// relative clause ("that is", "sitting") describes the theme, so it joins it.
    /// </summary>
    private Frame JoinRelativeClause(Frame frame)
    {
        var arguments = frame.Arguments.ToList();
        for (var index = 1; index + 1 < arguments.Count; index++)
        {
            var (theme, destination) = (arguments[index - 1], arguments[index]);
            var relative = destination.Before.Any(word => word is "that" or "which" or "who" or "sitting" or "resting" or "standing" or "lying" or "sits")
                || (theme.Words.Count > 1 && theme.Words.TakeLast(4).Any(word => word is "sitting" or "resting" or "standing" or "lying" or "that" or "which"));
            if (theme.Role == SpanRole.Theme && destination.Role == SpanRole.Destination && arguments[index + 1].Role == SpanRole.Destination && relative)
            {
                arguments[index - 1] = theme with { Words = [.. theme.Words, .. destination.Before, .. destination.Words], After = destination.After };
                arguments.RemoveAt(index);
            }
        }

        return arguments.Count == frame.Arguments.Count ? frame : frame with { Arguments = arguments };
    }

    /// <summary>
    /// "put it on the blue block" read as two themes: a theme right after "on", "into", "to" (not after a relative
    /// clause, "that is on") is where the other one goes.
    /// </summary>
    private Frame ThemesAfterPrepositionsAreDestinations(Frame frame)
    {
        var arguments = frame.Arguments.ToList();
        var changed = false;
        for (var index = 0; index < arguments.Count; index++)
        {
            // "on the blue block, put the small red one": a fronted phrase after a preposition is the destination too.
            var argument = arguments[index];
            var otherTheme = index == 0
                ? arguments.Skip(1).Any(later => later.Role == SpanRole.Theme)
                : arguments.Take(index).Any(earlier => earlier.Role == SpanRole.Theme);
            if (argument.Role == SpanRole.Theme && EndsWithPreposition(argument.Before) && !argument.Before.Any(IsRelativeMarker) && otherTheme)
            {
                arguments[index] = argument with { Role = SpanRole.Destination };
                changed = true;
            }
        }

        return changed ? frame with { Arguments = arguments } : frame;
    }

    /// <summary>
    /// A theme not followed by a destination may hold one: "the green block on the small red block" read as one
    /// theme becomes the theme and, after its last "on"/"in"/"to" phrase that names a thing (not "on the left"),
    /// the destination.
    /// </summary>
    private Frame SplitDestinationsFromThemes(Frame frame)
    {
        var arguments = frame.Arguments.ToList();
        for (var index = arguments.Count - 1; index >= 0; index--)
        {
            var theme = arguments[index];
            var followedByDestination = index + 1 < arguments.Count && arguments[index + 1].Role == SpanRole.Destination;
            if (theme.Role != SpanRole.Theme || followedByDestination || (frame.Action is not (ActionKind.Place or ActionKind.Build)))
            {
                continue;
            }

            var split = Split(theme);
            if (split is not null)
            {
                arguments[index] = split.Value.Theme;
                arguments.Insert(index + 1, split.Value.Destination);
            }
        }

        return arguments.Count == frame.Arguments.Count ? frame : frame with { Arguments = arguments };
    }

    private (FrameArgument Theme, FrameArgument Destination)? Split(FrameArgument theme)
    {
        for (var start = theme.Words.Count - 2; start > 0; start--)
        {
            var (length, _) = _lexicon.Relations.MatchAt(theme.Words, start);
            var rest = theme.Words.Skip(start + length).ToList();
            var preposition = theme.Words.Skip(start).Take(length).ToArray();
            if (length == 0 || rest.Count == 0 || IsSpatial(rest) || preposition.Any(IsRelativeMarker) || theme.Words.Take(start).Any(IsRelativeMarker))
            {
                continue;
            }

            return (theme with { Words = theme.Words.Take(start).ToArray(), After = preposition },
                new FrameArgument(SpanRole.Destination, rest, preposition, theme.After));
        }

        return null;
    }

    private bool EndsWithPreposition(IReadOnlyList<string> words)
    {
        for (var start = Math.Max(0, words.Count - 3); start < words.Count; start++)
        {
            var (length, kinds) = _lexicon.Relations.MatchAt(words, start);
            if (length > 0 && start + length == words.Count && !kinds.Contains(RelationKind.Under))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRelativeMarker(string word) =>
        word is "that" or "which" or "who" or "is" or "sitting" or "resting" or "standing" or "lying" or "sits" or "that's";

    /// <summary>"the left", "the far right", "top", "top of the stack": where something is, not a thing.</summary>
    private bool IsSpatial(IReadOnlyList<string> words)
    {
        var content = words.Where(word => !_lexicon.Determiners.Contains(word) && word is not "side" and not "hand" and not "of").ToList();
        return content.Count == 0
            || content.All(word => _lexicon.Sides.Contains(word) || _lexicon.Extremes.Contains(word) || _lexicon.StackNouns.Contains(word) || word is "far" or "top" or "bottom" or "middle");
    }

    private sealed record TagSpan(string Label, SpanRole Role, ActionKind Kind, int Start, int End);
}
