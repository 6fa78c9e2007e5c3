namespace RoboLam.Sim.Line;

/// <summary>
/// Where the parts of a simulated line really are and what has been done to them, shared by all its simulated
/// devices. Devices check an operation against it before they accept it and change it when they finish, so a
/// controller that ran two actions in the wrong order is caught by the line, not only by its own world model.
/// </summary>
public sealed class LineFloor
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Part> _parts = new(StringComparer.Ordinal);

    /// <summary>A floor from PDDL-style facts: <c>(at p s)</c>, <c>(drilled p)</c>, <c>(painted p c)</c>, <c>(inspected p)</c>; others are ignored.</summary>
    public static LineFloor FromFacts(IEnumerable<(string Predicate, IReadOnlyList<string> Arguments)> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var floor = new LineFloor();
        foreach (var (predicate, arguments) in facts)
        {
            switch (predicate)
            {
                case "at" when arguments.Count == 2:
                    floor.PartOf(arguments[0]).Station = arguments[1];
                    break;
                case "drilled" when arguments.Count == 1:
                    floor.PartOf(arguments[0]).Drilled = true;
                    break;
                case "painted" when arguments.Count == 2:
                    floor.PartOf(arguments[0]).Colour = arguments[1];
                    break;
                case "inspected" when arguments.Count == 1:
                    floor.PartOf(arguments[0]).Inspected = true;
                    break;
            }
        }

        return floor;
    }

    /// <summary>A new part arrives at <paramref name="station"/> (loaded onto the line); a part already known is moved there.</summary>
    public void Place(string part, string station)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(part);
        ArgumentException.ThrowIfNullOrWhiteSpace(station);
        lock (_gate)
        {
            PartOf(part).Station = station;
        }
    }

    /// <summary>A part is taken off the line (from the output, say); the line no longer knows it.</summary>
    /// <returns>False when the line did not know the part.</returns>
    public bool Remove(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        lock (_gate)
        {
            return _parts.Remove(part);
        }
    }

    /// <summary>Where <paramref name="part"/> is, or null when the line does not know it.</summary>
    public string? StationOf(string part)
    {
        lock (_gate)
        {
            return _parts.GetValueOrDefault(part)?.Station;
        }
    }

    public bool IsDrilled(string part)
    {
        lock (_gate)
        {
            return _parts.GetValueOrDefault(part)?.Drilled ?? false;
        }
    }

    public string? ColourOf(string part)
    {
        lock (_gate)
        {
            return _parts.GetValueOrDefault(part)?.Colour;
        }
    }

    public bool IsInspected(string part)
    {
        lock (_gate)
        {
            return _parts.GetValueOrDefault(part)?.Inspected ?? false;
        }
    }

    /// <summary>Runs <paramref name="change"/> on the part's record under the floor's lock; null when the part is unknown.</summary>
    internal string? Check(string part, Func<Part, string?> check)
    {
        lock (_gate)
        {
            return _parts.TryGetValue(part, out var record) ? check(record) : $"the line has no part \"{part}\"";
        }
    }

    internal void Change(string part, Action<Part> change)
    {
        lock (_gate)
        {
            change(PartOf(part));
        }
    }

    private Part PartOf(string name)
    {
        if (!_parts.TryGetValue(name, out var part))
        {
            part = new Part();
            _parts[name] = part;
        }

        return part;
    }

    internal sealed class Part
    {
        public string? Station { get; set; }

        public bool Drilled { get; set; }

        public string? Colour { get; set; }

        public bool Inspected { get; set; }
    }
}
