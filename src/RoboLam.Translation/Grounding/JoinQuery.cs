using RoboLam.Translation.Lifted;

namespace RoboLam.Translation.Grounding;

/// <summary>A positive atom to match against known facts; arguments are terms (objects ≥ 0, variables <c>~i</c>).</summary>
internal sealed record JoinAtom(int Predicate, int[] Arguments)
{
    public bool IsGround => Arguments.All(argument => !Terms.IsVariable(argument));
}

/// <summary>
/// A test on bound variables: an equality (<see cref="Predicate"/> null), or the negation of a static atom,
/// which holds when the atom is not among the initial facts.
/// </summary>
internal sealed record JoinFilter(int? Predicate, int[] Arguments, bool IsNegated);

/// <summary>
/// A conjunctive query: find every binding of <see cref="VariableCount"/> variables under which all atoms are
/// known facts and all filters pass. Ground atoms are kept apart: they are membership tests, not joins.
/// </summary>
internal sealed class JoinQuery
{
    public const int MaximumJoinedAtoms = 64;

    public JoinQuery(int variableCount, IReadOnlyList<JoinAtom> atoms, IReadOnlyList<JoinFilter> filters)
    {
        VariableCount = variableCount;
        Atoms = atoms.Where(atom => !atom.IsGround).ToArray();
        GroundAtoms = atoms.Where(atom => atom.IsGround).ToArray();
        Filters = [.. filters];
        if (Atoms.Length > MaximumJoinedAtoms)
        {
            throw new TranslationException(
                $"A condition has {Atoms.Length} atoms with variables; at most {MaximumJoinedAtoms} are supported.");
        }
    }

    public int VariableCount { get; }

    public JoinAtom[] Atoms { get; }

    public JoinAtom[] GroundAtoms { get; }

    public JoinFilter[] Filters { get; }

    /// <summary>
    /// Builds the query of a conjunction: positive atoms are joined, equalities and negated static atoms are
    /// filters, other negated atoms are ignored (relaxed reachability over-approximates them as true).
    /// </summary>
    public static JoinQuery From(
        int variableCount,
        IEnumerable<LiftedLiteral> literals,
        IReadOnlyList<PredicateInfo> predicates,
        JoinAtom? extraAtom = null)
    {
        var atoms = new List<JoinAtom>();
        if (extraAtom is not null)
        {
            atoms.Add(extraAtom);
        }

        var filters = new List<JoinFilter>();
        foreach (var literal in literals)
        {
            var kind = predicates[literal.Predicate].Kind;
            if (kind == PredicateKind.Equality)
            {
                filters.Add(new JoinFilter(null, literal.Arguments, literal.IsNegated));
            }
            else if (!literal.IsNegated)
            {
                atoms.Add(new JoinAtom(literal.Predicate, literal.Arguments));
            }
            else if (predicates[literal.Predicate].IsStatic)
            {
                filters.Add(new JoinFilter(literal.Predicate, literal.Arguments, IsNegated: true));
            }
        }

        return new JoinQuery(variableCount, atoms, filters);
    }
}
