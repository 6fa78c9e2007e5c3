using RoboLam.Intent.Lexicons;

namespace RoboLam.Intent.Grounding;

/// <summary>
/// What a noun phrase says about the thing it means, read symbolically from its words: type, colour, size, side,
/// extremes (leftmost, top), ordinal, numbers, station label, a relation to another thing ("on the red one"),
/// or several phrases joined by "and".
/// </summary>
public sealed record Reference
{
    public required string Text { get; init; }

    public Quantity Quantity { get; init; } = Quantity.Definite;

    /// <summary>The world type the head noun names ("cube" → block), if any.</summary>
    public string? Type { get; init; }

    /// <summary>"one"/"ones": the type comes from an earlier phrase.</summary>
    public bool IsAnaphoric { get; init; }

    public string? Color { get; init; }

    public string? Size { get; init; }

    public string? Side { get; init; }

    /// <summary>leftmost, rightmost, top, bottom.</summary>
    public string? Extreme { get; init; }

    /// <summary>1 for "first"; -1 for "last"; counted from the left unless <see cref="OrdinalFromRight"/>.</summary>
    public int? Ordinal { get; init; }

    public bool OrdinalFromRight { get; init; }

    /// <summary>Part numbers: "part 3", "parts 2 and 3".</summary>
    public IReadOnlyList<int> Numbers { get; init; } = [];

    /// <summary>A station label: "the painting station" → painting.</summary>
    public string? Label { get; init; }

    /// <summary>An object named directly ("the tray", "p3").</summary>
    public string? Name { get; init; }

    /// <summary>The table (or "down").</summary>
    public bool IsSurface { get; init; }

    /// <summary>"the stack", "the tower".</summary>
    public bool IsStack { get; init; }

    public RelationKind? Relation { get; init; }

    public Reference? RelationTarget { get; init; }

    /// <summary>Phrases joined by "and": "the green and the yellow blocks".</summary>
    public IReadOnlyList<Reference> Conjuncts { get; init; } = [];

    /// <summary>Words the lexicon does not know; the last one of a phrase without a known noun is taken as its noun.</summary>
    public IReadOnlyList<string> UnknownWords { get; init; } = [];

    public bool HasContent =>
        Type is not null || IsAnaphoric || Color is not null || Size is not null || Side is not null || Extreme is not null
        || Ordinal is not null || Numbers.Count > 0 || Label is not null || Name is not null || IsSurface || IsStack
        || Relation is not null || Conjuncts.Count > 0 || UnknownWords.Count > 0;

    public bool IsPlural => Quantity is Quantity.Universal or Quantity.Dual or Quantity.PluralPronoun || Numbers.Count > 1 || Conjuncts.Count > 1;
}
