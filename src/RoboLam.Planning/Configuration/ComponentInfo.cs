namespace RoboLam.Planning.Configuration;

/// <summary>What kind of component a name stands for.</summary>
public enum ComponentKind
{
    Search,
    Heuristic,
}

/// <summary>A selectable planner component, as <c>robolam plan --list</c> shows it.</summary>
public sealed record ComponentInfo(string Name, ComponentKind Kind, string Usage, string Description);
