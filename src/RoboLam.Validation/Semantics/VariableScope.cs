namespace RoboLam.Validation.Semantics;

/// <summary>
/// Variables visible while compiling, each bound to a term code (a slot, or an object when a constraint's
/// forall was expanded). Slots are handed out depth-first, so sibling quantifiers reuse them; the highest
/// slot ever used sizes the evaluation context.
/// </summary>
internal sealed class VariableScope
{
    private readonly VariableScope? _parent;
    private readonly SlotCounter _counter;
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

    private VariableScope(VariableScope? parent, SlotCounter counter)
    {
        _parent = parent;
        _counter = counter;
    }

    public int SlotsUsed => _counter.Maximum;

    public static VariableScope Root() => new(null, new SlotCounter());

    /// <summary>A child scope; its slots are released when <paramref name="compile"/> returns.</summary>
    public T Nested<T>(Func<VariableScope, T> compile)
    {
        var saved = _counter.Next;
        try
        {
            return compile(new VariableScope(this, _counter));
        }
        finally
        {
            _counter.Next = saved;
        }
    }

    public void Nested(Action<VariableScope> compile) =>
        Nested(inner =>
        {
            compile(inner);
            return true;
        });

    public int BindSlot(string variable)
    {
        var slot = _counter.Next++;
        _counter.Maximum = Math.Max(_counter.Maximum, _counter.Next);
        _codes[variable] = AtomPattern.SlotCode(slot);
        return slot;
    }

    public void BindObject(string variable, int objectId) => _codes[variable] = objectId;

    public bool TryResolve(string variable, out int code)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._codes.TryGetValue(variable, out code))
            {
                return true;
            }
        }

        code = 0;
        return false;
    }

    private sealed class SlotCounter
    {
        public int Next { get; set; }

        public int Maximum { get; set; }
    }
}
