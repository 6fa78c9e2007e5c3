namespace RoboLam.Translation;

/// <summary>One number a stage reports about its output, such as <c>operators = 1532</c>.</summary>
public sealed record StageCount(string Name, int Value)
{
    public override string ToString() => $"{Name} {Value}";
}

/// <summary>What one translation stage did: its name, how long it took, and the size of what it produced.</summary>
public sealed record StageReport(string Name, TimeSpan Elapsed, IReadOnlyList<StageCount> Counts)
{
    public override string ToString() =>
        $"{Name}: {Elapsed.TotalMilliseconds:F1} ms ({string.Join(", ", Counts)})";
}
