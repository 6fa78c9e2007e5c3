using System.Collections.Immutable;
using RoboLam.Pddl.Ast;

namespace RoboLam.Validation.Semantics;

/// <summary>
/// Turns <c>:constraints</c> into one watcher per modal operator; a <c>forall</c> around constraints is
/// expanded over the objects, so each instance is watched (and reported) on its own.
/// </summary>
internal sealed class ConstraintCompiler
{
    private readonly ConditionCompiler _conditions;
    private readonly ObjectUniverse _objects;

    public ConstraintCompiler(ConditionCompiler conditions, ObjectUniverse objects)
    {
        _conditions = conditions;
        _objects = objects;
    }

    public void Compile(Condition constraints, VariableScope scope, List<TrajectoryConstraint> into) =>
        Compile(constraints, scope, ImmutableDictionary<string, string>.Empty, into);

    private void Compile(
        Condition constraint, VariableScope scope, ImmutableDictionary<string, string> bindings, List<TrajectoryConstraint> into)
    {
        switch (constraint)
        {
            case AndCondition conjunction:
                foreach (var operand in conjunction.Operands)
                {
                    Compile(operand, scope, bindings, into);
                }

                break;
            case ForAllCondition forAll:
                ExpandForAll(forAll, 0, scope, bindings, into);
                break;
            case ConstraintCondition modal:
                into.Add(CompileModal(modal, scope, ConditionPrinter.Print(modal, bindings)));
                break;
            case PreferenceCondition:
                throw ConditionCompiler.Unsupported(constraint.Span, "preferences are not supported by the validator");
            default:
                throw new TaskError(
                    $"{SourceText.Where(constraint.Span)}expected a modal operator such as (always ...) in :constraints");
        }
    }

    private void ExpandForAll(
        ForAllCondition forAll, int index, VariableScope scope, ImmutableDictionary<string, string> bindings, List<TrajectoryConstraint> into)
    {
        if (index == forAll.Variables.Count)
        {
            Compile(forAll.Body, scope, bindings, into);
            return;
        }

        var variable = forAll.Variables[index];
        foreach (var member in _objects.MembersOf(variable.Type))
        {
            scope.Nested(inner =>
            {
                inner.BindObject(variable.Name, member);
                ExpandForAll(forAll, index + 1, inner, bindings.SetItem(variable.Name, _objects.NameOf(member)), into);
            });
        }
    }

    private TrajectoryConstraint CompileModal(ConstraintCondition modal, VariableScope scope, string text)
    {
        var operands = modal.Operands.Select(operand => _conditions.Compile(operand, scope)).ToArray();
        return (modal.Operator, operands.Length) switch
        {
            ("always", 1) => new AlwaysConstraint(text, operands[0]),
            ("sometime", 1) => new SometimeConstraint(text, operands[0]),
            ("at end", 1) or ("at-end", 1) => new AtEndConstraint(text, operands[0]),
            ("at-most-once", 1) => new AtMostOnceConstraint(text, operands[0]),
            ("sometime-before", 2) => new SometimeBeforeConstraint(text, operands[0], operands[1]),
            ("sometime-after", 2) => new SometimeAfterConstraint(text, operands[0], operands[1]),
            _ => throw ConditionCompiler.Unsupported(
                modal.Span,
                $"the constraint '{modal.Operator}' is not supported; the validator handles always, sometime, at end, at-most-once, sometime-before and sometime-after"),
        };
    }
}
