namespace RoboLam.Hardware.Motion;

/// <summary>
/// How one PDDL action becomes motion: its name and parameters (e.g. <c>pick ?b</c>) and the primitive steps
/// (e.g. <c>move-above ?b</c>, <c>open</c>, <c>descend ?b</c>, <c>close</c>, <c>lift</c>).
/// </summary>
public sealed record ActionBinding(string Action, IReadOnlyList<string> Parameters, IReadOnlyList<PrimitiveStep> Steps)
{
    public int Arity => Parameters.Count;
}

/// <summary>One primitive with its arguments: parameters (<c>?b</c>), named places, or <c>free-table-slot</c>.</summary>
public sealed record PrimitiveStep(PrimitiveKind Kind, IReadOnlyList<string> Arguments)
{
    public override string ToString() =>
        Arguments.Count == 0 ? PrimitiveNames.NameOf(Kind) : PrimitiveNames.NameOf(Kind) + " " + string.Join(' ', Arguments);
}

public enum PrimitiveKind
{
    /// <summary><c>move-above TARGET [CARRIED]</c>: travel at the safe height and stop at the approach height above the target.</summary>
    MoveAbove,

    /// <summary><c>descend TARGET [CARRIED]</c>: straight down to grasp the target, or to set the carried object on it.</summary>
    Descend,

    /// <summary><c>lift</c>: straight up to the travel height.</summary>
    Lift,

    /// <summary><c>open</c>: open the gripper.</summary>
    Open,

    /// <summary><c>close</c>: close the gripper.</summary>
    Close,

    /// <summary><c>move-to PLACE</c>: go to a named place (e.g. home) via the travel height.</summary>
    MoveTo,
}

/// <summary>The names primitives have in robot files, and how many arguments each takes.</summary>
public static class PrimitiveNames
{
    /// <summary>The reserved target that means "the first table slot with nothing on it".</summary>
    public const string FreeTableSlot = "free-table-slot";

    private static readonly (string Name, PrimitiveKind Kind, int MinArguments, int MaxArguments)[] s_table =
    [
        ("move-above", PrimitiveKind.MoveAbove, 1, 2),
        ("descend", PrimitiveKind.Descend, 1, 2),
        ("lift", PrimitiveKind.Lift, 0, 0),
        ("open", PrimitiveKind.Open, 0, 0),
        ("close", PrimitiveKind.Close, 0, 0),
        ("move-to", PrimitiveKind.MoveTo, 1, 1),
    ];

    public static IEnumerable<string> All => s_table.Select(entry => entry.Name);

    public static string NameOf(PrimitiveKind kind) => s_table.First(entry => entry.Kind == kind).Name;

    public static bool TryParse(string name, out PrimitiveKind kind, out int minArguments, out int maxArguments)
    {
        foreach (var entry in s_table)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                (kind, minArguments, maxArguments) = (entry.Kind, entry.MinArguments, entry.MaxArguments);
                return true;
            }
        }

        (kind, minArguments, maxArguments) = (default, 0, 0);
        return false;
    }
}
