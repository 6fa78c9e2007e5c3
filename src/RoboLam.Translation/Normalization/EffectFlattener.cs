using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Normalization;

/// <summary>One add or delete, under the universally quantified variables and the condition that lead to it.</summary>
internal sealed record FlatEffect(IReadOnlyList<Variable> Variables, Formula Condition, LiteralFormula Atom);

/// <summary>One <c>(increase (total-cost) ...)</c>: a number, or a static function applied to terms.</summary>
internal sealed record CostTerm(double Constant, string? Function, IReadOnlyList<string> Arguments, SourceSpan Span);

/// <summary>An action's effect as flat adds and deletes, plus its cost terms.</summary>
internal sealed record FlatEffects(IReadOnlyList<FlatEffect> Effects, IReadOnlyList<CostTerm> CostTerms);

/// <summary>
/// Flattens nested <c>and</c>, <c>forall</c> and <c>when</c> effects into <see cref="FlatEffect"/>s and collects
/// action costs. Any numeric effect other than increasing <c>total-cost</c> is rejected.
/// </summary>
internal sealed class EffectFlattener
{
    public const string TotalCost = "total-cost";

    private readonly FormulaBuilder _builder;

    public EffectFlattener(FormulaBuilder builder)
    {
        _builder = builder;
    }

    public FlatEffects Flatten(Effect? effect, VariableScope scope)
    {
        var effects = new List<FlatEffect>();
        var costs = new List<CostTerm>();
        if (effect is not null)
        {
            Walk(effect, [], TruthFormula.True, new Dictionary<string, string>(StringComparer.Ordinal), scope, effects, costs);
        }

        return new FlatEffects(effects, costs);
    }

    private void Walk(
        Effect effect,
        IReadOnlyList<Variable> variables,
        Formula condition,
        Dictionary<string, string> renaming,
        VariableScope scope,
        List<FlatEffect> effects,
        List<CostTerm> costs)
    {
        switch (effect)
        {
            case AtomEffect atom:
                effects.Add(new FlatEffect(variables, condition, _builder.BuildAtom(atom.Atom, atom.IsDelete, renaming)));
                break;
            case AndEffect and:
                foreach (var part in and.Effects)
                {
                    Walk(part, variables, condition, renaming, scope, effects, costs);
                }

                break;
            case ForAllEffect forAll:
                {
                    var inner = new Dictionary<string, string>(renaming, StringComparer.Ordinal);
                    var added = _builder.Rename(forAll.Variables, scope, inner);
                    Walk(forAll.Body, [.. variables, .. added], condition, inner, scope, effects, costs);
                    break;
                }

            case WhenEffect conditional:
                {
                    var guard = Formulas.And([condition, _builder.Build(conditional.Condition, scope, renaming)]);
                    Walk(conditional.Body, variables, guard, renaming, scope, effects, costs);
                    break;
                }

            case NumericEffect numeric:
                costs.Add(ReadCost(numeric, variables, condition, renaming));
                break;
            case ObjectAssignEffect assign:
                throw Unsupported.Construct($"assigning the object fluent ({assign.Target.Function} ...)", assign.Span);
            case TimedEffect timed:
                throw Unsupported.Construct("timed effects (at start/at end)", timed.Span);
            default:
                throw new TranslationException($"Unknown effect {effect.GetType().Name}.", effect.Span);
        }
    }

    private static CostTerm ReadCost(
        NumericEffect numeric, IReadOnlyList<Variable> variables, Formula condition, IReadOnlyDictionary<string, string> renaming)
    {
        if (numeric.Target.Function != TotalCost || numeric.Target.Arguments.Count != 0)
        {
            throw Unsupported.Construct(
                $"the numeric effect ({numeric.Operator} ({numeric.Target.Function} ...) ...) (numeric fluents)",
                numeric.Span);
        }

        if (numeric.Operator != "increase")
        {
            throw Unsupported.Construct($"({numeric.Operator} (total-cost) ...); only increase is", numeric.Span);
        }

        if (variables.Count > 0 || condition is not TruthFormula { Value: true })
        {
            throw Unsupported.Construct("an action cost inside forall or when (conditional cost)", numeric.Span);
        }

        return numeric.Value switch
        {
            NumberExpr number => new CostTerm(number.Value, null, [], numeric.Span),
            FunctionExpr function => new CostTerm(
                0,
                function.Function,
                function.Arguments.Select(argument => FormulaBuilder.Argument(argument, renaming)).ToArray(),
                numeric.Span),
            _ => throw Unsupported.Construct(
                "an action cost that is not a number or a function application (arithmetic in costs)", numeric.Span),
        };
    }
}
