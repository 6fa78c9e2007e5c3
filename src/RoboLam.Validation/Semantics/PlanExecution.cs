using RoboLam.Validation.Plans;

namespace RoboLam.Validation.Semantics;

/// <summary>Runs a plan from the initial state, step by step, and stops at the first thing that is wrong.</summary>
internal sealed class PlanExecution
{
    private readonly ValidationTask _task;
    private readonly WorldState _state;
    private readonly EvaluationContext _context;
    private readonly EffectBuffer _effects = new();

    public PlanExecution(ValidationTask task)
    {
        _task = task;
        _state = new WorldState(task.InitialFacts);
        _context = new EvaluationContext(_state, task.Functions, task.SlotCount);
    }

    private ObjectUniverse Objects => _task.Vocabulary.Objects;

    public ValidationResult Run(IReadOnlyList<PlanStep> plan)
    {
        foreach (var constraint in _task.Constraints)
        {
            constraint.Reset();
        }

        UpdateDerived();
        var broken = ObserveConstraints("in the initial state");
        if (broken is not null)
        {
            return ValidationResult.Failure(ValidationVerdict.InvalidPlan, null, broken);
        }

        var totalCost = _task.InitialTotalCost;
        for (var index = 0; index < plan.Count; index++)
        {
            var failure = Execute(plan[index], index + 1, ref totalCost);
            if (failure is not null)
            {
                return failure;
            }
        }

        if (_task.Goal is not null && !_task.Goal.Holds(_context))
        {
            var when = plan.Count == 0 ? "in the initial state (the plan is empty)" : "after the last step";
            var reason = FailureExplainer.Explain(_task.Goal, _context, new Dictionary<string, string>(), Objects);
            return ValidationResult.Failure(ValidationVerdict.InvalidPlan, null, $"goal {reason} {when}");
        }

        foreach (var constraint in _task.Constraints)
        {
            var reason = constraint.Finish();
            if (reason is not null)
            {
                return ValidationResult.Failure(
                    ValidationVerdict.InvalidPlan, null, $"constraint {constraint.Text} is violated: {reason}");
            }
        }

        return ValidationResult.Valid(_task.MeasuresTotalCost ? totalCost : plan.Count);
    }

    private ValidationResult? Execute(PlanStep step, int number, ref double totalCost)
    {
        var actionName = step.Action.ToLowerInvariant();
        if (!_task.Actions.TryGetValue(actionName, out var action))
        {
            return _task.DurativeActionNames.Contains(actionName)
                ? ValidationResult.Failure(
                    ValidationVerdict.TaskError, number, $"{Prefix(step, number)}: {actionName} is a durative action; the validator supports only sequential plans")
                : ValidationResult.Failure(ValidationVerdict.UnresolvedStep, number, $"{Prefix(step, number)}: unknown action {actionName}");
        }

        var resolveFailure = BindArguments(step, action, number);
        if (resolveFailure is not null)
        {
            return resolveFailure;
        }

        if (action.Precondition is not null && !action.Precondition.Holds(_context))
        {
            var reason = FailureExplainer.Explain(action.Precondition, _context, Bindings(step, action), Objects);
            return ValidationResult.Failure(ValidationVerdict.InvalidPlan, number, $"{Prefix(step, number)}: precondition {reason}");
        }

        _effects.Clear();
        action.Effect?.Collect(_context, _effects);
        if (_effects.UndefinedCost is not null)
        {
            var cost = ConditionPrinter.Print(_effects.UndefinedCost, Bindings(step, action));
            return ValidationResult.Failure(
                ValidationVerdict.InvalidPlan, number, $"{Prefix(step, number)}: its cost {cost} has no value in the init");
        }

        _state.Apply(_effects.Deletes, _effects.Adds);
        totalCost += _effects.Cost;
        UpdateDerived();
        var broken = ObserveConstraints("in the state after it");
        return broken is null ? null : ValidationResult.Failure(ValidationVerdict.InvalidPlan, number, $"{Prefix(step, number)}: {broken}");
    }

    /// <summary>Puts the step's objects into the parameter slots, checking arity, names and types.</summary>
    private ValidationResult? BindArguments(PlanStep step, CompiledAction action, int number)
    {
        var parameters = action.Parameters;
        if (step.Arguments.Count != parameters.Count)
        {
            return ValidationResult.Failure(
                ValidationVerdict.UnresolvedStep,
                number,
                $"{Prefix(step, number)}: action {action.Name} takes {SourceText.Plural(parameters.Count, "argument")}, got {step.Arguments.Count}");
        }

        for (var index = 0; index < parameters.Count; index++)
        {
            var argument = step.Arguments[index].ToLowerInvariant();
            if (!Objects.TryGetId(argument, out var id))
            {
                return ValidationResult.Failure(ValidationVerdict.UnresolvedStep, number, $"{Prefix(step, number)}: unknown object {argument}");
            }

            var parameter = parameters[index];
            if (!Objects.IsOfType(id, parameter.Type))
            {
                return ValidationResult.Failure(
                    ValidationVerdict.InvalidPlan,
                    number,
                    $"{Prefix(step, number)}: {argument} is of type {Objects.DeclaredTypeOf(id)}, but parameter {parameter.Name} of {action.Name} needs {parameter.Type}");
            }

            _context.Slots[index] = id;
        }

        return null;
    }

    private static string Prefix(PlanStep step, int number) => $"step {number} {step}";

    /// <summary>Parameter name → object, for printing conditions; only built when a message needs it.</summary>
    private static Dictionary<string, string> Bindings(PlanStep step, CompiledAction action)
    {
        var bindings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < action.Parameters.Count; index++)
        {
            bindings[action.Parameters[index].Name] = step.Arguments[index].ToLowerInvariant();
        }

        return bindings;
    }

    private void UpdateDerived() => _task.DerivedPredicates?.Compute(_state, _task.Functions);

    /// <summary>Null when no constraint is broken in the current state; otherwise the first broken one and why.</summary>
    private string? ObserveConstraints(string where)
    {
        foreach (var constraint in _task.Constraints)
        {
            var reason = constraint.Observe(_context);
            if (reason is not null)
            {
                var detail = reason.Length == 0 ? string.Empty : $": {reason}";
                return $"constraint {constraint.Text} is violated {where}{detail}";
            }
        }

        return null;
    }
}
