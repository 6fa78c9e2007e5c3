namespace RoboLam.Planning.Heuristics;

/// <summary>h^max (Bonet and Geffner): the most expensive goal fact, each fact's cost the cheapest achiever's most expensive precondition. Admissible.</summary>
internal sealed class MaxHeuristic : Heuristic
{
    private readonly RelaxedExploration _exploration;

    public MaxHeuristic(RelaxedTask task)
        : base("hmax")
    {
        _exploration = new RelaxedExploration(task);
    }

    public override bool IsAdmissible => true;

    public override int Evaluate(EvaluationContext context) => _exploration.Explore(context.State, additive: false);
}
