using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Grounding;

/// <summary>What a reference means in the world: the objects, the table, several candidates to ask about, or nothing.</summary>
public sealed record Resolution
{
    private Resolution()
    {
    }

    public IReadOnlyList<WorldObject> Objects { get; private init; } = [];

    public bool IsSurface { get; private init; }

    /// <summary>Set when one thing was meant but several match: ask which.</summary>
    public IReadOnlyList<WorldObject> Candidates { get; private init; } = [];

    /// <summary>Set when nothing matches: why, in words.</summary>
    public string? Problem { get; private init; }

    /// <summary>Words of the phrase that the lexicon did not know and that were passed over.</summary>
    public IReadOnlyList<string> IgnoredWords { get; init; } = [];

    public bool IsAmbiguous => Candidates.Count > 0;

    public bool Failed => Problem is not null;

    public static Resolution Found(IReadOnlyList<WorldObject> objects) => new() { Objects = objects };

    public static Resolution Surface() => new() { IsSurface = true };

    public static Resolution Ambiguous(IReadOnlyList<WorldObject> candidates) => new() { Candidates = candidates };

    public static Resolution NotFound(string problem) => new() { Problem = problem };
}
