using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Normalization;

/// <summary>A variable introduced by a parameter list or a quantifier. Quantified variables are renamed to be unique.</summary>
internal sealed record Variable(string Name, TypeRef Type);

/// <summary>
/// A condition in negation normal form: negation appears only on literals, <c>imply</c> is gone.
/// Arguments are variable names (leading '?') or object names.
/// </summary>
internal abstract record Formula;

/// <summary>An atom or its negation; the predicate <c>=</c> is equality.</summary>
internal sealed record LiteralFormula(string Predicate, IReadOnlyList<string> Arguments, bool IsNegated) : Formula
{
    public const string EqualityPredicate = "=";

    public LiteralFormula Negate() => this with { IsNegated = !IsNegated };

    public bool Equals(LiteralFormula? other) =>
        other is not null
        && IsNegated == other.IsNegated
        && Predicate == other.Predicate
        && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Predicate);
        hash.Add(IsNegated);
        foreach (var argument in Arguments)
        {
            hash.Add(argument);
        }

        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var atom = Arguments.Count == 0 ? $"({Predicate})" : $"({Predicate} {string.Join(' ', Arguments)})";
        return IsNegated ? $"(not {atom})" : atom;
    }
}

internal sealed record AndFormula(IReadOnlyList<Formula> Parts) : Formula;

internal sealed record OrFormula(IReadOnlyList<Formula> Parts) : Formula;

internal sealed record ExistsFormula(IReadOnlyList<Variable> Variables, Formula Body) : Formula;

internal sealed record ForAllFormula(IReadOnlyList<Variable> Variables, Formula Body) : Formula;

internal sealed record TruthFormula(bool Value) : Formula
{
    public static readonly TruthFormula True = new(true);

    public static readonly TruthFormula False = new(false);
}
