namespace RoboLam.Validation.Semantics;

/// <summary>Numeric function values given in the init that no action changes (such as action costs).</summary>
internal sealed class StaticFunctions
{
    private readonly Dictionary<GroundAtom, double> _values = [];

    public void Set(GroundAtom application, double value) => _values[application] = value;

    /// <summary>The value, or NaN when the init gives none (PDDL's "undefined").</summary>
    public double ValueOf(in GroundAtom application) =>
        _values.TryGetValue(application, out var value) ? value : double.NaN;
}
