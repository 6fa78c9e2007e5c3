namespace RoboLam.Validation.Semantics;

/// <summary>
/// The facts true in one state (closed world: anything absent is false), plus the derived atoms that the
/// domain's axioms make true in it, kept apart so that they can be recomputed after every step.
/// </summary>
internal sealed class WorldState
{
    private readonly HashSet<GroundAtom> _facts;
    private readonly HashSet<GroundAtom> _derived = [];

    public WorldState(IEnumerable<GroundAtom> facts)
    {
        _facts = new HashSet<GroundAtom>(facts);
    }

    public bool Holds(in GroundAtom atom, bool isDerived) =>
        isDerived ? _derived.Contains(atom) : _facts.Contains(atom);

    /// <summary>Applies one step's effects: all deletes first, then all adds, so an add wins a conflict.</summary>
    public void Apply(List<GroundAtom> deletes, List<GroundAtom> adds)
    {
        foreach (var atom in deletes)
        {
            _facts.Remove(atom);
        }

        foreach (var atom in adds)
        {
            _facts.Add(atom);
        }
    }

    public bool AddDerived(in GroundAtom atom) => _derived.Add(atom);

    public void ClearDerived() => _derived.Clear();
}
