using RoboLam.Planning.States;

namespace RoboLam.Planning.Heuristics;

/// <summary>
/// h^FF (Hoffmann and Nebel, with h^add best supporters as in Keyder and Geffner): the cost of a relaxed plan
/// extracted backwards from the goal. Relaxed-plan operators applicable in the state are preferred operators.
/// </summary>
internal sealed class FFHeuristic : Heuristic
{
    private readonly RelaxedExploration _exploration;
    private readonly RelaxedTask _task;
    private readonly int[] _factMark;
    private readonly int[] _operatorMark;
    private int[] _stack;
    private int _generation;

    public FFHeuristic(RelaxedTask task)
        : base("ff")
    {
        _task = task;
        _exploration = new RelaxedExploration(task);
        _factMark = new int[task.FactCount];
        _operatorMark = new int[task.OperatorCount];
        _stack = new int[Math.Max(16, task.FactCount)];
    }

    public override bool ProducesPreferredOperators => true;

    public override int Evaluate(EvaluationContext context)
    {
        if (_exploration.Explore(context.State, additive: true) == DeadEnd)
        {
            return DeadEnd;
        }

        if (++_generation == int.MaxValue)
        {
            Array.Clear(_factMark);
            Array.Clear(_operatorMark);
            _generation = 1;
        }

        return ExtractRelaxedPlan(context);
    }

    private int ExtractRelaxedPlan(EvaluationContext context)
    {
        var task = _task;
        var supporter = _exploration.Supporter;
        var generation = _generation;
        var stack = _stack;
        var top = 0;
        foreach (var fact in task.Goal)
        {
            stack[top++] = fact;
        }

        var total = 0;
        while (top > 0)
        {
            var fact = stack[--top];
            if (_factMark[fact] == generation)
            {
                continue;
            }

            _factMark[fact] = generation;
            var op = supporter[fact];
            if (op == RelaxedTask.NoOperator || _operatorMark[op] == generation)
            {
                continue;
            }

            _operatorMark[op] = generation;
            total = (int)Math.Min(1 << 30, (long)total + task.Costs[op]);
            var start = task.PreconditionStart[op];
            var end = task.PreconditionStart[op + 1];
            if (context.CollectPreferred && task.IsOperatorBase[op] && PackedState.ContainsAll(context.State, task.PreconditionFacts, start, end))
            {
                context.Preferred.Add(task.OriginalOperator[op]);
            }

            if (top + (end - start) > stack.Length)
            {
                Array.Resize(ref _stack, Math.Max(stack.Length * 2, top + (end - start)));
                stack = _stack;
            }

            for (var position = start; position < end; position++)
            {
                stack[top++] = task.PreconditionFacts[position];
            }
        }

        return total;
    }
}
