using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Grounding;

/// <summary>
/// Where a reference is being resolved: the types its slot accepts, the types its preposition suggests
/// ("into" → bins), the type "one" stands for, what "it"/"them" can mean, and whether the table may be meant.
/// </summary>
public sealed record ResolutionScope(
    IReadOnlySet<string> AllowedTypes,
    IReadOnlySet<string> PreferredTypes,
    string? AntecedentType,
    IReadOnlyList<WorldObject> Referents,
    bool AllowSurface);
