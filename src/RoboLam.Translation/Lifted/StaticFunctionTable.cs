using RoboLam.Translation.Grounding;

namespace RoboLam.Translation.Lifted;

/// <summary>Values of the numeric functions given in the initial state, used for action costs.</summary>
internal sealed class StaticFunctionTable
{
    private readonly Dictionary<string, Dictionary<int[], double>> _values = new(StringComparer.Ordinal);

    public void Set(string function, int[] arguments, double value)
    {
        if (!_values.TryGetValue(function, out var table))
        {
            table = new Dictionary<int[], double>(ArgumentsComparer.Instance);
            _values[function] = table;
        }

        table[arguments] = value;
    }

    public bool TryGet(string function, int[] arguments, out double value)
    {
        value = 0;
        return _values.TryGetValue(function, out var table) && table.TryGetValue(arguments, out value);
    }
}
