using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>Compiles action effects; the only numeric effect it accepts is <c>(increase (total-cost) N)</c>.</summary>
internal sealed class EffectCompiler
{
    private readonly ConditionCompiler _conditions;

    public EffectCompiler(ConditionCompiler conditions)
    {
        _conditions = conditions;
    }

    public CompiledEffect Compile(Effect effect, VariableScope scope)
    {
        switch (effect)
        {
            case AtomEffect atom:
                var pattern = _conditions.CompileAtom(atom.Atom, scope);
                if (pattern.IsDerived)
                {
                    throw new TaskError(
                        $"{SourceText.Where(effect.Span)}derived predicate '{atom.Atom.Predicate}' may not appear in an effect");
                }

                return new AtomChange(pattern, atom.IsDelete);
            case AndEffect conjunction:
                return new EffectList(conjunction.Effects.Select(part => Compile(part, scope)).ToArray());
            case ForAllEffect forAll:
                return scope.Nested(inner =>
                {
                    var (slots, candidates) = _conditions.BindVariables(forAll.Variables, inner);
                    return (CompiledEffect)new UniversalEffect(slots, candidates, Compile(forAll.Body, inner));
                });
            case WhenEffect conditional:
                return new ConditionalEffect(_conditions.Compile(conditional.Condition, scope), Compile(conditional.Body, scope));
            case NumericEffect numeric:
                return CompileNumeric(numeric, scope);
            case ObjectAssignEffect:
                throw ConditionCompiler.Unsupported(effect.Span, "object fluents are not supported by the validator");
            default:
                throw ConditionCompiler.Unsupported(effect.Span, "durative-action effects are not supported by the validator");
        }
    }

    private CompiledEffect CompileNumeric(NumericEffect numeric, VariableScope scope)
    {
        if (numeric.Target.Function != Vocabulary.TotalCost)
        {
            throw ConditionCompiler.Unsupported(
                numeric.Span,
                $"numeric fluent '{numeric.Target.Function}' is changed by an effect; the validator supports only (increase (total-cost) ...)");
        }

        if (numeric.Operator != "increase")
        {
            throw ConditionCompiler.Unsupported(
                numeric.Span, $"({numeric.Operator} (total-cost) ...); action costs may only increase (total-cost)");
        }

        return new CostIncrease(_conditions.CompileNumber(numeric.Value, scope));
    }
}
