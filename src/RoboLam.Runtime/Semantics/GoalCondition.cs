using RoboLam.Pddl.Ast;
using RoboLam.Runtime.World;

namespace RoboLam.Runtime.Semantics;

/// <summary>A goal as the controller receives it: a ground PDDL condition, checkable on the live world.</summary>
public sealed record GoalCondition(Condition Condition)
{
    /// <summary>A conjunction of literals such as <c>(on b1 b2)</c> or <c>(not (holding b1))</c>.</summary>
    public static GoalCondition FromLiterals(params IEnumerable<string> literals)
    {
        ArgumentNullException.ThrowIfNull(literals);
        var operands = literals.Select(ParseLiteral).ToArray();
        return new GoalCondition(new AndCondition(Seq.From(operands), SourceSpan.None));
    }

    /// <summary>Null when the goal holds in <paramref name="world"/>; otherwise what is still missing.</summary>
    public string? Unmet(DomainModel domain, WorldState world)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(world);
        return new ConditionEvaluator(domain, world).Explain(Condition, new Bindings(new Dictionary<string, string>()));
    }

    public override string ToString() => ConditionText.Print(Condition, new Bindings(new Dictionary<string, string>()));

    private static Condition ParseLiteral(string literal)
    {
        var text = literal.Trim();
        if (text.StartsWith("(not ", StringComparison.OrdinalIgnoreCase) && text.EndsWith(')'))
        {
            return new NotCondition(ParseLiteral(text[5..^1]), SourceSpan.None);
        }

        var fact = GroundFact.Parse(text);
        var atom = new Atom(fact.Predicate, Seq.From(fact.Arguments.Select(argument => (Term)new NameTerm(argument, SourceSpan.None))), SourceSpan.None);
        return new AtomCondition(atom, SourceSpan.None);
    }
}
