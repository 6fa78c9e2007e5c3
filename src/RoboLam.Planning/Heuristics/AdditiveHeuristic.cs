namespace RoboLam.Planning.Heuristics;

/// <summary>h^add (Bonet and Geffner): the sum of the goal facts' relaxed costs, each fact's cost the cheapest achiever's sum of precondition costs.</summary>
internal sealed class AdditiveHeuristic : Heuristic
{
    private readonly RelaxedExploration _exploration;

    public AdditiveHeuristic(RelaxedTask task)
        : base("hadd")
    {
        _exploration = new RelaxedExploration(task);
    }

    public override int Evaluate(EvaluationContext context) => _exploration.Explore(context.State, additive: true);
}
