using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Checking;

/// <summary>Says which goal facts can never hold from the world's state; the default is <see cref="RelaxedReachability"/>.</summary>
public interface IReachabilityChecker
{
    /// <summary>The goal facts that no sequence of actions can make true (empty when all may be reachable).</summary>
    IReadOnlyList<Fact> Unreachable(DomainSchema schema, World world, IReadOnlyCollection<Fact> initialFacts, IReadOnlyList<Fact> goal);
}
