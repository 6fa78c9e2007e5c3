namespace RoboLam.Translation.Normalization;

/// <summary>
/// Compiles a formula into disjuncts of literals that grounding can join: universal quantifiers become
/// negated derived predicates (∀x φ ≡ ¬∃x ¬φ, the existential being a new axiom), or a plain conjunction when
/// they can be expanded over the objects; disjunctions become separate disjuncts, or axioms once the
/// disjunctive normal form would grow beyond the limit.
/// </summary>
internal sealed class ConditionCompiler
{
    public const int DefaultDnfLimit = 256;

    private readonly NameSource _names;
    private readonly ForAllExpander _expander;
    private readonly int _dnfLimit;
    private readonly List<NamedRule> _rules = [];

    public ConditionCompiler(NameSource names, ForAllExpander expander, int dnfLimit = DefaultDnfLimit)
    {
        _names = names;
        _expander = expander;
        _dnfLimit = dnfLimit;
    }

    /// <summary>Every rule of every axiom this compiler introduced so far.</summary>
    public IReadOnlyList<NamedRule> Rules => _rules;

    public List<Conjunct> ToConjuncts(Formula formula, VariableScope scope) =>
        Split(CompileUniversals(formula, scope), scope);

    /// <summary>
    /// Introduces a derived predicate over the free variables of <paramref name="body"/> that holds exactly when
    /// the body does, and returns the (positive) literal that stands for it.
    /// </summary>
    public LiteralFormula DefineAxiom(string kind, Formula body, VariableScope scope)
    {
        var free = Formulas.FreeVariables(body);
        var head = _names.FreshPredicate(kind);
        var headVariables = free.Select(scope.VariableOf).ToList();
        foreach (var conjunct in ToConjuncts(body, scope))
        {
            _rules.Add(new NamedRule(head, free, [.. headVariables, .. conjunct.Variables], conjunct.Literals));
        }

        return new LiteralFormula(head, free, IsNegated: false);
    }

    private List<Conjunct> Split(Formula formula, VariableScope scope)
    {
        var dnf = Dnf.Convert(formula, _dnfLimit);
        if (dnf is not null)
        {
            return dnf;
        }

        // Too many disjuncts: keep the top-level structure and hide the disjunctive parts behind axioms.
        switch (formula)
        {
            case OrFormula or:
                return or.Parts.SelectMany(part => Split(part, scope)).ToList();
            case ExistsFormula exists:
                return Split(exists.Body, scope)
                    .Select(conjunct => conjunct with { Variables = [.. exists.Variables, .. conjunct.Variables] })
                    .ToList();
            case AndFormula and:
                {
                    var literals = and.Parts
                        .Select(part => part as LiteralFormula ?? DefineAxiom("or", part, scope))
                        .ToList();
                    return [new Conjunct([], literals)];
                }

            default:
                throw new InvalidOperationException($"Cannot split {formula.GetType().Name}.");
        }
    }

    private Formula CompileUniversals(Formula formula, VariableScope scope) => formula switch
    {
        AndFormula and => Formulas.And(and.Parts.Select(part => CompileUniversals(part, scope))),
        OrFormula or => Formulas.Or(or.Parts.Select(part => CompileUniversals(part, scope))),
        ExistsFormula exists => Formulas.Exists(exists.Variables, CompileUniversals(exists.Body, scope)),
        ForAllFormula forAll => CompileForAll(forAll, scope),
        _ => formula,
    };

    private Formula CompileForAll(ForAllFormula forAll, VariableScope scope)
    {
        var expanded = _expander.TryExpand(forAll);
        if (expanded is not null)
        {
            return CompileUniversals(expanded, scope);
        }

        var counterexample = DefineAxiom(
            "forall", Formulas.Exists(forAll.Variables, Formulas.Negate(forAll.Body)), scope);
        return counterexample.Negate();
    }
}
