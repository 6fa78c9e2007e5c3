using System.Text;
using System.Text.RegularExpressions;
using RoboLam.Translation.Grounding;
using RoboLam.Translation.Lifted;

namespace RoboLam.Translation.Explanation;

/// <summary>
/// Says why a goal can never hold, as sentences such as
/// "(holding b7) needs (clear b7); nothing adds (clear b7)". For an atom the relaxed reachability fixpoint never
/// produced, it looks at the actions (or axiom rules) that could add it, finds the first precondition that no
/// reached fact matches, and follows that link a few steps.
/// </summary>
internal sealed partial class UnreachableGoalExplainer
{
    private const int MaximumChainLength = 6;
    private const int MaximumAlternatives = 3;

    private readonly LiftedTask _task;
    private readonly ReachabilityResult _reached;

    public UnreachableGoalExplainer(LiftedTask task, ReachabilityResult reached)
    {
        _task = task;
        _reached = reached;
    }

    public List<string> Explain(GroundModel grounded, GroundModel simplified)
    {
        var sentences = new List<string>();
        if (_task.GoalIsImpossible)
        {
            sentences.Add("The goal is false as written (it requires two different objects to be equal, or is empty disjunction).");
        }

        foreach (var atom in grounded.UnreachedGoalAtoms)
        {
            var predicate = _reached.Atoms.PredicateOf(atom);
            var arguments = _reached.Atoms.ArgumentsOf(atom);
            sentences.Add(Capitalize(WhyNever(predicate, arguments, new HashSet<string>(StringComparer.Ordinal), 0)) + ".");
        }

        if (sentences.Count == 0 && simplified.GoalIsFalse)
        {
            foreach (var literal in simplified.Goal)
            {
                var atom = GroundLiteral.Atom(literal);
                var text = AtomText(atom);
                if (GroundLiteral.IsNegated(literal) && simplified.InitialAtoms.Contains(atom)
                    && !simplified.Actions.Any(action => action.Effects.Any(effect => effect.Atom == atom && effect.IsDelete)))
                {
                    sentences.Add($"The goal (not {text}) can never hold: {text} is true initially and nothing deletes it.");
                }
                else if (!GroundLiteral.IsNegated(literal)
                    && !simplified.Actions.Any(action => action.Effects.Any(effect => effect.Atom == atom && !effect.IsDelete))
                    && !simplified.InitialAtoms.Contains(atom)
                    && !simplified.Axioms.Any(axiom => axiom.Head == atom))
                {
                    sentences.Add($"The goal {text} can never hold: it is false initially and no applicable action adds it.");
                }
            }
        }

        return sentences;
    }

    private string WhyNever(int predicate, int[] arguments, HashSet<string> visited, int depth)
    {
        var text = Describe(predicate, arguments);
        visited.Add(text);
        var info = _task.Predicates[predicate];
        if (info.IsStatic)
        {
            return $"nothing adds {text}";
        }

        var links = MissingLinks(predicate, arguments);
        if (links.Count == 0)
        {
            return info.Kind == PredicateKind.Derived ? $"no rule derives {text}" : $"nothing adds {text}";
        }

        var builder = new StringBuilder(text).Append(" needs ");
        // With one way to get the atom, naming the action adds nothing; with several, it tells them apart.
        builder.Append(string.Join(", or ", links.Take(MaximumAlternatives).Select(link =>
            link.Via is null || links.Count == 1 ? link.Text : $"{link.Text} (for {link.Via})")));
        if (links.Count > MaximumAlternatives)
        {
            builder.Append($", or one of {links.Count - MaximumAlternatives} more");
        }

        var next = links.FirstOrDefault(link => link.GroundArguments is not null && !visited.Contains(link.Text));
        if (next is null)
        {
            var open = links[0];
            if (open.GroundArguments is null)
            {
                builder.Append($"; no reachable fact matches {open.Text}");
            }
        }
        else if (depth + 1 < MaximumChainLength)
        {
            builder.Append("; ").Append(WhyNever(next.Predicate, next.GroundArguments!, visited, depth + 1));
        }

        return builder.ToString();
    }

    /// <summary>For each action or rule that could produce the atom, the first of its conditions nothing reached matches.</summary>
    private List<MissingLink> MissingLinks(int predicate, int[] arguments)
    {
        var result = new List<MissingLink>();
        foreach (var action in _task.Actions)
        {
            foreach (var effect in action.Effects.Where(effect => !effect.Atom.IsNegated && effect.Atom.Predicate == predicate))
            {
                var binding = Bind(effect.VariableCount, effect.Atom.Arguments, arguments);
                if (binding is null)
                {
                    continue;
                }

                var names = action.VariableNames
                    .Concat(Enumerable.Range(action.VariableCount, effect.VariableCount - action.VariableCount).Select(index => "?v" + index))
                    .ToArray();
                var (applicable, link) = FirstMissing(action.Precondition.Concat(effect.Condition), binding, names);
                if (applicable)
                {
                    result.Add((link ?? s_together) with { Via = ActionText(action, binding) });
                }
            }
        }

        foreach (var axiom in _task.Axioms.Where(axiom => axiom.Head == predicate))
        {
            var binding = Bind(axiom.VariableCount, axiom.HeadArguments, arguments);
            if (binding is null)
            {
                continue;
            }

            var (applicable, link) = FirstMissing(axiom.Body, binding, axiom.VariableNames);
            if (applicable)
            {
                result.Add(link ?? s_together);
            }
        }

        return result;
    }

    private static int[]? Bind(int variableCount, int[] pattern, int[] arguments)
    {
        var binding = new int[variableCount];
        Array.Fill(binding, -1);
        return Joiner.Unify(new JoinAtom(0, pattern), arguments, binding) ? binding : null;
    }

    private static readonly MissingLink s_together = new(-1, null, "its conditions at the same time", Via: null);

    /// <summary>
    /// The first positive literal that no reached fact matches under the binding (unbound variables match anything).
    /// Not applicable when a type or an equality rules the binding out; no link when every literal matches on its
    /// own (then only their combination is missing).
    /// </summary>
    private (bool Applicable, MissingLink? Link) FirstMissing(IEnumerable<LiftedLiteral> literals, int[] binding, IReadOnlyList<string> variableNames)
    {
        MissingLink? first = null;
        var values = new int[Math.Max(1, _task.Predicates.Max(predicate => predicate.Arity))];
        foreach (var literal in literals)
        {
            var kind = _task.Predicates[literal.Predicate].Kind;
            if (kind == PredicateKind.Equality)
            {
                var left = Value(literal.Arguments[0], binding);
                var right = Value(literal.Arguments[1], binding);
                if (left >= 0 && right >= 0 && (left == right) == literal.IsNegated)
                {
                    return (false, null);
                }

                continue;
            }

            if (literal.IsNegated)
            {
                continue;
            }

            var mask = 0;
            for (var position = 0; position < literal.Arguments.Length; position++)
            {
                var value = Value(literal.Arguments[position], binding);
                if (value >= 0)
                {
                    mask |= 1 << position;
                    values[position] = value;
                }
            }

            var facts = _reached.Store[literal.Predicate];
            var full = mask == (1 << literal.Arguments.Length) - 1;
            var matches = full ? facts.Contains(values.AsSpan(0, literal.Arguments.Length)) : facts.Matching(mask, values).Count > 0;
            if (matches)
            {
                continue;
            }

            if (kind == PredicateKind.Type)
            {
                return (false, null);
            }

            first ??= new MissingLink(
                literal.Predicate,
                full ? values[..literal.Arguments.Length] : null,
                Readable(_task.LiteralText(literal, variableNames, binding)),
                Via: null);
        }

        return (true, first);
    }

    private static int Value(int term, int[] binding) => Terms.IsVariable(term) ? binding[Terms.VariableIndex(term)] : term;

    private string ActionText(LiftedAction action, int[] binding)
    {
        var arguments = Enumerable.Range(0, action.ParameterCount)
            .Select(index => binding[index] >= 0 ? _task.Objects[binding[index]] : Readable(action.VariableNames[index]));
        return action.ParameterCount == 0 ? $"({action.Name})" : $"({action.Name} {string.Join(' ', arguments)})";
    }

    private string Describe(int predicate, int[] arguments)
    {
        var info = _task.Predicates[predicate];
        if (!info.IsSynthetic)
        {
            return _task.AtomText(predicate, arguments);
        }

        return info.Name.StartsWith("@goal", StringComparison.Ordinal) ? "the goal" : "a quantified or disjunctive condition";
    }

    private string AtomText(int atom) => Describe(_reached.Atoms.PredicateOf(atom), _reached.Atoms.ArgumentsOf(atom));

    /// <summary>Drops the suffix that made quantified variables unique: <c>?p#12</c> reads <c>?p</c>.</summary>
    private static string Readable(string text) => UniqueSuffix().Replace(text, string.Empty);

    private static string Capitalize(string sentence) =>
        sentence.Length == 0 || !char.IsLower(sentence[0]) ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];

    [GeneratedRegex("#[0-9]+")]
    private static partial Regex UniqueSuffix();

    private sealed record MissingLink(int Predicate, int[]? GroundArguments, string Text, string? Via);
}
