using RoboLam.Planning.Tasks;

namespace RoboLam.Translation.Tests.Support;

/// <summary>
/// Runs operators on a <see cref="GroundTask"/> with its own straightforward semantics (axioms layer by layer,
/// effects conditioned on the state before, deletes before adds), so tests can check a translation by executing
/// known plans on it.
/// </summary>
internal sealed class TaskSimulator
{
    private readonly GroundTask _task;
    private HashSet<int> _basic;

    public TaskSimulator(GroundTask task)
    {
        _task = task;
        _basic = [.. task.InitialState];
    }

    public HashSet<int> State => WithDerived(_basic);

    public bool Holds(string factName) => State.Contains(Fact(factName));

    public bool GoalHolds()
    {
        var state = State;
        return _task.Goal.All(state.Contains);
    }

    public IEnumerable<GroundOperator> Applicable()
    {
        var state = State;
        return _task.Operators.Where(op => op.Precondition.All(state.Contains));
    }

    /// <summary>Applies the first applicable operator with this name; fails the test when there is none.</summary>
    public void Apply(string name)
    {
        var state = State;
        var op = _task.Operators.FirstOrDefault(candidate => candidate.Name == name && candidate.Precondition.All(state.Contains));
        Assert.True(op is not null, $"{name} is not applicable; applicable: {string.Join(", ", Applicable().Select(o => o.Name))}");
        var firing = op!.Effects.Where(effect => effect.Condition.All(state.Contains)).ToList();
        var next = new HashSet<int>(_basic);
        foreach (var effect in firing.Where(effect => effect.IsDelete))
        {
            next.Remove(effect.Fact);
        }

        foreach (var effect in firing.Where(effect => !effect.IsDelete))
        {
            next.Add(effect.Fact);
        }

        _basic = next;
    }

    public int Fact(string name)
    {
        var index = _task.FactNames.ToList().IndexOf(name);
        Assert.True(index >= 0, $"No fact named {name}; facts: {string.Join(", ", _task.FactNames)}");
        return index;
    }

    private HashSet<int> WithDerived(HashSet<int> basic)
    {
        var state = new HashSet<int>(basic);
        foreach (var layer in _task.Axioms.GroupBy(axiom => axiom.Layer).OrderBy(group => group.Key))
        {
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var axiom in layer)
                {
                    if (!state.Contains(axiom.Head) && axiom.Body.All(state.Contains) && !axiom.NegatedBody.Any(state.Contains))
                    {
                        state.Add(axiom.Head);
                        changed = true;
                    }
                }
            }
        }

        return state;
    }
}
