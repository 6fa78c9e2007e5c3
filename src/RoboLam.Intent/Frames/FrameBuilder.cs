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
        var spans = Spans(words);
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
                if (previous is { Role: SpanRole.Action } && previous.End == span.Start && frames.Count > 0)
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
        var confidence = words.Count == 0 ? 0f : words.Min(word => word.Probability);
        return new FrameReading(repaired, words, safety, confidence);
    }

    private static IReadOnlyList<string> Words(IReadOnlyList<TaggedWord> words, int start, int end) =>
        Enumerable.Range(start, Math.Max(0, end - start)).Select(index => words[index].Word).ToArray();

    private static string Text(IReadOnlyList<TaggedWord> words, TagSpan span) => string.Join(' ', Words(words, span.Start, span.End));

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

    private sealed record TagSpan(string Label, SpanRole Role, ActionKind Kind, int Start, int End);
}
