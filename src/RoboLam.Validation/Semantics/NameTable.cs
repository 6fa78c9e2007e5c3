namespace RoboLam.Validation.Semantics;

/// <summary>Interns names as dense ids, so that atoms compare and hash as integers.</summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    public int Intern(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            id = _names.Count;
            _ids.Add(name, id);
            _names.Add(name);
        }

        return id;
    }

    public bool TryGetId(string name, out int id) => _ids.TryGetValue(name, out id);

    public string NameOf(int id) => _names[id];
}
